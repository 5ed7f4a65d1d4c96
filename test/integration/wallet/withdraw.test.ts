import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JsonRpcProvider, Network, Wallet, parseEther } from 'ethers';
import { startAnvil, type TestAnvil } from '../../helpers/anvil.js';
import { WalletService, type WalletServiceOptions } from '../../../src/wallet/service.js';
import { explainChainError } from '../../../src/wallet/chain.js';
import { isWalletError } from '../../../src/wallet/errors.js';
import { FAST_SCRYPT, PASSWORD, tempDir } from '../../unit/wallet/helpers.js';

/** Pinned like the node's own providers: a dead RPC fails fast instead of retrying forever. */
function pinnedProvider(rpcUrl: string, chainId: number): JsonRpcProvider {
  const network = Network.from(chainId);
  return new JsonRpcProvider(rpcUrl, network, { staticNetwork: network, cacheTimeout: -1 });
}

async function keyOf<T>(p: Promise<T>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isWalletError(err)) throw new Error(`expected a WalletError, got ${String(err)}`);
  return err.key;
}

let anvil: TestAnvil;
let provider: JsonRpcProvider;
let funder: Wallet;
let recipient: Wallet;
beforeAll(async () => {
  anvil = await startAnvil({ accounts: 3 });
  provider = pinnedProvider(anvil.rpcUrl, anvil.chainId);
  funder = new Wallet(anvil.accounts[0]!, provider);
  recipient = new Wallet(anvil.accounts[2]!, provider);
});
afterAll(async () => {
  provider?.destroy();
  await anvil?.stop();
});

let dir: string;
let cleanup: () => Promise<void>;
const services: WalletService[] = [];
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  for (const s of services.splice(0)) s.close();
  await cleanup();
});

function service(extra: Partial<WalletServiceOptions> = {}): WalletService {
  const s = new WalletService({
    dir,
    scrypt: FAST_SCRYPT,
    provider: () => provider,
    chainId: anvil.chainId,
    ...extra,
  });
  services.push(s);
  return s;
}

/** A created, backed-up wallet funded with `eth` from anvil's first account. */
async function fundedWallet(eth: string): Promise<{ s: WalletService; address: string }> {
  const s = service();
  const { address, phrase } = await s.create({ password: PASSWORD });
  const words = phrase.split(' ');
  const { positions } = await s.backupChallenge();
  await s.confirmBackup({ words: positions.map((p) => ({ position: p, word: words[p - 1]! })) });
  await (await funder.sendTransaction({ to: address, value: parseEther(eth) })).wait();
  return { s, address };
}

describe('wallet against a real chain (anvil)', () => {
  it('shows the native balance after funding', async () => {
    const { s } = await fundedWallet('1.5');
    const balances = await s.balances();
    expect(balances).toEqual({
      native: parseEther('1.5').toString(),
      token: null,
      tokenSymbol: null,
      decimals: 18,
      chainId: anvil.chainId,
    });
  });

  it('withdraws native coin with the password; the recipient gets exactly the amount', async () => {
    const { s, address } = await fundedWallet('2');
    const amount = parseEther('0.75');
    const before = await provider.getBalance(recipient.address);
    const quote = await s.quoteWithdraw({
      to: recipient.address.toLowerCase(),
      amount: amount.toString(),
      asset: 'native',
    });
    expect(quote.to).toBe(recipient.address);
    expect(BigInt(quote.totalWei)).toBe(amount + BigInt(quote.gasWei));

    await s.lock(); // spending works locked too: the password is asked for every time
    const { txHash } = await s.withdraw({
      to: recipient.address,
      amount: amount.toString(),
      asset: 'native',
      password: PASSWORD,
    });
    const receipt = await provider.waitForTransaction(txHash);
    expect(receipt?.status).toBe(1);
    expect(await s.txStatus({ txHash })).toEqual({ state: 'confirmed', confirmations: 1 });

    expect((await provider.getBalance(recipient.address)) - before).toBe(amount);
    const spent = parseEther('2') - (await provider.getBalance(address));
    expect(spent).toBe(amount + receipt!.gasUsed * receipt!.gasPrice);
    expect(spent <= BigInt(quote.totalWei)).toBe(true);
  });

  it('a wrong password sends nothing', async () => {
    const { s, address } = await fundedWallet('1');
    expect(
      await keyOf(
        s.withdraw({
          to: recipient.address,
          amount: '1000',
          asset: 'native',
          password: 'not my password',
        }),
      ),
    ).toBe('wallet:errors.wrongPassword');
    expect(await provider.getTransactionCount(address)).toBe(0);
  });

  it('says "insufficient funds" plainly, before sending anything', async () => {
    const { s, address } = await fundedWallet('0.1');
    const all = parseEther('0.1').toString();
    expect(
      await keyOf(s.quoteWithdraw({ to: recipient.address, amount: all, asset: 'native' })),
    ).toBe('wallet:chain.insufficientFunds');
    expect(
      await keyOf(
        s.withdraw({
          to: recipient.address,
          amount: parseEther('5').toString(),
          asset: 'native',
          password: PASSWORD,
        }),
      ),
    ).toBe('wallet:chain.insufficientFunds');
    expect(await provider.getTransactionCount(address)).toBe(0);
    expect(await provider.getBalance(address)).toBe(parseEther('0.1'));
  });

  it('refuses the wrong chain with both chain numbers, sending nothing', async () => {
    const { address } = await fundedWallet('1');
    const onMainnet = service({ chainId: 1 });
    const err = await onMainnet.balances().catch((e: unknown) => e);
    expect(isWalletError(err) && err.info).toEqual({
      key: 'wallet:chain.wrongChain',
      values: { expected: 1, actual: anvil.chainId },
    });
    // Even a provider pinned to the expected chain cannot fool the check: it asks the node.
    const fooled = service({ chainId: 1, provider: () => pinnedProvider(anvil.rpcUrl, 1) });
    expect(
      await keyOf(
        fooled.withdraw({
          to: recipient.address,
          amount: '1',
          asset: 'native',
          password: PASSWORD,
        }),
      ),
    ).toBe('wallet:chain.wrongChain');
    expect(await provider.getTransactionCount(address)).toBe(0);
  });

  it('says the RPC is unreachable when nothing answers', async () => {
    await fundedWallet('1');
    const dead = pinnedProvider('http://127.0.0.1:9', anvil.chainId);
    const s = service({ provider: () => dead, rpcTimeoutMs: 5_000 });
    expect(await keyOf(s.balances())).toBe('wallet:chain.rpcUnreachable');
    dead.destroy();
  });

  it('turns the node\'s real "nonce too low" answer into the plain message', async () => {
    const sender = new Wallet(anvil.accounts[1]!, provider);
    const nonce = await provider.getTransactionCount(sender.address);
    await (await sender.sendTransaction({ to: recipient.address, value: 1n, nonce })).wait();
    const err = await sender
      .sendTransaction({ to: recipient.address, value: 1n, nonce })
      .catch((e: unknown) => e);
    expect(explainChainError(err).key).toBe('wallet:chain.nonceTooLow');
  });

  it('reports an unknown transaction hash plainly', async () => {
    const s = service();
    expect(await keyOf(s.txStatus({ txHash: '0x' + '12'.repeat(32) }))).toBe('wallet:tx.notFound');
  });

  it('a watch-only address shows balances but cannot withdraw', async () => {
    const s = service({ dir: join(dir, 'watch') });
    await s.watchOnly({ address: recipient.address });
    expect(BigInt((await s.balances()).native) > 0n).toBe(true);
    expect(await keyOf(s.quoteWithdraw({ to: funder.address, amount: '1', asset: 'native' }))).toBe(
      'wallet:errors.watchOnly',
    );
  });
});
