import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { MonthKeySchema } from '../api/ledger-schemas.js';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import { formatTokens } from '../api/money.js';
import type { MonthProof, ProofReport } from '../api/settlement-schemas.js';
import { Ledger, LedgerError } from '../ledger/ledger.js';
import { ChainError } from '../network/chain/chain-error.js';
import { connectProvider, fetchChainId } from '../network/chain/provider.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { dataPaths } from '../platform/paths.js';
import { SettlementError } from '../settlement/errors.js';
import { readChainConfig } from '../settlement/chain-config.js';
import { exportMonthProof, verifyMonthProof } from '../settlement/month-proof.js';
import { settlementPaths } from '../settlement/paths.js';
import { VoucherStore } from '../settlement/voucher-store.js';
import { createFormatter } from './format.js';

interface VerifyOptions {
  month: string;
  rpc?: string;
  proof?: string;
  export?: string;
  json?: boolean;
  lang: 'en' | 'id';
  tz: string;
}

/** Exit codes: 0 everything matches, 1 something does not match, 2 could not check. */
export const VERIFY_MISMATCH = 1;
export const VERIFY_UNABLE = 2;

function month(value: string): string {
  if (!MonthKeySchema.safeParse(value).success)
    throw new InvalidArgumentError('use the form YYYY-MM, e.g. 2026-11');
  return value;
}

function language(value: string): 'en' | 'id' {
  if (value !== 'en' && value !== 'id') throw new InvalidArgumentError('use en or id');
  return value;
}

class Stop extends Error {
  constructor(readonly why: Message) {
    super(why.key);
  }
}

/**
 * `lumbung verify --month 2026-11`: builds the month's proof from the ledger (or reads
 * one exported earlier) and checks it against the chain, for the owner's accountant.
 */
export function registerVerifyCommand(program: Command, out: (line: string) => void): Command {
  return program
    .command('verify')
    .description("check a month's payments against the blockchain (for your books)")
    .requiredOption('--month <month>', 'the month to check, YYYY-MM', month)
    .option('--rpc <url>', 'blockchain address to check against (default: the configured one)')
    .option('--proof <file>', 'check this proof file instead of the ledger on this computer')
    .option('--export <file>', 'also save the proof to this file, for the accountant')
    .option('--json', 'print the report as JSON')
    .option('--lang <lang>', 'en or id', language, 'en')
    .option(
      '--tz <zone>',
      'time zone of the month',
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    )
    .action(async (opts: VerifyOptions) => {
      const { dataDir } = program.opts<{ dataDir: string }>();
      const f = createFormatter(opts.lang);
      try {
        const report = await runVerify(dataDir, opts, (m) => out(f(m)));
        if (opts.json) out(JSON.stringify(report, null, 2));
        else printReport(report, opts.lang, out);
        process.exitCode = report.ok ? 0 : VERIFY_MISMATCH;
      } catch (err) {
        const why = explain(err);
        if (opts.json) out(JSON.stringify({ ok: false, error: why }, null, 2));
        else out(f(why));
        process.exitCode = VERIFY_UNABLE;
      }
    });
}

async function runVerify(
  dataDir: string,
  opts: VerifyOptions,
  say: (m: Message) => void,
): Promise<ProofReport> {
  const config = await readChainConfig(dataDir);
  const proof =
    opts.proof === undefined ? await proofFromLedger(dataDir, opts) : await readProof(opts.proof);
  if (opts.export !== undefined) {
    await writeFileAtomic(opts.export, `${JSON.stringify(proof, null, 2)}\n`);
    if (!opts.json) say(msg('settlement:verify.exported', { file: opts.export }));
  }
  const rpcUrl = opts.rpc ?? config?.rpcUrl;
  if (rpcUrl === undefined) throw new Stop(msg('settlement:verify.noRpc'));
  const chainId =
    opts.rpc === undefined && config !== null ? config.chainId : await fetchChainId(rpcUrl);
  const provider = connectProvider(rpcUrl, chainId);
  try {
    const report = await verifyMonthProof(proof, provider);
    if (report.ok && report.month !== opts.month) {
      return {
        ...report,
        ok: false,
        problems: [msg('settlement:verify.otherMonth', { month: report.month, asked: opts.month })],
      };
    }
    return report;
  } finally {
    provider.destroy();
  }
}

async function proofFromLedger(dataDir: string, opts: VerifyOptions): Promise<MonthProof> {
  // Read-only: an accountant checks the books while the app keeps earning.
  const ledger = await Ledger.openReadOnly(dataPaths(dataDir).ledgerDir);
  try {
    const store = await VoucherStore.open(settlementPaths(dataDir).voucherStore);
    return await exportMonthProof(ledger, opts.month, opts.tz, { store });
  } finally {
    await ledger.close();
  }
}

async function readProof(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new Stop(msg('settlement:verify.proofUnreadable', { file }));
  }
}

function explain(err: unknown): Message {
  if (err instanceof Stop) return err.why;
  if (err instanceof SettlementError || err instanceof ChainError) return err.userMessage;
  if (err instanceof LedgerError) return err.detail;
  return msg('settlement:verify.unexpected', {
    detail: (err instanceof Error ? err.message : String(err)).slice(0, 200),
  });
}

export function printReport(
  report: ProofReport,
  lang: 'en' | 'id',
  out: (line: string) => void,
): void {
  const f = createFormatter(lang);
  const values = {
    month: report.month,
    jobs: report.jobs,
    claims: report.claims,
    total: formatTokens(report.total),
  };
  if (report.ok) {
    out(f(msg('settlement:verify.ok', values)));
    return;
  }
  out(f(msg('settlement:verify.failed', { ...values, count: report.problems.length })));
  for (const problem of report.problems) out(`  ✗ ${f(problem)}`);
}
