import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('the Hardware screen explains the missing graphics card and the container engine', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Hardware');

  await expect(page.getByRole('heading', { name: 'Hardware', level: 1 })).toBeVisible();
  await expect(
    page.getByText('No graphics card found. Lumbung can still run small CPU jobs.'),
  ).toBeVisible();
  await expect(page.getByText('No graphics card was found.', { exact: false })).toBeVisible();
  await expect(page.getByText('Hardware checker')).toBeVisible();

  const engine = page.locator('.engine');
  await expect(engine).toContainText(/Docker is running|The container app is not ready\./);
  await expect(engine).toContainText('Lumbung needs it to run jobs safely.');
  // No NVIDIA card here: GPU-runtime advice is not offered as something to fix.
  await expect(engine).toContainText('not needed: this computer has no NVIDIA graphics card');
  await expect(engine.getByText('How to fix', { exact: false })).toHaveCount(0);

  await page.getByRole('button', { name: 'Check again' }).first().click();
  await expect(
    page.getByText('No graphics card found. Lumbung can still run small CPU jobs.'),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
