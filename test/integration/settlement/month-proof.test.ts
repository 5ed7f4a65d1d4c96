import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthProof } from '../../../src/api/settlement-schemas.js';
import { registerVerifyCommand } from '../../../src/headless/verify-cli.js';
import { depositToVault } from '../../../src/network/chain/vault.js';
import { claim } from '../../../src/settlement/claimer.js';
import { exportMonthProof, verifyMonthProof } from '../../../src/settlement/month-proof.js';
import { attachToLedger } from '../../../src/settlement/voucher-store.js';
import { deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';
import {
  T,
  creditedJob,
  expectation,
  openBooks,
  tempDir,
  voucherFrame,
  randomWallet,
} from './fixture.js';

let f: ChainFixture;
let dir: string;
let cleanup: () => Promise<void>;
let proof: MonthProof;

const OCT = Date.UTC(2026, 9, 20);
const NOV = Date.UTC(2026, 10, 5);

beforeAll(async () => {
  f = await deployFresh();
  await depositToVault(f.payer, f.addresses.token, f.addresses.vault, T(1000));
  ({ dir, cleanup } = await tempDir());
  const { ledger, store } = await openBooks(dir);
  const device = randomWallet();
  const payout = randomWallet();
  await (await f.deployer.sendTransaction({ to: device.address, value: 10n ** 17n })).wait();
  const deps = {
    provider: f.provider,
    deviceSigner: device,
    vault: f.addresses.vault,
    store,
    ledger,
  };
  const pay = async (cumulative: bigint, nonce: bigint) => {
    const frame = await voucherFrame(f.payer, f.anvil.chainId, f.addresses.vault, {
      node: device.address,
      payout: payout.address,
      cumulative,
      nonce,
    });
    const r = await store.accept(
      frame,
      expectation(f.payer.address, f.anvil.chainId, f.addresses.vault),
    );
    if (r.status !== 'stored') throw new Error('voucher not stored');
    await attachToLedger(ledger, r.voucher);
  };
  await creditedJob(ledger, device, 'oct-1', T(4), OCT);
  await pay(T(4), 1n);
  await claim(deps);
  await creditedJob(ledger, device, 'nov-1', T(10), NOV);
  await pay(T(14), 2n);
  await creditedJob(ledger, device, 'nov-2', T(6), NOV + 3_600_000);
  await pay(T(20), 3n);
  await claim(deps);
  proof = await exportMonthProof(ledger, '2026-11', 'UTC', { store });
  await ledger.close();
});
afterAll(async () => {
  await cleanup?.();
  await f?.stop();
});

describe('month proof', () => {
  it('lists the paid jobs with receipts, vouchers and the claim, and verifies against the chain', async () => {
    expect(proof.jobs.map((j) => [j.jobId, j.amount])).toEqual([
      ['nov-1', T(10).toString()],
      ['nov-2', T(6).toString()],
    ]);
    expect(proof.total).toBe(T(16).toString());
    expect(proof.claims).toHaveLength(1);
    expect(proof.claims[0]).toMatchObject({
      amount: T(16).toString(),
      cumulative: T(20).toString(),
    });
    expect(proof.openings).toEqual([expect.objectContaining({ cumulative: T(4).toString() })]);
    expect(proof.jobs.every((j) => j.receipt !== null && j.voucher.payer === f.payer.address)).toBe(
      true,
    );

    const report = await verifyMonthProof(JSON.parse(JSON.stringify(proof)), f.provider);
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      jobs: 2,
      claims: 1,
      total: T(16).toString(),
    });
  });

  it('fails a proof whose claim amount was changed', async () => {
    const tampered = structuredClone(proof);
    tampered.claims[0]!.amount = T(17).toString();
    const report = await verifyMonthProof(tampered, f.provider);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        key: 'settlement:proof.claimMismatch',
        values: expect.objectContaining({ field: 'amount' }),
      }),
    );
  });

  it('fails a proof whose job amounts were inflated, even with a matching total', async () => {
    const tampered = structuredClone(proof);
    tampered.jobs[1]!.amount = T(7).toString();
    tampered.total = T(17).toString();
    const report = await verifyMonthProof(tampered, f.provider);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.key)).toContain('settlement:proof.notCovered');
  });

  it('fails a proof with a forged voucher or receipt signature', async () => {
    const tampered = structuredClone(proof);
    tampered.jobs[0]!.voucher.cumulative = T(15).toString();
    tampered.jobs[1]!.receipt!.hash = `0x${'11'.repeat(32)}`;
    const keys = (await verifyMonthProof(tampered, f.provider)).problems.map((p) => p.key);
    expect(keys).toContain('settlement:proof.voucherSignature');
    expect(keys).toContain('settlement:proof.receiptSignature');
  });

  it('lumbung verify checks the ledger on disk, exports, and exits non-zero on a tampered file', async () => {
    await writeFile(
      join(dir, 'network', 'chain.json'),
      JSON.stringify({
        rpcUrl: f.anvil.rpcUrl,
        chainId: f.anvil.chainId,
        vault: f.addresses.vault,
        token: f.addresses.token,
        staking: f.addresses.staking,
      }),
    );
    const run = async (...args: string[]): Promise<{ lines: string[]; code: number }> => {
      const lines: string[] = [];
      const program = new Command('lumbung').option('--data-dir <dir>', 'data', dir).exitOverride();
      registerVerifyCommand(program, (l) => lines.push(l));
      process.exitCode = 0;
      await program.parseAsync(['node', 'lumbung', ...args]);
      const code = Number(process.exitCode ?? 0);
      process.exitCode = 0;
      return { lines, code };
    };
    const exported = join(dir, 'proof-2026-11.json');
    const ok = await run(
      'verify',
      '--month',
      '2026-11',
      '--tz',
      'UTC',
      '--export',
      exported,
      '--json',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.lines.join('\n'))).toMatchObject({ ok: true, jobs: 2, claims: 1 });

    const file = JSON.parse(await readFile(exported, 'utf8')) as MonthProof;
    file.claims[0]!.cumulative = T(21).toString();
    await writeFile(exported, JSON.stringify(file));
    const bad = await run('verify', '--month', '2026-11', '--proof', exported, '--lang', 'id');
    expect(bad.code).toBe(1);
    // A headline, then one line per thing that does not match.
    expect(bad.lines.filter((l) => l.startsWith('  ✗ '))).toHaveLength(1);
  });
});
