import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type HeadlessServer } from './server.js';

interface Options {
  /** `test.use({ network: true })`: the server also runs the embedded local network. */
  network: boolean;
}

interface Fixtures {
  server: HeadlessServer;
  /** A page logged in through the server's link, failing the test on any CSP violation. */
  app: Page;
}

export const test = base.extend<Options & Fixtures>({
  network: [false, { option: true }],
  server: async ({ network }, use) => {
    const server = await startServer({ network });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  app: async ({ page, server }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
    await page.goto(server.loginUrl);
    await use(page);
    expect(violations, 'no CSP violations or page errors').toEqual([]);
  },
});

export { expect };

/** Clicks through the first-run steps with their defaults. */
export async function finishOnboarding(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Let’s start' }).click();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Go to my Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

/** Opens a screen from the navigation. */
export async function openScreen(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}
