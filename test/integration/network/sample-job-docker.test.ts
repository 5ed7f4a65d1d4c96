import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Docker from 'dockerode';
import { ProtocolClient } from '../../../src/network/client.js';
import { startLocalNetwork } from '../../../src/network/local/coordinator.js';
import { SAMPLE_IMAGE_REPO, ensureSampleImage } from '../../../src/network/local/sample-image.js';
import { billingTermsOf } from '../../../src/network/pricing.js';
import { CAPABILITIES, makeIdentity, nextEvent, tempDir } from './fixtures.js';

const docker = new Docker();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('the sample job image', () => {
  it('runs offline and read-only in docker, and the coordinator pays for its output', async () => {
    const image = await ensureSampleImage(docker);
    expect(image.pinned).toBe(`${SAMPLE_IMAGE_REPO}@${image.id}`);

    const dir = await tempDir('sample');
    const net = await startLocalNetwork({
      dataDir: join(dir, 'coord'),
      offerIntervalMs: 100,
      jobSize: 200,
      heartbeatIntervalS: 1,
      sampleImage: image.pinned,
    });
    cleanups.push(() => net.stop());
    const client = new ProtocolClient({ url: net.url, outboxPath: join(dir, 'outbox.jsonl') });
    cleanups.push(() => client.close());
    await client.connect(await makeIdentity(), CAPABILITIES);

    const offered = nextEvent(client, 'offer');
    client.heartbeat({
      state: 'ready',
      jobId: null,
      metering: { runningS: 0, pausedS: 0, gpuS: 0 },
    });
    const offer = await offered;
    client.accept(offer.job.id);
    expect(offer.job.image).toBe(image.pinned);

    // No registry holds this image, so the engine knows it by id: the pin's digest.
    const out = join(dir, 'out');
    await mkdir(out);
    await chmod(out, 0o777);
    const env = offer.job.env as Record<string, string>;
    const container = await docker.createContainer({
      Image: image.id,
      Cmd: offer.job.command as string[],
      Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
      User: '65534:65534',
      Labels: { 'lumbung.test': 'network-sample' },
      HostConfig: {
        NetworkMode: 'none',
        ReadonlyRootfs: true,
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        Binds: [`${out}:/out`],
        PidsLimit: 64,
        Memory: 64 * 1024 * 1024,
      },
    });
    cleanups.push(() => container.remove({ force: true }));
    const started = Date.now();
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    expect(StatusCode).toBe(0);
    const runningS = Math.max(1, Math.round((Date.now() - started) / 1000));

    const result = await readFile(join(out, 'result.txt'));
    const credited = nextEvent(client, 'credit', (c) => c.jobId === offer.job.id);
    await client.complete({
      jobId: offer.job.id,
      resultsSha256: createHash('sha256').update(result).digest('hex'),
      metering: { runningS, pausedS: 0, gpuS: 0 },
      energyWh: null,
      outputs: [{ path: 'result.txt', base64: result.toString('base64') }],
      terms: billingTermsOf(offer)!,
    });
    const credit = await credited;
    expect(credit.verified).toBe(true);
    expect(BigInt(credit.amount)).toBe((10n ** 18n * BigInt(runningS)) / 3600n);
  });
});
