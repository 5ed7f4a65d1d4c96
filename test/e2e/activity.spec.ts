import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

test('Activity is in the navigation and says plainly when nothing has happened yet', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Activity');
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recent jobs' })).toBeVisible();
  await expect(
    page.getByText('No jobs yet. They appear here as soon as the network sends one.'),
  ).toBeVisible();

  await page
    .getByRole('button', { name: /Bahasa Indonesia/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Aktivitas', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pekerjaan terbaru' })).toBeVisible();
});
