import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('settings save exactly, refuse bad input without changes, and switch the language', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Settings');

  const floor = page.getByLabel('Lowest price per graphics card hour');
  await expect(floor).toHaveValue('0.1');
  await floor.fill('0.123456789012345678');
  await floor.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await floor.fill('1.2.3');
  await floor.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await page.reload();
  await expect(floor).toHaveValue('0.123456789012345678');

  await page.getByRole('radio', { name: 'A coordinator on the internet' }).check();
  await page.getByLabel('Coordinator address').fill('not a url');
  await page.getByLabel('Coordinator address').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Type a full address');

  await page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /^EN/ }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('when Lumbung stops, the page says it is reconnecting', async ({ app: page, server }) => {
  await finishOnboarding(page);
  await expect(page.getByText('Reconnecting to Lumbung…', { exact: false })).toHaveCount(0);
  await server.stop();
  await expect(page.getByText('Reconnecting to Lumbung…', { exact: false })).toBeVisible();
});
