import { execFile } from 'node:child_process';
import { basename } from 'node:path';

/** Names of the programs running now, as the OS lists them (no paths). */
export function listProcessNames(platform: NodeJS.Platform = process.platform): Promise<string[]> {
  const [command, args] =
    platform === 'win32' ? ['tasklist', ['/fo', 'csv', '/nh']] : ['ps', ['-A', '-o', 'comm=']];
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: 5000, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        if (error) return resolve([]);
        const names = stdout
          .split(/\r?\n/)
          .map((line) =>
            platform === 'win32' ? (line.split('","')[0] ?? '').replace(/^"/, '') : line,
          )
          .map((line) => basename(line.trim()))
          .filter((name) => name !== '');
        resolve([...new Set(names)]);
      },
    );
  });
}
