export default {
  decline: {
    priceBelowFloor:
      'The job pays {{offered}} per hour, less than your minimum of {{floor}}. It was turned down.',
    kindNotAllowed: 'This is a {{kind}} job, and you only allow other kinds. It was turned down.',
    expired: 'The job offer ran out before it could be accepted.',
    malformed: 'The job offer was incomplete or damaged ({{detail}}). It was turned down.',
  },
  connection: {
    connecting: 'Connecting to the network…',
    connected: 'Connected to the network.',
    disconnected: 'Not connected to the network.',
    retrying: 'Lost the connection to the network. Trying again in {{seconds}} seconds.',
    registerFailed: 'The network did not accept this computer: {{detail}}',
    unreachable: 'Cannot reach the network at {{url}}. Check your internet connection.',
  },
  errors: {
    badRequest: 'The network did not understand a message from this app.',
    unsupportedVersion: 'The network speaks a different version of the protocol. Update the app.',
    badSignature: 'The network could not check this computer’s signature.',
    challengeExpired: 'Signing in to the network took too long. Trying again.',
    unauthorized: 'The network no longer recognises this computer. Signing in again.',
    unknownJob: 'The network does not know this job.',
    notAssigned: 'This job was given to another computer.',
    offerExpired: 'The job offer ran out before it was accepted.',
    badReceipt: 'The usage receipt for this job was not valid.',
    rateLimited: 'The network asked this app to slow down.',
    internal: 'The network had a problem of its own. Trying again later.',
  },
  credit: {
    verified: 'The network checked the result and credited {{amount}}.',
    rejected: 'The network checked the result and found it wrong, so this job earned nothing.',
  },
  local: {
    name: 'Local test network',
    imageFailed: 'Could not prepare the sample job: {{detail}}',
  },
} as const;
