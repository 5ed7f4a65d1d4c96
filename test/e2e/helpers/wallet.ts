import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery';

/**
 * Makes a new wallet through the UI (on the onboarding step or the Wallet screen): password
 * twice, the words read off the screen as a person would copy them to paper, then the
 * three-word check. Returns the words.
 */
export async function createWalletInUi(page: Page, password = PASSWORD): Promise<string[]> {
  await page.getByRole('tab', { name: 'Make a new wallet' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Type the password again').fill(password);
  await page.getByRole('button', { name: 'Make my wallet' }).click();
  const list = page.getByRole('list', { name: 'Recovery words' });
  await expect(list).toBeVisible();
  const words = await list.locator('.phrase-word').allTextContents();
  expect(words).toHaveLength(12);
  await page.getByLabel('I wrote all 12 words on paper').check();
  await page.getByRole('button', { name: 'Check what I wrote down' }).click();
  await expect(page.getByRole('heading', { name: 'Check your paper' })).toBeVisible();
  const labels = await page.locator('.backup-inputs label').allTextContents();
  expect(labels).toHaveLength(3);
  for (const label of labels) {
    const n = Number(/\d+/.exec(label)?.[0]);
    await page.getByLabel(label, { exact: true }).fill(words[n - 1]!);
  }
  await page.getByRole('button', { name: 'Confirm' }).click();
  return words;
}

/** Reads the exact base units an <Amount> shows. */
export async function baseUnits(page: Page, testId: string): Promise<bigint> {
  const value = await page.getByTestId(testId).first().getAttribute('data-base-units');
  return BigInt(value ?? '0');
}

/**
 * Sends network coins (gas) to an address on the embedded local chain, as an owner would top
 * up from elsewhere. The local network welcomes a payout wallet with tokens but no coins, and
 * staking or sending from it needs a fee.
 */
export async function topUpGas(dataDir: string, to: string): Promise<void> {
  const { readFile, readdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { JsonRpcProvider, Wallet, parseEther } = await import('ethers');
  const files = await readdir(dataDir, { recursive: true });
  const chainFile = files.find((f) => f.endsWith('chain.json'));
  if (!chainFile) throw new Error(`no chain.json under ${dataDir}`);
  const { rpcUrl } = JSON.parse(await readFile(join(dataDir, chainFile), 'utf8')) as {
    rpcUrl: string;
  };
  const provider = new JsonRpcProvider(rpcUrl);
  // anvil's well-known first development key (public, funded on every local anvil).
  const funder = new Wallet(
    '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    provider,
  );
  await (await funder.sendTransaction({ to, value: parseEther('1') })).wait();
  provider.destroy();
}
