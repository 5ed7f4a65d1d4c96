import { describe, expect, it } from 'vitest';
import { parseNvidiaSmiList } from '../../../src/gpu/nvidia-list.js';
import { parseNvidiaSmiPmon } from '../../../src/gpu/nvidia-pmon.js';
import { parseNvidiaSmiVersion } from '../../../src/gpu/nvidia-version.js';
import { findSection, splitSession } from '../../../src/gpu/session-capture.js';
import { gpuFixtures, readGpuFixture } from '../../helpers/fake-tools/index.js';

const EXTRACTED = 'nvidia-smi-captures/extracted';
const sessions = gpuFixtures('nvidia-smi-captures', '.txt').filter((f) => !f.includes('extracted'));

describe('nvidia-smi --version', () => {
  it.each(gpuFixtures(EXTRACTED, '.version.txt'))('%s parses', (file) => {
    const version = parseNvidiaSmiVersion(readGpuFixture(file));
    expect(version.smiVersion).toMatch(/^\d+\.\d+/);
    expect(version.driverVersion).toMatch(/^\d+\.\d+/);
    expect(version.cudaVersion).toMatch(/^1\d\.\d$/);
  });

  it('reads the 595 form', () => {
    expect(
      parseNvidiaSmiVersion(
        readGpuFixture(
          `${EXTRACTED}/linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.version.txt`,
        ),
      ),
    ).toEqual({
      smiVersion: '595.71.05',
      nvmlVersion: '595.71',
      driverVersion: '595.71.05',
      cudaVersion: '13.2',
    });
  });

  it('follows 610\'s "Deprecated, see KMD version" to the KMD and CUDA UMD lines', () => {
    expect(
      parseNvidiaSmiVersion(
        readGpuFixture(
          `${EXTRACTED}/linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04.version.txt`,
        ),
      ),
    ).toEqual({
      smiVersion: '610.57.04',
      nvmlVersion: '610.57',
      driverVersion: '610.57.04',
      cudaVersion: '13.3',
    });
  });

  it('rejects other text', () => {
    expect(() => parseNvidiaSmiVersion('hello')).toThrow(/NVIDIA-SMI version/);
  });
});

describe('nvidia-smi -L', () => {
  it.each(gpuFixtures(EXTRACTED, '.L.txt'))('%s lists GPU 0', (file) => {
    const list = parseNvidiaSmiList(readGpuFixture(file));
    expect(list[0]?.index).toBe(0);
    expect(list[0]?.uuid).toMatch(/^GPU-/);
  });

  it('reads the H100 MIG children', () => {
    const [gpu] = parseNvidiaSmiList(
      readGpuFixture(`${EXTRACTED}/linux-x86_64__nvidia-h100-mig__590.48.01.L.txt`),
    );
    expect(gpu?.name).toBe('NVIDIA H100 80GB HBM3');
    expect(gpu?.migDevices.map((d) => [d.profile, d.device])).toEqual([
      ['3g.40gb', 0],
      ['2g.20gb', 1],
      ['1g.10gb', 2],
      ['1g.10gb', 3],
    ]);
  });

  it('reads H200 compute-instance profiles', () => {
    const [gpu] = parseNvidiaSmiList(
      readGpuFixture(`${EXTRACTED}/linux-x86_64__nvidia-h200-mig__590.48.01.L.txt`),
    );
    expect(gpu?.migDevices.map((d) => d.profile)).toEqual([
      '1c.3g.71gb',
      '2c.3g.71gb',
      '2g.35gb',
      '1g.18gb',
      '1g.18gb',
    ]);
    expect(gpu?.migDevices[1]?.uuid).toBe('MIG-00000001-0000-0000-0000-000000000001');
  });
});

describe('nvidia-smi pmon', () => {
  const pmonOf = (file: string, phase: 'idle' | 'load') =>
    parseNvidiaSmiPmon(findSection(splitSession(readGpuFixture(file)), /pmon/, phase)!.body);

  it.each(sessions)('%s has a pmon section that parses in both phases', (file) => {
    expect(pmonOf(file, 'load').length).toBeGreaterThan(0);
    pmonOf(file, 'idle');
  });

  it('reads compute processes with SM % and dashes as null', () => {
    const rows = pmonOf(
      'nvidia-smi-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__595.71.05.txt',
      'load',
    );
    expect(rows[2]).toEqual({
      gpu: 0,
      pid: 5267,
      type: 'C',
      smPct: 7,
      memPct: 3,
      command: 'ffmpeg',
    });
    expect(rows[3]).toEqual({
      gpu: 0,
      pid: 5268,
      type: 'C',
      smPct: null,
      memPct: null,
      command: 'ffmpeg',
    });
    expect(rows[0]).toMatchObject({ pid: 1696, type: 'G', command: 'gnome-shell' });
  });

  it('skips the "-" rows of an idle datacenter GPU', () => {
    expect(
      pmonOf('nvidia-smi-captures/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.txt', 'idle'),
    ).toEqual([]);
  });

  it('keeps Windows C+G commands with spaces', () => {
    const rows = pmonOf(
      'nvidia-smi-captures/windows-x86_64__nvidia-geforce-rtx-2080-super__591.86.txt',
      'idle',
    );
    expect(rows[1]).toMatchObject({ pid: 4680, type: 'C+G', command: 'NVIDIA Share.exe' });
  });

  it('follows a header without jpg/ofa columns (older drivers)', () => {
    const text =
      '# gpu        pid  type    sm   mem   enc   dec   command\n# Idx          #   C/G     %     %     %     %   name\n    0      12345     C    55    20     -     -   python train.py\n';
    expect(parseNvidiaSmiPmon(text)).toEqual([
      { gpu: 0, pid: 12345, type: 'C', smPct: 55, memPct: 20, command: 'python train.py' },
    ]);
  });
});

describe('a whole recorded session', () => {
  it.each(sessions)('%s splits into titled sections', (file) => {
    const sections = splitSession(readGpuFixture(file));
    expect(findSection(sections, /--version/)?.phase).toBe('capabilities');
    expect(findSection(sections, /--query-gpu=/, 'idle')).toBeDefined();
    expect(findSection(sections, /--query-gpu=/, 'load')).toBeDefined();
  });
});
