export default {
  decline: {
    malformed: 'Pekerjaan ditolak: keterangannya rusak atau tidak lengkap ({{field}}).',
    unknownField: 'Pekerjaan ditolak: meminta sesuatu yang tidak disediakan Lumbung ({{field}}).',
    privileged: 'Pekerjaan ditolak: meminta kendali penuh atas komputer Anda ({{field}}).',
    hostMount: 'Pekerjaan ditolak: meminta melihat atau mengubah berkas Anda sendiri ({{field}}).',
    hostNamespace:
      'Pekerjaan ditolak: meminta melihat program lain atau jaringan Anda ({{field}}).',
    capAdd: 'Pekerjaan ditolak: meminta hak sistem tambahan ({{field}}).',
    devices: 'Pekerjaan ditolak: meminta akses langsung ke perangkat Anda ({{field}}).',
    securityOverride: 'Pekerjaan ditolak: meminta mematikan pengaman ({{field}}).',
    forbiddenEnv: 'Pekerjaan ditolak: mencoba mengubah cara driver kartu grafis dimuat ({{name}}).',
    imageNotPinned:
      'Pekerjaan ditolak: programnya tidak dikunci ke satu versi yang pasti ({{image}}).',
    noEngine: 'Pekerjaan ditolak: aplikasi kontainer tidak berjalan di komputer ini.',
    cpuJobWantsGpu:
      'Pekerjaan ditolak: dikirim sebagai pekerjaan prosesor saja, tetapi meminta kartu grafis.',
    gpuJobWithoutGpu:
      'Pekerjaan ditolak: dikirim sebagai pekerjaan kartu grafis, tetapi tidak meminta kartu grafis.',
    tooManyCpus:
      'Pekerjaan ditolak: meminta {{asked}} inti prosesor; Anda mengizinkan {{allowed}}.',
    tooMuchMemory:
      'Pekerjaan ditolak: meminta memori {{asked}} MiB; Anda mengizinkan {{allowed}} MiB.',
    tooMuchScratch:
      'Pekerjaan ditolak: meminta ruang kerja {{asked}} MiB; Anda mengizinkan {{allowed}} MiB.',
    tooManyProcesses: 'Pekerjaan ditolak: meminta {{asked}} proses; Anda mengizinkan {{allowed}}.',
    tooLong:
      'Pekerjaan ditolak: bisa berjalan {{askedS}} detik; Anda mengizinkan {{allowedS}} detik.',
    egressNotAllowed:
      'Pekerjaan ditolak: butuh internet, dan Anda belum mengizinkan pekerjaan memakai internet.',
    gpuNotAllowed:
      'Pekerjaan ditolak: butuh kartu grafis, dan Anda belum mengizinkan pekerjaan kartu grafis.',
    tooManyGpus: 'Pekerjaan ditolak: meminta {{asked}} kartu grafis; Anda mengizinkan {{allowed}}.',
    tooMuchVram:
      'Pekerjaan ditolak: meminta memori grafis {{asked}} MiB; Anda mengizinkan {{allowed}} MiB.',
    priceTooLow: 'Pekerjaan ditolak: bayarannya di bawah harga minimum Anda.',
    imageUnreadable: 'Pekerjaan ditolak: programnya tidak bisa diperiksa.',
    imageEnv:
      'Pekerjaan ditolak: programnya mencoba mengubah cara driver kartu grafis dimuat ({{name}}).',
    imageVolumes:
      'Pekerjaan ditolak: programnya meminta ruang di disk Anda di luar batasnya ({{path}}).',
  },
  engine: {
    notFound:
      'Aplikasi kontainer tidak ditemukan. Lumbung menjalankan pekerjaan di dalam Docker agar tidak bisa menyentuh berkas Anda.',
    notRunning: 'Docker sudah terpasang tetapi belum berjalan.',
    noPermission: 'Docker berjalan, tetapi Lumbung tidak diizinkan memakainya.',
    unreachable: 'Docker tidak menjawab ({{code}}).',
  },
  gpu: {
    noEngine: 'Berbagi kartu grafis butuh Docker lebih dulu.',
    noRuntime:
      'Berbagi GPU butuh NVIDIA Container Toolkit. Pekerjaan prosesor saja tetap bisa berjalan.',
    toolkitUnknown:
      'Versi NVIDIA Container Toolkit tidak bisa diperiksa, jadi pekerjaan kartu grafis dimatikan demi keamanan. Dibutuhkan versi {{minimum}} atau lebih baru.',
    toolkitUnsafe:
      'NVIDIA Container Toolkit Anda ({{version}}) punya celah keamanan yang sudah diketahui, jadi pekerjaan kartu grafis dimatikan. Perbarui ke {{minimum}} atau lebih baru.',
  },
  fix: {
    installDocker: 'Pasang Docker Desktop.',
    startDocker: 'Jalankan Docker.',
    dockerPermission:
      'Izinkan akun Anda memakai Docker (di Linux: masukkan akun Anda ke grup “docker”, lalu keluar dan masuk lagi).',
    installToolkit: 'Berbagi GPU butuh NVIDIA Container Toolkit: pasang, lalu mulai ulang Docker.',
    updateToolkit:
      'Perbarui NVIDIA Container Toolkit ke versi {{minimum}} atau lebih baru, lalu mulai ulang Docker.',
  },
  run: {
    gpuDriverMissing:
      'Pekerjaan tidak bisa memakai kartu grafis: Docker belum punya dukungan NVIDIA.',
    gpuDeviceMissing: 'Pekerjaan tidak bisa memakai kartu grafis: Docker tidak menemukannya.',
    gpuToolkitFailed:
      'Pekerjaan tidak bisa memakai kartu grafis: NVIDIA Container Toolkit gagal ({{detail}}).',
    gpuGrantMismatch: 'Pekerjaan meminta {{asked}} kartu grafis tetapi diberi {{granted}}.',
    imageUnavailable: 'Program pekerjaan tidak ditemukan atau tidak bisa diunduh ({{image}}).',
    engineRefused: 'Docker menolak menjalankan pekerjaan ({{detail}}).',
    alreadyRunning: 'Pekerjaan {{id}} sudah berjalan.',
  },
  input: {
    downloadFailed:
      'Berkas yang dibutuhkan pekerjaan tidak bisa diunduh ({{name}}, status {{status}}).',
    tooLarge: 'Berkas yang dibutuhkan pekerjaan lebih besar dari yang diizinkan ({{name}}).',
    hashMismatch:
      'Berkas yang dibutuhkan pekerjaan tidak sama dengan yang dijanjikan, jadi pekerjaan ditolak ({{name}}).',
  },
  outcome: {
    succeeded: 'Selesai.',
    failed: 'Program pekerjaan gagal.',
    timeout: 'Dihentikan — waktu pekerjaan habis.',
    oom: 'Dihentikan — pekerjaan memakai memori lebih dari jatahnya.',
    stopped: 'Dihentikan.',
    interrupted: 'Terputus — komputer atau Docker berhenti saat pekerjaan berjalan.',
  },
  stopReason: {
    requested: 'Anda menghentikannya.',
    preempted: 'Dihentikan agar program Anda mendapat seluruh kartu grafis.',
    timeout: 'Batas waktunya tercapai.',
    outputTooLarge: 'Hasil yang ditulis melebihi batas.',
    shutdown: 'Lumbung sedang ditutup.',
  },
} as const;
