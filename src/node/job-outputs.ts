import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFile } from '../api/protocol-schemas.js';

const MAX_FILES = 16;
const MAX_FILE_BYTES = 64 * 1024;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * The small top-level result files a coordinator checks before paying. Large or
 * oddly named files stay out (the results hash still covers them).
 */
export async function collectOutputs(resultsDir: string): Promise<OutputFile[]> {
  let names: string[];
  try {
    names = (await readdir(resultsDir)).sort();
  } catch {
    return [];
  }
  const outputs: OutputFile[] = [];
  for (const name of names) {
    if (outputs.length >= MAX_FILES || !NAME.test(name)) continue;
    const path = join(resultsDir, name);
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) continue;
    outputs.push({ path: name, base64: (await readFile(path)).toString('base64') });
  }
  return outputs;
}
