export default {
  decline: {
    priceBelowFloor:
      'Pekerjaan ini membayar {{offered}} per jam, kurang dari batas harga Anda {{floor}}. Pekerjaan ditolak.',
    kindNotAllowed:
      'Ini pekerjaan {{kind}}, dan Anda tidak mengizinkan jenis ini. Pekerjaan ditolak.',
    expired: 'Tawaran pekerjaan sudah habis waktunya sebelum sempat diterima.',
    malformed: 'Tawaran pekerjaan tidak lengkap atau rusak ({{detail}}). Pekerjaan ditolak.',
  },
  connection: {
    connecting: 'Sedang menyambung ke jaringan…',
    connected: 'Tersambung ke jaringan.',
    disconnected: 'Tidak tersambung ke jaringan.',
    retrying: 'Sambungan ke jaringan terputus. Mencoba lagi dalam {{seconds}} detik.',
    registerFailed: 'Jaringan tidak menerima komputer ini: {{detail}}',
    unreachable: 'Jaringan di {{url}} tidak bisa dihubungi. Periksa sambungan internet Anda.',
  },
  errors: {
    badRequest: 'Jaringan tidak memahami pesan dari aplikasi ini.',
    unsupportedVersion: 'Jaringan memakai versi protokol yang berbeda. Perbarui aplikasi.',
    badSignature: 'Jaringan tidak bisa memeriksa tanda tangan komputer ini.',
    challengeExpired: 'Masuk ke jaringan terlalu lama. Mencoba lagi.',
    unauthorized: 'Jaringan tidak lagi mengenali komputer ini. Masuk kembali.',
    unknownJob: 'Jaringan tidak mengenal pekerjaan ini.',
    notAssigned: 'Pekerjaan ini sudah diberikan ke komputer lain.',
    offerExpired: 'Tawaran pekerjaan habis waktunya sebelum diterima.',
    badReceipt: 'Bukti pemakaian untuk pekerjaan ini tidak sah.',
    rateLimited: 'Jaringan meminta aplikasi ini memperlambat.',
    internal: 'Jaringan sedang bermasalah. Akan dicoba lagi nanti.',
  },
  credit: {
    verified: 'Jaringan sudah memeriksa hasilnya dan membayar {{amount}}.',
    rejected:
      'Jaringan memeriksa hasilnya dan menemukan hasilnya salah, jadi pekerjaan ini tidak dibayar.',
  },
  local: {
    name: 'Jaringan uji lokal',
    imageFailed: 'Pekerjaan contoh tidak bisa disiapkan: {{detail}}',
  },
} as const;
