import { execFile } from 'node:child_process';

export type ToolRun =
  | { kind: 'ok'; stdout: string; stderr: string }
  | { kind: 'missing' }
  | { kind: 'timeout' }
  | { kind: 'failed'; exitCode: number | null; output: string };

export interface RunToolOptions {
  timeoutMs: number;
  maxBuffer?: number;
}

/**
 * Runs a vendor tool once. A wedged GPU driver can block nvidia-smi for minutes, so
 * every call has a deadline and is killed with SIGKILL (a stuck process may ignore
 * SIGTERM). Never throws: every outcome is a value the caller must look at.
 */
export function runTool(
  file: string,
  args: readonly string[],
  options: RunToolOptions,
): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ kind: 'ok', stdout, stderr });
        if (error.code === 'ENOENT') return resolve({ kind: 'missing' });
        if (error.killed === true || error.signal === 'SIGKILL')
          return resolve({ kind: 'timeout' });
        const exitCode = typeof error.code === 'number' ? error.code : null;
        resolve({
          kind: 'failed',
          exitCode,
          output: `${stdout}\n${stderr}`.trim() || error.message,
        });
      },
    );
  });
}
