import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EGRESS_NETWORK, ensureEgressNetwork } from '../../../src/sandbox/egress-network.js';
import { hashResults } from '../../../src/sandbox/results-hash.js';
import { containersForJob, networkGateway } from '../../helpers/docker.js';
import { cProgramImage, MEMORY_HOG_C, NET_PROBE_C } from '../../helpers/images.js';
import { harness, sh, type Harness } from './setup.js';

let h: Harness;
beforeAll(async () => {
  h = await harness('iso');
});
afterAll(async () => {
  await h.close();
});

const out = (job: { resultsDir: string }, name: string) =>
  readFile(`${job.resultsDir}/${name}`, 'utf8');

describe('the sandbox, against the real engine', () => {
  it('runs as 65534 with no capabilities and no_new_privs; results are hashed and the container removed', async () => {
    const job = h.runner.run(
      h.spec(
        sh(
          'id -u > /out/ids; id -g >> /out/ids; grep -E "^(CapPrm|CapEff|CapBnd|NoNewPrivs):" /proc/self/status > /out/status',
        ),
      ),
    );
    const result = await job.done;
    expect(result).toMatchObject({ outcome: 'succeeded', exitCode: 0, stopReason: null });
    expect(await out(job, 'ids')).toBe('65534\n65534\n');
    const status = await out(job, 'status');
    expect(status).toMatch(/^CapPrm:\s+0000000000000000$/m);
    expect(status).toMatch(/^CapEff:\s+0000000000000000$/m);
    expect(status).toMatch(/^CapBnd:\s+0000000000000000$/m);
    expect(status).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(result.resultsSha256).toBe(await hashResults(job.resultsDir));
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });

  it('the root filesystem is read-only', async () => {
    const job = h.runner.run(
      h.spec(
        sh(
          '(echo x > /rootfile) 2>/dev/null && echo wrote > /out/r || echo refused > /out/r; (echo x > /bin/busybox) 2>/dev/null && echo wrote >> /out/r || echo refused >> /out/r',
        ),
      ),
    );
    await job.done;
    expect(await out(job, 'r')).toBe('refused\nrefused\n');
  });

  it('scratch is a tmpfs of the size asked, and no larger', async () => {
    const job = h.runner.run(
      h.spec(
        sh(
          'dd if=/dev/zero of=/scratch/half bs=1024 count=512 2>/dev/null && echo ok > /out/r; rm /scratch/half; dd if=/dev/zero of=/scratch/f bs=1024 count=2048 2>/dev/null && echo wrote >> /out/r || echo full >> /out/r',
        ),
        { resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 1, pids: 64 } },
      ),
    );
    await job.done;
    expect(await out(job, 'r')).toBe('ok\nfull\n');
  });

  it('the same outputs give the same hash, different outputs a different one', async () => {
    const write = (text: string) =>
      sh(`mkdir -p /out/sub && echo ${text} > /out/sub/a && printf 'b' > /out/b`);
    const [one, two, three] = await Promise.all([
      h.runner.run(h.spec(write('same'))).done,
      h.runner.run(h.spec(write('same'))).done,
      h.runner.run(h.spec(write('other'))).done,
    ]);
    expect(one!.resultsSha256).toBe(two!.resultsSha256);
    expect(one!.resultsSha256).not.toBe(three!.resultsSha256);
  });

  describe('network', () => {
    let server: Server;
    let gateway: string;
    let port: number;
    let probeImage: string;
    beforeAll(async () => {
      probeImage = await cProgramImage(h.docker, 'netprobe', NET_PROBE_C);
      await ensureEgressNetwork(h.docker);
      gateway = await networkGateway(h.docker, EGRESS_NETWORK);
      server = createServer((_req, res) => res.end('pong'));
      server.listen(0, gateway);
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => {
      server.close();
    });

    const probe = (egress: boolean) =>
      h.runner.run(h.spec(['/prog', gateway, String(port)], { image: probeImage, egress })).done;

    it('without egress the job has only loopback and cannot reach the host', async () => {
      const ifaces = h.runner.run(h.spec(sh('ls /sys/class/net > /out/ifaces')));
      await ifaces.done;
      expect((await out(ifaces, 'ifaces')).trim()).toBe('lo');
      const result = await probe(false);
      expect(result.outcome).toBe('failed');
      expect(result.logTail).toMatch(/^error: Network is unreachable/);
    });

    it('with egress allowed the same connection works', async () => {
      const result = await probe(true);
      expect(result.outcome).toBe('succeeded');
      expect(result.logTail).toMatch(/^connected\n/);
      expect(result.logTail).toContain('pong');
    });
  });

  it('a fork bomb is held by the process limit', async () => {
    const job = h.runner.run(
      h.spec(
        sh(
          '(i=0; while [ $i -lt 200 ]; do sleep 60 & i=$((i+1)); done) 2>/dev/null; set -- /proc/[0-9]*; echo $# > /out/procs; kill -9 -1; exit 0',
        ),
        { resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 64, scratchMiB: 8, pids: 32 } },
      ),
    );
    const result = await job.done;
    const procs = Number((await out(job, 'procs')).trim());
    expect(procs).toBeGreaterThan(10);
    expect(procs).toBeLessThanOrEqual(32);
    expect(result.outcome).toBe('succeeded');
  });

  it('a memory hog is killed and reported as oom', async () => {
    const image = await cProgramImage(h.docker, 'memhog', MEMORY_HOG_C);
    const job = h.runner.run(
      h.spec(['/prog'], {
        image,
        resources: { gpus: 0, vramMiB: 0, cpus: 1, memoryMiB: 32, scratchMiB: 1, pids: 16 },
      }),
    );
    const result = await job.done;
    expect(result.outcome).toBe('oom');
    expect(result.exitCode).toBe(137);
    expect(await containersForJob(h.docker, job.jobId)).toEqual([]);
  });
});
