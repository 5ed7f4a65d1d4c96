export default {
  errors: {
    wrongPassword: 'Kata sandinya salah. Coba lagi.',
    badInput: 'Ada isian yang belum benar ({{field}}).',
    noWallet:
      'Belum ada dompet di komputer ini. Buat dompet baru atau masukkan dompet yang sudah ada.',
    walletExists:
      'Komputer ini sudah punya dompet. Untuk memakai dompet lain, hapus dulu dompet yang sekarang dengan kata sandinya.',
    watchOnly:
      'Ini alamat pantau saja: pembayaran masuk ke sana, tetapi aplikasi ini tidak bisa mengirim dari alamat itu. Pakai aplikasi dompet Anda sendiri untuk membelanjakan.',
    locked: 'Dompet sedang terkunci. Masukkan kata sandi untuk membukanya.',
    rememberUnavailable:
      'Komputer ini tidak punya tempat aman untuk mengingat kata sandi Anda. Anda perlu mengetiknya setiap kali.',
  },
  keystore: {
    corrupt:
      'Berkas dompet rusak dan tidak bisa dibuka. Pulihkan dompet dengan kata pemulihan Anda.',
    unreadable: 'Berkas dompet tidak bisa dibaca. Pastikan aplikasi boleh memakai folder datanya.',
  },
  mnemonic: {
    wordCount:
      'Frasa pemulihan terdiri dari 12, 15, 18, 21, atau 24 kata. Anda memasukkan {{count}} kata.',
    unknownWord: 'Kata ke-{{position}} bukan kata pemulihan. Periksa ejaannya.',
    badChecksum:
      'Semua katanya benar, tetapi susunannya tidak membentuk frasa yang sah. Periksa urutannya dan cari kata yang tertukar.',
    badPath: 'Jalur akun tidak sah. Kosongkan saja untuk memakai jalur yang biasa.',
  },
  key: {
    notHex: 'Kunci pribadi hanya berisi angka 0–9 dan huruf a–f.',
    wrongLength: 'Kunci pribadi panjangnya 64 karakter (tanpa 0x). Yang ini {{length}} karakter.',
    outOfRange:
      'Ini bukan kunci pribadi yang bisa dipakai. Pastikan Anda menyalin kuncinya secara utuh.',
  },
  address: {
    malformed: 'Ini bukan alamat dompet. Alamat diawali 0x lalu 40 karakter.',
    badChecksum:
      'Alamat ini salah ketik: huruf besar-kecilnya tidak cocok. Salin dan tempel lagi, jangan diketik.',
    zero: 'Ini alamat kosong (semuanya nol). Uang yang dikirim ke sana hilang selamanya.',
  },
  backup: {
    noPhrase:
      'Dompet ini dimasukkan dengan kunci pribadi, jadi tidak ada kata pemulihan untuk ditampilkan.',
    alreadyDone: 'Kata pemulihan Anda sudah dikonfirmasi.',
    noChallenge: 'Mulai lagi pemeriksaannya: minta dulu nomor-nomor katanya.',
    wrongPositions: 'Isi tepat nomor-nomor kata yang diminta saja.',
    wrongWords: 'Belum tepat: kata ke-{{positions}} tidak cocok. Lihat lagi kertas catatan Anda.',
  },
  device: {
    vaultUnavailable:
      'Komputer ini tidak punya tempat aman untuk menyimpan kunci tanda tangan aplikasi. Berbagi belum bisa dimulai.',
    unreadable:
      'Kunci tanda tangan aplikasi di komputer ini tidak bisa dibuka lagi. Buat yang baru; dompet dan uang Anda tidak terpengaruh.',
    otherVault:
      'Kunci tanda tangan aplikasi disimpan dengan {{stored}}, tetapi komputer ini sekarang memakai {{current}}. Buat yang baru; dompet dan uang Anda tidak terpengaruh.',
    badBinding:
      'Tanda tangan ini tidak menghubungkan komputer ini dengan alamat pembayaran Anda. Tanda tangani teks persis seperti yang ditampilkan.',
  },
  receipt: {
    malformed: 'Tanda terima pemakaian ini tidak lengkap atau bentuknya salah.',
    badSignature:
      'Tanda terima pemakaian ini tidak ditandatangani oleh komputer yang disebutkan, atau ditujukan untuk jaringan lain.',
    nonceReused: 'Tanda terima pemakaian ini (nomor {{nonce}}) sudah pernah dihitung.',
    notThisNode:
      'Tanda terima pemakaian ini menyebut komputer lain, jadi komputer ini tidak akan menandatanganinya.',
  },
  chain: {
    notConfigured: 'Jaringan belum diatur, jadi saldo dan pembayaran belum tersedia.',
    noToken: 'Jaringan ini belum punya token hadiah.',
    rpcUnreachable:
      'Tidak bisa terhubung ke blockchain. Periksa koneksi internet Anda lalu coba lagi.',
    badAnswer: 'Jawaban dari blockchain tidak masuk akal. Coba lagi nanti.',
    insufficientFunds: 'Koin di dompet tidak cukup untuk jumlah ini ditambah biaya jaringan.',
    nonceTooLow:
      'Ada pembayaran lain dari dompet ini yang lebih dulu sampai. Tunggu sebentar lalu coba lagi.',
    pendingTransaction:
      'Pembayaran sebelumnya dari dompet ini masih menunggu. Tunggu sampai selesai.',
    wrongChain:
      'Terhubung ke blockchain yang salah (nomor {{actual}}, seharusnya {{expected}}). Tidak ada yang terkirim. Periksa pengaturan jaringan.',
    wrongChainUnknown:
      'Blockchain menolak pembayaran ini karena dibuat untuk jaringan lain. Tidak ada yang terkirim.',
    rejected: 'Blockchain menolak pembayaran ini. Tidak ada yang terkirim.',
    failed: 'Ada masalah saat menghubungi blockchain. Tidak ada yang terkirim. Coba lagi nanti.',
  },
  withdraw: {
    notBackedUp:
      'Konfirmasi dulu kata pemulihan Anda. Sampai itu selesai, tidak ada yang bisa dikirim dari dompet ini.',
    insufficientTokens: 'Token di dompet tidak cukup untuk jumlah ini.',
    insufficientGas:
      'Tokennya cukup, tetapi koin untuk biaya jaringan tidak cukup. Tambahkan sedikit lalu coba lagi.',
    zeroAmount: 'Jumlahnya harus lebih dari nol.',
  },
  tx: {
    notFound:
      'Blockchain tidak mengenal pembayaran ini. Mungkin sudah dibatalkan; periksa saldo Anda sebelum mencoba lagi.',
  },
} as const;
