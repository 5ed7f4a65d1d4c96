export default {
  errors: {
    insufficientFunds:
      'This wallet does not have enough coins to pay the network fee (gas). Add a little and try again.',
    nonceTooLow:
      'This wallet already sent a transaction with the same number. Wait a moment and try again.',
    wrongChain:
      'Connected to the wrong blockchain: expected chain {{expected}}, found chain {{actual}}.',
    chainMismatch:
      'The transaction was made for a different blockchain than the one connected. Check the network settings.',
    rpcUnreachable:
      'Cannot reach the blockchain. Check your internet connection or the network address.',
    timeout: 'The blockchain did not answer in time. Try again in a moment.',
    rejected: 'The contract refused this transaction.',
    unknown: 'The blockchain returned an error: {{detail}}',
  },
  contract: {
    nothingToClaim: 'Nothing new to claim: this payment was already collected.',
    badSignature:
      'This payment voucher was not signed by the network, or is meant for another blockchain.',
    expired: 'This payment voucher has expired. Ask the network for a new one.',
    insufficient:
      'The payment contract does not hold enough tokens right now ({{available}} available, {{needed}} needed). Try again later.',
    zeroAmount: 'The amount must be more than zero.',
    zeroAddress: 'An address is missing.',
    paused: 'Payments are paused by the network for now. Try again later.',
    notOwner: 'Only the contract owner can do this.',
    notAllowed: 'This wallet is not allowed to do this.',
    insufficientStake: 'You asked for {{requested}} but only {{staked}} is staked.',
    nothingToWithdraw: 'There is nothing waiting to be withdrawn.',
    stillUnbonding: 'Your tokens are still unlocking. You can withdraw them after {{releaseAt}}.',
    nothingToSlash: 'This node has no stake to take.',
    evidenceReused: 'This evidence was already used for a penalty.',
    tokenBalanceLow: 'Not enough tokens: {{balance}} held, {{needed}} needed.',
    tokenAllowanceLow:
      'The contract is not yet allowed to move these tokens. Approve first, then try again.',
  },
  artifact: {
    missing: 'The contract file {{name}} was not found. Run the build first.',
    invalid: 'The contract file {{name}} is damaged. Run the build again.',
  },
  anvil: {
    missing: 'The local blockchain program (anvil) was not found. Reinstall the app.',
    startFailed: 'The local blockchain did not start: {{detail}}',
  },
  voucher: {
    invalid: 'The payment voucher is not valid: {{detail}}',
    wrongSigner: 'The payment voucher was not signed by the network payer.',
  },
} as const;
