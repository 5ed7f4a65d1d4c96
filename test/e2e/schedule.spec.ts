import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('a preset and hours painted on the grid survive a reload', async ({ app: page }) => {
  await finishOnboarding(page);
  await openScreen(page, 'Schedule');

  await page.getByRole('radio', { name: /Always/ }).click();
  await expect(page.getByRole('radio', { name: /Always/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('Every hour of the week is a sharing hour.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: /Always/ })).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('radio', { name: /Overnight/ }).click();
  await expect(page.getByRole('radio', { name: /Overnight/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  const cell = (name: string) => page.getByRole('gridcell', { name, exact: true });
  await expect(cell('Monday 23:00')).toHaveAttribute('aria-selected', 'true');
  await expect(cell('Monday 12:00')).toHaveAttribute('aria-selected', 'false');

  // Press on Monday 12:00 and drag to Wednesday 14:00: a block of 3 days × 3 hours.
  await cell('Monday 12:00').hover();
  await page.mouse.down();
  await cell('Tuesday 13:00').hover();
  await cell('Wednesday 14:00').hover();
  await page.mouse.up();

  await expect(page.getByRole('radio', { name: /My own hours/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.reload();
  await expect(page.getByRole('radio', { name: /My own hours/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  for (const day of ['Monday', 'Tuesday', 'Wednesday']) {
    for (const hour of ['12:00', '13:00', '14:00']) {
      await expect(cell(`${day} ${hour}`)).toHaveAttribute('aria-selected', 'true');
    }
    await expect(cell(`${day} 15:00`)).toHaveAttribute('aria-selected', 'false');
  }
  await expect(cell('Thursday 12:00')).toHaveAttribute('aria-selected', 'false');
  // The nights painted by the preset are still there, midnight crossings included.
  await expect(cell('Monday 23:00')).toHaveAttribute('aria-selected', 'true');
  await expect(cell('Tuesday 06:00')).toHaveAttribute('aria-selected', 'true');

  // A click on a painted hour clears it.
  await cell('Tuesday 13:00').click();
  await expect(cell('Tuesday 13:00')).toHaveAttribute('aria-selected', 'false');
  await page.reload();
  await expect(cell('Tuesday 13:00')).toHaveAttribute('aria-selected', 'false');
  await expect(cell('Tuesday 12:00')).toHaveAttribute('aria-selected', 'true');
});
