import { expect, finishOnboarding, test } from './helpers/fixtures.js';

test('the sharing switch changes the status sentence and back', async ({ app: page }) => {
  await finishOnboarding(page);
  const headline = page.getByTestId('status-headline');
  const sharing = page.getByRole('switch', { name: 'Share my GPU' });

  await expect(headline).toHaveText('Sharing is off. Your computer is all yours.');
  await expect(page.locator('.hero .pill')).toHaveText('Off');

  await sharing.click();
  await expect(sharing).toHaveAttribute('aria-checked', 'true');
  await expect(sharing).toContainText('Sharing is on');
  await expect(headline).not.toHaveText('Sharing is off. Your computer is all yours.');
  // Whatever holds it back (hours, Docker, wallet) is said in words, never left blank.
  await expect(headline).not.toBeEmpty();
  await expect(page.locator('.hero .pill')).not.toHaveText('Off');

  // A reload reads the state from the core, not from the page.
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Share my GPU' })).toHaveAttribute(
    'aria-checked',
    'true',
  );

  await page.getByRole('switch', { name: 'Share my GPU' }).click();
  await expect(headline).toHaveText('Sharing is off. Your computer is all yours.');
});

test('the dashboard lists what Lumbung needs and explains the missing graphics card', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await expect(page.getByRole('heading', { name: 'What Lumbung needs' })).toBeVisible();
  await expect(page.getByText('Container engine (runs jobs safely)')).toBeVisible();
  await expect(page.getByText('No job right now.', { exact: false })).toBeVisible();
  await expect(page.getByText('No graphics card found.', { exact: false })).toBeVisible();
  await expect(page.getByText('Live readings of power', { exact: false })).toBeVisible();
});
