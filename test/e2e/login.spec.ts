import { expect, test } from './helpers/fixtures.js';

test('without the login link the page says how to open Lumbung (401)', async ({ page, server }) => {
  const response = await page.goto(server.url);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Open Lumbung from its link' })).toBeVisible();

  const wrong = await page.goto(`${server.url}?token=not-the-token`);
  expect(wrong?.status()).toBe(401);
});

test('the login link opens the app and a reload keeps the session', async ({ page, server }) => {
  await page.goto(server.loginUrl);
  await expect(page).toHaveURL(server.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Lumbung' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Lumbung' })).toBeVisible();
});
