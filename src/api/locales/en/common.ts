export default {
  error: {
    unknownMethod: 'The app asked for something it does not know ({{method}}).',
    badInput: 'That value is not valid, so nothing was changed.',
    internal: 'Something went wrong inside Lumbung. Nothing was changed.',
    badReply: 'Lumbung sent an answer the screen could not read.',
    unavailable: 'This is not available right now.',
  },
  state: {
    off: 'Off',
    blocked: 'Needs attention',
    waiting: 'Waiting',
    ready: 'Ready',
    running: 'Working',
    paused: 'Paused',
    error: 'Problem',
  },
  status: {
    off: 'Sharing is off. Your computer is all yours.',
    blocked: 'Sharing is on, but something must be fixed first.',
    ready: 'Ready — waiting for a job from the network.',
    running: 'Working on a job for the network.',
    connecting: 'Connecting to the network…',
    error: 'Lumbung hit a problem: {{detail}}',
  },
  check: {
    engine: 'Container engine (runs jobs safely)',
    gpu: 'Graphics card',
    wallet: 'Wallet to be paid into',
    network: 'Network connection',
    engineOk: 'Docker is running (version {{version}}).',
    walletOk: 'Payouts go to {{address}}.',
    walletMissing: 'You need a wallet so the network can pay you.',
    walletFix: 'Open Wallet and create one (2 minutes).',
    walletNotBackedUp:
      'Payouts go to {{address}}, but its 12 recovery words are not confirmed yet. Without them a broken computer means lost earnings.',
    walletBackupFix: 'Open Wallet and confirm your recovery words (1 minute).',
    networkOk: 'Connected to {{url}}.',
    networkDown: 'Not connected to the network yet.',
    networkNone: 'Lumbung was started without a network, so no jobs can come.',
    networkNoneFix: 'Restart it without --no-network (or with --network URL) to share.',
  },
  notice: {
    settingsDamaged:
      'Your settings file was damaged, so Lumbung started with default settings. The old file was kept as {{file}}.',
    jobsInterrupted: 'Jobs interrupted when Lumbung last stopped: {{count}}. They were cleaned up.',
    jobsInterrupted_one: 'A job was interrupted when Lumbung last stopped; it was cleaned up.',
    jobsInterrupted_other:
      '{{count}} jobs were interrupted when Lumbung last stopped; they were cleaned up.',
    powerLimitRestored:
      'The graphics card power limit was restored to {{watts}} W after an unexpected stop.',
  },
} as const;
