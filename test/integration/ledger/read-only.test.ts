import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/ledger/ledger.js';

describe('reading the ledger while the app owns it', () => {
  it('sees every acknowledged job without the lock, and refuses to write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lumbung-ledger-ro-'));
    const writer = await Ledger.open(dir);
    await writer.offer('job-1', 'cpu', 3_600_000_000_000_000_000n);
    await writer.start('job-1');
    await writer.complete('job-1', { gpuSeconds: 10, energyWh: null });
    await writer.credit('job-1', 10_000_000_000_000_000n, null);
    await expect(Ledger.open(dir)).rejects.toMatchObject({
      detail: { key: 'ledger:errors.locked' },
    });

    const reader = await Ledger.openReadOnly(dir);
    expect(reader.entry('job-1')?.state).toBe('credited');
    expect(reader.entry('job-1')?.amount).toBe('10000000000000000');
    await expect(reader.offer('job-2', 'cpu', 1n)).rejects.toMatchObject({
      detail: { key: 'ledger:errors.readOnly' },
    });
    await reader.close();

    // The owner's app goes on writing, untouched.
    expect(await writer.offer('job-2', 'cpu', 1n)).toBe(true);
    await writer.close();
    const again = await Ledger.openReadOnly(dir);
    expect(again.entry('job-2')?.state).toBe('offered');
    await again.close();
  });
});
