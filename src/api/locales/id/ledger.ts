export default {
  states: {
    offered: 'Ditawarkan',
    declined: 'Ditolak',
    running: 'Berjalan',
    completed: 'Selesai',
    failed: 'Gagal',
    interrupted: 'Berhenti lebih awal',
    reported: 'Sudah dilaporkan',
    credited: 'Siap diklaim',
    claimed: 'Sudah dibayar',
  },
  errors: {
    unknownJob: 'Tidak ada pekerjaan {{jobId}} di catatan penghasilan Anda.',
    wrongState: 'Pekerjaan {{jobId}} berstatus {{state}}, jadi "{{event}}" tidak bisa dicatat.',
    invalidInput: 'Catatan penghasilan menolak nilai yang tidak sah ({{field}}).',
    invalidTimeZone: '"{{timeZone}}" bukan zona waktu yang dikenal aplikasi ini.',
    invalidTariff: 'Harga listrik "{{value}}" bukan angka seperti 0.05.',
    locked: 'Lumbung lain sedang memakai catatan penghasilan di {{dir}}. Tutup dulu yang itu.',
    writeFailed: 'Gagal menyimpan ke catatan penghasilan di {{dir}}. Pastikan disk tidak penuh.',
    closed: 'Catatan penghasilan sudah ditutup.',
    readOnly: 'Catatan penghasilan hanya dibuka untuk dibaca di sini, jadi tidak ada yang diubah.',
  },
  issues: {
    tornTail:
      'Catatan penghasilan berakhir dengan entri yang belum selesai mulai baris {{line}}, mungkin karena komputer mati mendadak. Entri itu belum pernah dikonfirmasi, jadi dihapus.',
    corruptLine: 'Baris {{line}} di catatan penghasilan rusak dan dilewati.',
    duplicateSeq:
      'Baris {{line}} mengulang entri {{seq}} dan dilewati agar tidak terhitung dua kali.',
    invalidEvent: 'Entri {{seq}} di catatan penghasilan tidak bisa dibaca dan dilewati.',
    rejectedEvent:
      'Entri {{seq}} di catatan penghasilan tidak cocok dengan riwayat pekerjaan dan dilewati.',
  },
} as const;
