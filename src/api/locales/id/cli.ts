export default {
  common: {
    badJsonFile: 'Berkas {{file}} bukan JSON yang bisa dibaca.',
    unreadableFile: 'Berkas {{file}} tidak bisa dibaca.',
    unexpected: 'Ada yang salah: {{detail}}',
    notRunning: 'Lumbung sedang tidak berjalan.',
  },
  job: {
    declined: 'Ditolak: {{reason}}',
    noEngine:
      'Tidak ada mesin kontainer yang menjawab di sini, jadi pekerjaan tidak bisa dijalankan.',
    started: 'Pekerjaan {{id}} dimulai. Tekan Ctrl+C untuk menghentikannya.',
    stopping: 'Menghentikan pekerjaan…',
    timedOut: 'Waktu yang Anda berikan ({{seconds}} detik) habis; pekerjaan dihentikan.',
    exitCode: 'Kode keluar: {{code}}',
    exitCodeNone: 'Kode keluar: tidak ada (pekerjaan tidak selesai dengan sendirinya)',
    outcome: {
      succeeded: 'Pekerjaan selesai dengan baik.',
      failed: 'Pekerjaan gagal.',
      timeout: 'Waktu pekerjaan habis.',
      oom: 'Pekerjaan kehabisan memori.',
      stopped: 'Pekerjaan dihentikan.',
      interrupted: 'Pekerjaan terputus.',
    },
    resultsHash: 'Sidik hasil (sha256): {{hash}}',
    resultsDir: 'Hasil ada di {{dir}}',
    metering:
      'Waktu: {{running}} detik berjalan, {{paused}} detik dijeda, {{cpu}} detik waktu prosesor; memori puncak {{memory}} MiB',
    logTail: 'Keluaran terakhir:',
    noLog: '(tidak ada keluaran)',
    badTimeout: 'Batas waktu harus bilangan bulat detik, paling sedikit 1.',
    listEmpty: 'Lumbung tidak punya kontainer di komputer ini.',
    listHeader: 'Pekerjaan · keadaan · image · dibuat · node',
  },
  policy: {
    wouldRun: 'Akan berjalan: ya',
    wouldNotRun: 'Akan berjalan: tidak',
    why: 'Alasannya:',
    budget: 'Batas daya: {{watts}} W',
    budgetNone: 'Batas daya: tidak ada',
    nextChange: 'Berubah berikutnya: {{time}} ({{zone}})',
    nextChangeNone: 'Berubah berikutnya: tidak dengan sendirinya (hanya bila ada yang berubah)',
    at: 'Diperiksa untuk {{time}} ({{zone}})',
    badTime:
      'Waktu “{{value}}” tidak dimengerti. Tulis tanggal dan jam seperti 2026-03-29T01:30:00+01:00.',
    badZone:
      'Zona waktu “{{value}}” tidak dikenal. Tulis nama seperti Asia/Jakarta atau Europe/Berlin.',
    badNumber: '{{option}} harus angka, nol atau lebih (tertulis “{{value}}”).',
    badPercent: '{{option}} harus persen dari 0 sampai 100 (tertulis “{{value}}”).',
    badTemp: '{{option}} harus suhu dalam °C (tertulis “{{value}}”).',
  },
  wallet: {
    passwordFlag:
      'Kata sandi tidak pernah diterima lewat baris perintah: orang dan program lain di komputer ini bisa membacanya di sana. Ketik saat diminta, atau pakai --password-file BERKAS. Kalau Anda baru saja mengetik kata sandi asli, anggap sudah bocor dan segera ganti.',
    needTty:
      'Tidak ada papan ketik untuk meminta {{what}}. Jalankan di terminal, atau pakai {{option}}.',
    passwordPrompt: 'Kata sandi dompet: ',
    newPasswordPrompt: 'Kata sandi dompet baru (paling sedikit 8 karakter): ',
    repeatPasswordPrompt: 'Ketik kata sandi sekali lagi: ',
    passwordsDiffer: 'Kedua kata sandi tidak sama. Tidak ada yang diubah.',
    passwordEmpty: 'Berkas kata sandi {{file}} kosong.',
    secretPrompt: 'Frasa pemulihan atau kunci pribadi (tidak ditampilkan): ',
    wordPrompt: 'Kata nomor {{position}}: ',
    confirmPrompt: 'Ketik yes untuk mengirim, atau apa saja untuk batal: ',
    created: 'Alamat dompet baru Anda: {{address}}.',
    phraseWarning:
      'Tulis 12 kata ini di kertas, berurutan, dan simpan baik-baik. Hanya dengan kata-kata ini uang Anda bisa dipulihkan. Kata-kata ini tidak akan ditampilkan lagi. Jangan pernah mengetiknya di situs web atau memberikannya kepada siapa pun.',
    challenge: 'Untuk memastikan kata-kata sudah tertulis, ketik kembali tiga di antaranya.',
    backedUp: 'Cadangan sudah dipastikan. Penarikan sekarang bisa dilakukan.',
    confirmLater:
      'Pastikan cadangan Anda nanti dengan: lumbung wallet confirm-backup (penarikan belum bisa sampai saat itu).',
    wordsFileCount: 'Berkas kata harus berisi seluruh frasa (ditemukan {{count}} kata).',
    imported: 'Dompet sudah dimasukkan. Alamat: {{address}}',
    address: 'Alamat: {{address}}',
    stateLine: 'Keadaan: {{state}}, cadangan dipastikan: {{backedUp}}',
    noWallet: 'Belum ada dompet di sini. Buat dengan: lumbung wallet create',
    noChain:
      'Belum ada blockchain yang dikenal. Jalankan Lumbung sekali, atau berikan --rpc URL (dan --token ALAMAT untuk saldo token).',
    nativeBalance: 'Koin asli: {{amount}}',
    tokenBalance: 'Token: {{amount}} {{symbol}}',
    tokenUnknown: 'Token: tidak diketahui (tidak ada alamat token; berikan --token ALAMAT)',
    chain: 'Nomor jaringan (chain id): {{chainId}}',
    badAmount:
      'Jumlah “{{value}}” bukan jumlah token yang positif (paling banyak 18 angka desimal).',
    badChainId: 'Nomor jaringan harus bilangan bulat positif.',
    badAddress: '“{{value}}” bukan alamat (0x lalu 40 karakter heksadesimal).',
    badRpc: '“{{value}}” bukan alamat http(s) atau ws(s).',
    quote:
      'Mengirim {{amount}} {{asset}} ke {{to}}. Biaya jaringan (gas) sekitar {{gas}}; koin asli yang keluar dari dompet: {{total}}.',
    cancelled: 'Dibatalkan. Tidak ada yang dikirim.',
    needYes: 'Tanpa terminal untuk konfirmasi, tambahkan --yes untuk mengirim.',
    sent: 'Terkirim. Transaksi: {{txHash}}',
    unlockedRemote: 'Lumbung yang sedang berjalan sudah terbuka.',
    lockedRemote: 'Lumbung yang sedang berjalan sudah terkunci.',
    passwordOk:
      'Kata sandinya benar. Lumbung tidak sedang berjalan, jadi tidak ada yang perlu tetap terbuka; jalankan dengan lumbung serve.',
    lockedAlready:
      'Lumbung tidak sedang berjalan, jadi dompet terkunci: dompet hanya terbuka di dalam Lumbung yang berjalan.',
  },
} as const;
