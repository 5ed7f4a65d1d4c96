import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import { startMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';
import { expect, finishOnboarding, test } from './helpers/fixtures.js';

const DIR = 'docs/screenshots';
const WORDS = {
  en: { language: 'English', energy: 'Solar & energy', test: 'Test connection' },
  id: { language: 'Bahasa Indonesia', energy: 'Surya & energi', test: 'Uji sambungan' },
} as const;

let broker: TestMosquitto;
let meter: Server;
let meterUrl = '';
test.beforeAll(async () => {
  broker = await startMosquitto();
  meter = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    // A sunny noon that wobbles a little, so the chart has a shape.
    res.end(JSON.stringify({ site: { gridPower: -(600 + Math.round(Math.random() * 120)) } }));
  });
  await new Promise<void>((done) => meter.listen(0, '127.0.0.1', done));
  meterUrl = `http://127.0.0.1:${(meter.address() as AddressInfo).port}/api/state`;
});
test.afterAll(async () => {
  meter?.close();
  await broker?.stop();
});

/** The microgrid's surplus and a neighbour, as the co-op's broker would carry them. */
async function announceCommunity(communityId: string): Promise<void> {
  const grid = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  const at = Date.now();
  await grid.publishAsync(
    `lumbung/${communityId}/nodes/rumah-budi`,
    JSON.stringify({ online: true, wantW: 300, minW: 100, at }),
    { retain: true, qos: 1 },
  );
  await grid.publishAsync(`lumbung/${communityId}/surplus`, JSON.stringify({ surplusW: 900, at }), {
    retain: true,
    qos: 1,
  });
  await grid.endAsync();
}

for (const lang of ['en', 'id'] as const) {
  test(`screenshot of a set-up energy screen in ${lang} @screenshots`, async ({ app: page }) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    await mkdir(DIR, { recursive: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    await finishOnboarding(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Solar & energy' }).click();

    // Source, mode and community, through the UI as an owner would.
    await page.getByLabel('Source').selectOption('httpJson');
    await page.getByLabel('Address', { exact: true }).fill(meterUrl);
    await page.getByLabel('Field with the power value').fill('site.gridPower');
    await page.getByLabel('Read every (seconds)').fill('1');
    await page.getByRole('button', { name: 'Save source' }).click();
    await page.getByRole('radio', { name: /Solar only/ }).check();
    await page.getByRole('button', { name: 'Save mode' }).click();
    const community = page.getByTestId('community-form');
    const communityId = `desa-${lang}`;
    await community.getByRole('switch', { name: 'Join a community' }).click();
    await community.getByLabel('Community broker address').fill(broker.url);
    await community.getByLabel('Community name').fill(communityId);
    await community.getByLabel('This computer’s name in the community').fill('rumah-rina');
    await community.getByRole('button', { name: 'Save community' }).click();
    await expect(community.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await announceCommunity(communityId);
    await expect(page.getByTestId('community-shares').locator('tbody tr')).toHaveCount(2, {
      timeout: 30_000,
    });

    await page
      .getByRole('button', { name: new RegExp(w.language) })
      .first()
      .click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { name: w.energy, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: w.test }).click();
    await expect(page.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
    // The core keeps a point every 8 s; give the chart a few of them.
    await page.waitForTimeout(20_000);
    await page.evaluate('document.fonts.ready');
    await page.screenshot({
      path: `${DIR}/energy-${lang}.png`,
      fullPage: true,
      animations: 'disabled',
    });
  });
}
