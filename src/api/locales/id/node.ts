export default {
  decline: {
    noGpuFree:
      'Pekerjaan ini butuh lebih banyak kartu grafis daripada yang dibagikan komputer ini. Tawaran ditolak.',
    busy: 'Komputer ini sedang mengerjakan pekerjaan lain. Tawaran ditolak.',
    notNow: 'Berbagi tidak diizinkan sekarang ({{why}}). Tawaran ditolak.',
    notSharing: 'Berbagi sedang dimatikan. Tawaran ditolak.',
  },
  job: {
    failed: 'Pekerjaan berakhir tanpa hasil ({{outcome}}).',
    preempted: 'Pekerjaan dihentikan agar Anda bisa memakai kartu grafis Anda.',
  },
  power: {
    powerLimit: 'Dijaga dengan mengatur batas daya kartu ke {{watts}} W.',
    dutyCycle:
      'Dijaga dengan menjeda pekerjaan sesekali (tidak ada izin mengatur batas daya kartu).',
    noGpu: 'Tidak perlu batas daya: pekerjaan ini berjalan di prosesor.',
  },
} as const;
