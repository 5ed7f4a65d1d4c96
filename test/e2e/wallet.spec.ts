import type { Page } from '@playwright/test';
import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';
import { baseUnits, createWalletInUi, topUpGas } from './helpers/wallet.js';

const ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';

async function importTab(page: Page, tab: string): Promise<void> {
  await openScreen(page, 'Wallet');
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Type the password again').fill('correct horse battery');
}

test.describe('without the network', () => {
  test('wrong recovery words are explained next to the field', async ({ app: page }) => {
    await finishOnboarding(page);
    await importTab(page, 'I have recovery words');
    const phrase = page.getByLabel('Recovery words');
    const submit = page.getByRole('button', { name: 'Bring in my wallet' });

    await phrase.fill('abandon abandon abandon');
    await submit.click();
    await expect(page.getByRole('alert')).toHaveText(/You entered 3\./);

    await phrase.fill(`${'abandon '.repeat(10)}abandonx about`);
    await submit.click();
    await expect(page.getByRole('alert')).toHaveText(/Word number 11 is not a recovery word/);

    await phrase.fill('abandon '.repeat(12).trim());
    await submit.click();
    await expect(page.getByRole('alert')).toHaveText(/do not make a valid phrase/);
    await expect(phrase).toHaveAttribute('aria-invalid', 'true');

    // The usual test phrase goes in; nothing above changed anything.
    await phrase.fill(`${'abandon '.repeat(11)}about`);
    await submit.click();
    await expect(page.getByTestId('wallet-state')).toHaveText(/open/);
    await expect(page.getByTestId('wallet-address')).toHaveText(
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    );
  });

  test('a bad private key is explained next to the field', async ({ app: page }) => {
    await finishOnboarding(page);
    await importTab(page, 'I have a private key');
    await page.getByLabel('Private key').fill('0x1234');
    await page.getByRole('button', { name: 'Bring in my wallet' }).click();
    await expect(page.getByRole('alert')).toHaveText(/has 64 characters .* This one has 4/);
  });

  test('watch-only: an address with a typo is refused, a good one is watched', async ({
    app: page,
  }) => {
    await finishOnboarding(page);
    await openScreen(page, 'Wallet');
    await page.getByRole('tab', { name: 'Only watch an address' }).click();
    const field = page.getByLabel('Wallet address');
    await field.fill(ADDRESS.replace('E7', 'e7'));
    await page.getByRole('button', { name: 'Watch this address' }).click();
    await expect(page.getByRole('alert')).toHaveText(/capital letters do not match/);
    await field.fill(ADDRESS);
    await page.getByRole('button', { name: 'Watch this address' }).click();
    await expect(page.getByTestId('wallet-state')).toHaveText(/only watches an address/);
    await expect(page.getByTestId('wallet-address')).toHaveText(ADDRESS);
    await expect(page.getByRole('img', { name: 'QR code of your wallet address' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Send money out' })).toHaveCount(0);
  });
});

test.describe('on the local network', () => {
  test.use({ network: true });

  async function walletWithTokens(page: Page, dataDir: string): Promise<void> {
    await finishOnboarding(page);
    await openScreen(page, 'Wallet');
    await createWalletInUi(page);
    await expect(page.getByTestId('wallet-state')).toHaveText(/open/);
    // Joining the local network welcomes a new wallet with some tokens.
    await openScreen(page, 'Dashboard');
    await page.getByRole('switch', { name: 'Share my GPU' }).click();
    await openScreen(page, 'Wallet');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return baseUnits(page, 'balance-token');
        },
        { timeout: 120_000, intervals: [2000] },
      )
      .toBeGreaterThan(0n);
    const address = await page.getByTestId('wallet-address').textContent();
    await topUpGas(dataDir, address!);
  }

  test('withdraw is refused, in words, for a typo address and for too much', async ({
    app: page,
    server,
  }) => {
    test.setTimeout(4 * 60_000);
    await walletWithTokens(page, server.dataDir);
    const amount = page.locator('#withdraw-amount');
    await page.getByLabel('To address').fill(ADDRESS.replace('E7', 'e7'));
    await amount.fill('1');
    await page.getByRole('button', { name: 'Check the fee' }).click();
    await expect(page.getByRole('alert')).toHaveText(/capital letters do not match/);

    await page.getByLabel('To address').fill(ADDRESS);
    await amount.fill('1000000');
    await page.getByRole('button', { name: 'Check the fee' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      '!Not enough tokens in the wallet for this amount.',
    );
    await expect(page.getByTestId('tx-hash')).toHaveCount(0);
  });

  test('staking 10 LMB, then asking it back shows the countdown', async ({ app: page, server }) => {
    test.setTimeout(4 * 60_000);
    await walletWithTokens(page, server.dataDir);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Stake' }) });
    await panel.getByLabel('Amount').fill('10');
    await panel.getByLabel('Wallet password (asked every time)').fill('correct horse battery');
    await panel.getByRole('button', { name: 'Stake', exact: true }).click();
    await expect(panel.getByText('Sent to the network:')).toBeVisible({ timeout: 60_000 });
    await expect
      .poll(() => baseUnits(page, 'stake-amount'), { timeout: 60_000 })
      .toBe(10n * 10n ** 18n);

    await panel.getByRole('radio', { name: 'Ask for stake back' }).click();
    await panel.getByLabel('Amount').fill('4');
    await panel.getByLabel('Wallet password (asked every time)').fill('correct horse battery');
    await panel.getByRole('button', { name: 'Ask for it back' }).click();
    await expect
      .poll(() => baseUnits(page, 'unbonding-amount'), { timeout: 60_000 })
      .toBe(4n * 10n ** 18n);
    await expect(page.getByTestId('unbonding-countdown')).toHaveText(/Free to take back in 6 d/);
    expect(await baseUnits(page, 'stake-amount')).toBe(6n * 10n ** 18n);
  });
});
