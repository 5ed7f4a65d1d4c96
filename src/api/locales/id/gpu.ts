export default {
  problem: {
    toolMissing: '{{tool}} belum terpasang di komputer ini.',
    nvidia: {
      noDriver: 'Driver NVIDIA tidak berjalan, jadi kartu grafis tidak bisa dihubungi.',
      versionMismatch: 'Driver NVIDIA sudah diperbarui, tetapi yang lama masih dipakai.',
      versionMismatchWithVersion:
        'Driver NVIDIA sudah diperbarui (ke {{version}}), tetapi yang lama masih dipakai.',
      noDevices: 'Driver NVIDIA terpasang, tetapi tidak menemukan kartu grafis NVIDIA.',
      permission: 'Perubahan ini butuh hak administrator.',
      gpuLost: 'Kartu grafis berhenti merespons komputer.',
      libraryMissing: 'Sebagian driver NVIDIA hilang.',
      failed: 'Alat NVIDIA melaporkan kesalahan (kode {{code}}).',
      timeout: 'Driver NVIDIA tidak menjawab tepat waktu.',
      unreadable: 'Jawaban alat NVIDIA tidak bisa dibaca.',
    },
    rocm: {
      failed: 'Alat AMD melaporkan kesalahan (kode {{code}}).',
      timeout: 'Driver AMD tidak menjawab tepat waktu.',
      unreadable: 'Jawaban alat AMD tidak bisa dibaca.',
    },
    si: {
      missing: 'Pemeriksa perangkat keras tidak ada di instalasi ini.',
      timeout: 'Memeriksa perangkat keras terlalu lama.',
      failed: 'Gagal memeriksa perangkat keras.',
    },
    sampler: {
      stopped: 'Pembacaan langsung kartu grafis berhenti; sedang dicoba lagi.',
    },
  },
  verdict: {
    headline: {
      ready: '{{model}} Anda siap dibagikan.',
      readyMany: '{{count}} kartu grafis siap dibagikan.',
      driverNotAnswering: 'Kartu grafis Anda tidak menjawab, jadi belum bisa dibagikan sekarang.',
      driverBroken:
        'Driver grafis NVIDIA Anda tidak berfungsi, jadi kartunya belum bisa dibagikan.',
      driverMissing: 'Kartu grafis NVIDIA Anda perlu drivernya dulu sebelum bisa dibagikan.',
      migNoInstances:
        '{{model}} Anda dibagi menjadi beberapa bagian (MIG), tetapi belum ada bagian yang dibuat.',
      tooLittleMemory:
        '{{model}} Anda memorinya terlalu kecil ({{vramMiB}} MiB) untuk pekerjaan bersama.',
      amdNotYet: 'Kartu AMD seperti {{model}} Anda belum bisa dibagikan.',
      unsupported: '{{model}} Anda belum bisa dibagikan.',
      integratedOnly:
        'Komputer ini hanya punya grafis bawaan, yang terlalu kecil untuk disewakan. Lumbung tetap bisa menjalankan pekerjaan prosesor kecil.',
      noGpu: 'Tidak ada kartu grafis. Lumbung tetap bisa menjalankan pekerjaan prosesor kecil.',
    },
    reason: {
      multiGpu: '{{count}} kartu bisa dibagikan; masing-masing bisa menerima pekerjaannya sendiri.',
      mig: '{{model}} Anda dibagi menjadi {{instances}} bagian (MIG); tiap bagian bisa menerima pekerjaan.',
      migNoInstances:
        'MIG di {{model}} Anda menyala tetapi belum ada bagian yang dibuat, jadi tidak ada yang bisa berjalan.',
      driverOlderThanCard:
        'Driver NVIDIA Anda lebih tua dari kartunya dan belum mengenali namanya.',
      tooLittleMemory:
        '{{model}} Anda hanya punya memori {{vramMiB}} MiB; pekerjaan bersama butuh paling sedikit 2 GiB.',
      amdNotYet: '{{model}} Anda adalah kartu AMD; berbagi kartu AMD belum didukung.',
      unsupported: '{{model}} Anda belum bisa dibagikan oleh Lumbung.',
      hybrid:
        'Komputer Anda punya grafis bawaan dan kartu terpisah; Lumbung hanya memakai kartu terpisah.',
      integratedOnly:
        'Grafis bawaan memakai memori komputer dan terlalu lambat untuk pekerjaan bersama.',
      displayAdapterIgnored: '{{model}} hanya untuk layar, bukan kartu grafis yang bisa dibagikan.',
      cpuJobsStillPossible: 'Anda tetap bisa membagikan prosesor untuk pekerjaan prosesor kecil.',
    },
    fix: {
      installNvidiaDriver:
        'Pasang driver NVIDIA terbaru dari nvidia.com atau alat driver sistem Anda.',
      updateNvidiaDriver: 'Perbarui driver NVIDIA Anda ke versi terbaru.',
      restart: 'Nyalakan ulang komputer Anda.',
      checkCard: 'Jika terjadi lagi, periksa apakah kartu terpasang kuat dan mendapat daya.',
      migInstances: 'Minta orang yang mengatur MIG untuk membuat bagian GPU, atau matikan MIG.',
    },
  },
  powerLimit: {
    permission:
      'Lumbung tidak diizinkan mengubah batas daya kartu; daya akan dibatasi dengan menjeda pekerjaan.',
    notSupported:
      'Batas daya kartu ini tidak bisa diubah; daya akan dibatasi dengan menjeda pekerjaan.',
    outOfRange: '{{watts}} W di luar batas yang diizinkan kartu ini ({{minW}}–{{maxW}} W).',
  },
} as const;
