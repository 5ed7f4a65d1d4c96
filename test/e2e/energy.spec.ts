import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('manual surplus with Solar only changes what the energy status says', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Solar & energy');
  await page.getByLabel('Source').selectOption('manual');
  await page.getByRole('button', { name: 'Save source' }).click();
  await page.getByRole('radio', { name: /Solar only/ }).check();
  await page.getByRole('button', { name: 'Save mode' }).click();
  const headline = page.getByTestId('energy-headline');
  await expect(headline).toHaveText('Waiting — you said there is no spare power right now.');

  await page.getByRole('switch', { name: 'Spare power now' }).click();
  await expect(headline).not.toHaveText(/you said there is no spare power/, { timeout: 15_000 });
  await expect(headline).toHaveText(/spare power/);

  // The Dashboard says it too, while a mode is on.
  await openScreen(page, 'Dashboard');
  await expect(page.getByTestId('dashboard-energy')).not.toHaveText(/no spare power/);
});

test('a source that does not answer is explained, down to the Dashboard', async ({ app: page }) => {
  await finishOnboarding(page);
  await openScreen(page, 'Solar & energy');
  await page.getByLabel('Source').selectOption('httpJson');
  await page.getByLabel('Address', { exact: true }).fill('not a url');
  await page.getByLabel('Field with the power value').fill('site.gridPower');
  await page.getByRole('button', { name: 'Save source' }).click();
  await expect(page.getByRole('alert')).toHaveText(/starting with http:\/\/ or https:\/\//);

  await page.getByLabel('Address', { exact: true }).fill('http://127.0.0.1:9/state');
  await page.getByLabel('Read every (seconds)').fill('1');
  await page.getByRole('button', { name: 'Save source' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('radio', { name: /Solar only/ }).check();
  await page.getByRole('button', { name: 'Save mode' }).click();

  await openScreen(page, 'Dashboard');
  await expect(page.getByTestId('dashboard-energy')).toHaveText(/not answering/, {
    timeout: 30_000,
  });
});

test('the new screens speak Indonesian', async ({ app: page }) => {
  await finishOnboarding(page);
  await page
    .getByRole('button', { name: /Bahasa Indonesia/ })
    .first()
    .click();
  await page.getByRole('navigation').getByRole('link', { name: 'Penghasilan' }).click();
  await expect(page.getByRole('heading', { name: 'Penghasilan', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Terima bayaran' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh CSV' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Dompet' }).click();
  await expect(page.getByRole('tab', { name: 'Buat dompet baru' })).toBeVisible();
  await expect(page.getByText('Belum ada dompet di komputer ini.', { exact: false })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Surya & energi' }).click();
  await expect(page.getByRole('heading', { name: 'Cara mengikutinya' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Hanya surya/ })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('heading', { name: 'Penghasilan hari ini' })).toBeVisible();
});
