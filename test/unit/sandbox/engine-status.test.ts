import { describe, expect, it } from 'vitest';
import { EngineStatusSchema } from '../../../src/api/sandbox-schemas.js';
import { engineCandidates } from '../../../src/sandbox/engine-socket.js';
import { describeEngine, describeMissingEngine } from '../../../src/sandbox/engine-status.js';
import { explainEngineError } from '../../../src/sandbox/engine-errors.js';
import { isToolkitSafe, parseToolkitVersion } from '../../../src/sandbox/toolkit.js';

const DOCKER_VERSION = {
  Version: '27.3.1',
  ApiVersion: '1.47',
  Components: [{ Name: 'Engine', Version: '27.3.1' }],
};

describe('toolkit version', () => {
  it.each([
    ['cli-version: 1.17.8\nlib-version: 1.17.8\nbuild date: 2025-07-01', '1.17.8'],
    [
      'NVIDIA Container Runtime version 1.16.2\ncommit: a4e8a1f\nspec: 1.2.0\n\nrunc version 1.1.12',
      '1.16.2',
    ],
    ['NVIDIA Container Toolkit CLI version 1.18.0\ncommit: abc', '1.18.0'],
    ['something else', null],
  ])('reads %j', (output, version) => expect(parseToolkitVersion(output)).toBe(version));

  it.each([
    ['1.17.8', true],
    ['1.17.9', true],
    ['1.18.0', true],
    ['2.0.0', true],
    ['1.17.7', false],
    ['1.16.2', false],
    ['1.9.99', false],
    ['0.99.0', false],
    ['garbage', false],
  ])('%s safe = %s', (version, safe) => expect(isToolkitSafe(version)).toBe(safe));

  it('unknown version is unsafe', () => expect(isToolkitSafe(null)).toBe(false));
});

describe('describeEngine', () => {
  it('plain Docker, no GPU runtime: CPU ok, GPU fix-it offered', () => {
    const status = describeEngine({
      info: { Runtimes: { runc: { path: 'runc' } } },
      version: DOCKER_VERSION,
      socket: '/var/run/docker.sock',
      toolkitVersion: null,
    });
    expect(EngineStatusSchema.parse(status)).toEqual(status);
    expect(status).toMatchObject({
      found: true,
      kind: 'docker',
      version: '27.3.1',
      apiVersion: '1.47',
      problem: null,
    });
    expect(status.gpu).toEqual({
      runtime: false,
      toolkitVersion: null,
      safe: false,
      problem: { key: 'sandbox:gpu.noRuntime' },
    });
    expect(status.fixes).toEqual([{ key: 'sandbox:fix.installToolkit' }]);
  });

  it('NVIDIA runtime with a safe toolkit', () => {
    const status = describeEngine({
      info: { Runtimes: { nvidia: { path: 'nvidia-container-runtime' }, runc: { path: 'runc' } } },
      version: DOCKER_VERSION,
      socket: 's',
      toolkitVersion: '1.17.8',
    });
    expect(status.gpu).toEqual({
      runtime: true,
      toolkitVersion: '1.17.8',
      safe: true,
      problem: null,
    });
    expect(status.fixes).toEqual([]);
  });

  it('NVIDIA runtime with a vulnerable toolkit: GPU unsafe, with the reason and an update fix-it', () => {
    const status = describeEngine({
      info: { Runtimes: { nvidia: { path: '/usr/bin/nvidia-container-runtime' } } },
      version: DOCKER_VERSION,
      socket: 's',
      toolkitVersion: '1.17.7',
    });
    expect(status.gpu.safe).toBe(false);
    expect(status.gpu.problem).toEqual({
      key: 'sandbox:gpu.toolkitUnsafe',
      values: { version: '1.17.7', minimum: '1.17.8' },
    });
    expect(status.fixes).toEqual([
      { key: 'sandbox:fix.updateToolkit', values: { minimum: '1.17.8' } },
    ]);
  });

  it('GPU via CDI devices counts as a runtime; unknown toolkit version is not trusted', () => {
    const status = describeEngine({
      info: { DiscoveredDevices: [{ Source: 'cdi', ID: 'nvidia.com/gpu=0' }] },
      version: DOCKER_VERSION,
      socket: 's',
      toolkitVersion: null,
    });
    expect(status.gpu.runtime).toBe(true);
    expect(status.gpu.safe).toBe(false);
    expect(status.gpu.problem?.key).toBe('sandbox:gpu.toolkitUnknown');
  });

  it('recognises Podman', () => {
    const status = describeEngine({
      info: {},
      version: {
        Version: '5.2.0',
        ApiVersion: '1.41',
        Components: [{ Name: 'Podman Engine', Version: '5.2.0' }],
      },
      socket: '/run/user/1000/podman/podman.sock',
      toolkitVersion: null,
    });
    expect(status.kind).toBe('podman');
  });
});

describe('describeMissingEngine', () => {
  it.each([
    ['ENOENT', 'sandbox:engine.notFound', ['sandbox:fix.installDocker', 'sandbox:fix.startDocker']],
    [null, 'sandbox:engine.notFound', ['sandbox:fix.installDocker', 'sandbox:fix.startDocker']],
    ['ECONNREFUSED', 'sandbox:engine.notRunning', ['sandbox:fix.startDocker']],
    ['EACCES', 'sandbox:engine.noPermission', ['sandbox:fix.dockerPermission']],
    ['ETIMEDOUT', 'sandbox:engine.unreachable', ['sandbox:fix.startDocker']],
  ])('%s → %s', (code, problem, fixes) => {
    const status = describeMissingEngine('/var/run/docker.sock', code);
    expect(EngineStatusSchema.parse(status)).toEqual(status);
    expect(status.found).toBe(false);
    expect(status.problem?.key).toBe(problem);
    expect(status.fixes.map((f) => f.key)).toEqual(fixes);
    expect(status.gpu.safe).toBe(false);
  });
});

describe('engineCandidates', () => {
  const where = { platform: 'linux' as const, home: '/home/rina', uid: 1000 };

  it('DOCKER_HOST unix:// is the only candidate', () => {
    expect(engineCandidates({ ...where, env: { DOCKER_HOST: 'unix:///tmp/d.sock' } })).toEqual([
      { label: 'unix:///tmp/d.sock', socketPath: '/tmp/d.sock' },
    ]);
  });

  it('DOCKER_HOST tcp:// is left to dockerode (TLS, port)', () => {
    expect(engineCandidates({ ...where, env: { DOCKER_HOST: 'tcp://10.0.0.2:2376' } })).toEqual([
      { label: 'tcp://10.0.0.2:2376', socketPath: null },
    ]);
  });

  it('Podman CONTAINER_HOST works too', () => {
    expect(
      engineCandidates({
        ...where,
        env: { CONTAINER_HOST: 'unix:///run/user/1000/podman/podman.sock' },
      })[0]?.socketPath,
    ).toBe('/run/user/1000/podman/podman.sock');
  });

  it('otherwise Docker, Docker Desktop, then Podman sockets', () => {
    const paths = engineCandidates({ ...where, env: {} }).map((c) => c.socketPath);
    expect(paths).toEqual([
      '/var/run/docker.sock',
      '/home/rina/.docker/run/docker.sock',
      '/home/rina/.docker/desktop/docker.sock',
      '/run/user/1000/podman/podman.sock',
      '/run/podman/podman.sock',
    ]);
  });

  it('Windows named pipes', () => {
    expect(
      engineCandidates({ ...where, platform: 'win32', env: {} }).map((c) => c.socketPath),
    ).toEqual(['//./pipe/docker_engine', '//./pipe/podman-machine-default']);
  });
});

describe('explainEngineError', () => {
  it('the real answer of a Docker without NVIDIA support to a DeviceRequest', () => {
    const err = Object.assign(new Error('(HTTP code 500) server error'), {
      statusCode: 500,
      json: { message: 'could not select device driver "nvidia" with capabilities: [[gpu]]' },
    });
    expect(explainEngineError(err)).toEqual({ key: 'sandbox:run.gpuDriverMissing' });
  });

  it('a toolkit failure keeps a short detail', () => {
    const reason = explainEngineError(
      new Error('nvidia-container-cli: initialization error: nvml error: driver not loaded\nmore'),
    );
    expect(reason.key).toBe('sandbox:run.gpuToolkitFailed');
    expect(reason.values?.detail).toBe(
      'nvidia-container-cli: initialization error: nvml error: driver not loaded',
    );
  });

  it('anything else is an engine refusal', () => {
    expect(explainEngineError('boom').key).toBe('sandbox:run.engineRefused');
  });
});
