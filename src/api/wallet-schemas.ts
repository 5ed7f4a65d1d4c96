import { z } from 'zod';

/**
 * The wallet's contract between UI and core. Secrets (password, phrase, key) travel
 * only UI → core, except the phrase answered once by `create` and by an explicit
 * `revealPhrase`. Amounts are decimal strings of base units (bigint in the core).
 */

export const AddressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
export const TxHashSchema = z.string().regex(/^0x[0-9a-fA-F]{64}$/);
/** Decimal string of base units: a uint256, never a float. */
export const BaseUnitsSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,77})$/)
  .refine((s) => /^[0-9]+$/.test(s) && BigInt(s) < 2n ** 256n);
export const PasswordSchema = z.string().min(8).max(1024);
/** Minutes of quiet before the wallet locks itself; 0 means never. */
export const AutoLockMinutesSchema = z.number().int().min(0).max(1440);
export const WithdrawAssetSchema = z.enum(['native', 'token']);
export type WithdrawAsset = z.infer<typeof WithdrawAssetSchema>;

export const WalletStateSchema = z.enum(['none', 'locked', 'unlocked', 'watchOnly']);
export type WalletState = z.infer<typeof WalletStateSchema>;

export const WalletSummarySchema = z.object({
  state: WalletStateSchema,
  address: AddressSchema.nullable(),
  backedUp: z.boolean(),
  /** A wallet with a key that has been backed up: withdrawals allowed (with the password). */
  canWithdraw: z.boolean(),
  autoLockMinutes: AutoLockMinutesSchema,
  deviceAddress: AddressSchema.nullable(),
  /** The password is kept by the operating system's secret store on this device. */
  remembered: z.boolean(),
});
export type WalletSummary = z.infer<typeof WalletSummarySchema>;

export const CreateWalletRequestSchema = z.object({ password: PasswordSchema });
export type CreateWalletRequest = z.infer<typeof CreateWalletRequestSchema>;
/** The only answer besides `revealPhrase` that carries the recovery phrase. */
export const CreateWalletResultSchema = z.object({ address: AddressSchema, phrase: z.string() });
export type CreateWalletResult = z.infer<typeof CreateWalletResultSchema>;

export const RevealPhraseRequestSchema = z.object({ password: z.string().min(1).max(1024) });
export type RevealPhraseRequest = z.infer<typeof RevealPhraseRequestSchema>;
export const RevealPhraseResultSchema = z.object({ phrase: z.string() });
export type RevealPhraseResult = z.infer<typeof RevealPhraseResultSchema>;

/** Word positions count from 1, as the owner reads them on paper. */
export const WordPositionSchema = z.number().int().min(1).max(24);
export const BackupChallengeSchema = z.object({ positions: z.array(WordPositionSchema).length(3) });
export type BackupChallenge = z.infer<typeof BackupChallengeSchema>;

export const ConfirmBackupRequestSchema = z.object({
  words: z
    .array(z.object({ position: WordPositionSchema, word: z.string().max(64) }))
    .min(1)
    .max(24),
});
export type ConfirmBackupRequest = z.infer<typeof ConfirmBackupRequestSchema>;

export const DEFAULT_DERIVATION_PATH = "m/44'/60'/0'/0/0";
export const DerivationPathSchema = z
  .string()
  .regex(/^m(\/[0-9]{1,10}'?){1,10}$/)
  .default(DEFAULT_DERIVATION_PATH);

export const ImportMnemonicRequestSchema = z.object({
  phrase: z.string().max(1024),
  path: DerivationPathSchema,
  password: PasswordSchema,
});
export type ImportMnemonicRequest = z.input<typeof ImportMnemonicRequestSchema>;

export const ImportPrivateKeyRequestSchema = z.object({
  key: z.string().max(256),
  password: PasswordSchema,
});
export type ImportPrivateKeyRequest = z.infer<typeof ImportPrivateKeyRequestSchema>;

export const WatchOnlyRequestSchema = z.object({ address: z.string().max(128) });
export type WatchOnlyRequest = z.infer<typeof WatchOnlyRequestSchema>;

export const UnlockRequestSchema = z.object({
  password: z.string().min(1).max(1024),
  /** true: keep the password in the device's secret store; false: forget it; absent: unchanged. */
  remember: z.boolean().optional(),
});
export type UnlockRequest = z.infer<typeof UnlockRequestSchema>;

export const LockRequestSchema = z.object({}).strict();
export type LockRequest = z.infer<typeof LockRequestSchema>;

export const SetAutoLockRequestSchema = z.object({ minutes: AutoLockMinutesSchema });
export type SetAutoLockRequest = z.infer<typeof SetAutoLockRequestSchema>;

export const BalancesSchema = z.object({
  native: BaseUnitsSchema,
  /** null when the network has no reward token configured. */
  token: BaseUnitsSchema.nullable(),
  tokenSymbol: z.string().nullable(),
  decimals: z.number().int().min(0).max(36),
  chainId: z.number().int().positive(),
});
export type Balances = z.infer<typeof BalancesSchema>;

export const QuoteWithdrawRequestSchema = z.object({
  to: z.string().max(128),
  amount: BaseUnitsSchema,
  asset: WithdrawAssetSchema,
});
export type QuoteWithdrawRequest = z.infer<typeof QuoteWithdrawRequestSchema>;

export const WithdrawQuoteSchema = z.object({
  gasWei: BaseUnitsSchema,
  /** Native coin leaving the wallet: amount + gas for 'native', gas only for 'token'. */
  totalWei: BaseUnitsSchema,
  to: AddressSchema,
});
export type WithdrawQuote = z.infer<typeof WithdrawQuoteSchema>;

export const WithdrawRequestSchema = QuoteWithdrawRequestSchema.extend({
  password: z.string().min(1).max(1024),
});
export type WithdrawRequest = z.infer<typeof WithdrawRequestSchema>;
export const WithdrawResultSchema = z.object({ txHash: TxHashSchema });
export type WithdrawResult = z.infer<typeof WithdrawResultSchema>;

export const TxStatusRequestSchema = z.object({ txHash: TxHashSchema });
export type TxStatusRequest = z.infer<typeof TxStatusRequestSchema>;
export const TxStatusSchema = z.object({
  state: z.enum(['pending', 'confirmed', 'failed']),
  confirmations: z.number().int().min(0),
});
export type TxStatus = z.infer<typeof TxStatusSchema>;
