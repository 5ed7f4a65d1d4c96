import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/api/message.js';
import type { OfferFrame } from '../../../src/api/protocol-schemas.js';
import type { EngineStatus } from '../../../src/api/sandbox-schemas.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import type { NetworkAdapter, NetworkEvents } from '../../../src/network/adapter.js';
import { EarningLoop } from '../../../src/node/earning-loop.js';
import type { Runner } from '../../../src/sandbox/runner.js';

const engine: EngineStatus = {
  found: true,
  kind: 'docker',
  version: '20.10',
  apiVersion: '1.41',
  socket: '/var/run/docker.sock',
  gpu: { runtime: false, toolkitVersion: null, safe: false, problem: null },
  problem: null,
  fixes: [],
};

/** A network that only records what the loop answers; offers are pushed by the test. */
function recordingAdapter() {
  const declined: { jobId: string; reason: Message }[] = [];
  const accepted: string[] = [];
  const adapter = {
    on:
      <E extends keyof NetworkEvents>(_e: E, _l: (p: NetworkEvents[E]) => void) =>
      () =>
        undefined,
    accept: (jobId: string) => accepted.push(jobId),
    decline: (jobId: string, reason: Message) => declined.push({ jobId, reason }),
  } as unknown as NetworkAdapter;
  return { adapter, declined, accepted };
}

const runs: string[] = [];
const runner = {
  run: (spec: { id: string }) => {
    runs.push(spec.id);
    throw new Error('no job may start in this test');
  },
} as unknown as Runner;

let ledger: Ledger;
beforeAll(async () => {
  ledger = await Ledger.open(await mkdtemp(join(tmpdir(), 'lumbung-declines-')));
});
afterAll(async () => {
  await ledger.close();
});

function offer(id: string, job: Record<string, unknown>): OfferFrame {
  return {
    v: 1,
    type: 'offer',
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    job: {
      id,
      kind: 'cpu',
      image: `sample@sha256:${'a'.repeat(64)}`,
      command: ['/bin/true'],
      env: {},
      resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 8 },
      maxDurationS: 60,
      egress: false,
      inputs: [],
      pricePerGpuHour: '1000000000000000000',
      ...job,
    },
  } as OfferFrame;
}

function loop(adapter: NetworkAdapter) {
  return new EarningLoop({
    adapter,
    ledger,
    runner,
    now: Date.now,
    limits: () => ({
      maxCpus: 2,
      maxMemoryMiB: 1024,
      maxScratchMiB: 256,
      maxDurationS: 3600,
      maxPids: 4096,
      allowEgress: false,
      allowGpu: false,
      maxGpus: 0,
      maxVramMiB: 0,
    }),
    pricing: () => ({ priceFloorPerGpuHour: 500_000_000_000_000_000n, allowedKinds: ['cpu'] }),
    engine: () => engine,
    gpuDevices: () => [],
    whyNot: () => null,
    onVoucher: async () => undefined,
    onReputation: () => undefined,
    onConnection: () => undefined,
    onJobChange: () => undefined,
    onEarnings: () => undefined,
    log: () => undefined,
  });
}

describe('offers the owner’s rules refuse', () => {
  it('are declined with a reason and kept in the ledger, never run', async () => {
    const { adapter, declined } = recordingAdapter();
    const l = loop(adapter);
    await l.onOffer(offer('cheap-1', { pricePerGpuHour: '1' }));
    await l.onOffer(offer('privileged-1', { privileged: true }));
    await l.onOffer(offer('gpu-1', { kind: 'gpu' }));
    expect(declined.map((d) => d.jobId)).toEqual(['cheap-1', 'privileged-1', 'gpu-1']);
    expect(declined[0]!.reason.key).toBe('network:decline.priceBelowFloor');
    for (const { jobId, reason } of declined) {
      const entry = ledger.entry(jobId);
      expect(entry?.state).toBe('declined');
      expect(entry?.declineReason).toEqual(reason);
    }
    expect(runs).toEqual([]);
  });

  it('never accept a hostile offer, whatever it carries (fuzzed)', async () => {
    const hostile = fc.oneof(
      fc.record({ privileged: fc.constant(true) }),
      fc.record({ binds: fc.constant(['/:/host']) }),
      fc.record({ capAdd: fc.constant(['SYS_ADMIN']) }),
      fc.record({ hostNetwork: fc.constant(true) }),
      fc.record({ image: fc.constantFrom('busybox:latest', 'evil', '') }),
      fc.record({ env: fc.constant({ LD_PRELOAD: '/x.so' }) }),
      fc.record({ egress: fc.constant(true) }),
      fc.record({
        resources: fc.record({
          gpus: fc.constant(0),
          vramMiB: fc.constant(0),
          cpus: fc.integer({ min: 3, max: 64 }),
          memoryMiB: fc.constant(64),
          scratchMiB: fc.constant(8),
        }),
      }),
      fc.record({ maxDurationS: fc.integer({ min: 3601, max: 10_000_000 }) }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (patch) => {
        const { adapter, declined, accepted } = recordingAdapter();
        const id = `fuzz-${n++}`;
        await loop(adapter).onOffer(offer(id, patch));
        expect(accepted).toEqual([]);
        expect(declined.map((d) => d.jobId)).toEqual([id]);
      }),
      { numRuns: 60 },
    );
    expect(runs).toEqual([]);
  });
});
