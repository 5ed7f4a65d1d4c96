export default {
  reason: {
    onBattery: 'Tidak berbagi saat memakai baterai. Colokkan ke listrik untuk berbagi.',
    hot: 'Dijeda — GPU sedang panas ({{temp}}°C). Lanjut lagi setelah di bawah {{resume}}°C.',
    hotNoReading:
      'Dijeda — GPU tadi panas dan suhunya tidak terbaca sekarang. Lanjut lagi setelah di bawah {{resume}}°C.',
    ownerActive:
      'Dijeda — Anda sedang memakai komputer. Lanjut lagi {{minutes}} menit setelah Anda selesai.',
    foreignGpu:
      'Dijeda — ada program lain yang memakai GPU ({{programs}}). Lanjut lagi {{minutes}} menit setelah program itu berhenti.',
    foreignGpuUnnamed:
      'Dijeda — ada program lain yang memakai GPU. Lanjut lagi {{minutes}} menit setelah program itu berhenti.',
    blockingProgram:
      'Dijeda — {{program}} sedang terbuka. Lanjut lagi {{minutes}} menit setelah program itu ditutup.',
    quietPeriod:
      'Dijeda — menunggu sampai komputer benar-benar tidak dipakai. Lanjut lagi pukul {{time}}.',
    awayUnknown:
      'Menunggu — komputer ini tidak bisa tahu apakah Anda sedang pergi, jadi “Saat saya pergi” tidak bisa dimulai. Pilih jam lain.',
    outsideHours: 'Menunggu — di luar jam berbagi Anda. Mulai pukul {{time}}.',
    noHours: 'Menunggu — jam berbagi belum diatur. Pilih jam Anda untuk mulai berbagi.',
    noSurplus: 'Menunggu — sisa listrik tidak cukup ({{available}} W; GPU butuh {{needed}} W).',
    sharing: 'Rencana Anda mengizinkan berbagi sekarang.',
    sharingUntil: 'Rencana Anda mengizinkan berbagi sampai pukul {{time}}.',
  },
  info: {
    stoppingForYou: 'Pekerjaan dihentikan supaya program Anda bisa memakai seluruh kartu grafis.',
    powerCap: 'Daya dibatasi sampai {{watts}} W.',
    energyBudget: 'Memakai sisa listrik: paling banyak {{watts}} W.',
    capBelowCardMinimum:
      'Batas daya Anda ({{watts}} W) lebih rendah dari batas terendah kartu ini ({{minimum}} W), jadi pekerjaan dijeda dan dilanjutkan bergantian supaya tetap di bawah batas.',
    capUnresolved:
      'Batas daya dalam persen tidak bisa dipakai: kartu ini tidak memberi tahu batas daya normalnya. Atur batas dalam watt saja.',
  },
  preset: {
    overnight: {
      name: 'Malam hari',
      description: 'Setiap malam, pukul 23:00 sampai 07:00.',
    },
    eveningsWeekends: {
      name: 'Malam & akhir pekan',
      description:
        'Senin sampai Jumat pukul 18:00 sampai 08:00 esok paginya, dan seharian Sabtu dan Minggu.',
    },
    always: {
      name: 'Selalu',
      description: 'Kapan saja selama Anda tidak memakai komputer.',
    },
    whenAway: {
      name: 'Saat saya pergi',
      description: 'Hanya saat Anda tidak memakai keyboard dan mouse.',
    },
    custom: {
      name: 'Jam saya sendiri',
      description: 'Pilih jamnya di jadwal mingguan.',
    },
  },
  capMethod: {
    none: 'Tanpa batas daya.',
    powerLimit: 'Batas daya kartu grafis sudah diatur.',
    dutyCycle: 'Pekerjaan dijeda dan dilanjutkan bergantian supaya rata-rata dayanya tetap rendah.',
  },
  error: {
    invalidTimeZone: 'Zona waktu ini tidak dikenal.',
    invalidClock: 'Jam harus ditulis seperti 23:00.',
    invalidPowerCap: 'Batas daya ini di luar jangkauan.',
  },
} as const;
