/**
 * Polls `probe` until it returns something other than null, or fails naming what it
 * waited for. Tests wait on behaviour this way, never on fixed sleeps.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
