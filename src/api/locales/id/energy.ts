export default {
  test: {
    noSource: 'Pilih sumber energi terlebih dahulu.',
    noAnswer: 'Sumber tidak memberi nilai dalam {{seconds}} detik.',
  },
  headline: {
    off: 'Daya lebih tidak dipakai sebagai syarat: berbagi mengikuti pengaturan Anda yang lain.',
    noSource: 'Sumber data listrik belum diatur, jadi daya lebih tidak dipakai sebagai syarat.',
    waitingForSource:
      'Menunggu angka pertama dari sumber data listrik — belum jalan dengan daya lebih.',
    sourceNotAnswering: 'Sumber data listrik tidak menjawab — tidak jalan dengan daya lebih.',
    sourceSilentSeconds:
      'Sumber data listrik tidak menjawab (angka terakhir {{seconds}} detik lalu) — tidak jalan dengan daya lebih.',
    sourceSilentMinutes:
      'Sumber data listrik tidak menjawab (angka terakhir {{minutes}} menit lalu) — tidak jalan dengan daya lebih.',
    waitingForSurplus:
      'Menunggu daya lebih: sekarang {{available}} W, perlu {{needed}} W selama {{seconds}} detik.',
    startingSoon:
      'Ada daya lebih {{available}} W — mulai dalam {{seconds}} detik kalau tetap cukup.',
    runningOnSurplus: 'Jalan dengan {{watts}} W daya lebih dari panel surya.',
    stoppingSoon:
      'Daya lebih turun ke {{available}} W — berhenti dalam {{seconds}} detik kalau tidak naik lagi.',
    minSolar:
      'Jalan dengan {{floor}} W yang Anda bayar, ditambah {{surplus}} W daya lebih dari panel surya.',
    minSolarNoSource:
      'Jalan dengan {{floor}} W yang Anda bayar — sumber data listrik tidak menjawab, jadi tidak ada tambahan daya lebih.',
    priceOk: 'Harga listrik {{price}} per kWh, masih di bawah batas Anda {{limit}} — jalan.',
    priceTooHigh: 'Menunggu — harga listrik {{price}} per kWh, di atas batas Anda {{limit}}.',
    noPrice:
      'Menunggu — sumber data listrik tidak memberi harga, jadi batas harga Anda tidak bisa dicek.',
    noPriceLimit: 'Menunggu — isi batas harga dulu untuk memakai mode ini.',
    manualOn: 'Anda bilang ada daya lebih: memakai paling banyak {{watts}} W.',
    manualOnUnlimited: 'Anda bilang ada daya lebih: jalan tanpa batas listrik.',
    manualOff: 'Menunggu — Anda bilang sekarang tidak ada daya lebih.',
  },
  problem: {
    notANumber: 'Sumber data listrik mengirim sesuatu yang bukan angka.',
    absurd: 'Sumber data listrik mengirim angka yang tidak mungkin ({{value}} W).',
    fieldMissing: 'Kolom “{{path}}” tidak ada di jawaban.',
    unreachable: 'Tidak bisa menghubungi {{host}}.',
    timeout: '{{host}} tidak menjawab dalam {{seconds}} detik.',
    httpStatus: '{{host}} menjawab dengan galat (HTTP {{status}}).',
    unauthorized: '{{host}} menolak akses. Periksa token atau kata sandi.',
    notJson: 'Jawaban dari {{host}} bukan JSON.',
    tooLarge: 'Jawaban dari {{host}} terlalu besar.',
    badAnswer: 'Bentuk jawabannya tidak seperti yang diharapkan.',
    badUnit: '{{entity}} diukur dalam {{unit}}; harus W atau kW.',
    entityUnavailable: '{{entity}} sedang tidak tersedia di Home Assistant.',
    entityNotFound: 'Home Assistant tidak punya entitas {{entity}}.',
    brokerRefused: 'Broker MQTT {{host}} menolak masuk. Periksa nama pengguna dan kata sandi.',
    brokerUnreachable: 'Tidak bisa menghubungi broker MQTT {{host}}.',
    subscribeRefused: 'Broker MQTT tidak mengizinkan membaca {{topic}}.',
    stale: 'Tidak ada angka baru lebih dari {{seconds}} detik.',
    communityNoSurplus: 'Komunitas belum mengumumkan daya lebih.',
    communityStale: 'Angka daya lebih komunitas sudah {{seconds}} detik tidak diperbarui.',
  },
  error: {
    invalidHttpUrl: 'Isi alamat web yang diawali http:// atau https://.',
    invalidBrokerUrl: 'Isi alamat broker yang diawali mqtt://, mqtts://, ws:// atau wss://.',
    invalidFieldPath: 'Isi jalur kolom seperti site.gridPower atau data[0].value.',
    invalidTopic: 'Topik tidak boleh berisi + atau #.',
    invalidTopicId: 'Pakai huruf, angka, - dan _ saja (paling banyak 64).',
    invalidEntityId: 'Isi ID entitas seperti sensor.grid_power.',
    invalidPrice: 'Isi harga seperti 0.15.',
  },
} as const;
