import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerCap } from '../../../src/node/power-cap.js';
import { makeFakeNvidiaSmi } from '../../helpers/fake-tools/index.js';
import { harness, sh, type Harness } from '../sandbox/setup.js';

let h: Harness;

beforeAll(async () => {
  h = await harness('duty-cycle');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/**
 * A card's draw, simulated from the container's real CPU use: 20 W idle plus 230 W at
 * one full core. Freezing the container drops its CPU use, so the cap can only be held
 * by actually pausing it.
 */
function simulatedCard(containerName: string) {
  let last: { at: number; usage: number } | null = null;
  let watts: number | null = null;
  let running = true;
  // One reading at a time: the engine answers concurrent stats calls with the same sample.
  const loop = async (): Promise<void> => {
    while (running) {
      const stats = (await h.docker
        .getContainer(containerName)
        .stats({ stream: false, 'one-shot': true } as { stream: false })
        .catch(() => null)) as { cpu_stats?: { cpu_usage?: { total_usage?: number } } } | null;
      const usage = stats?.cpu_stats?.cpu_usage?.total_usage;
      const at = performance.now();
      if (usage !== undefined) {
        if (last && usage !== last.usage) {
          const share = Math.min(1, Math.max(0, (usage - last.usage) / 1e6 / (at - last.at)));
          watts = 20 + 230 * share;
        } else if (last && at - last.at > 1500) {
          watts = 20;
        }
        if (!last || usage !== last.usage || at - last.at > 1500) last = { at, usage };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  void loop();
  return {
    draw: () => watts,
    stop: () => {
      running = false;
    },
  };
}

describe('duty-cycling a real container under a power cap', () => {
  it('holds the average simulated draw under the cap without oscillating', async () => {
    const nvidia = await makeFakeNvidiaSmi({ plDenied: true });
    const spec = h.spec(sh('while :; do :; done'), { maxDurationS: 300 });
    const job = h.runner.run(spec);
    const card = simulatedCard(`lumbung-job-${spec.id}`);
    const cap = new PowerCap({
      nvidiaSmi: nvidia.path,
      stateFile: join(await mkdtemp(join(tmpdir(), 'lumbung-cap-')), 'power-limit.json'),
      drawW: card.draw,
      log: () => undefined,
      periodMs: 2000,
    });
    const draws: number[] = [];
    const shares: number[] = [];
    try {
      // Unconstrained, the burner draws well above the cap once it is up.
      for (let i = 0; i < 200 && (card.draw() ?? 0) < 150; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(card.draw()).toBeGreaterThan(150);
      await cap.hold(job, 0, 120);
      expect(cap.state().method).toBe('dutyCycle');
      expect(cap.state().methodReason?.key).toBe('node:power.dutyCycle');
      for (let i = 0; i < 150; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        if (i >= 75) {
          draws.push(card.draw() ?? 0);
          if (i % 10 === 0) shares.push(cap.dutyShare());
        }
      }
    } finally {
      await cap.release();
      card.stop();
      await job.stop();
      await job.done;
    }
    const average = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(average).toBeLessThan(120 * 1.05);
    expect(average).toBeGreaterThan(120 * 0.5);
    // Settled: the running share moves little once the controller has found its level.
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThan(0.25);
  }, 120_000);
});
