/** The wallet's public surface for src/node. Keys and phrases never leave this folder. */
export { WalletService, type WalletServiceOptions } from './service.js';
export { WalletError, isWalletError } from './errors.js';
export {
  DeviceKey,
  bindingMessage,
  createBinding,
  verifyBinding,
  type DeviceBinding,
} from './device-key.js';
export {
  ReceiptVerifier,
  signReceipt,
  verifyReceipt,
  USAGE_RECEIPT_TYPES,
  type ReceiptCheck,
  type ReceiptDomain,
  type UsageReceipt,
} from './eip712.js';
export { validateAddress, validateMnemonic, validatePrivateKey } from './mnemonic.js';
export { DEFAULT_SCRYPT_N, type ScryptOptions } from './keystore.js';
export { type TokenConfig } from './chain.js';
export { systemClock, type WalletClock } from './clock.js';
