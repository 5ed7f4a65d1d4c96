import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomic-file.js';

/** Where a running `lumbung serve` says it listens, so `lumbung status` can find it. */
const ServerInfoSchema = z.object({
  pid: z.number().int(),
  url: z.string(),
  port: z.number().int(),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

const file = (dataDir: string) => join(dataDir, 'server.json');

export async function writeServerInfo(dataDir: string, info: ServerInfo): Promise<void> {
  await writeFileAtomic(file(dataDir), JSON.stringify(info), { mode: 0o600 });
}

export async function readServerInfo(dataDir: string): Promise<ServerInfo | null> {
  try {
    const info = ServerInfoSchema.parse(JSON.parse(await readFile(file(dataDir), 'utf8')));
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

export async function removeServerInfo(dataDir: string): Promise<void> {
  await rm(file(dataDir), { force: true });
}
