import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EarningsSummary, LedgerEntry } from '../../../src/api/ledger-schemas.js';
import { startNode, type StartedNode } from '../../../src/node/index.js';
import { until as waitUntil } from '../../helpers/until.js';

const until = <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000) =>
  waitUntil(what, probe, timeoutMs);

let node: StartedNode;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lumbung-node-'));
  node = await startNode({
    dataDir,
    shell: 'headless',
    // Jobs long enough to bill whole seconds even on a fast machine.
    network: { kind: 'local', offerIntervalMs: 500, jobSize: 20_000 },
    walletScrypt: { N: 1024 },
    gpu: {
      systeminformation: false,
      tools: { nvidiaSmi: '/nonexistent', rocmSmi: '/nonexistent' },
    },
    log: () => undefined,
  });
}, 120_000);

afterAll(async () => {
  await node?.stop();
});

describe('the earning loop on the embedded local network', () => {
  it('is blocked without a wallet and says how to fix it', async () => {
    const status = await node.api['sharing.set']({ on: true });
    expect(status.state).toBe('blocked');
    const wallet = status.checks.find((c) => c.id === 'wallet');
    expect(wallet?.ok).toBe(false);
    expect(wallet?.fix?.key).toBe('common:check.walletFix');
  });

  it('joins, runs a sample job in the sandbox, and is credited with a voucher', async () => {
    await node.api['settings.update']({ policy: { schedule: { preset: 'always', spans: [] } } });
    const created = await node.api['wallet.create']({ password: 'correct horse battery' });
    expect(created.phrase.split(' ')).toHaveLength(12);
    const joined = await until('connected to the local network', async () => {
      const s = await node.api['status.get'](undefined);
      return s.network.connected ? s : null;
    });
    expect(['ready', 'running']).toContain(joined.state);
    expect(joined.network.mode).toBe('local');

    const credited = await until('a credited job', async () => {
      const page = await node.api['earnings.entries']({ offset: 0, limit: 50, timeZone: 'UTC' });
      return (
        page.entries.find(
          (e: LedgerEntry) => e.state === 'credited' && e.voucher !== null && BigInt(e.amount) > 0n,
        ) ?? null
      );
    });
    expect(BigInt(credited.amount)).toBeGreaterThan(0n);
    expect(credited.receipt?.signature).toMatch(/^0x[0-9a-f]{130}$/);
    expect(credited.voucher?.payer).toMatch(/^0x/);

    const summary: EarningsSummary = await node.api['earnings.summary'](undefined);
    expect(BigInt(summary.today.earned)).toBeGreaterThanOrEqual(BigInt(credited.amount));
    const csv = await node.api['earnings.csv']({});
    expect(csv.csv).toContain(credited.jobId);
  }, 120_000);

  it('claims the vouchered earnings on chain: the wallet balance rises by exactly the claimed amount', async () => {
    const before = await node.api['wallet.balances'](undefined);
    const status = await node.api['earnings.claimStatus'](undefined);
    expect(BigInt(status.claimable)).toBeGreaterThan(0n);
    const claimed = await node.api['earnings.claim'](undefined);
    expect(claimed.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt(claimed.amount)).toBeGreaterThan(0n);
    const after = await node.api['wallet.balances'](undefined);
    expect(BigInt(after.token!) - BigInt(before.token!)).toBe(BigInt(claimed.amount));
    const page = await node.api['earnings.entries']({ offset: 0, limit: 200, timeZone: 'UTC' });
    const paid = page.entries.filter((e) => e.state === 'claimed');
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((e) => e.claimTx === claimed.txHash)).toBe(true);
    // Claiming again finds nothing new to pay, and sends nothing.
    await expect(node.api['earnings.claim'](undefined)).rejects.toMatchObject({
      detail: { key: expect.stringMatching(/^settlement:claim\.(nothingToClaim|noVoucher)$/) },
    });
    const unchanged = await node.api['wallet.balances'](undefined);
    expect(unchanged.token).toBe(after.token);
  }, 120_000);

  it('switching sharing off stops taking jobs and says so', async () => {
    const status = await node.api['sharing.set']({ on: false });
    expect(status.state).toBe('off');
    expect(status.job).toBeNull();
  });
});
