import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';

const DIR = 'docs/screenshots';

const WORDS = {
  en: {
    language: 'English',
    start: 'Let’s start',
    next: 'Continue',
    finish: 'Go to my Dashboard',
    dashboard: 'Dashboard',
    share: 'Share my GPU',
    screens: {
      earnings: 'Earnings',
      wallet: 'Wallet',
      schedule: 'Schedule',
      power: 'Power & heat',
      hardware: 'Hardware',
      settings: 'Settings',
    },
  },
  id: {
    language: 'Bahasa Indonesia',
    start: 'Ayo mulai',
    next: 'Lanjut',
    finish: 'Ke Beranda saya',
    dashboard: 'Beranda',
    share: 'Bagikan GPU saya',
    screens: {
      earnings: 'Penghasilan',
      wallet: 'Dompet',
      schedule: 'Jadwal',
      power: 'Daya & suhu',
      hardware: 'Perangkat keras',
      settings: 'Pengaturan',
    },
  },
} as const;

async function shoot(page: Page, name: string): Promise<void> {
  // Let fonts and the last answers settle so the picture shows the finished screen.
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true, animations: 'disabled' });
}

for (const lang of ['en', 'id'] as const) {
  test(`screenshots of every screen in ${lang} @screenshots`, async ({ app: page }) => {
    const w = WORDS[lang];
    await mkdir(DIR, { recursive: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByRole('button', { name: w.language, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await shoot(page, `onboarding-${lang}`);

    await page.getByRole('button', { name: w.start }).click();
    await expect(page.locator('.engine')).toBeVisible();
    await shoot(page, `onboarding-hardware-${lang}`);
    await page.getByRole('button', { name: w.next }).click();
    await expect(page.locator('.wallet-setup')).toBeVisible();
    await shoot(page, `onboarding-wallet-${lang}`);
    await page.getByRole('button', { name: w.next }).click();
    await expect(page.locator('.choices')).toBeVisible();
    await shoot(page, `onboarding-plan-${lang}`);
    await page.getByRole('button', { name: w.next }).click();
    await shoot(page, `onboarding-power-${lang}`);
    await page.getByRole('button', { name: w.next }).click();
    await page.getByRole('button', { name: w.finish }).click();

    await expect(page.getByRole('heading', { name: w.dashboard, level: 1 })).toBeVisible();
    await page.getByRole('switch', { name: w.share }).click();
    await expect(page.getByRole('switch', { name: w.share })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await shoot(page, `dashboard-${lang}`);

    for (const [screen, name] of Object.entries(w.screens)) {
      await page.getByRole('navigation').getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
      if (screen === 'hardware') await expect(page.locator('.engine')).toBeVisible();
      await shoot(page, `${screen}-${lang}`);
    }

    // The wallet being made: the words once, the check, then the wallet itself.
    await page.getByRole('navigation').getByRole('link', { name: w.screens.wallet }).click();
    await page.locator('.wallet-setup input[type=password]').nth(0).fill('correct horse battery');
    await page.locator('.wallet-setup input[type=password]').nth(1).fill('correct horse battery');
    await page.locator('.wallet-setup button[type=submit]').click();
    await expect(page.locator('.phrase')).toBeVisible();
    await shoot(page, `wallet-backup-${lang}`);
    const words = await page.locator('.phrase-word').allTextContents();
    await page.locator('.checkbox-line input').check();
    await page.locator('.backup .button-primary').click();
    const inputs = page.locator('.backup-inputs input');
    await expect(inputs).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      const id = (await inputs.nth(i).getAttribute('id')) ?? '';
      await inputs.nth(i).fill(words[Number(id.replace('backup-word-', '')) - 1]!);
    }
    await shoot(page, `wallet-check-${lang}`);
    await page.locator('.backup .button-primary').click();
    await expect(page.getByTestId('wallet-address')).toBeVisible();
    await shoot(page, `wallet-ready-${lang}`);

    // The smallest window the app is designed for.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('navigation').getByRole('link', { name: w.screens.schedule }).click();
    await shoot(page, `schedule-small-${lang}`);
  });
}
