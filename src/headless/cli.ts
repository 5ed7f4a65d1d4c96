#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import type { Status } from '../api/status-schemas.js';
import { reportFromCapture } from '../gpu/capture.js';
import { detectGpus } from '../gpu/detector.js';
import type { GpuReport } from '../api/gpu-schemas.js';
import { startNode, type NetworkChoice } from '../node/index.js';
import { appRoot, appVersion } from '../platform/package-info.js';
import { dataPaths, defaultDataDir } from '../platform/paths.js';
import { createFormatter } from './format.js';
import { registerJobCommand } from './job-cli.js';
import { registerPolicyCommand } from './policy-cli.js';
import { registerVerifyCommand } from './verify-cli.js';
import { registerWalletCommand } from './wallet-cli.js';
import { connectToServer } from './remote-client.js';
import { startServer } from './server.js';
import { readServerInfo, removeServerInfo, writeServerInfo } from './server-info.js';
import { loadOrCreateToken } from './server-token.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function networkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      'give the coordinator as a URL, e.g. https://coordinator.example',
    );
  }
  if (!['http:', 'https:'].includes(url.protocol))
    throw new InvalidArgumentError('the URL must start with http:// or https://');
  return url.toString().replace(/\/$/, '');
}

function language(value: string): 'en' | 'id' {
  if (value !== 'en' && value !== 'id') throw new InvalidArgumentError('use en or id');
  return value;
}

export function printStatus(status: Status, lang: 'en' | 'id', out: (line: string) => void): void {
  const f = createFormatter(lang);
  // The headline already names the state ("Ready — …"); print it as the owner reads it.
  out(f(status.headline));
  for (const reason of status.reasons) out(`  · ${f(reason)}`);
  if (status.nextChangeAt !== null)
    out(`  ${f({ key: 'ui:dashboard.nextChange', values: { time: status.nextChangeAt } })}`);
  for (const check of status.checks.filter((c) => !c.ok)) {
    out(`  ✗ ${f(check.label)}${check.detail ? `: ${f(check.detail)}` : ''}`);
    if (check.fix) out(`    → ${f(check.fix)}`);
  }
  for (const notice of status.notices) out(`  ! ${f(notice.message)}`);
}

export function printGpuReport(
  report: GpuReport,
  lang: 'en' | 'id',
  out: (line: string) => void,
): void {
  const f = createFormatter(lang);
  out(f(report.verdict.headline));
  for (const gpu of report.gpus) {
    const vram = gpu.vramMiB === null ? '' : `, ${Math.round(gpu.vramMiB / 1024)} GiB`;
    const power = gpu.power.defaultLimitW === null ? '' : `, ${gpu.power.defaultLimitW} W`;
    out(
      `  ${gpu.index}: ${gpu.model}${vram}${power}${gpu.driverVersion ? `, driver ${gpu.driverVersion}` : ''}`,
    );
  }
  for (const reason of report.verdict.reasons) out(`  · ${f(reason)}`);
  for (const fix of report.verdict.fixes) out(`  → ${f(fix)}`);
}

export function buildCli(out: (line: string) => void = (l) => console.log(l)): Command {
  const program = new Command('lumbung')
    .description('Share your idle GPU with a compute network and get paid in tokens.')
    .version(appVersion())
    .option('--data-dir <dir>', 'where Lumbung keeps its data', defaultDataDir());

  program
    .command('serve')
    .description('run Lumbung without its window and serve the same screens to your browser')
    .option('--port <port>', 'port to listen on (0 = any free port)', port, 0)
    .option(
      '--host <host>',
      'address to listen on (keep 127.0.0.1 unless you know why)',
      '127.0.0.1',
    )
    .option(
      '--network <url>',
      'join this coordinator instead of the built-in local network',
      networkUrl,
    )
    .option('--no-network', 'do not join any network (screens and settings only)')
    .action(async (opts: { port: number; host: string; network: string | boolean }) => {
      const { dataDir } = program.opts<{ dataDir: string }>();
      // --network URL joins that coordinator, --no-network none; otherwise the settings decide.
      const network: NetworkChoice | undefined =
        opts.network === false
          ? { kind: 'none' }
          : typeof opts.network === 'string'
            ? { kind: 'remote', url: opts.network }
            : undefined;
      const node = await startNode({ dataDir, shell: 'headless', ...(network ? { network } : {}) });
      const token = await loadOrCreateToken(dataPaths(dataDir).tokenFile);
      const server = await startServer({
        node,
        token,
        host: opts.host,
        port: opts.port,
        rendererDir: join(appRoot(), 'dist', 'renderer'),
        log: (line) => console.error(line),
      });
      await writeServerInfo(dataDir, { pid: process.pid, url: server.url, port: server.port });
      if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') {
        console.error(
          `Warning: listening on ${opts.host}; anyone who can reach it and has the link can control Lumbung.`,
        );
      }
      out(`Lumbung is running at ${server.loginUrl}`);
      const shutdown = async () => {
        await server.close();
        await node.stop();
        await removeServerInfo(dataDir);
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    });

  program
    .command('status')
    .description('say what Lumbung is doing now and why')
    .option('--json', 'print the status as JSON')
    .option('--lang <lang>', 'en or id', language, 'en')
    .action(async (opts: { json?: boolean; lang: 'en' | 'id' }) => {
      const { dataDir } = program.opts<{ dataDir: string }>();
      const info = await readServerInfo(dataDir);
      if (!info) {
        console.error('Lumbung is not running. Start it with `npm start` or `lumbung serve`.');
        process.exitCode = 3;
        return;
      }
      const token = (await readFile(dataPaths(dataDir).tokenFile, 'utf8')).trim();
      const { client, close } = connectToServer(info.port, token);
      try {
        const status = await Promise.race([
          client.call('status.get'),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('no answer within 5 s')), 5000),
          ),
        ]);
        if (opts.json) out(JSON.stringify(status, null, 2));
        else printStatus(status, opts.lang, out);
      } finally {
        close();
      }
    });

  program
    .command('gpu')
    .description('detect graphics cards and say whether they can be shared')
    .option('--json', 'print the report as JSON')
    .option('--lang <lang>', 'en or id', language, 'en')
    .option(
      '--from-capture <file>',
      'read a saved nvidia-smi / rocm-smi output instead of this machine',
    )
    .action(async (opts: { json?: boolean; lang: 'en' | 'id'; fromCapture?: string }) => {
      const report = opts.fromCapture
        ? reportFromCapture(await readFile(opts.fromCapture, 'utf8'))
        : await detectGpus();
      if (opts.json) out(JSON.stringify(report, null, 2));
      else printGpuReport(report, opts.lang, out);
    });

  registerJobCommand(program, out);
  registerPolicyCommand(program, out);
  registerWalletCommand(program, out);
  registerVerifyCommand(program, out);

  return program;
}

export function runCli(argv: string[] = process.argv): void {
  buildCli()
    .parseAsync(argv)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runCli();
