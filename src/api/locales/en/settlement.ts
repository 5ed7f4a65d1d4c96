export default {
  store: {
    malformed:
      'A payment voucher from the network was damaged or incomplete ({{field}}). It was not kept.',
    wrongChain:
      'A payment voucher was made for blockchain {{actual}}, but this network uses {{expected}}. It was not kept.',
    wrongVault:
      'A payment voucher names a payment contract this network does not use ({{vault}}). It was not kept.',
    wrongNode: 'A payment voucher was made for another computer ({{node}}). It was not kept.',
    wrongPayout: 'A payment voucher would pay another wallet ({{payout}}). It was not kept.',
    badSignature: 'A payment voucher has a broken signature. It was not kept.',
    wrongSigner:
      'A payment voucher was signed by {{signer}}, not by the network’s payer {{payer}}. It was not kept.',
    notNewer:
      'This payment voucher ({{cumulative}}) is not newer than the one already kept ({{stored}}); nothing changed.',
    unreadable:
      'The payment vouchers file {{path}} cannot be read. It was left as it is; restore it from a backup or ask for help.',
  },
  claim: {
    noChain: 'Claiming needs the network’s blockchain, and this network has none set up here.',
    noVoucher: 'Nothing to claim yet: the network has not sent a payment voucher.',
    nothingToClaim: 'Nothing new to claim: everything earned so far has already been paid out.',
    inFlight:
      'A claim is already on its way (transaction {{txHash}}). Wait for it to be confirmed before claiming again.',
    unconfirmed:
      'The claim was sent (transaction {{txHash}}) but the blockchain has not confirmed it yet. Lumbung will check again and record it once.',
    failed:
      'The claim transaction {{txHash}} did not go through. Nothing was paid; you can try again.',
    error: 'The claim could not be made. Try again in a moment.',
  },
  chainConfig: {
    unreadable: 'The network settings file {{path}} cannot be read.',
    invalid: 'The network settings file {{path}} has a wrong value ({{field}}).',
  },
  stake: {
    notConfigured: 'This network has no staking. Staking is not available.',
    insufficientTokens: 'Your wallet has {{balance}} tokens; staking {{needed}} needs more.',
    insufficientStake:
      'You have {{staked}} tokens staked, less than the {{requested}} you asked to unstake.',
    nothingUnbonding: 'Nothing is waiting to be withdrawn. Ask to unstake first.',
    stillUnbonding:
      'Your unstaked tokens are still locked. You can withdraw them from {{releaseAt}}.',
  },
  reputation: {
    good: 'Your reputation is good ({{score}} of 100).',
    fair: 'Your reputation is fair ({{score}} of 100).',
    poor: 'Your reputation is low ({{score}} of 100); you may get fewer jobs.',
    committedHours: 'You promised {{hours}} hours of availability so far.',
    missedHeartbeats:
      'Your computer was unreachable {{count}} times while it had promised to be available.',
    slashed: 'Part of your stake was taken {{count}} times because of downtime.',
    howToImprove:
      'To improve it, keep the computer on and connected during the hours you share, or share fewer hours.',
  },
  proof: {
    invalid: 'The proof file is damaged or not a Lumbung month proof ({{field}}).',
    totalMismatch: 'The total in the proof ({{stated}}) is not the sum of its jobs ({{actual}}).',
    duplicateJob: 'Job {{jobId}} is listed twice.',
    voucherSignature: 'The payment voucher for job {{jobId}} was not signed by the payer it names.',
    receiptSignature: 'The usage receipt of job {{jobId}} was not signed by this computer.',
    notCovered: 'Job {{jobId}} is not covered by its payment voucher: the amounts do not add up.',
    claimUnlisted: 'Job {{jobId}} names a payment {{txHash}} that the proof does not list.',
    claimDoesNotCover: 'The payment {{txHash}} does not cover job {{jobId}}.',
    wrongChain:
      'The payment {{txHash}} is on blockchain {{expected}}, but the check used blockchain {{actual}}.',
    claimNotFound: 'The payment {{txHash}} does not exist on the blockchain.',
    claimReverted: 'The payment {{txHash}} failed on the blockchain: nothing was paid by it.',
    claimNoEvent: 'The transaction {{txHash}} is not a payment from the payment contract.',
    claimMismatch:
      'The payment {{txHash}} on the blockchain has a different {{field}} than the proof says.',
    voucherMissing:
      'The payment voucher for job {{jobId}} is missing on this computer, so the proof cannot be made.',
    claimUnknown:
      'The payment {{txHash}} is not known on this computer, so the proof cannot be made.',
  },
  verify: {
    ok: '{{month}}: everything matches the blockchain — {{jobs}} paid jobs, {{claims}} payments, {{total}} tokens.',
    failed:
      '{{month}}: {{count}} things do not match ({{jobs}} paid jobs, {{claims}} payments, {{total}} tokens):',
    exported: 'Proof saved to {{file}}.',
    noRpc: 'No blockchain address to check against. Give one with --rpc.',
    otherMonth: 'The proof is for {{month}}, not {{asked}}.',
    proofUnreadable: 'The proof file {{file}} cannot be read.',
    unexpected: 'The check could not be finished: {{detail}}',
  },
} as const;
