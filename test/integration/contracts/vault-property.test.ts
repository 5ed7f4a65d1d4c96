import fc from 'fast-check';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../src/network/chain/chain-error.js';
import { claimVoucher, depositToVault, readClaimed } from '../../../src/network/chain/vault.js';
import { signVoucher, voucherDomain } from '../../../src/network/chain/voucher.js';
import { TOKENS, deployFresh } from '../../helpers/contracts.js';
import type { ChainFixture } from '../../helpers/contracts.js';

let f: ChainFixture;
beforeAll(async () => {
  f = await deployFresh();
  await depositToVault(f.payer, f.addresses.token, f.addresses.vault, TOKENS(100_000));
});
afterAll(async () => {
  await f?.stop();
});

describe('PaymentVault with any order of cumulative vouchers', () => {
  it('pays in total exactly the highest cumulative, never more', async () => {
    const domain = voucherDomain(f.anvil.chainId, f.addresses.vault);
    const deadline = BigInt((await f.provider.getBlock('latest'))!.timestamp) + 86_400n;
    // Small values collide often, so repeats and decreases are exercised, not just growth.
    const amount = fc.oneof(
      fc.bigInt({ min: 0n, max: 5n }),
      fc.bigInt({ min: 0n, max: TOKENS(50) }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(amount, { minLength: 1, maxLength: 6 }), async (cumulatives) => {
        // A fresh node each run; the deployer submits, as a relayer would, so the node needs no gas.
        const node = Wallet.createRandom();
        const payout = Wallet.createRandom().address;
        let highest = 0n;
        let paid = 0n;
        for (const [i, cumulative] of cumulatives.entries()) {
          const v = { node: node.address, payout, cumulative, nonce: BigInt(i), deadline };
          const sig = await signVoucher(f.payer, domain, v);
          const result = await claimVoucher(f.deployer, f.addresses.vault, v, sig).catch(
            (e: unknown) => e,
          );
          if (cumulative > highest) {
            expect(result).not.toBeInstanceOf(Error);
            const r = result as { amount: bigint };
            expect(r.amount).toBe(cumulative - highest);
            paid += r.amount;
            highest = cumulative;
          } else {
            expect(result).toBeInstanceOf(ChainError);
            expect((result as ChainError).code).toBe('NothingToClaim');
          }
        }
        expect(paid).toBe(highest);
        expect(BigInt(await f.token.getFunction('balanceOf')(payout))).toBe(highest);
        expect(await readClaimed(f.provider, f.addresses.vault, node.address)).toBe(highest);
      }),
      { numRuns: 25 },
    );
  });
});
