import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { Mnemonic, Wallet, getAddress, randomBytes } from 'ethers';
import type { JsonRpcApiProvider, TransactionRequest } from 'ethers';
import { z } from 'zod';
import {
  BackupChallengeSchema,
  ConfirmBackupRequestSchema,
  CreateWalletRequestSchema,
  ImportMnemonicRequestSchema,
  ImportPrivateKeyRequestSchema,
  QuoteWithdrawRequestSchema,
  RevealPhraseRequestSchema,
  SetAutoLockRequestSchema,
  TxStatusRequestSchema,
  UnlockRequestSchema,
  WatchOnlyRequestSchema,
  WithdrawRequestSchema,
  type BackupChallenge,
  type Balances,
  type ConfirmBackupRequest,
  type CreateWalletRequest,
  type CreateWalletResult,
  type ImportMnemonicRequest,
  type ImportPrivateKeyRequest,
  type QuoteWithdrawRequest,
  type RevealPhraseRequest,
  type RevealPhraseResult,
  type SetAutoLockRequest,
  type TxStatus,
  type TxStatusRequest,
  type UnlockRequest,
  type WalletSummary,
  type WatchOnlyRequest,
  type WithdrawAsset,
  type WithdrawQuote,
  type WithdrawRequest,
  type WithdrawResult,
} from '../api/wallet-schemas.js';
import type { SecretVault } from '../platform/secret-vault.js';
import { WalletError } from './errors.js';
import { writeFileAtomic } from './atomic-file.js';
import { systemClock, type WalletClock } from './clock.js';
import {
  DEFAULT_SCRYPT_N,
  decryptKeystore,
  readKeystoreFile,
  writeKeystore,
  type DecryptedKey,
  type KeystoreInfo,
  type ScryptOptions,
} from './keystore.js';
import { splitPhrase, validateAddress, validatePrivateKey, walletFromPhrase } from './mnemonic.js';
import {
  DEFAULT_RPC_TIMEOUT_MS,
  TokenConfigSchema,
  erc20,
  explainChainError,
  tokenBalance,
  withTimeout,
  type TokenConfig,
} from './chain.js';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  WALLET_STATE_FILE,
  readWalletState,
  writeWalletState,
  type PersistedWallet,
} from './wallet-state.js';
import {
  DeviceBindingSchema,
  DeviceKey,
  bindingMessage,
  createBinding,
  verifyBinding,
} from './device-key.js';
import type { DeviceBinding } from './device-key.js';
import {
  StakeRequestSchema,
  UnstakeRequestSchema,
  WithdrawStakeRequestSchema,
  type StakeRequest,
  type StakeTxResult,
  type StakeView,
  type UnstakeRequest,
  type WithdrawStakeRequest,
} from '../api/settlement-schemas.js';
import {
  readStakeView,
  stakeFromWallet,
  unstakeFromWallet,
  withdrawStakeFromWallet,
  type StakingConfig,
} from './staking.js';

export interface WalletServiceOptions {
  /** Folder for the keystore and the wallet's other files (created 0700). */
  dir: string;
  /** scrypt cost for new keystores; lower only in tests. Default 2^17. */
  scrypt?: ScryptOptions;
  /** The network's RPC; null when no network is configured. */
  provider?: () => JsonRpcApiProvider | null;
  /** The network's reward token (ERC-20). */
  token?: TokenConfig;
  /** The chain the network lives on: anything else is refused before signing. */
  chainId?: number;
  clock?: WalletClock;
  /** Seals the device key (safeStorage in Electron, FileSecretVault headless). */
  deviceVault?: SecretVault;
  /** Seals a remembered password; leave unset where only a file fallback exists. */
  rememberVault?: SecretVault;
  rpcTimeoutMs?: number;
  /** The network's staking contract; staking is unavailable without it. */
  staking?: StakingConfig;
}

const KEYSTORE_FILE = 'keystore.json';
const REMEMBERED_FILE = 'remembered-password.bin';
const BINDING_FILE = 'device-binding.json';
const RETIRED_DIR = 'retired';
const CHALLENGE_SIZE = 3;
const ChainIdReplySchema = z.string().regex(/^0x[0-9a-fA-F]{1,16}$/);

/** The decrypted wallet while unlocked. The phrase is kept only until it is backed up. */
interface Unlocked {
  wallet: Wallet;
  phrase: string | null;
}

/**
 * The owner's wallet. Keys and the phrase stay in private fields of this object:
 * no method returns them except `create()` (once) and `revealPhrase(password)`,
 * and no error or log carries them. Spending asks for the password every time.
 */
export class WalletService {
  readonly #dir: string;
  readonly #scrypt: ScryptOptions;
  readonly #provider: () => JsonRpcApiProvider | null;
  readonly #token: TokenConfig | null;
  readonly #chainId: number | null;
  readonly #clock: WalletClock;
  readonly #deviceVault: SecretVault | null;
  readonly #rememberVault: SecretVault | null;
  readonly #rpcTimeoutMs: number;
  readonly #staking: StakingConfig | null;

  #state: PersistedWallet | null = null;
  #unlocked: Unlocked | null = null;
  #challenge: number[] | null = null;
  #cancelAutoLock: (() => void) | null = null;
  #device: DeviceKey | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: WalletServiceOptions) {
    this.#dir = options.dir;
    this.#scrypt = options.scrypt ?? { N: DEFAULT_SCRYPT_N };
    this.#provider = options.provider ?? (() => null);
    this.#token = options.token === undefined ? null : TokenConfigSchema.parse(options.token);
    this.#chainId = options.chainId ?? null;
    this.#clock = options.clock ?? systemClock;
    this.#deviceVault = options.deviceVault ?? null;
    this.#rememberVault = options.rememberVault ?? null;
    this.#rpcTimeoutMs = options.rpcTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS;
    this.#staking = options.staking ?? null;
  }

  // ---- reading -----------------------------------------------------------------

  async summary(): Promise<WalletSummary> {
    const state = await this.load();
    const remembered = state.kind === 'keystore' && (await exists(this.path(REMEMBERED_FILE)));
    const device = await this.deviceKey().catch(() => null);
    const backedUp = state.kind === 'keystore' ? state.backedUp : state.kind === 'watchOnly';
    return {
      state:
        state.kind === 'none'
          ? 'none'
          : state.kind === 'watchOnly'
            ? 'watchOnly'
            : this.#unlocked === null
              ? 'locked'
              : 'unlocked',
      address: state.kind === 'none' ? null : state.address,
      backedUp,
      canWithdraw: state.kind === 'keystore' && state.backedUp,
      autoLockMinutes: state.autoLockMinutes,
      deviceAddress: device?.address ?? null,
      remembered,
    };
  }

  /** Where payouts go: the wallet's address, or the watch-only one. */
  async payoutAddress(): Promise<string | null> {
    const state = await this.load();
    return state.kind === 'none' ? null : state.address;
  }

  // ---- creating and importing --------------------------------------------------

  /** A fresh 12-word wallet, left unlocked for the backup check. The phrase is returned here only. */
  async create(request: CreateWalletRequest): Promise<CreateWalletResult> {
    const { password } = parse(CreateWalletRequestSchema, request);
    return this.exclusive(async () => {
      await this.refuseIfKeystore();
      const mnemonic = Mnemonic.fromEntropy(randomBytes(16));
      const hd = walletFromPhrase(mnemonic.phrase);
      const key: DecryptedKey = {
        wallet: new Wallet(hd.privateKey),
        phrase: mnemonic.phrase,
        path: hd.path,
      };
      await this.saveKeystore(key, password, false);
      return { address: key.wallet.address, phrase: mnemonic.phrase };
    });
  }

  async importMnemonic(request: ImportMnemonicRequest): Promise<WalletSummary> {
    const { phrase, path, password } = parse(ImportMnemonicRequestSchema, request);
    return this.exclusive(async () => {
      await this.refuseIfKeystore();
      const hd = walletFromPhrase(phrase, path);
      const key: DecryptedKey = {
        wallet: new Wallet(hd.privateKey),
        phrase: hd.mnemonic!.phrase,
        path,
      };
      // The owner already holds this phrase: it is their backup.
      await this.saveKeystore(key, password, true);
      return this.summary();
    });
  }

  async importPrivateKey(request: ImportPrivateKeyRequest): Promise<WalletSummary> {
    const { key: input, password } = parse(ImportPrivateKeyRequestSchema, request);
    return this.exclusive(async () => {
      await this.refuseIfKeystore();
      const key: DecryptedKey = {
        wallet: new Wallet(validatePrivateKey(input)),
        phrase: null,
        path: null,
      };
      await this.saveKeystore(key, password, true);
      return this.summary();
    });
  }

  /** Payouts go to an address the owner controls elsewhere; the node signs with its device key. */
  async watchOnly(request: WatchOnlyRequest): Promise<WalletSummary> {
    const { address: input } = parse(WatchOnlyRequestSchema, request);
    return this.exclusive(async () => {
      const address = validateAddress(input);
      const state = await this.refuseIfKeystore();
      await this.saveState({
        version: 1,
        kind: 'watchOnly',
        address,
        autoLockMinutes: state.autoLockMinutes,
      });
      return this.summary();
    });
  }

  /**
   * Replaces nothing by accident: the keystore is moved to `retired/`, never deleted,
   * and only with its password. A watch-only address is simply forgotten.
   */
  async remove(request: RevealPhraseRequest): Promise<WalletSummary> {
    const { password } = parse(RevealPhraseRequestSchema, request);
    return this.exclusive(async () => {
      const state = await this.load();
      if (state.kind === 'keystore') {
        const info = await this.keystoreInfo();
        await decryptKeystore(info, password);
        await mkdir(this.path(RETIRED_DIR), { recursive: true, mode: 0o700 });
        await rename(
          this.path(KEYSTORE_FILE),
          join(this.path(RETIRED_DIR), `keystore-${info.address}-${this.#clock.now()}.json`),
        );
        await rm(this.path(REMEMBERED_FILE), { force: true });
        this.lockNow();
      }
      await rm(this.path(BINDING_FILE), { force: true });
      await this.saveState({ version: 1, kind: 'none', autoLockMinutes: state.autoLockMinutes });
      return this.summary();
    });
  }

  // ---- backup ------------------------------------------------------------------

  async revealPhrase(request: RevealPhraseRequest): Promise<RevealPhraseResult> {
    const { password } = parse(RevealPhraseRequestSchema, request);
    return this.exclusive(async () => {
      const key = await decryptKeystore(await this.keystoreInfo(), password);
      if (key.phrase === null) throw new WalletError('wallet:backup.noPhrase');
      return { phrase: key.phrase };
    });
  }

  /** Three random word positions (from 1) the owner must type back from paper. */
  async backupChallenge(): Promise<BackupChallenge> {
    return this.exclusive(async () => {
      const phrase = await this.unlockedPhrase();
      const count = splitPhrase(phrase).length;
      const picked = new Set<number>();
      while (picked.size < CHALLENGE_SIZE) picked.add(randomInt(1, count + 1));
      this.#challenge = [...picked].sort((a, b) => a - b);
      return BackupChallengeSchema.parse({ positions: this.#challenge });
    });
  }

  async confirmBackup(request: ConfirmBackupRequest): Promise<WalletSummary> {
    const { words } = parse(ConfirmBackupRequestSchema, request);
    return this.exclusive(async () => {
      const phrase = await this.unlockedPhrase();
      const challenge = this.#challenge;
      if (challenge === null) throw new WalletError('wallet:backup.noChallenge');
      const answered = new Map(
        words.map((w) => [w.position, w.word.normalize('NFKD').trim().toLowerCase()]),
      );
      if (answered.size !== challenge.length || challenge.some((p) => !answered.has(p))) {
        throw new WalletError('wallet:backup.wrongPositions');
      }
      const expected = splitPhrase(phrase);
      const wrong = challenge.filter((p) => expected[p - 1] !== answered.get(p));
      if (wrong.length > 0)
        throw new WalletError('wallet:backup.wrongWords', { positions: wrong.join(', ') });
      const state = await this.keystoreState();
      await this.saveState({ ...state, backedUp: true });
      this.#challenge = null;
      // Proven on paper: the phrase need not stay in memory any more.
      if (this.#unlocked !== null) this.#unlocked.phrase = null;
      return this.summary();
    });
  }

  // ---- lock / unlock -----------------------------------------------------------

  async unlock(request: UnlockRequest): Promise<WalletSummary> {
    const { password, remember } = parse(UnlockRequestSchema, request);
    return this.exclusive(async () => {
      if (remember === true) this.requireRememberVault();
      const state = await this.keystoreState();
      const info = await this.keystoreInfo();
      const key = await decryptKeystore(info, password);
      // Files keep their own N, so a cost raised in a later version applies at the next unlock.
      if (info.scryptN < this.#scrypt.N)
        await writeKeystore(this.path(KEYSTORE_FILE), key, password, this.#scrypt);
      if (remember === true) await this.rememberPassword(password);
      if (remember === false) await rm(this.path(REMEMBERED_FILE), { force: true });
      this.setUnlocked(key, state.backedUp);
      return this.summary();
    });
  }

  /** At start-up: unlocks with the password the OS secret store kept, if any. */
  async unlockRemembered(): Promise<boolean> {
    return this.exclusive(async () => {
      const state = await this.load();
      if (
        state.kind !== 'keystore' ||
        this.#rememberVault === null ||
        !this.#rememberVault.available()
      )
        return false;
      let sealed: Buffer;
      try {
        sealed = await readFile(this.path(REMEMBERED_FILE));
      } catch {
        return false;
      }
      let password: string;
      try {
        password = (await this.#rememberVault.decrypt(sealed)).toString('utf8');
      } catch {
        // The OS store changed: the owner still knows the password, so just forget ours.
        await rm(this.path(REMEMBERED_FILE), { force: true });
        return false;
      }
      try {
        this.setUnlocked(
          await decryptKeystore(await this.keystoreInfo(), password),
          state.backedUp,
        );
      } catch {
        await rm(this.path(REMEMBERED_FILE), { force: true });
        return false;
      }
      return true;
    });
  }

  async lock(): Promise<WalletSummary> {
    return this.exclusive(async () => {
      this.lockNow();
      return this.summary();
    });
  }

  async setAutoLock(request: SetAutoLockRequest): Promise<WalletSummary> {
    const { minutes } = parse(SetAutoLockRequestSchema, request);
    return this.exclusive(async () => {
      const state = await this.load();
      await this.saveState({ ...state, autoLockMinutes: minutes });
      if (this.#unlocked !== null) this.armAutoLock();
      return this.summary();
    });
  }

  /** Stops timers and forgets the key; for shutdown. */
  close(): void {
    this.lockNow();
  }

  // ---- signing with the wallet (unlocked) --------------------------------------

  /** EIP-191 signature by the wallet, e.g. to prove the address when registering. */
  async signMessage(message: string): Promise<string> {
    return this.exclusive(async () => {
      const unlocked = await this.requireUnlocked();
      this.armAutoLock();
      return unlocked.wallet.signMessage(message);
    });
  }

  // ---- device key --------------------------------------------------------------

  /** The node's device key, created on first use; null without a vault. */
  async deviceKey(): Promise<DeviceKey | null> {
    if (this.#device !== null) return this.#device;
    if (this.#deviceVault === null) return null;
    await this.ensureDir();
    this.#device = await DeviceKey.loadOrCreate(this.#dir, this.#deviceVault);
    return this.#device;
  }

  /** The wallet (unlocked) vouches that the device key works for it. */
  async bindDevice(): Promise<DeviceBinding> {
    return this.exclusive(async () => {
      const unlocked = await this.requireUnlocked();
      const device = await this.requireDevice();
      const binding = await createBinding(unlocked.wallet, device.address, this.nowSeconds());
      await writeFileAtomic(this.path(BINDING_FILE), JSON.stringify(binding, null, 2));
      this.armAutoLock();
      return binding;
    });
  }

  /** For a watch-only payout: the text the owner signs in their own wallet app. */
  async bindingRequest(): Promise<{ message: string; timestamp: number }> {
    return this.exclusive(async () => {
      const state = await this.load();
      if (state.kind === 'none') throw new WalletError('wallet:errors.noWallet');
      const device = await this.requireDevice();
      const timestamp = this.nowSeconds();
      return { message: bindingMessage(device.address, state.address, timestamp), timestamp };
    });
  }

  /** Accepts a binding signed elsewhere, after checking it names this device and payout. */
  async submitBinding(binding: unknown): Promise<DeviceBinding> {
    return this.exclusive(async () => {
      const parsed = DeviceBindingSchema.safeParse(binding);
      if (!parsed.success) throw new WalletError('wallet:device.badBinding');
      const state = await this.load();
      const device = await this.requireDevice();
      if (
        state.kind === 'none' ||
        !sameAddress(parsed.data.payout, state.address) ||
        !sameAddress(parsed.data.deviceAddress, device.address) ||
        !verifyBinding(parsed.data)
      ) {
        throw new WalletError('wallet:device.badBinding');
      }
      await writeFileAtomic(this.path(BINDING_FILE), JSON.stringify(parsed.data, null, 2));
      return parsed.data;
    });
  }

  /** The stored binding, if it still matches this device and payout address. */
  async deviceBinding(): Promise<DeviceBinding | null> {
    const state = await this.load();
    const device = await this.deviceKey().catch(() => null);
    if (state.kind === 'none' || device === null) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path(BINDING_FILE), 'utf8'));
    } catch {
      return null;
    }
    const parsed = DeviceBindingSchema.safeParse(raw);
    if (!parsed.success || !verifyBinding(parsed.data)) return null;
    const b = parsed.data;
    return sameAddress(b.payout, state.address) && sameAddress(b.deviceAddress, device.address)
      ? b
      : null;
  }

  // ---- chain -------------------------------------------------------------------

  async balances(): Promise<Balances> {
    const address = await this.payoutAddress();
    if (address === null) throw new WalletError('wallet:errors.noWallet');
    const provider = this.requireProvider();
    return this.onChain(async () => {
      const chainId = await this.checkChain(provider);
      const native = await provider.getBalance(address);
      const token =
        this.#token === null ? null : await tokenBalance(provider, this.#token, address);
      return {
        native: native.toString(),
        token: token === null ? null : token.toString(),
        tokenSymbol: this.#token?.symbol ?? null,
        decimals: this.#token?.decimals ?? 18,
        chainId,
      };
    });
  }

  async quoteWithdraw(request: QuoteWithdrawRequest): Promise<WithdrawQuote> {
    const req = parse(QuoteWithdrawRequestSchema, request);
    const state = await this.keystoreState();
    const provider = this.requireProvider();
    const to = validateAddress(req.to);
    const amount = positiveAmount(req.amount);
    const quote = await this.onChain(async () => {
      await this.checkChain(provider);
      return this.quote(provider, state.address, to, amount, req.asset);
    });
    return { gasWei: quote.gasWei.toString(), totalWei: quote.totalWei.toString(), to };
  }

  /** Sends funds out. Needs the password every time, unlocked or not. */
  async withdraw(request: WithdrawRequest): Promise<WithdrawResult> {
    const req = parse(WithdrawRequestSchema, request);
    return this.exclusive(async () => {
      const state = await this.keystoreState();
      if (!state.backedUp) throw new WalletError('wallet:withdraw.notBackedUp');
      const to = validateAddress(req.to);
      const amount = positiveAmount(req.amount);
      const provider = this.requireProvider();
      const key = await decryptKeystore(await this.keystoreInfo(), req.password);
      return this.onChain(async (expired) => {
        await this.checkChain(provider);
        const quote = await this.quote(provider, state.address, to, amount, req.asset);
        // Already reported as unreachable: sending now would surprise the owner.
        if (expired()) throw new WalletError('wallet:chain.rpcUnreachable');
        const signer = key.wallet.connect(provider);
        const sent = await signer.sendTransaction({ ...quote.tx, gasLimit: quote.gasLimit });
        return { txHash: sent.hash };
      });
    });
  }

  async txStatus(request: TxStatusRequest): Promise<TxStatus> {
    const { txHash } = parse(TxStatusRequestSchema, request);
    const provider = this.requireProvider();
    return this.onChain(async () => {
      const receipt = await provider.getTransactionReceipt(txHash);
      if (receipt === null) {
        const tx = await provider.getTransaction(txHash);
        if (tx === null) throw new WalletError('wallet:tx.notFound');
        return { state: 'pending', confirmations: 0 };
      }
      const confirmations = await receipt.confirmations();
      return { state: receipt.status === 1 ? 'confirmed' : 'failed', confirmations };
    });
  }

  // ---- internals ---------------------------------------------------------------

  private async quote(
    provider: JsonRpcApiProvider,
    from: string,
    to: string,
    amount: bigint,
    asset: WithdrawAsset,
  ) {
    const nativeBalance = await provider.getBalance(from);
    let tx: TransactionRequest;
    if (asset === 'native') {
      if (nativeBalance < amount) throw new WalletError('wallet:chain.insufficientFunds');
      tx = { from, to, value: amount };
    } else {
      const token = this.#token;
      if (token === null) throw new WalletError('wallet:chain.noToken');
      if ((await tokenBalance(provider, token, from)) < amount)
        throw new WalletError('wallet:withdraw.insufficientTokens');
      tx = { from, to: token.address, data: erc20.encodeFunctionData('transfer', [to, amount]) };
    }
    const fee = await provider.getFeeData();
    const feePerGas = fee.maxFeePerGas ?? fee.gasPrice;
    if (feePerGas === null) throw new WalletError('wallet:chain.badAnswer');
    const gasLimit = await provider.estimateGas(tx);
    const gasWei = gasLimit * feePerGas;
    const totalWei = asset === 'native' ? amount + gasWei : gasWei;
    if (nativeBalance < totalWei) {
      throw new WalletError(
        asset === 'native' ? 'wallet:chain.insufficientFunds' : 'wallet:withdraw.insufficientGas',
      );
    }
    return { tx, gasLimit, gasWei, totalWei };
  }

  /**
   * Asks the node itself: a provider pinned with `staticNetwork` answers getNetwork()
   * from its own config, which is exactly what a misconfigured RPC URL gets wrong.
   */
  private async checkChain(provider: JsonRpcApiProvider): Promise<number> {
    const reply = ChainIdReplySchema.safeParse(await provider.send('eth_chainId', []));
    if (!reply.success) throw new WalletError('wallet:chain.badAnswer');
    const actual = Number(BigInt(reply.data));
    if (this.#chainId !== null && actual !== this.#chainId) {
      throw new WalletError('wallet:chain.wrongChain', { expected: this.#chainId, actual });
    }
    return actual;
  }

  private async onChain<T>(work: (expired: () => boolean) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(work, this.#rpcTimeoutMs);
    } catch (err) {
      throw explainChainError(err);
    }
  }

  private requireProvider(): JsonRpcApiProvider {
    const provider = this.#provider();
    if (provider === null) throw new WalletError('wallet:chain.notConfigured');
    return provider;
  }

  private requireRememberVault(): SecretVault {
    if (this.#rememberVault === null || !this.#rememberVault.available()) {
      throw new WalletError('wallet:errors.rememberUnavailable');
    }
    return this.#rememberVault;
  }

  private async rememberPassword(password: string): Promise<void> {
    const plain = Buffer.from(password, 'utf8');
    try {
      const sealed = await this.requireRememberVault().encrypt(plain);
      await writeFileAtomic(this.path(REMEMBERED_FILE), sealed);
    } finally {
      plain.fill(0);
    }
  }

  private async requireDevice(): Promise<DeviceKey> {
    const device = await this.deviceKey();
    if (device === null) throw new WalletError('wallet:device.vaultUnavailable');
    return device;
  }

  private async requireUnlocked(): Promise<Unlocked> {
    const state = await this.load();
    if (state.kind === 'none') throw new WalletError('wallet:errors.noWallet');
    if (state.kind === 'watchOnly') throw new WalletError('wallet:errors.watchOnly');
    if (this.#unlocked === null) throw new WalletError('wallet:errors.locked');
    return this.#unlocked;
  }

  private async unlockedPhrase(): Promise<string> {
    const unlocked = await this.requireUnlocked();
    if (unlocked.phrase === null) {
      const state = await this.keystoreState();
      // Backed up already (phrase dropped) or imported from a bare key.
      throw new WalletError(
        state.backedUp ? 'wallet:backup.alreadyDone' : 'wallet:backup.noPhrase',
      );
    }
    return unlocked.phrase;
  }

  private setUnlocked(key: DecryptedKey, backedUp: boolean): void {
    this.#unlocked = { wallet: key.wallet, phrase: backedUp ? null : key.phrase };
    this.armAutoLock();
  }

  private lockNow(): void {
    this.#cancelAutoLock?.();
    this.#cancelAutoLock = null;
    this.#unlocked = null;
    this.#challenge = null;
  }

  /** (Re)starts the quiet-time countdown; any use of the key counts as activity. */
  private armAutoLock(): void {
    this.#cancelAutoLock?.();
    this.#cancelAutoLock = null;
    const minutes = this.#state?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
    if (minutes === 0 || this.#unlocked === null) return;
    this.#cancelAutoLock = this.#clock.setTimer(minutes * 60_000, () => this.lockNow());
  }

  private async saveKeystore(
    key: DecryptedKey,
    password: string,
    backedUp: boolean,
  ): Promise<void> {
    const previous = await this.load();
    await this.ensureDir();
    const info = await writeKeystore(this.path(KEYSTORE_FILE), key, password, this.#scrypt);
    await rm(this.path(REMEMBERED_FILE), { force: true });
    await rm(this.path(BINDING_FILE), { force: true });
    await this.saveState({
      version: 1,
      kind: 'keystore',
      address: info.address,
      backedUp,
      autoLockMinutes: previous.autoLockMinutes,
    });
    this.#challenge = null;
    this.setUnlocked(key, backedUp);
  }

  private async refuseIfKeystore(): Promise<PersistedWallet> {
    const state = await this.load();
    // Never overwrite a key: an unbacked-up wallet replaced by mistake is money gone.
    if (state.kind === 'keystore') throw new WalletError('wallet:errors.walletExists');
    return state;
  }

  private async keystoreState(): Promise<Extract<PersistedWallet, { kind: 'keystore' }>> {
    const state = await this.load();
    if (state.kind === 'none') throw new WalletError('wallet:errors.noWallet');
    if (state.kind === 'watchOnly') throw new WalletError('wallet:errors.watchOnly');
    return state;
  }

  private async keystoreInfo(): Promise<KeystoreInfo> {
    const info = await readKeystoreFile(this.path(KEYSTORE_FILE));
    if (info === null) throw new WalletError('wallet:errors.noWallet');
    return info;
  }

  private async load(): Promise<PersistedWallet> {
    if (this.#state !== null) return this.#state;
    const keystore = await readKeystoreFile(this.path(KEYSTORE_FILE));
    const saved = await readWalletState(this.path(WALLET_STATE_FILE));
    const autoLockMinutes = saved?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
    if (keystore !== null) {
      // The keystore is the truth; the state file only adds facts about it.
      const backedUp =
        saved?.kind === 'keystore' &&
        sameAddress(saved.address, keystore.address) &&
        saved.backedUp;
      this.#state = {
        version: 1,
        kind: 'keystore',
        address: keystore.address,
        backedUp,
        autoLockMinutes,
      };
    } else if (saved?.kind === 'watchOnly') {
      this.#state = { ...saved, address: getAddress(saved.address) };
    } else {
      this.#state = { version: 1, kind: 'none', autoLockMinutes };
    }
    return this.#state;
  }

  private async saveState(state: PersistedWallet): Promise<void> {
    await this.ensureDir();
    await writeWalletState(this.path(WALLET_STATE_FILE), state);
    this.#state = state;
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
  }

  private path(name: string): string {
    return join(this.#dir, name);
  }

  private nowSeconds(): number {
    return Math.floor(this.#clock.now() / 1000);
  }

  /** One state change at a time: two clicks on "create" must not make two wallets. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  // ---- staking (owner's wallet; spending needs the password each time) ----------

  /** Stake, unbonding amount and release time, and every slash, for the payout address. */
  async stakeInfo(): Promise<StakeView> {
    const address = await this.payoutAddress();
    if (address === null) throw new WalletError('wallet:errors.noWallet');
    const staking = this.requireStaking();
    const provider = this.requireProvider();
    return this.onChain(async () => {
      await this.checkChain(provider);
      return readStakeView(provider, staking, address);
    });
  }

  async stake(request: StakeRequest): Promise<StakeTxResult> {
    const req = parse(StakeRequestSchema, request);
    return this.withStakingKey(req.password, async (signer, staking) => {
      const token = this.#token;
      if (token === null) throw new WalletError('wallet:chain.noToken');
      return stakeFromWallet(signer, token, staking, BigInt(req.amount));
    });
  }

  async requestUnstake(request: UnstakeRequest): Promise<StakeTxResult> {
    const req = parse(UnstakeRequestSchema, request);
    return this.withStakingKey(req.password, (signer, staking) =>
      unstakeFromWallet(signer, staking, BigInt(req.amount)),
    );
  }

  async withdrawStake(request: WithdrawStakeRequest): Promise<StakeTxResult> {
    const req = parse(WithdrawStakeRequestSchema, request);
    return this.withStakingKey(req.password, (signer, staking) =>
      withdrawStakeFromWallet(signer, staking),
    );
  }

  private requireStaking(): StakingConfig {
    if (this.#staking === null) throw new WalletError('settlement:stake.notConfigured');
    return this.#staking;
  }

  private async withStakingKey(
    password: string,
    work: (
      signer: Wallet & { provider: JsonRpcApiProvider },
      staking: StakingConfig,
    ) => Promise<string>,
  ): Promise<StakeTxResult> {
    return this.exclusive(async () => {
      await this.keystoreState();
      const staking = this.requireStaking();
      const provider = this.requireProvider();
      const key = await decryptKeystore(await this.keystoreInfo(), password);
      const signer = key.wallet.connect(provider) as Wallet & { provider: JsonRpcApiProvider };
      // Not under onChain's timeout: a transaction cut off mid-way would be reported as
      // failed although it may still be mined; the chain helpers fail on a dead RPC anyway.
      try {
        await this.checkChain(provider);
        return { txHash: await work(signer, staking) };
      } catch (err) {
        throw explainChainError(err);
      }
    });
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // Name the field only: the rejected value may be a password or a phrase.
  const field = result.error.issues[0]?.path.join('.') ?? '';
  throw new WalletError('wallet:errors.badInput', { field });
}

function positiveAmount(text: string): bigint {
  const amount = BigInt(text);
  if (amount === 0n) throw new WalletError('wallet:withdraw.zeroAmount');
  return amount;
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
