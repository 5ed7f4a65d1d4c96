import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Wallet, getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { VoucherFrame } from '../../../src/api/protocol-schemas.js';
import { signVoucher, voucherDomain } from '../../../src/network/chain/voucher.js';
import { SettlementError } from '../../../src/settlement/errors.js';
import { VoucherStore } from '../../../src/settlement/voucher-store.js';

const payer = new Wallet('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const node = getAddress('0x1000000000000000000000000000000000000001');
const payout = getAddress('0x2000000000000000000000000000000000000002');
const vault = getAddress('0x3000000000000000000000000000000000000003');
const chainId = 31337;
const expected = { payer: payer.address, chainId, vault };

async function frame(cumulative: bigint, nonce: bigint): Promise<VoucherFrame> {
  const v = { node, payout, cumulative, nonce, deadline: 4_000_000_000n };
  return {
    v: 1,
    type: 'voucher',
    node,
    payout,
    cumulative: cumulative.toString(),
    nonce: nonce.toString(),
    deadline: v.deadline.toString(),
    chainId,
    vault,
    signature: await signVoucher(payer, voucherDomain(chainId, vault), v),
  };
}

async function withDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-vstore-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('VoucherStore', () => {
  it('whatever the order vouchers arrive in, keeps the one with the highest cumulative', async () => {
    // A fixed pool of signed vouchers (signing is the slow part), shuffled by fast-check.
    const pool = await Promise.all(
      [1n, 5n, 7n, 12n, 30n, 31n].map((c, i) => frame(c * 10n ** 18n, BigInt(i + 1))),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 8 }),
        async (order) =>
          withDir(async (dir) => {
            const path = join(dir, 'vouchers.json');
            const store = await VoucherStore.open(path);
            for (const i of order) await store.accept(pool[i]!, expected);
            const max = order
              .map((i) => BigInt(pool[i]!.cumulative))
              .reduce((a, b) => (a > b ? a : b));
            expect(store.latest(expected)?.cumulative).toBe(max.toString());
            // And the same after a restart.
            expect((await VoucherStore.open(path)).latest(expected)?.cumulative).toBe(
              max.toString(),
            );
          }),
      ),
      { numRuns: 25 },
    );
  });

  it('writes the file owner-only and refuses to start over a damaged one', async () => {
    await withDir(async (dir) => {
      const path = join(dir, 'vouchers.json');
      const store = await VoucherStore.open(path);
      expect((await store.accept(await frame(1n, 1n), expected)).status).toBe('stored');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      await writeFile(path, '{"version":1,"latest":[');
      const err = await VoucherStore.open(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SettlementError);
      expect((err as SettlementError).userMessage.key).toBe('settlement:store.unreadable');
    });
  });

  it('refuses vouchers for another node or payout when told whom to expect', async () => {
    await withDir(async (dir) => {
      const store = await VoucherStore.open(join(dir, 'v.json'));
      const f = await frame(1n, 1n);
      const other = getAddress('0x4000000000000000000000000000000000000004');
      const a = await store.accept(f, { ...expected, node: other });
      const b = await store.accept(f, { ...expected, payout: other });
      expect([a, b].map((r) => (r.status === 'rejected' ? r.reason.key : r.status))).toEqual([
        'settlement:store.wrongNode',
        'settlement:store.wrongPayout',
      ]);
    });
  });
});
