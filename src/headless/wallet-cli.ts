import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { JsonRpcApiProvider } from 'ethers';
import { z } from 'zod';
import { msg, type Message } from '../api/message.js';
import { formatTokens, parseTokens } from '../api/money.js';
import type { WithdrawAsset } from '../api/wallet-schemas.js';
import { ChainError } from '../network/chain/chain-error.js';
import { connectProvider, fetchChainId } from '../network/chain/provider.js';
import { ChainFileSchema } from '../node/embedded-network.js';
import { dataPaths } from '../platform/paths.js';
import { WalletError } from '../wallet/errors.js';
import { WalletService } from '../wallet/service.js';
import { createFormatter } from './format.js';
import {
  canPrompt,
  promptHidden,
  promptLine,
  readSecretFile,
  readTextFile,
  SecretInputError,
} from './password-prompt.js';
import { connectToServer } from './remote-client.js';
import { readServerInfo } from './server-info.js';

/**
 * `lumbung wallet …`: the owner's wallet from a terminal. Secrets come from a prompt
 * without echo or from files, never from the command line.
 */

export const WALLET_FAILED = 1;
export const WALLET_BAD_INPUT = 2;

const TOKEN_SYMBOL = 'LMB';
const TOKEN_DECIMALS = 18;

class Stop extends Error {
  constructor(
    readonly why: Message,
    readonly exitCode: number = WALLET_BAD_INPUT,
  ) {
    super(why.key);
  }
}

interface ChainOptions {
  rpc?: string;
  chainId?: string;
  token?: string;
}
interface CommonOptions extends ChainOptions {
  json?: boolean;
  lang: string;
  password?: string | boolean;
  passwordFile?: string;
}

const AddressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const RpcSchema = z.string().regex(/^(https?|wss?):\/\/\S+$/);

/** Test hook: a low scrypt cost so tests do not spend seconds per keystore. */
function scryptFromEnv(): { N: number } | undefined {
  const raw = process.env.LUMBUNG_TEST_SCRYPT_N;
  if (raw === undefined) return undefined;
  const parsed = z.coerce
    .number()
    .int()
    .min(1024)
    .refine((n) => (n & (n - 1)) === 0)
    .safeParse(raw);
  return parsed.success ? { N: parsed.data } : undefined;
}

interface ChainSetup {
  rpcUrl: string;
  chainId: number;
  token: string | null;
}

/** The local chain the app recorded, overridden by --rpc/--chain-id/--token. */
async function chainSetup(dataDir: string, opts: ChainOptions): Promise<ChainSetup | null> {
  if (opts.rpc !== undefined && !RpcSchema.safeParse(opts.rpc).success)
    throw new Stop(msg('cli:wallet.badRpc', { value: opts.rpc.slice(0, 200) }));
  if (opts.token !== undefined && !AddressSchema.safeParse(opts.token).success)
    throw new Stop(msg('cli:wallet.badAddress', { value: opts.token.slice(0, 100) }));
  let chainIdOverride: number | null = null;
  if (opts.chainId !== undefined) {
    const n = Number(opts.chainId);
    if (!/^\d+$/.test(opts.chainId) || !Number.isSafeInteger(n) || n < 1)
      throw new Stop(msg('cli:wallet.badChainId'));
    chainIdOverride = n;
  }
  let recorded: z.infer<typeof ChainFileSchema> | null = null;
  try {
    const raw: unknown = JSON.parse(
      await readFile(join(dataPaths(dataDir).networkDir, 'chain.json'), 'utf8'),
    );
    const parsed = ChainFileSchema.safeParse(raw);
    recorded = parsed.success ? parsed.data : null;
  } catch {
    recorded = null;
  }
  const rpcUrl = opts.rpc ?? recorded?.rpcUrl;
  if (rpcUrl === undefined) return null;
  let chainId = chainIdOverride ?? (opts.rpc === undefined ? recorded?.chainId : undefined);
  if (chainId === undefined) chainId = Number(await fetchChainId(rpcUrl));
  const token = opts.token ?? (opts.rpc === undefined ? (recorded?.token ?? null) : null);
  return { rpcUrl, chainId, token };
}

interface OpenedWallet {
  service: WalletService;
  chain: ChainSetup | null;
  close(): void;
}

async function openWallet(dataDir: string, opts: ChainOptions): Promise<OpenedWallet> {
  const chain = await chainSetup(dataDir, opts);
  let provider: JsonRpcApiProvider | null = null;
  const scrypt = scryptFromEnv();
  const service = new WalletService({
    dir: dataPaths(dataDir).walletDir,
    ...(scrypt ? { scrypt } : {}),
    ...(chain
      ? {
          provider: () => (provider ??= connectProvider(chain.rpcUrl, chain.chainId)),
          chainId: chain.chainId,
          ...(chain.token
            ? { token: { address: chain.token, decimals: TOKEN_DECIMALS, symbol: TOKEN_SYMBOL } }
            : {}),
        }
      : {}),
  });
  return {
    service,
    chain,
    close: () => {
      service.close();
      provider?.destroy();
    },
  };
}

/** The password from --password-file, or asked at the terminal (twice when new). */
async function obtainPassword(opts: CommonOptions, isNew: boolean): Promise<string> {
  if (opts.passwordFile !== undefined) return readSecretFile(opts.passwordFile);
  if (!canPrompt()) throw new SecretInputError('noTty');
  const f = createFormatter(lang(opts));
  if (!isNew) return promptHidden(f(msg('cli:wallet.passwordPrompt')));
  const first = await promptHidden(f(msg('cli:wallet.newPasswordPrompt')));
  const second = await promptHidden(f(msg('cli:wallet.repeatPasswordPrompt')));
  if (first !== second) throw new Stop(msg('cli:wallet.passwordsDiffer'));
  return first;
}

const lang = (opts: { lang: string }): 'en' | 'id' => (opts.lang === 'id' ? 'id' : 'en');

function explain(error: unknown, what: string, option: string): { why: Message; code: number } {
  if (error instanceof Stop) return { why: error.why, code: error.exitCode };
  if (error instanceof WalletError) return { why: error.info, code: WALLET_FAILED };
  if (error instanceof ChainError) return { why: error.userMessage, code: WALLET_FAILED };
  if (error instanceof SecretInputError) {
    if (error.code === 'noTty')
      return { why: msg('cli:wallet.needTty', { what, option }), code: 2 };
    if (error.code === 'cancelled') return { why: msg('cli:wallet.cancelled'), code: 1 };
    if (error.code === 'empty')
      return { why: msg('cli:wallet.passwordEmpty', { file: error.file ?? '' }), code: 2 };
    return { why: msg('cli:common.unreadableFile', { file: error.file ?? '' }), code: 2 };
  }
  const detail = error instanceof Error ? error.name : 'error';
  return { why: msg('cli:common.unexpected', { detail }), code: WALLET_FAILED };
}

type Out = (line: string) => void;

interface Ctx {
  dataDir: string;
  f: (m: Message) => string;
  out: Out;
  err: Out;
}

/** Wraps an action: refuses --password, reports errors in words (or JSON), sets the exit code. */
function action<O extends CommonOptions>(
  program: Command,
  out: Out,
  err: Out,
  secretWhat: string,
  secretOption: string,
  body: (opts: O, ctx: Ctx) => Promise<void>,
) {
  return async (opts: O): Promise<void> => {
    const f = createFormatter(lang(opts));
    if (opts.password !== undefined) {
      err(f(msg('cli:wallet.passwordFlag')));
      process.exitCode = WALLET_BAD_INPUT;
      return;
    }
    const { dataDir } = program.opts<{ dataDir: string }>();
    try {
      await body(opts, { dataDir, f, out, err });
    } catch (error) {
      const { why, code } = explain(error, secretWhat, secretOption);
      if (opts.json) out(JSON.stringify({ ok: false, error: { ...why, text: f(why) } }, null, 2));
      else err(f(why));
      process.exitCode = code;
    }
  };
}

function withCommon(cmd: Command, chain: boolean): Command {
  cmd
    .option('--json', 'print the answer as JSON')
    .option('--lang <lang>', 'en or id', language, 'en')
    // Present only to refuse it with an explanation instead of "unknown option".
    .addOption(new Option('--password [password]').hideHelp());
  if (chain)
    cmd
      .option('--rpc <url>', 'blockchain address (default: the one Lumbung set up)')
      .option('--chain-id <n>', 'chain id of --rpc (default: asked from it)')
      .option('--token <address>', 'reward token contract (default: the one Lumbung set up)');
  return cmd;
}

async function wordsFromFile(file: string, positions: number[]): Promise<string[]> {
  const words = (await readTextFile(file)).split(/\s+/);
  if (words.length !== 12 && words.length !== 24)
    throw new Stop(msg('cli:wallet.wordsFileCount', { count: words.length }));
  return positions.map((p) => words[p - 1] ?? '');
}

async function runBackupCheck(
  service: WalletService,
  ctx: Ctx,
  wordsFile: string | undefined,
): Promise<void> {
  const { positions } = await service.backupChallenge();
  let words: string[];
  if (wordsFile !== undefined) words = await wordsFromFile(wordsFile, positions);
  else {
    ctx.err(ctx.f(msg('cli:wallet.challenge')));
    words = [];
    for (const position of positions)
      words.push(await promptLine(ctx.f(msg('cli:wallet.wordPrompt', { position }))));
  }
  await service.confirmBackup({
    words: positions.map((position, i) => ({ position, word: words[i] ?? '' })),
  });
}

function parseAmount(value: string): string {
  try {
    const units = parseTokens(value.trim(), TOKEN_DECIMALS);
    if (units <= 0n) throw new RangeError('not positive');
    return units.toString();
  } catch {
    throw new Stop(msg('cli:wallet.badAmount', { value: value.slice(0, 80) }));
  }
}

function language(value: string): 'en' | 'id' {
  if (value !== 'en' && value !== 'id') throw new InvalidArgumentError('use en or id');
  return value;
}

export function registerWalletCommand(
  program: Command,
  out: Out,
  err: Out = (l) => console.error(l),
): Command {
  const wallet = program
    .command('wallet')
    .description('your wallet: create, import, balance, withdraw, lock and unlock');
  const pw = 'your password';
  const pwOpt = '--password-file FILE';

  withCommon(wallet.command('create').description('make a new wallet (12 recovery words)'), false)
    .option('--password-file <file>', 'read the new password from this file (first line)')
    .action(
      action<CommonOptions>(program, out, err, pw, pwOpt, async (opts, ctx) => {
        const password = await obtainPassword(opts, true);
        const opened = await openWallet(ctx.dataDir, {});
        try {
          const created = await opened.service.create({ password });
          const interactive = canPrompt() && opts.passwordFile === undefined;
          if (opts.json) {
            out(
              JSON.stringify(
                { ok: true, address: created.address, phrase: created.phrase, backedUp: false },
                null,
                2,
              ),
            );
          } else {
            out(ctx.f(msg('cli:wallet.created', { address: created.address })));
            out(ctx.f(msg('cli:wallet.phraseWarning')));
            created.phrase.split(' ').forEach((word, i) => out(`  ${i + 1}. ${word}`));
          }
          if (interactive && !opts.json) {
            await runBackupCheck(opened.service, ctx, undefined);
            out(ctx.f(msg('cli:wallet.backedUp')));
          } else if (!opts.json) err(ctx.f(msg('cli:wallet.confirmLater')));
        } finally {
          opened.close();
        }
      }),
    );

  withCommon(
    wallet.command('confirm-backup').description('prove the recovery words are written down'),
    false,
  )
    .option('--password-file <file>', 'read the password from this file (first line)')
    .option('--words-file <file>', 'read the whole recovery phrase from this file')
    .action(
      action<CommonOptions & { wordsFile?: string }>(
        program,
        out,
        err,
        pw,
        pwOpt,
        async (opts, ctx) => {
          const password = await obtainPassword(opts, false);
          const opened = await openWallet(ctx.dataDir, {});
          try {
            await opened.service.unlock({ password });
            await runBackupCheck(opened.service, ctx, opts.wordsFile);
            const summary = await opened.service.summary();
            if (opts.json) out(JSON.stringify({ ok: true, ...summary }, null, 2));
            else out(ctx.f(msg('cli:wallet.backedUp')));
          } finally {
            opened.close();
          }
        },
      ),
    );

  withCommon(
    wallet.command('import').description('use a wallet you already have (phrase or private key)'),
    false,
  )
    .option('--phrase-file <file>', 'read the recovery phrase from this file')
    .option('--key-file <file>', 'read the private key from this file')
    .option('--password-file <file>', 'read the new password from this file (first line)')
    .action(
      action<CommonOptions & { phraseFile?: string; keyFile?: string }>(
        program,
        out,
        err,
        'the recovery phrase',
        '--phrase-file FILE or --key-file FILE',
        async (opts, ctx) => {
          let secret: string;
          let isKey: boolean;
          if (opts.phraseFile !== undefined && opts.keyFile !== undefined)
            throw new Stop(
              msg('cli:wallet.needTty', {
                what: 'one secret',
                option: '--phrase-file or --key-file, not both',
              }),
            );
          if (opts.phraseFile !== undefined) {
            secret = await readTextFile(opts.phraseFile);
            isKey = false;
          } else if (opts.keyFile !== undefined) {
            secret = await readTextFile(opts.keyFile);
            isKey = true;
          } else {
            secret = (await promptHidden(ctx.f(msg('cli:wallet.secretPrompt')))).trim();
            isKey = /^(0x)?[0-9a-fA-F]{64}$/.test(secret);
          }
          const password = await obtainPassword(opts, true);
          const opened = await openWallet(ctx.dataDir, {});
          try {
            const summary = isKey
              ? await opened.service.importPrivateKey({ key: secret, password })
              : await opened.service.importMnemonic({
                  phrase: secret.split(/\s+/).join(' '),
                  password,
                });
            if (opts.json) out(JSON.stringify({ ok: true, ...summary }, null, 2));
            else out(ctx.f(msg('cli:wallet.imported', { address: summary.address ?? '' })));
          } finally {
            opened.close();
          }
        },
      ),
    );

  withCommon(wallet.command('address').description('show the wallet’s address'), false).action(
    action<CommonOptions>(program, out, err, pw, pwOpt, async (opts, ctx) => {
      const opened = await openWallet(ctx.dataDir, {});
      try {
        const summary = await opened.service.summary();
        if (summary.address === null) throw new Stop(msg('cli:wallet.noWallet'), WALLET_FAILED);
        if (opts.json) out(JSON.stringify({ ok: true, ...summary }, null, 2));
        else {
          out(ctx.f(msg('cli:wallet.address', { address: summary.address })));
          out(
            ctx.f(
              msg('cli:wallet.stateLine', { state: summary.state, backedUp: summary.backedUp }),
            ),
          );
        }
      } finally {
        opened.close();
      }
    }),
  );

  withCommon(wallet.command('balance').description('show what the wallet holds'), true).action(
    action<CommonOptions>(program, out, err, pw, pwOpt, async (opts, ctx) => {
      const opened = await openWallet(ctx.dataDir, opts);
      try {
        if (opened.chain === null) throw new Stop(msg('cli:wallet.noChain'), WALLET_FAILED);
        const b = await opened.service.balances();
        const native = formatTokens(b.native, 18);
        const token = b.token === null ? null : formatTokens(b.token, b.decimals);
        if (opts.json) {
          out(
            JSON.stringify(
              { ok: true, ...b, nativeFormatted: native, tokenFormatted: token },
              null,
              2,
            ),
          );
          return;
        }
        out(ctx.f(msg('cli:wallet.nativeBalance', { amount: native })));
        out(
          ctx.f(
            token === null
              ? msg('cli:wallet.tokenUnknown')
              : msg('cli:wallet.tokenBalance', { amount: token, symbol: b.tokenSymbol ?? '' }),
          ),
        );
        out(ctx.f(msg('cli:wallet.chain', { chainId: b.chainId })));
      } finally {
        opened.close();
      }
    }),
  );

  withCommon(wallet.command('withdraw').description('send coins or tokens out of the wallet'), true)
    .requiredOption('--to <address>', 'where to send')
    .requiredOption('--amount <tokens>', 'how much, in whole tokens, e.g. 1.5')
    .option('--asset <asset>', 'native (the chain’s coin) or token', 'token')
    .option('--yes', 'send without asking to confirm')
    .option('--password-file <file>', 'read the password from this file (first line)')
    .action(
      action<CommonOptions & { to: string; amount: string; asset: string; yes?: boolean }>(
        program,
        out,
        err,
        pw,
        pwOpt,
        async (opts, ctx) => {
          if (opts.asset !== 'native' && opts.asset !== 'token')
            throw new Stop(msg('cli:common.unexpected', { detail: '--asset: native or token' }));
          const asset: WithdrawAsset = opts.asset;
          if (!AddressSchema.safeParse(opts.to).success)
            throw new Stop(msg('cli:wallet.badAddress', { value: opts.to.slice(0, 100) }));
          const amount = parseAmount(opts.amount);
          if (!opts.yes && !canPrompt()) throw new Stop(msg('cli:wallet.needYes'));
          const opened = await openWallet(ctx.dataDir, opts);
          try {
            if (opened.chain === null) throw new Stop(msg('cli:wallet.noChain'), WALLET_FAILED);
            const quote = await opened.service.quoteWithdraw({ to: opts.to, amount, asset });
            const quoteText = ctx.f(
              msg('cli:wallet.quote', {
                amount: formatTokens(amount, TOKEN_DECIMALS),
                asset: asset === 'token' ? TOKEN_SYMBOL : 'native',
                to: quote.to,
                gas: formatTokens(quote.gasWei, 18),
                total: formatTokens(quote.totalWei, 18),
              }),
            );
            if (!opts.json) err(quoteText);
            if (!opts.yes) {
              const answer = await promptLine(ctx.f(msg('cli:wallet.confirmPrompt')));
              if (answer.trim().toLowerCase() !== 'yes') {
                err(ctx.f(msg('cli:wallet.cancelled')));
                process.exitCode = WALLET_FAILED;
                return;
              }
            }
            const password = await obtainPassword(opts, false);
            const sent = await opened.service.withdraw({ to: opts.to, amount, asset, password });
            if (opts.json) out(JSON.stringify({ ok: true, ...sent, quote }, null, 2));
            else out(ctx.f(msg('cli:wallet.sent', { txHash: sent.txHash })));
          } finally {
            opened.close();
          }
        },
      ),
    );

  withCommon(
    wallet.command('unlock').description('unlock the wallet of the running Lumbung'),
    false,
  )
    .option('--password-file <file>', 'read the password from this file (first line)')
    .action(
      action<CommonOptions>(program, out, err, pw, pwOpt, async (opts, ctx) => {
        const password = await obtainPassword(opts, false);
        const info = await readServerInfo(ctx.dataDir);
        if (info === null) {
          // Nothing to keep it unlocked in; still worth telling whether the password is right.
          const opened = await openWallet(ctx.dataDir, {});
          try {
            await opened.service.unlock({ password });
          } finally {
            opened.close();
          }
          if (opts.json) out(JSON.stringify({ ok: true, running: false }, null, 2));
          else out(ctx.f(msg('cli:wallet.passwordOk')));
          return;
        }
        const summary = await remote(ctx.dataDir, info.port, (c) =>
          c.call('wallet.unlock', { password }),
        );
        if (opts.json) out(JSON.stringify({ ok: true, running: true, ...summary }, null, 2));
        else out(ctx.f(msg('cli:wallet.unlockedRemote')));
      }),
    );

  withCommon(
    wallet.command('lock').description('lock the wallet of the running Lumbung'),
    false,
  ).action(
    action<CommonOptions>(program, out, err, pw, pwOpt, async (opts, ctx) => {
      const info = await readServerInfo(ctx.dataDir);
      if (info === null) {
        if (opts.json) out(JSON.stringify({ ok: true, running: false }, null, 2));
        else out(ctx.f(msg('cli:wallet.lockedAlready')));
        return;
      }
      const summary = await remote(ctx.dataDir, info.port, (c) => c.call('wallet.lock'));
      if (opts.json) out(JSON.stringify({ ok: true, running: true, ...summary }, null, 2));
      else out(ctx.f(msg('cli:wallet.lockedRemote')));
    }),
  );

  return wallet;
}

type Client = ReturnType<typeof connectToServer>['client'];

async function remote<T>(
  dataDir: string,
  port: number,
  call: (c: Client) => Promise<T>,
): Promise<T> {
  const token = (await readFile(dataPaths(dataDir).tokenFile, 'utf8')).trim();
  const { client, close } = connectToServer(port, token);
  try {
    return await Promise.race([
      call(client),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Stop(msg('cli:common.notRunning'), WALLET_FAILED)),
          10_000,
        ).unref(),
      ),
    ]);
  } finally {
    close();
  }
}
