import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, finishOnboarding, openScreen, test } from './helpers/fixtures.js';

/** A meter on the LAN, as EVCC's API answers: 640 W flowing out to the grid. */
async function startMeter(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ site: { gridPower: -640 } }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/state`, server };
}

async function typeHttpSource(page: Page, url: string): Promise<void> {
  await page.getByLabel('Source').selectOption('httpJson');
  await page.getByLabel('Address', { exact: true }).fill(url);
  await page.getByLabel('Field with the power value').fill('site.gridPower');
}

test('test connection reads the meter once without saving anything', async ({ app: page }) => {
  const meter = await startMeter();
  try {
    await finishOnboarding(page);
    await openScreen(page, 'Solar & energy');
    await typeHttpSource(page, meter.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('test-result');
    await expect(result).toHaveText('It works. Reading now: 640 W spare.');
    await expect(result).toHaveAttribute('data-ok', 'true');

    // Nothing was saved: after a reload the source is still "None".
    await page.reload();
    await expect(page.getByLabel('Source')).toHaveValue('none');
  } finally {
    meter.server.close();
  }
});

test('a wrong address is explained in words, and not tested at all when malformed', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Solar & energy');
  await typeHttpSource(page, 'not a url');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.locator('#energy-url').locator('..')).toContainText(
    'starting with http:// or https://',
  );
  await expect(page.getByTestId('test-result')).toHaveCount(0);

  // A well-formed address where nothing listens: the core's problem, in plain words.
  await page.getByLabel('Address', { exact: true }).fill('http://127.0.0.1:9/state');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('test-result');
  await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  await expect(result).toHaveText(/Cannot reach 127\.0\.0\.1|did not answer/);
  await expect(result).not.toContainText('{{');
});

test('a bad community broker is named under its field and nothing is saved', async ({
  app: page,
}) => {
  await finishOnboarding(page);
  await openScreen(page, 'Solar & energy');
  const form = page.getByTestId('community-form');
  await form.getByRole('switch', { name: 'Join a community' }).click();
  await form.getByLabel('Community broker address').fill('http://broker.local');
  await form.getByLabel('Community name').fill('desa-sukamaju');
  await form.getByLabel('This computer’s name in the community').fill('rumah rina');
  await form.getByRole('button', { name: 'Save community' }).click();

  // The core's own checks come back per field.
  await expect(page.locator('#community-brokerUrl-error')).toHaveText(
    /broker address starting with mqtt:\/\//,
  );
  await expect(page.getByLabel('Community broker address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#community-nodeId-error')).toBeVisible();
  await expect(page.locator('#community-communityId-error')).toHaveCount(0);
  await expect(form.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Community broker address')).toHaveValue('');
  await expect(
    page.getByTestId('community-form').getByRole('switch', { name: 'Join a community' }),
  ).toHaveAttribute('aria-checked', 'false');
});

test('a mode value out of range is shown next to that field', async ({ app: page }) => {
  await finishOnboarding(page);
  await openScreen(page, 'Solar & energy');
  await page.getByRole('radio', { name: /Solar only/ }).check();
  await page.getByLabel('Spare power must last before starting').fill('99999');
  await page.getByRole('button', { name: 'Save mode' }).click();
  await expect(page.getByLabel('Spare power must last before starting')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
});
