import { expect, test } from './helpers/fixtures.js';

test('first run in English leads through every step to the Dashboard', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Lumbung' })).toBeVisible();
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await page.getByRole('button', { name: 'Let’s start' }).click();

  await expect(page.getByRole('heading', { name: 'Checking your computer' })).toBeVisible();
  await expect(page.getByText('No graphics card found.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Pick a plan' })).toBeVisible();
  await page.getByRole('radio', { name: /Evenings & weekends/ }).click();
  await expect(page.getByRole('radio', { name: /Evenings & weekends/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Power limit' })).toBeVisible();
  await page.getByRole('radio', { name: 'Limit in watts' }).check();
  await page.getByLabel('Most power the card may use').fill('180');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'All set' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to my Dashboard' }).click();

  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Share my GPU' })).toHaveAttribute(
    'aria-checked',
    'false',
  );

  // What was chosen on the way is what the other screens show after a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByRole('radio', { name: /Evenings & weekends/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.getByRole('link', { name: 'Power & heat' }).click();
  await expect(page.getByRole('radio', { name: 'Limit in watts' })).toBeChecked();
  await expect(page.getByLabel('Most power the card may use')).toHaveValue('180');
});

test('first run in Bahasa Indonesia speaks Indonesian all the way', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Selamat datang di Lumbung' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('button', { name: 'Ayo mulai' }).click();

  await expect(page.getByRole('heading', { name: 'Memeriksa komputer Anda' })).toBeVisible();
  await expect(page.getByText('Langkah 2 dari 6')).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Dompet Anda' })).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Pilih rencana' })).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Batas daya' })).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Semua siap' })).toBeVisible();
  await page.getByRole('button', { name: 'Ke Beranda saya' }).click();

  await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Bagikan GPU saya' })).toBeVisible();
  await expect(page.getByText('Berbagi nonaktif', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation')).toContainText('Jadwal');

  // The language is a setting, so it survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Beranda', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation')).toContainText('Pengaturan');
  await expect(page.getByText('Dashboard')).toHaveCount(0);
});
