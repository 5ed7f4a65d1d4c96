import { describe, expect, it } from 'vitest';
import { SLASHER_ROLE } from '../../../src/network/chain/deploy.js';
import { readPayer } from '../../../src/network/chain/vault.js';
import { TOKENS, deployFresh } from '../../helpers/contracts.js';

describe('deployContracts', () => {
  it('deploys, grants and mints in one go on a chain with a block time', async () => {
    const f = await deployFresh({ blockTime: 1, unbondingPeriodSeconds: 60 });
    try {
      const { token, vault, staking, deployer, chainId } = f.addresses;
      expect(chainId).toBe(BigInt(f.anvil.chainId));
      for (const a of [token, vault, staking]) expect(await f.provider.getCode(a)).not.toBe('0x');
      expect(BigInt(await f.token.getFunction('balanceOf')(f.payer.address))).toBe(
        TOKENS(1_000_000),
      );
      expect(await f.staking.getFunction('hasRole')(SLASHER_ROLE, deployer)).toBe(true);
      expect(await f.staking.getFunction('unbondingPeriod')()).toBe(60n);
      expect(await f.staking.getFunction('treasury')()).toBe(deployer);
      expect(await f.vault.getFunction('token')()).toBe(token);
      expect(await readPayer(f.provider, vault)).toBe(f.payer.address);
    } finally {
      await f.stop();
    }
  });
});
