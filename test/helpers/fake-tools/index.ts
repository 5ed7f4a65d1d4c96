import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKE_TOOLS_DIR = fileURLToPath(new URL('.', import.meta.url));
export const GPU_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/gpu/', import.meta.url));

export function readGpuFixture(path: string): string {
  return readFileSync(join(GPU_FIXTURES_DIR, path), 'utf8');
}

/** Every capture file under a fixtures subfolder, as paths relative to GPU_FIXTURES_DIR. */
export function gpuFixtures(folder: string, suffix = ''): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(suffix)) out.push(relative(GPU_FIXTURES_DIR, full));
    }
  };
  walk(join(GPU_FIXTURES_DIR, folder));
  return out;
}

/**
 * Emulates `--format=csv,noheader,nounits` from a captured `--format=csv` output: keeps
 * the requested columns in order and drops the unit after each value ("38 %" → "38").
 * A field the capture lacks becomes `[N/A]`, as nvidia-smi prints for unknown values.
 */
export function projectCsv(csvWithHeader: string, fields: readonly string[]): string {
  const [header = '', ...rows] = csvWithHeader.split('\n').filter((line) => line.trim() !== '');
  const names = header.split(',').map((name) => name.trim().replace(/ \[.*\]$/, ''));
  return rows
    .map((row) => {
      const cells = row.split(',').map((cell) => cell.trim());
      return fields
        .map((field) => {
          const at = names.indexOf(field);
          const cell = at === -1 ? '[N/A]' : (cells[at] ?? '');
          return cell.replace(/ (MiB|W|%|MHz|us)$/, '');
        })
        .join(', ');
    })
    .join('\n')
    .concat('\n');
}

export interface FakeNvidiaFiles {
  query?: string;
  version?: string;
  L?: string;
  xml?: string;
  pmon?: string;
  limits?: string;
  samples?: string;
  dieAfter?: number;
  plDenied?: boolean;
}

export interface FakeTool {
  /** Executable path to hand to the code under test. */
  path: string;
  /** Directory with the answers and the logs (`calls.log`, `pl.log`, `launches.log`). */
  dir: string;
  log(name: string): Promise<string[]>;
}

async function wrapper(dir: string, script: string): Promise<string> {
  const path = join(dir, 'tool');
  await writeFile(path, `#!/bin/sh\nexec sh '${join(FAKE_TOOLS_DIR, script)}' '${dir}' "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

function logReader(dir: string): (name: string) => Promise<string[]> {
  return async (name) => {
    try {
      return (await readFile(join(dir, name), 'utf8')).split('\n').filter((l) => l !== '');
    } catch {
      return [];
    }
  };
}

/** A fake nvidia-smi in a fresh temp dir answering from the given texts. */
export async function makeFakeNvidiaSmi(files: FakeNvidiaFiles): Promise<FakeTool> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-fake-nvsmi-'));
  const names: [keyof FakeNvidiaFiles, string][] = [
    ['query', 'query.csv'],
    ['version', 'version.txt'],
    ['L', 'L.txt'],
    ['xml', 'q.xml'],
    ['pmon', 'pmon.txt'],
    ['limits', 'limits.csv'],
    ['samples', 'samples.csv'],
  ];
  for (const [key, name] of names) {
    const text = files[key];
    if (typeof text === 'string') await writeFile(join(dir, name), text);
  }
  if (files.dieAfter !== undefined) await writeFile(join(dir, 'die-after'), String(files.dieAfter));
  if (files.plDenied === true) await writeFile(join(dir, 'pl-denied'), '');
  return { path: await wrapper(dir, 'nvidia-smi.sh'), dir, log: logReader(dir) };
}

/** A fake rocm-smi printing the given JSON. */
export async function makeFakeRocmSmi(json: string): Promise<FakeTool> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-fake-rocm-'));
  await writeFile(join(dir, 'rocm.json'), json);
  return { path: await wrapper(dir, 'rocm-smi.sh'), dir, log: logReader(dir) };
}

/** One of the fixed failure scripts (no-driver, mismatch, hang). */
export function failingNvidiaSmi(kind: 'no-driver' | 'mismatch' | 'hang'): string {
  return join(FAKE_TOOLS_DIR, `nvidia-smi-${kind}.sh`);
}

/** A fake systeminformation module whose graphics() returns these controllers. */
export async function makeFakeSystemInformation(controllers: readonly object[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lumbung-fake-si-'));
  const path = join(dir, 'si.cjs');
  await writeFile(
    path,
    `module.exports = { version: () => 'fake', graphics: async () => (${JSON.stringify({ controllers, displays: [] })}) };\n`,
  );
  return path;
}

export const HANGING_SYSTEM_INFORMATION = join(FAKE_TOOLS_DIR, 'si-hang.cjs');
