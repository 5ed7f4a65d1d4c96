import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyboxImage } from '../../helpers/images.js';
import { containersForJob, testDocker, uniqueJobId } from '../../helpers/docker.js';
import { cliEnv, ensureBuiltCli, exitOf, runCli, startCli } from './run-cli.js';

const docker = testDocker();
let dir: string;
let image: string;

function spec(id: string, command: string[], extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'cpu',
    image,
    command,
    env: {},
    resources: { gpus: 0, vramMiB: 0, cpus: 0.5, memoryMiB: 64, scratchMiB: 16 },
    maxDurationS: 120,
    egress: false,
    inputs: [],
    pricePerGpuHour: '1000000000000000000',
    ...extra,
  };
}

async function specFile(name: string, body: unknown): Promise<string> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(body));
  return file;
}

beforeAll(async () => {
  ensureBuiltCli();
  dir = await mkdtemp(join(tmpdir(), 'lumbung-cli-job-'));
  image = await busyboxImage(docker);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lumbung job run', () => {
  it('runs a good job and reports the outcome, results hash and metering', async () => {
    const id = uniqueJobId('cli-good');
    const file = await specFile(
      'good',
      spec(id, ['sh', '-c', 'echo hello-from-job; echo 42 > /out/answer']),
    );
    const r = await runCli(['job', 'run', '--json', '--spec', file], cliEnv(dir));
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ declined: false, jobId: id, outcome: 'succeeded', exitCode: 0 });
    expect(result.resultsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.logTail).toContain('hello-from-job');
    expect(result.metering).toMatchObject({ pausedS: 0 });
    expect(await containersForJob(docker, id)).toHaveLength(0);

    const plain = await runCli(
      [
        'job',
        'run',
        '--spec',
        await specFile('good2', spec(uniqueJobId('cli-good'), ['sh', '-c', 'exit 3'])),
      ],
      cliEnv(dir),
    );
    expect(plain.code).toBe(1);
    expect(plain.stdout.trim().length).toBeGreaterThan(0);
  });

  it.each([
    ['privileged', { privileged: true }, 'sandbox:decline.privileged'],
    ['host mount', { mounts: [{ source: '/', target: '/host' }] }, 'sandbox:decline.hostMount'],
    ['LD_PRELOAD', { env: { LD_PRELOAD: '/tmp/x.so' } }, 'sandbox:decline.forbiddenEnv'],
  ])('declines a hostile spec (%s) with exit 2 and no container', async (name, extra, key) => {
    const id = uniqueJobId('cli-bad');
    const file = await specFile(`bad-${name}`, spec(id, ['true'], extra));
    const r = await runCli(['job', 'run', '--json', '--spec', file], cliEnv(dir));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ declined: true, reason: { key } });
    expect(await containersForJob(docker, id)).toHaveLength(0);
  });

  it('declines an unpinned image', async () => {
    const id = uniqueJobId('cli-unpinned');
    const file = await specFile('unpinned', spec(id, ['true'], { image: 'busybox:latest' }));
    const r = await runCli(['job', 'run', '--json', '--spec', file], cliEnv(dir));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      declined: true,
      reason: { key: 'sandbox:decline.imageNotPinned' },
    });
    const plain = await runCli(['job', 'run', '--spec', file], cliEnv(dir));
    expect(plain.code).toBe(2);
    expect(plain.stderr.trim().length).toBeGreaterThan(0);
    expect(await containersForJob(docker, id)).toHaveLength(0);
  });

  it('refuses a missing or broken spec file and a bad timeout', async () => {
    expect((await runCli(['job', 'run', '--spec', join(dir, 'nope.json')], cliEnv(dir))).code).toBe(
      2,
    );
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ not json');
    expect((await runCli(['job', 'run', '--spec', broken], cliEnv(dir))).code).toBe(2);
    expect(
      (await runCli(['job', 'run', '--spec', broken, '--timeout', 'soon'], cliEnv(dir))).code,
    ).toBe(2);
    expect((await runCli(['job', 'run'], cliEnv(dir))).code).not.toBe(0);
  });

  it('lists a running job, and Ctrl+C stops it without leaving a container', async () => {
    const id = uniqueJobId('cli-long');
    const file = await specFile('long', spec(id, ['sleep', '300']));
    const child = startCli(['job', 'run', '--json', '--spec', file], cliEnv(dir));
    const exited = exitOf(child);
    let listed: { jobId: string; state: string; node: string }[] = [];
    for (let i = 0; i < 100 && !listed.some((c) => c.jobId === id && c.state === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 300));
      const ls = await runCli(['job', 'ls', '--json'], cliEnv(dir));
      expect(ls.code).toBe(0);
      listed = JSON.parse(ls.stdout) as typeof listed;
    }
    expect(listed).toContainEqual(
      expect.objectContaining({ jobId: id, state: 'running', node: 'lumbung-cli' }),
    );

    child.kill('SIGINT');
    const { code, stdout } = await exited;
    expect(code).toBe(130);
    expect(JSON.parse(stdout)).toMatchObject({ jobId: id, outcome: 'stopped' });
    expect(await containersForJob(docker, id)).toHaveLength(0);
  }, 90_000);
});
