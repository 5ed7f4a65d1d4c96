export default {
  reason: {
    onBattery: 'Not on battery power. Plug in to share.',
    hot: 'Paused — the GPU is hot ({{temp}}°C). Resumes below {{resume}}°C.',
    hotNoReading:
      'Paused — the GPU was hot and its temperature cannot be read right now. Resumes below {{resume}}°C.',
    ownerActive: 'Paused — you are using the computer. Resumes {{minutes}} minutes after you stop.',
    foreignGpu:
      'Paused — another program is using the GPU ({{programs}}). Resumes {{minutes}} minutes after it stops.',
    foreignGpuUnnamed:
      'Paused — another program is using the GPU. Resumes {{minutes}} minutes after it stops.',
    blockingProgram:
      'Paused — {{program}} is running. Resumes {{minutes}} minutes after it closes.',
    quietPeriod: 'Paused — waiting to be sure the computer is free. Resumes at {{time}}.',
    awayUnknown:
      'Waiting — this computer cannot tell whether you are away, so “When I’m away” cannot start. Pick other hours.',
    outsideHours: 'Waiting — outside your hours. Starts at {{time}}.',
    noHours: 'Waiting — no sharing hours are set. Choose your hours to start sharing.',
    noSurplus: 'Waiting — not enough spare power ({{available}} W; the GPU needs {{needed}} W).',
    sharing: 'Your plan allows sharing now.',
    sharingUntil: 'Your plan allows sharing until {{time}}.',
  },
  info: {
    stoppingForYou: 'Stopping the job so your program gets the whole graphics card.',
    powerCap: 'Power is limited to {{watts}} W.',
    energyBudget: 'Using spare power: up to {{watts}} W.',
    capBelowCardMinimum:
      'Your power limit ({{watts}} W) is lower than this card can be set to ({{minimum}} W), so the work is paused and resumed in turns to stay under it.',
    capUnresolved:
      'Your power limit in percent cannot be used: this card does not report its normal power limit. Set a limit in watts instead.',
  },
  preset: {
    overnight: {
      name: 'Overnight',
      description: 'Every night, 23:00 to 07:00.',
    },
    eveningsWeekends: {
      name: 'Evenings & weekends',
      description:
        'Monday to Friday 18:00 to 08:00 the next morning, and all of Saturday and Sunday.',
    },
    always: {
      name: 'Always',
      description: 'Any time you are not using the computer.',
    },
    whenAway: {
      name: 'When I’m away',
      description: 'Only while you are away from the keyboard and mouse.',
    },
    custom: {
      name: 'My own hours',
      description: 'Pick the hours on the weekly grid.',
    },
  },
  capMethod: {
    none: 'No power limit.',
    powerLimit: 'The card’s own power limit is set.',
    dutyCycle: 'The work is paused and resumed in turns to keep the average power down.',
  },
  error: {
    invalidTimeZone: 'This time zone is not known.',
    invalidClock: 'Times must look like 23:00.',
    invalidPowerCap: 'This power limit is out of range.',
  },
} as const;
