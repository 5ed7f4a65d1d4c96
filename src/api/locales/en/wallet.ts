export default {
  errors: {
    wrongPassword: 'That password is not right. Try again.',
    badInput: 'Something in this request is not filled in correctly ({{field}}).',
    noWallet: 'There is no wallet on this computer yet. Create one or bring in an existing one.',
    walletExists:
      'This computer already has a wallet. To use another one, first remove the current wallet with its password.',
    watchOnly:
      'This is a watch-only address: payments go there, but this app cannot send from it. Use your own wallet app to spend.',
    locked: 'The wallet is locked. Enter your password to unlock it.',
    rememberUnavailable:
      'This computer has no safe place to remember your password. You will need to type it each time.',
  },
  keystore: {
    corrupt:
      'The wallet file is damaged and cannot be opened. Restore the wallet with your recovery words.',
    unreadable: 'The wallet file could not be read. Check that the app may use its data folder.',
  },
  mnemonic: {
    wordCount: 'A recovery phrase has 12, 15, 18, 21 or 24 words. You entered {{count}}.',
    unknownWord: 'Word number {{position}} is not a recovery word. Check its spelling.',
    badChecksum:
      'All the words are real recovery words, but together they do not make a valid phrase. Check the order and look for a swapped word.',
    badPath: 'The account path is not valid. Leave it empty to use the usual one.',
  },
  key: {
    notHex: 'A private key contains only the digits 0–9 and the letters a–f.',
    wrongLength: 'A private key has 64 characters (not counting 0x). This one has {{length}}.',
    outOfRange: 'This is not a usable private key. Check that you copied the whole key.',
  },
  address: {
    malformed: 'This is not a wallet address. An address starts with 0x followed by 40 characters.',
    badChecksum:
      'This address has a typo: its capital letters do not match. Copy and paste it again instead of typing it.',
    zero: 'This is the empty address (all zeros). Money sent there is lost forever.',
  },
  backup: {
    noPhrase:
      'This wallet was brought in with a private key, so there are no recovery words to show.',
    alreadyDone: 'Your recovery words are already confirmed.',
    noChallenge: 'Start the check again: ask for the word numbers first.',
    wrongPositions: 'Please fill in exactly the word numbers that were asked.',
    wrongWords: 'Not quite: word number {{positions}} does not match. Look at your paper again.',
  },
  device: {
    vaultUnavailable:
      'This computer has no safe place to keep the app’s signing key. Sharing cannot start until it does.',
    unreadable:
      'The app’s signing key on this computer cannot be opened any more. Make a new one; your wallet and money are not affected.',
    otherVault:
      'The app’s signing key was saved with {{stored}} but this computer now uses {{current}}. Make a new one; your wallet and money are not affected.',
    badBinding:
      'This signature does not link this computer to your payout address. Sign the exact text shown.',
  },
  receipt: {
    malformed: 'This usage receipt is incomplete or badly formed.',
    badSignature:
      'This usage receipt was not signed by the computer it names, or is meant for another network.',
    nonceReused: 'This usage receipt (number {{nonce}}) was already counted.',
    notThisNode: 'This usage receipt names another computer, so this one will not sign it.',
  },
  chain: {
    notConfigured: 'No network is set up yet, so balances and payments are not available.',
    noToken: 'This network has no reward token set up.',
    rpcUnreachable: 'Cannot reach the blockchain. Check your internet connection and try again.',
    badAnswer: 'The blockchain gave an answer that makes no sense. Try again later.',
    insufficientFunds: 'Not enough coins in the wallet for this amount plus the network fee.',
    nonceTooLow: 'Another payment from this wallet got there first. Wait a moment and try again.',
    pendingTransaction:
      'An earlier payment from this wallet is still waiting. Wait for it to finish.',
    wrongChain:
      'Connected to the wrong blockchain (number {{actual}} instead of {{expected}}). Nothing was sent. Check the network settings.',
    wrongChainUnknown:
      'The blockchain refused this payment because it was made for another network. Nothing was sent.',
    rejected: 'The blockchain refused this payment. Nothing was sent.',
    failed: 'Something went wrong talking to the blockchain. Nothing was sent. Try again later.',
  },
  withdraw: {
    notBackedUp:
      'Confirm your recovery words first. Until then, nothing can be sent from this wallet.',
    insufficientTokens: 'Not enough tokens in the wallet for this amount.',
    insufficientGas:
      'There are enough tokens, but not enough coins to pay the network fee. Add a little and try again.',
    zeroAmount: 'The amount must be more than zero.',
  },
  tx: {
    notFound:
      'The blockchain does not know this payment. It may have been dropped; check your balance before trying again.',
  },
} as const;
