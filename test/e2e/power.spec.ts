import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('a power cap in watts persists, an invalid one is refused, and percent waits for a card', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Power & heat');

  // No graphics card reports its normal limit here, so a share of it cannot be chosen.
  await expect(page.getByRole('radio', { name: 'Share of the normal limit' })).toBeDisabled();
  await expect(
    page.getByText('Needs a graphics card that reports its normal power limit.'),
  ).toBeVisible();

  await page.getByRole('radio', { name: 'Limit in watts' }).check();
  const value = page.getByLabel('Most power the card may use');
  await value.fill('180');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Limit in watts' })).toBeChecked();
  await expect(value).toHaveValue('180');

  for (const bad of ['5000', 'much', '-5']) {
    await value.fill(bad);
    await page.getByRole('button', { name: 'Save' }).first().click();
    await expect(page.getByRole('alert')).toHaveText(
      /Use a number of watts from 10 to 2000\. Nothing was changed\./,
    );
  }
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Limit in watts' })).toBeChecked();
  await expect(value).toHaveValue('180');
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
