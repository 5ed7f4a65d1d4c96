import { describe, expect, it } from 'vitest';
import { GpuReportSchema } from '../../../src/api/gpu-schemas.js';
import { reportFromCapture } from '../../../src/gpu/capture.js';
import { QUERY_GPU_FIELDS } from '../../../src/gpu/nvidia-query-csv.js';
import { gpuFixtures, projectCsv, readGpuFixture } from '../../helpers/fake-tools/index.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');
// The plain-text `-q`, the default table and `--version` alone carry no structured
// inventory; they are read only as parts of a whole session.
const textOnly = /\.(q\.(idle|load)|table\.idle)\.txt$|\.version\.txt$/;
const everyCapture = gpuFixtures('.').filter((f) => !f.endsWith('.md') && !textOnly.test(f));
const textOnlyCaptures = gpuFixtures('.').filter((f) => textOnly.test(f));

describe('reportFromCapture', () => {
  it.each(everyCapture)('%s becomes a valid report', (file) => {
    const report = reportFromCapture(readGpuFixture(file), NOW);
    expect(GpuReportSchema.parse(report)).toEqual(report);
    expect(report.source).toBe('capture');
    expect(report.detectedAt).toBe(NOW.toISOString());
  });

  it('has 43 structured captures and refuses the 24 text-only ones with the list of formats', () => {
    expect(everyCapture).toHaveLength(43);
    expect(textOnlyCaptures).toHaveLength(24);
    for (const file of textOnlyCaptures) {
      expect(() => reportFromCapture(readGpuFixture(file), NOW)).toThrow(/Supported formats/);
    }
  });

  it('builds a full NVIDIA report from a whole session: versions, MIG children, processes', () => {
    const report = reportFromCapture(
      readGpuFixture('nvidia-smi-captures/linux-x86_64__nvidia-h100-mig__590.48.01.txt'),
      NOW,
    );
    expect(report.tools.nvidiaSmi).toEqual({ state: 'ok', version: '590.48.01', problem: null });
    expect(report.gpus).toHaveLength(1);
    expect(report.gpus[0]).toMatchObject({
      model: 'NVIDIA H100 80GB HBM3',
      cudaVersion: '13.1',
      computeCapability: '9.0',
      utilizationPct: null,
      mig: { enabled: true, instances: 4 },
      power: { limitW: 700 },
    });
    expect(report.verdict.canShare).toBe(true);
    expect(report.verdict.reasons).toContainEqual({
      key: 'gpu:verdict.reason.mig',
      values: { model: 'NVIDIA H100 80GB HBM3', instances: 4 },
    });
  });

  it('takes the idle phase of a session and the 610 CUDA UMD version', () => {
    const report = reportFromCapture(
      readGpuFixture(
        'nvidia-smi-captures/linux-x86_64__nvidia-geforce-rtx-2080-super__610.57.04.txt',
      ),
      NOW,
    );
    expect(report.gpus[0]).toMatchObject({
      vramUsedMiB: 211,
      cudaVersion: '13.3',
      driverVersion: '610.57.04',
    });
    expect(report.gpus[0]?.processes.map((p) => [p.pid, p.type])).toEqual([
      [1720, 'graphics'],
      [4556, 'graphics'],
    ]);
    expect(report.verdict.headline).toEqual({
      key: 'gpu:verdict.headline.ready',
      values: { model: 'NVIDIA GeForce RTX 2080 SUPER' },
    });
  });

  it('reads a headerless capture of our own query', () => {
    const csv = projectCsv(
      readGpuFixture(
        'nvidia-smi-captures/extracted/linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01.query-gpu-all-fields.idle.csv',
      ),
      QUERY_GPU_FIELDS,
    );
    const report = reportFromCapture(csv, NOW);
    expect(report.gpus[0]?.power.limitW).toBe(700);
  });

  it('says the GT 710 is too small but the GTX 1070 Ti can share (systeminformation capture)', () => {
    const report = reportFromCapture(
      readGpuFixture(
        'nvidia-smi-systeminformation-csv/gtx1070ti-plus-gt710-driver-450.57-si-query.csv',
      ),
      NOW,
    );
    expect(report.verdict.canShare).toBe(true);
    expect(report.verdict.headline.key).toBe('gpu:verdict.headline.ready');
    expect(report.verdict.reasons).toContainEqual({
      key: 'gpu:verdict.reason.tooLittleMemory',
      values: { model: 'GeForce GT 710', vramMiB: 981 },
    });
  });

  it('calls an A100 with four MIG parts shareable', () => {
    const report = reportFromCapture(
      readGpuFixture('nvidia-smi-q-x/a100-sxm4-80gb-mig-4-instances-driver-535.54.03.xml'),
      NOW,
    );
    expect(report.verdict.canShare).toBe(true);
    expect(report.gpus[0]?.mig).toEqual({ enabled: true, instances: 4 });
  });

  it('asks for a driver update for a "Graphics Device"', () => {
    const report = reportFromCapture(
      readGpuFixture('nvidia-smi-q-x/gtx1660ti-graphics-device-driver-418.43.xml'),
      NOW,
    );
    expect(report.verdict.fixes).toContainEqual({ key: 'gpu:verdict.fix.updateNvidiaDriver' });
  });

  it('reports the Iluvatar card as not shareable yet', () => {
    const report = reportFromCapture(
      readGpuFixture('nvidia-smi-q-x/iluvatar-bi-v100-ixsmi-2.3.0.xml'),
      NOW,
    );
    expect(report.gpus[0]?.vendor).toBe('other');
    expect(report.verdict).toMatchObject({
      canShare: false,
      headline: { key: 'gpu:verdict.headline.unsupported' },
    });
  });

  it('reports AMD cards as seen but not shareable yet', () => {
    const report = reportFromCapture(readGpuFixture('rocm-smi-json/mi100_rocm571.json'), NOW);
    expect(report.tools.rocmSmi.state).toBe('ok');
    expect(report.gpus).toHaveLength(6);
    expect(report.verdict.headline.key).toBe('gpu:verdict.headline.amdNotYet');
  });

  it('reads a saved driver failure as a broken driver with fix steps', () => {
    const report = reportFromCapture(
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n",
      NOW,
    );
    expect(report.tools.nvidiaSmi).toMatchObject({
      state: 'error',
      problem: { key: 'gpu:problem.nvidia.noDriver' },
    });
    expect(report.verdict.headline.key).toBe('gpu:verdict.headline.driverBroken');
    expect(report.verdict.fixes.map((f) => f.key)).toEqual([
      'gpu:verdict.fix.installNvidiaDriver',
      'gpu:verdict.fix.restart',
    ]);
  });

  it('names the supported formats when it does not recognise the text', () => {
    expect(() => reportFromCapture('hello world')).toThrow(
      /Supported formats: .*nvidia-smi -q -x.*rocm-smi --json/,
    );
    expect(() => reportFromCapture('')).toThrow(/Unrecognised GPU capture/);
  });
});
