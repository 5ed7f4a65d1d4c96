export default {
  decline: {
    noGpuFree: 'The job needs more graphics cards than this computer shares. It was turned down.',
    busy: 'This computer is already working on a job. It was turned down.',
    notNow: 'Sharing is not allowed right now ({{why}}). It was turned down.',
    notSharing: 'Sharing is switched off. It was turned down.',
  },
  job: {
    failed: 'The job ended without a result ({{outcome}}).',
    preempted: 'The job was stopped so you could use your graphics card.',
  },
  power: {
    powerLimit: 'Held by setting the card’s power limit to {{watts}} W.',
    dutyCycle:
      'Held by pausing the job now and then (no permission to set the card’s power limit).',
    noGpu: 'No power cap needed: this job runs on the processor.',
  },
} as const;
