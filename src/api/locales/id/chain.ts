export default {
  errors: {
    insufficientFunds:
      'Dompet ini tidak punya cukup koin untuk membayar biaya jaringan (gas). Isi sedikit, lalu coba lagi.',
    nonceTooLow:
      'Dompet ini sudah mengirim transaksi dengan nomor yang sama. Tunggu sebentar, lalu coba lagi.',
    wrongChain:
      'Tersambung ke blockchain yang salah: seharusnya jaringan {{expected}}, tetapi yang tersambung {{actual}}.',
    chainMismatch:
      'Transaksi ini dibuat untuk blockchain lain, bukan yang sedang tersambung. Periksa pengaturan jaringan.',
    rpcUnreachable:
      'Tidak bisa menghubungi blockchain. Periksa koneksi internet atau alamat jaringan.',
    timeout: 'Blockchain tidak menjawab tepat waktu. Coba lagi sebentar lagi.',
    rejected: 'Kontrak menolak transaksi ini.',
    unknown: 'Blockchain mengembalikan kesalahan: {{detail}}',
  },
  contract: {
    nothingToClaim: 'Tidak ada yang baru untuk diambil: pembayaran ini sudah diambil.',
    badSignature:
      'Voucher pembayaran ini tidak ditandatangani oleh jaringan, atau dibuat untuk blockchain lain.',
    expired: 'Voucher pembayaran ini sudah kedaluwarsa. Minta voucher baru dari jaringan.',
    insufficient:
      'Kontrak pembayaran belum punya cukup token ({{available}} tersedia, {{needed}} dibutuhkan). Coba lagi nanti.',
    zeroAmount: 'Jumlahnya harus lebih dari nol.',
    zeroAddress: 'Ada alamat yang belum diisi.',
    paused: 'Pembayaran sedang dihentikan sementara oleh jaringan. Coba lagi nanti.',
    notOwner: 'Hanya pemilik kontrak yang boleh melakukan ini.',
    notAllowed: 'Dompet ini tidak diizinkan melakukan ini.',
    insufficientStake: 'Anda meminta {{requested}}, tetapi yang di-stake hanya {{staked}}.',
    nothingToWithdraw: 'Tidak ada token yang menunggu untuk ditarik.',
    stillUnbonding:
      'Token Anda masih dalam proses dibuka. Anda bisa menariknya setelah {{releaseAt}}.',
    nothingToSlash: 'Node ini tidak punya stake yang bisa diambil.',
    evidenceReused: 'Bukti ini sudah pernah dipakai untuk denda.',
    tokenBalanceLow: 'Token tidak cukup: ada {{balance}}, dibutuhkan {{needed}}.',
    tokenAllowanceLow:
      'Kontrak belum diizinkan memindahkan token ini. Setujui dulu, lalu coba lagi.',
  },
  artifact: {
    missing: 'Berkas kontrak {{name}} tidak ditemukan. Jalankan build terlebih dahulu.',
    invalid: 'Berkas kontrak {{name}} rusak. Jalankan build lagi.',
  },
  anvil: {
    missing: 'Program blockchain lokal (anvil) tidak ditemukan. Pasang ulang aplikasi.',
    startFailed: 'Blockchain lokal gagal dijalankan: {{detail}}',
  },
  voucher: {
    invalid: 'Voucher pembayaran tidak sah: {{detail}}',
    wrongSigner: 'Voucher pembayaran tidak ditandatangani oleh pembayar jaringan.',
  },
} as const;
