export default {
  tray: {
    starting: 'Lumbung sedang dimulai…',
    open: 'Buka Lumbung',
    sharing: 'Bagikan GPU saya',
    quit: 'Keluar dari Lumbung',
  },
  error: {
    senderRefused: 'Permintaan ini tidak datang dari jendela Lumbung, jadi ditolak.',
    startFailed: 'Lumbung tidak bisa dimulai: {{detail}}',
    startFailedTitle: 'Lumbung tidak bisa dimulai',
  },
  start: {
    noElectron:
      'Jendela aplikasi Lumbung (Electron) tidak terpasang di komputer ini karena file programnya tidak diunduh. Lumbung dijalankan tanpa jendela: buka tautan di bawah ini di peramban (browser) Anda.',
  },
} as const;
