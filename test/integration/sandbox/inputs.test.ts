import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SandboxError } from '../../../src/sandbox/errors.js';
import { fetchInputs } from '../../../src/sandbox/inputs.js';
import { containersForJob } from '../../helpers/docker.js';
import { harness, sh, type Harness } from './setup.js';

const DATA = 'the quick brown fox\n'.repeat(1000);
const DATA_SHA = createHash('sha256').update(DATA).digest('hex');
const WRONG_SHA = createHash('sha256').update('something else').digest('hex');

let server: Server;
let base: string;
let h: Harness;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/data') res.end(DATA);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await harness('inputs');
});
afterAll(async () => {
  server.close();
  await h.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lumbung-inputs-'));
  return () => rm(dir, { recursive: true, force: true });
});

const reasonOf = async (p: Promise<unknown>) =>
  (
    (await p.then(
      () => null,
      (e: unknown) => e,
    )) as SandboxError
  ).reason;

describe('fetchInputs', () => {
  it('downloads and keeps a file whose sha256 matches', async () => {
    await fetchInputs([{ name: 'data', url: `${base}/data`, sha256: DATA_SHA }], dir);
    expect(await readFile(join(dir, 'data'), 'utf8')).toBe(DATA);
    expect(await readdir(dir)).toEqual(['data']);
  });

  it('refuses a mismatch and keeps nothing of it', async () => {
    const reason = await reasonOf(
      fetchInputs([{ name: 'data', url: `${base}/data`, sha256: WRONG_SHA }], dir),
    );
    expect(reason).toEqual({ key: 'sandbox:input.hashMismatch', values: { name: 'data' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a failed download with its status', async () => {
    const reason = await reasonOf(
      fetchInputs([{ name: 'x', url: `${base}/missing`, sha256: DATA_SHA }], dir),
    );
    expect(reason).toEqual({
      key: 'sandbox:input.downloadFailed',
      values: { name: 'x', status: 404 },
    });
  });

  it('refuses inputs larger than allowed', async () => {
    const reason = await reasonOf(
      fetchInputs([{ name: 'data', url: `${base}/data`, sha256: DATA_SHA }], dir, {
        maxTotalBytes: 100,
      }),
    );
    expect(reason.key).toBe('sandbox:input.tooLarge');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('inputs in a job', () => {
  it('are mounted read-only at /in', async () => {
    const job = h.runner.run(
      h.spec(
        sh(
          'cat /in/data > /out/copy; (echo x > /in/data) 2>/dev/null && echo wrote > /out/w || echo refused > /out/w',
        ),
        {
          inputs: [{ name: 'data', url: `${base}/data`, sha256: DATA_SHA }],
        },
      ),
    );
    expect((await job.done).outcome).toBe('succeeded');
    expect(await readFile(join(job.resultsDir, 'copy'), 'utf8')).toBe(DATA);
    expect(await readFile(join(job.resultsDir, 'w'), 'utf8')).toBe('refused\n');
  });

  it('a wrong hash refuses the job before any container exists', async () => {
    const job = h.runner.run(
      h.spec(['/bin/true'], { inputs: [{ name: 'data', url: `${base}/data`, sha256: WRONG_SHA }] }),
    );
    expect(await reasonOf(job.done)).toEqual({
      key: 'sandbox:input.hashMismatch',
      values: { name: 'data' },
    });
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });
});
