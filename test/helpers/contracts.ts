import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Contract, Wallet } from 'ethers';
import type { JsonRpcProvider } from 'ethers';
import { loadArtifact } from '../../src/network/chain/artifacts.js';
import { deployContracts } from '../../src/network/chain/deploy.js';
import type { DeployOptions, DeployedContracts } from '../../src/network/chain/deploy.js';
import { connectProvider } from '../../src/network/chain/provider.js';
import { startAnvil } from './anvil.js';
import type { TestAnvil } from './anvil.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let built = false;

/** Compiles the contracts unless the build is current (the script's hash stamp makes this cheap). */
export function ensureContractsBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'compile-contracts.js')], {
    stdio: 'pipe',
  });
  built = true;
}

export const TOKENS = (n: number | bigint): bigint => BigInt(n) * 10n ** 18n;

export interface ChainFixture {
  anvil: TestAnvil;
  provider: JsonRpcProvider;
  /** Account 0: deploys and owns everything, holds SLASHER_ROLE, is the treasury. */
  deployer: Wallet;
  /** Account 1: signs vouchers and funds the vault. */
  payer: Wallet;
  /** Accounts 2..: nodes and others, for tests to use. */
  others: Wallet[];
  addresses: DeployedContracts;
  token: Contract;
  vault: Contract;
  staking: Contract;
  /** Contract handles bound to another signer. */
  as(signer: Wallet): { token: Contract; vault: Contract; staking: Contract };
  stop(): Promise<void>;
}

/** A fresh anvil with all three contracts deployed; the payer starts with 1 000 000 LMB. */
export async function deployFresh(
  opts: Omit<DeployOptions, 'payer'> & { blockTime?: number } = {},
): Promise<ChainFixture> {
  ensureContractsBuilt();
  const anvil = await startAnvil(opts.blockTime === undefined ? {} : { blockTime: opts.blockTime });
  try {
    const provider = connectProvider(anvil.rpcUrl, anvil.chainId);
    const [deployer, payer, ...others] = anvil.accounts.map((k) => new Wallet(k, provider));
    if (deployer === undefined || payer === undefined)
      throw new Error('anvil gave too few accounts');
    const addresses = await deployContracts(deployer, {
      ...opts,
      payer: payer.address,
      mint: [{ to: payer.address, amount: TOKENS(1_000_000) }, ...(opts.mint ?? [])],
    });
    const as = (signer: Wallet) => ({
      token: new Contract(addresses.token, loadArtifact('RewardToken').iface, signer),
      vault: new Contract(addresses.vault, loadArtifact('PaymentVault').iface, signer),
      staking: new Contract(addresses.staking, loadArtifact('Staking').iface, signer),
    });
    return {
      anvil,
      provider,
      deployer,
      payer,
      others,
      addresses,
      ...as(deployer),
      as,
      stop: async () => {
        provider.destroy();
        await anvil.stop();
      },
    };
  } catch (err) {
    await anvil.stop();
    throw err;
  }
}
