import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { listProcessNames } from '../../../src/platform/processes.js';

describe('listProcessNames', () => {
  it('sees a program that was just started, by its name', async () => {
    const child = spawn('sleep', ['30']);
    try {
      const names = await listProcessNames();
      expect(names).toContain('sleep');
      expect(names.some((n) => n.includes('/'))).toBe(false);
    } finally {
      child.kill();
    }
  });
});
