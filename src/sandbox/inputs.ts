import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { msg } from '../api/message.js';
import type { JobInput } from '../api/sandbox-schemas.js';
import { SandboxError } from './errors.js';

export interface FetchInputsOptions {
  fetch?: typeof fetch;
  /** Refuse downloads larger than this, all inputs together. */
  maxTotalBytes?: number;
}

/**
 * Downloads each input next to its final name, hashing as it streams, and only renames it
 * into place when the sha256 matches. A mismatch deletes the download and refuses the job.
 */
export async function fetchInputs(
  inputs: readonly JobInput[],
  dir: string,
  options: FetchInputsOptions = {},
): Promise<void> {
  const doFetch = options.fetch ?? fetch;
  let budget = options.maxTotalBytes ?? 4 * 1024 ** 3;
  for (const input of inputs) {
    const partial = join(dir, `.${input.name}.part`);
    const final = join(dir, input.name);
    let response: Response;
    try {
      response = await doFetch(input.url, { redirect: 'follow' });
    } catch {
      throw new SandboxError(msg('sandbox:input.downloadFailed', { name: input.name, status: 0 }));
    }
    if (!response.ok || !response.body)
      throw new SandboxError(
        msg('sandbox:input.downloadFailed', { name: input.name, status: response.status }),
      );

    const hash = createHash('sha256');
    const file = await open(partial, 'wx', 0o644);
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        budget -= value.byteLength;
        if (budget < 0) {
          await reader.cancel();
          throw new SandboxError(msg('sandbox:input.tooLarge', { name: input.name }));
        }
        hash.update(value);
        await file.write(value);
      }
    } catch (err) {
      await file.close();
      await rm(partial, { force: true });
      if (err instanceof SandboxError) throw err;
      throw new SandboxError(
        msg('sandbox:input.downloadFailed', { name: input.name, status: response.status }),
      );
    }
    await file.close();
    const actual = hash.digest('hex');
    if (actual !== input.sha256) {
      await rm(partial, { force: true });
      throw new SandboxError(msg('sandbox:input.hashMismatch', { name: input.name }));
    }
    await rename(partial, final);
  }
}
