import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Wallet, parseEther } from 'ethers';
import { deployFresh, TOKENS, type ChainFixture } from '../../helpers/contracts.js';
import { WalletService } from '../../../src/wallet/service.js';
import { isWalletError } from '../../../src/wallet/errors.js';
import { FAST_SCRYPT, PASSWORD, TEST_PHRASE, tempDir } from '../../unit/wallet/helpers.js';

let chain: ChainFixture;
beforeAll(async () => {
  chain = await deployFresh();
}, 120_000);
afterAll(async () => {
  await chain?.stop();
});

let dir: string;
let cleanup: () => Promise<void>;
let s: WalletService;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  s = new WalletService({
    dir,
    scrypt: FAST_SCRYPT,
    provider: () => chain.provider,
    chainId: chain.anvil.chainId,
    token: { address: chain.addresses.token, decimals: 18, symbol: 'LMB' },
  });
});
afterEach(async () => {
  s.close();
  await cleanup();
});

async function keyOf<T>(p: Promise<T>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isWalletError(err)) throw new Error(`expected a WalletError, got ${String(err)}`);
  return err.key;
}

describe('reward token (ERC-20) in the wallet', () => {
  it('shows the token balance and sends tokens, paying gas in the native coin', async () => {
    // A fresh key: the anvil phrase's accounts are the deployer and payer here.
    const owner = Wallet.createRandom();
    await s.importPrivateKey({ key: owner.privateKey, password: PASSWORD });
    const payerToken = chain.as(chain.payer).token;
    await (await payerToken.getFunction('transfer')(owner.address, TOKENS(40))).wait();

    const balances = await s.balances();
    expect(balances).toMatchObject({
      native: '0',
      token: TOKENS(40).toString(),
      tokenSymbol: 'LMB',
      decimals: 18,
    });

    // Tokens but no coin for gas: said plainly, nothing sent.
    expect(
      await keyOf(
        s.quoteWithdraw({
          to: chain.deployer.address,
          amount: TOKENS(1).toString(),
          asset: 'token',
        }),
      ),
    ).toBe('wallet:withdraw.insufficientGas');
    expect(
      await keyOf(
        s.quoteWithdraw({
          to: chain.deployer.address,
          amount: TOKENS(41).toString(),
          asset: 'token',
        }),
      ),
    ).toBe('wallet:withdraw.insufficientTokens');

    await (
      await chain.deployer.sendTransaction({ to: owner.address, value: parseEther('1') })
    ).wait();
    const recipient = Wallet.createRandom().address;
    const quote = await s.quoteWithdraw({
      to: recipient,
      amount: TOKENS(15).toString(),
      asset: 'token',
    });
    expect(quote.totalWei).toBe(quote.gasWei);
    const { txHash } = await s.withdraw({
      to: recipient,
      amount: TOKENS(15).toString(),
      asset: 'token',
      password: PASSWORD,
    });
    await chain.provider.waitForTransaction(txHash);
    expect((await s.txStatus({ txHash })).state).toBe('confirmed');
    const balanceOf = chain.token.getFunction('balanceOf');
    expect(await balanceOf(recipient)).toBe(TOKENS(15));
    expect((await s.balances()).token).toBe(TOKENS(25).toString());
  });

  it('imports the phrase of an account that already holds tokens', async () => {
    await s.importMnemonic({ phrase: TEST_PHRASE, path: "m/44'/60'/0'/0/1", password: PASSWORD });
    expect((await s.summary()).address).toBe(chain.payer.address);
    expect(BigInt((await s.balances()).token!) > 0n).toBe(true);
  });
});
