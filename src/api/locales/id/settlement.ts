export default {
  store: {
    malformed:
      'Voucher pembayaran dari jaringan rusak atau tidak lengkap ({{field}}). Voucher tidak disimpan.',
    wrongChain:
      'Voucher pembayaran dibuat untuk blockchain {{actual}}, padahal jaringan ini memakai {{expected}}. Voucher tidak disimpan.',
    wrongVault:
      'Voucher pembayaran menyebut kontrak pembayaran yang tidak dipakai jaringan ini ({{vault}}). Voucher tidak disimpan.',
    wrongNode: 'Voucher pembayaran dibuat untuk komputer lain ({{node}}). Voucher tidak disimpan.',
    wrongPayout:
      'Voucher pembayaran akan membayar ke dompet lain ({{payout}}). Voucher tidak disimpan.',
    badSignature: 'Tanda tangan voucher pembayaran rusak. Voucher tidak disimpan.',
    wrongSigner:
      'Voucher pembayaran ditandatangani oleh {{signer}}, bukan oleh pembayar jaringan {{payer}}. Voucher tidak disimpan.',
    notNewer:
      'Voucher pembayaran ini ({{cumulative}}) tidak lebih baru dari yang sudah disimpan ({{stored}}); tidak ada yang berubah.',
    unreadable:
      'Berkas voucher pembayaran {{path}} tidak bisa dibaca. Berkas dibiarkan apa adanya; pulihkan dari cadangan atau minta bantuan.',
  },
  claim: {
    noChain: 'Klaim memerlukan blockchain jaringan, dan jaringan ini belum punya di sini.',
    noVoucher: 'Belum ada yang bisa diklaim: jaringan belum mengirim voucher pembayaran.',
    nothingToClaim:
      'Tidak ada yang baru untuk diklaim: semua penghasilan sejauh ini sudah dibayarkan.',
    inFlight:
      'Sebuah klaim sedang diproses (transaksi {{txHash}}). Tunggu sampai dikonfirmasi sebelum mengklaim lagi.',
    unconfirmed:
      'Klaim sudah dikirim (transaksi {{txHash}}) tetapi blockchain belum mengonfirmasinya. Lumbung akan memeriksa lagi dan mencatatnya satu kali.',
    failed:
      'Transaksi klaim {{txHash}} tidak berhasil. Tidak ada yang dibayar; Anda bisa mencoba lagi.',
    error: 'Klaim tidak bisa dilakukan. Coba lagi sebentar lagi.',
  },
  chainConfig: {
    unreadable: 'Berkas pengaturan jaringan {{path}} tidak bisa dibaca.',
    invalid: 'Berkas pengaturan jaringan {{path}} berisi nilai yang salah ({{field}}).',
  },
  stake: {
    notConfigured:
      'Jaringan ini tidak menyediakan jaminan (stake), jadi fitur jaminan tidak tersedia.',
    insufficientTokens:
      'Dompet Anda berisi {{balance}} token; untuk menjaminkan {{needed}} perlu lebih banyak.',
    insufficientStake:
      'Token yang Anda stake hanya {{staked}}, kurang dari {{requested}} yang ingin Anda tarik dari stake.',
    nothingUnbonding: 'Tidak ada token yang menunggu untuk ditarik. Minta penarikan stake dulu.',
    stillUnbonding:
      'Token yang ditarik dari stake masih terkunci. Anda bisa menariknya mulai {{releaseAt}}.',
  },
  reputation: {
    good: 'Reputasi Anda baik ({{score}} dari 100).',
    fair: 'Reputasi Anda cukup ({{score}} dari 100).',
    poor: 'Reputasi Anda rendah ({{score}} dari 100); Anda mungkin mendapat lebih sedikit pekerjaan.',
    committedHours: 'Sejauh ini Anda menjanjikan {{hours}} jam ketersediaan.',
    missedHeartbeats:
      'Komputer Anda {{count}} kali tidak bisa dihubungi padahal sudah janji tersedia.',
    slashed: 'Sebagian stake Anda diambil {{count}} kali karena komputer tidak aktif.',
    howToImprove:
      'Untuk memperbaikinya, biarkan komputer menyala dan terhubung selama jam yang Anda bagikan, atau bagikan lebih sedikit jam.',
  },
  proof: {
    invalid: 'Berkas bukti rusak atau bukan bukti bulanan Lumbung ({{field}}).',
    totalMismatch:
      'Total di bukti ({{stated}}) tidak sama dengan jumlah pekerjaannya ({{actual}}).',
    duplicateJob: 'Pekerjaan {{jobId}} tercantum dua kali.',
    voucherSignature:
      'Voucher pembayaran untuk pekerjaan {{jobId}} tidak ditandatangani oleh pembayar yang disebutkan.',
    receiptSignature:
      'Tanda terima pemakaian pekerjaan {{jobId}} tidak ditandatangani oleh komputer ini.',
    notCovered:
      'Pekerjaan {{jobId}} tidak tercakup oleh voucher pembayarannya: jumlahnya tidak cocok.',
    claimUnlisted:
      'Pekerjaan {{jobId}} menyebut pembayaran {{txHash}} yang tidak ada di daftar bukti.',
    claimDoesNotCover: 'Pembayaran {{txHash}} tidak mencakup pekerjaan {{jobId}}.',
    wrongChain:
      'Pembayaran {{txHash}} ada di blockchain {{expected}}, tetapi pemeriksaan memakai blockchain {{actual}}.',
    claimNotFound: 'Pembayaran {{txHash}} tidak ada di blockchain.',
    claimReverted: 'Pembayaran {{txHash}} gagal di blockchain: tidak ada yang dibayar olehnya.',
    claimNoEvent: 'Transaksi {{txHash}} bukan pembayaran dari kontrak pembayaran.',
    claimMismatch:
      'Pembayaran {{txHash}} di blockchain punya {{field}} yang berbeda dari yang tertulis di bukti.',
    voucherMissing:
      'Voucher pembayaran untuk pekerjaan {{jobId}} tidak ada di komputer ini, jadi bukti tidak bisa dibuat.',
    claimUnknown:
      'Pembayaran {{txHash}} tidak dikenal di komputer ini, jadi bukti tidak bisa dibuat.',
  },
  verify: {
    ok: '{{month}}: semuanya cocok dengan blockchain — {{jobs}} pekerjaan dibayar, {{claims}} pembayaran, {{total}} token.',
    failed:
      '{{month}}: {{count}} hal tidak cocok ({{jobs}} pekerjaan dibayar, {{claims}} pembayaran, {{total}} token):',
    exported: 'Bukti disimpan di {{file}}.',
    noRpc: 'Tidak ada alamat blockchain untuk pemeriksaan. Berikan dengan --rpc.',
    otherMonth: 'Bukti ini untuk {{month}}, bukan {{asked}}.',
    proofUnreadable: 'Berkas bukti {{file}} tidak bisa dibaca.',
    unexpected: 'Pemeriksaan tidak bisa diselesaikan: {{detail}}',
  },
} as const;
