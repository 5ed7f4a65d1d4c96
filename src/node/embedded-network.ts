import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { Wallet, parseEther, parseUnits } from 'ethers';
import { z } from 'zod';
import { ANVIL_CHAIN_ID, anvilPrivateKeys, spawnAnvil } from '../network/chain/anvil.js';
import { contractAt } from '../network/chain/contract-at.js';
import { deployContracts } from '../network/chain/deploy.js';
import { connectProvider } from '../network/chain/provider.js';
import { depositToVault } from '../network/chain/vault.js';
import { ProtocolClient } from '../network/client.js';
import { startLocalNetwork } from '../network/local/coordinator.js';
import { ensureSampleImage } from '../network/local/sample-image.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import type { ChainLink, NetworkLink } from './network-link.js';

/** Where the local chain's contracts live; `lumbung verify` reads it too. */
export const ChainFileSchema = z.object({
  rpcUrl: z.string(),
  chainId: z.number().int().positive(),
  vault: z.string(),
  token: z.string(),
  staking: z.string(),
  payer: z.string(),
  fromBlock: z.number().int().nonnegative(),
});
export type ChainFile = z.infer<typeof ChainFileSchema>;

const VAULT_FLOAT = parseUnits('100000', 18);
/** What a newcomer's wallet receives to try staking, and its device key for gas. */
const WELCOME_TOKENS = parseUnits('100', 18);
const DEVICE_GAS = parseEther('1');

export interface EmbeddedChain {
  link: ChainLink;
  /** First block of the deployment, for event queries (slashes). */
  fromBlock: number;
  /** Gives a new node's wallet test tokens and its device key gas, once. */
  welcome(payout: string, device: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The local chain: anvil with its state kept in the data folder, the token, payment
 * and staking contracts deployed on first start, and the payer's vault funded.
 */
export async function startEmbeddedChain(networkDir: string): Promise<EmbeddedChain> {
  await mkdir(networkDir, { recursive: true, mode: 0o700 });
  const anvil = await spawnAnvil({
    chainId: ANVIL_CHAIN_ID,
    stateFile: join(networkDir, 'anvil-state.json'),
  });
  try {
    const provider = connectProvider(anvil.rpcUrl, anvil.chainId);
    const [deployerKey, payerKey] = anvilPrivateKeys(2) as [string, string];
    const deployer = new Wallet(deployerKey, provider);
    const payer = new Wallet(payerKey, provider);
    const file = join(networkDir, 'chain.json');
    let chain: ChainFile | null = null;
    try {
      chain = ChainFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      if ((await provider.getCode(chain.vault)) === '0x') chain = null;
    } catch {
      chain = null;
    }
    if (!chain) {
      const deployed = await deployContracts(deployer, {
        payer: payer.address,
        unbondingPeriodSeconds: 7 * 24 * 3600,
        mint: [{ to: payer.address, amount: VAULT_FLOAT * 2n }],
      });
      await depositToVault(payer, deployed.token, deployed.vault, VAULT_FLOAT);
      chain = {
        rpcUrl: anvil.rpcUrl,
        chainId: anvil.chainId,
        vault: deployed.vault,
        token: deployed.token,
        staking: deployed.staking,
        payer: payer.address,
        fromBlock: deployed.fromBlock,
      };
    }
    chain = { ...chain, rpcUrl: anvil.rpcUrl };
    await writeFileAtomic(file, JSON.stringify(chain, null, 2), { mode: 0o600 });
    const token = contractAt('RewardToken', chain.token, deployer);
    const welcomed = new Set<string>();
    return {
      fromBlock: chain.fromBlock,
      link: {
        rpcUrl: chain.rpcUrl,
        chainId: chain.chainId,
        vault: chain.vault,
        token: chain.token,
        staking: chain.staking,
        payer: chain.payer,
      },
      async welcome(payout, device) {
        const key = `${payout}:${device}`.toLowerCase();
        if (welcomed.has(key)) return;
        welcomed.add(key);
        // The device key pays for claims; the payout wallet for staking and withdrawals.
        for (const address of [device, payout]) {
          if ((await provider.getBalance(address)) < DEVICE_GAS / 2n) {
            await (await deployer.sendTransaction({ to: address, value: DEVICE_GAS })).wait();
          }
        }
        const balance = (await token.getFunction('balanceOf').staticCall(payout)) as bigint;
        if (balance === 0n) {
          await (await token.getFunction('mint').send(payout, WELCOME_TOKENS)).wait();
        }
      },
      stop: () => anvil.stop(),
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

/** The embedded default network: local coordinator paying on the local chain. */
export async function startEmbeddedNetwork(options: {
  networkDir: string;
  chain: EmbeddedChain | null;
  docker: Docker;
  offerIntervalMs?: number;
  jobSize?: number;
}): Promise<NetworkLink> {
  const image = await ensureSampleImage(options.docker);
  const payerKey = anvilPrivateKeys(2)[1]!;
  const network = await startLocalNetwork({
    dataDir: join(options.networkDir, 'coordinator'),
    chain: options.chain
      ? {
          rpcUrl: options.chain.link.rpcUrl,
          payerKey,
          vault: options.chain.link.vault,
          chainId: options.chain.link.chainId,
        }
      : null,
    offerIntervalMs: options.offerIntervalMs ?? 5000,
    jobSize: options.jobSize ?? 20_000,
    sampleImage: image.pinned,
  });
  const adapter = new ProtocolClient({
    url: network.url,
    outboxPath: join(options.networkDir, 'outbox.jsonl'),
  });
  return {
    mode: 'local',
    url: network.url,
    adapter,
    chain: options.chain?.link ?? null,
    async stop() {
      await adapter.close();
      await network.stop();
    },
  };
}

/** Any other coordinator, by URL. */
export function remoteNetwork(url: string, networkDir: string): NetworkLink {
  const adapter = new ProtocolClient({ url, outboxPath: join(networkDir, 'outbox-remote.jsonl') });
  return { mode: 'remote', url, adapter, chain: null, stop: () => adapter.close() };
}
