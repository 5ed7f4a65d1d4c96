import { mkdir, readFile } from 'node:fs/promises';
import { expect, openScreen, test } from './helpers/fixtures.js';
import { baseUnits, createWalletInUi } from './helpers/wallet.js';

test.use({ network: true });

// The whole loop on real parts: anvil, the local coordinator, sample jobs in Docker.
test('a new owner shares, earns, collects and exports the proof', async ({ app: page }) => {
  test.setTimeout(8 * 60_000);

  // Onboarding with a real wallet and the Always plan (jobs run only inside the plan).
  await page.getByRole('button', { name: 'Let’s start' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
  await createWalletInUi(page);
  await expect(page.getByTestId('wallet-ready')).toBeVisible();
  await expect(page.getByTestId('wallet-ready')).not.toContainText('not confirmed');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: /Always/ }).click();
  await expect(page.getByRole('radio', { name: /Always/ })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Go to my Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Earned today' })).toBeVisible();

  // Sharing on: the node joins the network and gets to work.
  await page.getByRole('switch', { name: 'Share my GPU' }).click();
  await expect(page.locator('.hero .pill')).toHaveAttribute('data-state', /ready|running/, {
    timeout: 120_000,
  });

  // A job is credited: Earnings shows money and a history row with its proof.
  await openScreen(page, 'Earnings');
  await expect
    .poll(() => baseUnits(page, 'earned-allTime'), { timeout: 240_000, intervals: [2000] })
    .toBeGreaterThan(0n);
  const paidRow = page.locator('[data-testid="history"] tbody tr', {
    has: page.getByTestId('proof-receipt'),
  });
  await expect(paidRow.first()).toBeVisible({ timeout: 120_000 });
  const jobId = await paidRow.first().getAttribute('data-job');
  expect(jobId).toBeTruthy();

  // Activity says the same job in words, in both languages.
  await openScreen(page, 'Activity');
  const jobLine = page.locator(`[data-testid="activity-jobs"] [data-job="${jobId}"]`);
  await expect(jobLine).toBeVisible({ timeout: 30_000 });
  await expect(jobLine).toHaveText(/A job (was confirmed|was reported|finished|was paid)/);
  await mkdir('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: 'docs/screenshots/activity-en.png', fullPage: true });
  await page
    .getByRole('button', { name: /Bahasa Indonesia/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Aktivitas', level: 1 })).toBeVisible();
  await expect(jobLine).toHaveText(/pekerjaan/i);
  await page.screenshot({ path: 'docs/screenshots/activity-id.png', fullPage: true });
  await page
    .getByRole('button', { name: /English/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await openScreen(page, 'Earnings');

  // Wait until a voucher makes it collectable, then note the wallet's token balance.
  await expect
    .poll(() => baseUnits(page, 'claim-claimable'), { timeout: 240_000, intervals: [2000] })
    .toBeGreaterThan(0n);
  await openScreen(page, 'Wallet');
  await expect(page.getByTestId('balance-token')).toBeVisible({ timeout: 60_000 });
  const before = await baseUnits(page, 'balance-token');

  // Collect: the tx hash and the amount are shown...
  await openScreen(page, 'Earnings');
  await page.getByRole('button', { name: 'Collect now' }).click();
  await expect(page.getByTestId('claim-tx')).toHaveAttribute('data-hash', /^0x[0-9a-f]{64}$/i, {
    timeout: 120_000,
  });
  const claimed = await baseUnits(page, 'claimed-amount');
  expect(claimed).toBeGreaterThan(0n);

  // ...and the wallet's token balance rose by exactly that amount.
  await openScreen(page, 'Wallet');
  await expect
    .poll(() => baseUnits(page, 'balance-token'), { timeout: 60_000, intervals: [1000] })
    .toBe(before + claimed);

  // The CSV holds the paid job.
  await openScreen(page, 'Earnings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv).toContain(jobId!);
});
