export default {
  error: {
    unknownMethod: 'Aplikasi meminta sesuatu yang tidak dikenal ({{method}}).',
    badInput: 'Nilai itu tidak valid, jadi tidak ada yang diubah.',
    internal: 'Terjadi kesalahan di dalam Lumbung. Tidak ada yang diubah.',
    badReply: 'Lumbung mengirim jawaban yang tidak bisa dibaca layar.',
    unavailable: 'Ini belum tersedia sekarang.',
  },
  state: {
    off: 'Nonaktif',
    blocked: 'Perlu perhatian',
    waiting: 'Menunggu',
    ready: 'Siap',
    running: 'Bekerja',
    paused: 'Dijeda',
    error: 'Masalah',
  },
  status: {
    off: 'Berbagi nonaktif. Komputer Anda sepenuhnya milik Anda.',
    blocked: 'Berbagi aktif, tetapi ada yang harus diperbaiki dulu.',
    ready: 'Siap — menunggu pekerjaan dari jaringan.',
    running: 'Sedang mengerjakan pekerjaan untuk jaringan.',
    connecting: 'Menghubungkan ke jaringan…',
    error: 'Lumbung mengalami masalah: {{detail}}',
  },
  check: {
    engine: 'Mesin kontainer (menjalankan pekerjaan dengan aman)',
    gpu: 'Kartu grafis',
    wallet: 'Dompet untuk menerima bayaran',
    network: 'Koneksi jaringan',
    engineOk: 'Docker sedang berjalan (versi {{version}}).',
    walletOk: 'Bayaran masuk ke {{address}}.',
    walletMissing: 'Anda perlu dompet agar jaringan bisa membayar Anda.',
    walletFix: 'Buka Dompet dan buat satu (2 menit).',
    walletNotBackedUp:
      'Bayaran masuk ke {{address}}, tetapi 12 kata pemulihannya belum dikonfirmasi. Tanpa kata itu, komputer rusak berarti penghasilan hilang.',
    walletBackupFix: 'Buka Dompet dan konfirmasi kata pemulihan Anda (1 menit).',
    networkOk: 'Terhubung ke {{url}}.',
    networkDown: 'Belum terhubung ke jaringan.',
    networkNone: 'Lumbung dijalankan tanpa jaringan, jadi tidak ada pekerjaan yang bisa datang.',
    networkNoneFix: 'Jalankan ulang tanpa --no-network (atau dengan --network URL) untuk berbagi.',
  },
  notice: {
    settingsDamaged:
      'Berkas pengaturan Anda rusak, jadi Lumbung mulai dengan pengaturan bawaan. Berkas lama disimpan sebagai {{file}}.',
    jobsInterrupted:
      '{{count}} pekerjaan terhenti saat Lumbung terakhir berhenti; sudah dibersihkan.',
    jobsInterrupted_one:
      'Satu pekerjaan terhenti saat Lumbung terakhir berhenti; sudah dibersihkan.',
    jobsInterrupted_other:
      '{{count}} pekerjaan terhenti saat Lumbung terakhir berhenti; sudah dibersihkan.',
    powerLimitRestored:
      'Batas daya kartu grafis dikembalikan ke {{watts}} W setelah berhenti tak terduga.',
  },
} as const;
