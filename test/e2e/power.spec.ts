import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('a power cap in percent persists, and an invalid one is refused without changes', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Power & heat');

  await page.getByRole('radio', { name: 'Share of the normal limit' }).check();
  const value = page.getByLabel('Share of the card’s normal power limit');
  await value.fill('70');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Share of the normal limit' })).toBeChecked();
  await expect(value).toHaveValue('70');

  for (const bad of ['500', 'seventy', '-5']) {
    await value.fill(bad);
    await page.getByRole('button', { name: 'Save' }).first().click();
    await expect(page.getByRole('alert')).toHaveText(
      /Use a percentage from 10 to 200\. Nothing was changed\./,
    );
  }
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Share of the normal limit' })).toBeChecked();
  await expect(value).toHaveValue('70');
});

test('heat, away times and blocking programs are saved', async ({ app: page }) => {
  await finishOnboarding(page);
  await openScreen(page, 'Power & heat');

  await page.getByLabel('Pause sharing at').fill('75');
  await page
    .getByLabel('Pause sharing at')
    .locator('xpath=../..')
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByText('Sharing resumes once the card cools to 70 °C.')).toBeVisible();

  await page.getByLabel('Then wait another').fill('2000');
  await page
    .getByLabel('Then wait another')
    .locator('xpath=../..')
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByRole('alert')).toHaveText(/whole number from 0 to 1440/);

  await page.getByLabel('Program name').fill('steam.exe');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('steam.exe', { exact: true })).toBeVisible();
  await page.getByLabel('Program name').fill('STEAM.EXE');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already on the list' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Pause sharing at')).toHaveValue('75');
  await expect(page.getByLabel('Then wait another')).toHaveValue('2');
  await expect(page.getByText('steam.exe', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove steam.exe' }).click();
  await expect(page.getByText('No programs listed yet.')).toBeVisible();
});
