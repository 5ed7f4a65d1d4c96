import { z } from 'zod';
import { AppInfoSchema } from './app-schemas.js';
import { GpuReportSchema, GpuSampleSchema } from './gpu-schemas.js';
import { EngineStatusSchema } from './sandbox-schemas.js';
import { SettingsPatchSchema, SettingsSchema } from './settings-schemas.js';
import { StatusSchema } from './status-schemas.js';
import {
  EarningsPageSchema,
  EarningsQuerySchema,
  EarningsSummarySchema,
  MonthKeySchema,
} from './ledger-schemas.js';
import { DecisionSchema } from './policy-schemas.js';
import {
  EnergyReadingSchema,
  EnergySourceConfigSchema,
  EnergyStatusSchema,
} from './energy-schemas.js';
import {
  ClaimResultSchema,
  ClaimStatusSchema,
  ReputationViewSchema,
  StakeRequestSchema,
  StakeTxResultSchema,
  StakeViewSchema,
  UnstakeRequestSchema,
  WithdrawStakeRequestSchema,
} from './settlement-schemas.js';
import {
  BackupChallengeSchema,
  BalancesSchema,
  ConfirmBackupRequestSchema,
  CreateWalletRequestSchema,
  CreateWalletResultSchema,
  ImportMnemonicRequestSchema,
  ImportPrivateKeyRequestSchema,
  QuoteWithdrawRequestSchema,
  RevealPhraseRequestSchema,
  RevealPhraseResultSchema,
  SetAutoLockRequestSchema,
  TxStatusRequestSchema,
  TxStatusSchema,
  UnlockRequestSchema,
  WalletSummarySchema,
  WatchOnlyRequestSchema,
  WithdrawQuoteSchema,
  WithdrawRequestSchema,
  WithdrawResultSchema,
} from './wallet-schemas.js';

const none = z.undefined();
const ok = z.object({ ok: z.literal(true) });

/**
 * Everything the UI can ask the core, one entry per method: the input it sends and
 * the output it gets back. Both sides validate against these schemas.
 */
export const methods = {
  'app.info': { input: none, output: AppInfoSchema },
  'status.get': { input: none, output: StatusSchema },
  'sharing.set': { input: z.object({ on: z.boolean() }).strict(), output: StatusSchema },
  'notices.dismiss': { input: z.object({ id: z.string().max(200) }).strict(), output: ok },
  'gpu.report': { input: none, output: GpuReportSchema },
  'gpu.refresh': { input: none, output: GpuReportSchema },
  'engine.status': { input: none, output: EngineStatusSchema },
  'engine.refresh': { input: none, output: EngineStatusSchema },
  'settings.get': { input: none, output: SettingsSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
  'policy.decision': { input: none, output: DecisionSchema.nullable() },
  'energy.status': { input: none, output: EnergyStatusSchema },
  /** "Test connection": one reading from a source the owner is setting up; changes nothing. */
  'energy.testSource': { input: EnergySourceConfigSchema, output: EnergyReadingSchema },

  'wallet.summary': { input: none, output: WalletSummarySchema },
  'wallet.create': { input: CreateWalletRequestSchema.strict(), output: CreateWalletResultSchema },
  'wallet.revealPhrase': {
    input: RevealPhraseRequestSchema.strict(),
    output: RevealPhraseResultSchema,
  },
  'wallet.backupChallenge': { input: none, output: BackupChallengeSchema },
  'wallet.confirmBackup': {
    input: ConfirmBackupRequestSchema.strict(),
    output: WalletSummarySchema,
  },
  'wallet.importMnemonic': {
    input: ImportMnemonicRequestSchema.strict(),
    output: WalletSummarySchema,
  },
  'wallet.importPrivateKey': {
    input: ImportPrivateKeyRequestSchema.strict(),
    output: WalletSummarySchema,
  },
  'wallet.watchOnly': { input: WatchOnlyRequestSchema.strict(), output: WalletSummarySchema },
  'wallet.unlock': { input: UnlockRequestSchema.strict(), output: WalletSummarySchema },
  'wallet.lock': { input: none, output: WalletSummarySchema },
  'wallet.setAutoLock': { input: SetAutoLockRequestSchema.strict(), output: WalletSummarySchema },
  'wallet.balances': { input: none, output: BalancesSchema },
  'wallet.quoteWithdraw': {
    input: QuoteWithdrawRequestSchema.strict(),
    output: WithdrawQuoteSchema,
  },
  'wallet.withdraw': { input: WithdrawRequestSchema.strict(), output: WithdrawResultSchema },
  'wallet.txStatus': { input: TxStatusRequestSchema.strict(), output: TxStatusSchema },

  'wallet.stakeInfo': { input: none, output: StakeViewSchema },
  'wallet.stake': { input: StakeRequestSchema.strict(), output: StakeTxResultSchema },
  'wallet.requestUnstake': { input: UnstakeRequestSchema.strict(), output: StakeTxResultSchema },
  'wallet.withdrawStake': {
    input: WithdrawStakeRequestSchema.strict(),
    output: StakeTxResultSchema,
  },

  'network.reputation': { input: none, output: ReputationViewSchema.nullable() },

  'earnings.summary': { input: none, output: EarningsSummarySchema },
  'earnings.claimStatus': { input: none, output: ClaimStatusSchema },
  'earnings.claim': { input: none, output: ClaimResultSchema },
  'earnings.entries': { input: EarningsQuerySchema.strict(), output: EarningsPageSchema },
  'earnings.csv': {
    input: z.object({ month: MonthKeySchema.optional() }).strict(),
    output: z.object({ filename: z.string(), csv: z.string() }),
  },
} as const;

/** What the core tells the UI without being asked. */
export const events = {
  status: StatusSchema,
  settings: SettingsSchema,
  gpu: GpuReportSchema,
  telemetry: z.array(GpuSampleSchema),
  wallet: WalletSummarySchema,
  earnings: EarningsSummarySchema,
  claim: ClaimStatusSchema,
  energy: EnergyStatusSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The core's side of the contract: one async function per method. */
export type ApiImplementation = {
  [M in MethodName]: (input: z.output<Methods[M]['input']>) => Promise<MethodOutput<M>>;
};

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
