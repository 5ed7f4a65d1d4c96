import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type Docker from 'dockerode';
import { z } from 'zod';
import { msg, type Message } from '../api/message.js';
import type { JobResult } from '../api/sandbox-schemas.js';
import { ownerLimits } from '../node/capabilities.js';
import { dataPaths } from '../platform/paths.js';
import {
  admit,
  checkImageConfig,
  connectEngine,
  createRunner,
  LABEL_JOB,
  LABEL_MANAGED,
  LABEL_NODE,
  probeEngine,
  SandboxError,
} from '../sandbox/index.js';
import { resolvePinnedImage } from '../sandbox/image-resolve.js';
import { SettingsStore } from '../settings/store.js';
import { createFormatter } from './format.js';

/** `lumbung job run|ls`: run one job by hand through the same admission as the network's. */

export const JOB_CLI_NODE_ID = 'lumbung-cli';
/** Exit codes of `job run`: 0 succeeded, 1 failed or could not run, 2 declined or bad input, 130 Ctrl+C. */
export const JOB_FAILED = 1;
export const JOB_DECLINED = 2;
export const JOB_INTERRUPTED = 130;
const CLI_STOP_GRACE_S = 5;

interface RunOptions {
  spec: string;
  json?: boolean;
  allowEgress?: boolean;
  timeout?: string;
  lang: string;
}

class Declined extends Error {
  constructor(
    readonly why: Message,
    readonly exitCode: number = JOB_DECLINED,
  ) {
    super(why.key);
  }
}

async function readSpecFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Declined(msg('cli:common.unreadableFile', { file }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Declined(msg('cli:common.badJsonFile', { file }));
  }
}

function parseTimeout(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new Declined(msg('cli:job.badTimeout'));
  return n;
}

async function engine(): Promise<Docker> {
  const connection = await connectEngine();
  if (!connection.ok) throw new Declined(msg('cli:job.noEngine'), JOB_FAILED);
  return connection.docker;
}

function reportStopFailure(
  error: unknown,
  f: (m: Message) => string,
  err: (line: string) => void,
): void {
  err(
    f(
      error instanceof SandboxError
        ? error.reason
        : msg('cli:common.unexpected', { detail: String(error).slice(0, 200) }),
    ),
  );
}

export function jobReport(result: JobResult, resultsDir: string) {
  return { declined: false as const, ...result, resultsDir };
}

export function printResult(
  result: JobResult,
  resultsDir: string,
  lang: 'en' | 'id',
  out: (line: string) => void,
): void {
  const f = createFormatter(lang);
  out(f(msg(`cli:job.outcome.${result.outcome}`)));
  out(
    f(
      result.exitCode === null
        ? msg('cli:job.exitCodeNone')
        : msg('cli:job.exitCode', { code: result.exitCode }),
    ),
  );
  out(f(msg('cli:job.resultsHash', { hash: result.resultsSha256 })));
  out(f(msg('cli:job.resultsDir', { dir: resultsDir })));
  const m = result.metering;
  out(
    f(
      msg('cli:job.metering', {
        running: m.runningS.toFixed(1),
        paused: m.pausedS.toFixed(1),
        cpu: m.cpuS.toFixed(2),
        memory: m.peakMemoryMiB === null ? '?' : m.peakMemoryMiB.toFixed(1),
      }),
    ),
  );
  out(f(msg('cli:job.logTail')));
  const tail = result.logTail.trimEnd();
  out(tail === '' ? f(msg('cli:job.noLog')) : tail);
}

async function runJob(
  dataDir: string,
  opts: RunOptions,
  lang: 'en' | 'id',
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const f = createFormatter(lang);
  const timeoutS = parseTimeout(opts.timeout);
  const offered = await readSpecFile(opts.spec);
  const { store } = await SettingsStore.open(dataDir);
  const settings = store.get();
  const limits = ownerLimits(
    opts.allowEgress
      ? { ...settings, limits: { ...settings.limits, allowEgress: true } }
      : settings,
    null,
  );
  const admission = admit(offered, limits, await probeEngine());
  if (!admission.ok) throw new Declined(admission.reason);
  const spec = admission.spec;

  const docker = await engine();
  // Checked before the runner starts so a bad image reads as a refusal, like the network's.
  let imageId: string;
  try {
    imageId = await resolvePinnedImage(docker, spec.image, true);
  } catch (error) {
    if (error instanceof SandboxError) throw new Declined(error.reason, JOB_FAILED);
    throw error;
  }
  const imageCheck = checkImageConfig(await docker.getImage(imageId).inspect());
  if (!imageCheck.ok) throw new Declined(imageCheck.reason);

  const runner = createRunner({
    docker,
    workDir: dataPaths(dataDir).jobsDir,
    nodeId: JOB_CLI_NODE_ID,
    // Under the engine connection's 10 s request timeout, so a stop call is never cut off.
    stopGraceS: CLI_STOP_GRACE_S,
  });
  const job = runner.run(spec);
  if (!opts.json) err(f(msg('cli:job.started', { id: spec.id })));

  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    if (!opts.json) err(f(msg('cli:job.stopping')));
    job.stop('requested').catch((error: unknown) => reportStopFailure(error, f, err));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const timer =
    timeoutS === null
      ? null
      : setTimeout(() => {
          if (!opts.json) err(f(msg('cli:job.timedOut', { seconds: timeoutS })));
          job.stop('timeout').catch((error: unknown) => reportStopFailure(error, f, err));
        }, timeoutS * 1000);
  let result: JobResult;
  try {
    result = await job.done;
  } catch (error) {
    if (error instanceof SandboxError) throw new Declined(error.reason, JOB_FAILED);
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (opts.json) out(JSON.stringify(jobReport(result, job.resultsDir), null, 2));
  else printResult(result, job.resultsDir, lang, out);
  if (interrupted) return JOB_INTERRUPTED;
  return result.outcome === 'succeeded' ? 0 : JOB_FAILED;
}

const ContainerInfoSchema = z.looseObject({
  Id: z.string(),
  Image: z.string(),
  State: z.string(),
  Created: z.number(),
  Labels: z.record(z.string(), z.string()).nullish(),
});

export interface JobContainer {
  jobId: string | null;
  state: string;
  image: string;
  created: string;
  node: string | null;
  containerId: string;
}

/** Every container Lumbung made here, whichever node or CLI made it. */
export async function listJobContainers(docker: Docker): Promise<JobContainer[]> {
  const raw: unknown = await docker.listContainers({
    all: true,
    filters: { label: [`${LABEL_MANAGED}=true`] },
  });
  const list = z.array(ContainerInfoSchema).parse(raw);
  return list.map((c) => ({
    jobId: c.Labels?.[LABEL_JOB] ?? null,
    state: c.State,
    image: c.Image,
    created: new Date(c.Created * 1000).toISOString(),
    node: c.Labels?.[LABEL_NODE] ?? null,
    containerId: c.Id.slice(0, 12),
  }));
}

function language(value: string): 'en' | 'id' {
  if (value !== 'en' && value !== 'id') throw new InvalidArgumentError('use en or id');
  return value;
}

export function registerJobCommand(
  program: Command,
  out: (line: string) => void,
  err: (line: string) => void = (l) => console.error(l),
): Command {
  const job = program.command('job').description('run a job by hand, or list Lumbung’s jobs');
  job
    .command('run')
    .description('check a job file the way the network’s jobs are checked, then run it here')
    .requiredOption('--spec <file>', 'the job, as a JSON file')
    .option('--json', 'print the result as JSON')
    .option('--allow-egress', 'allow this job to reach the internet, whatever the settings say')
    .option('--timeout <seconds>', 'stop the job after this many seconds')
    .option('--lang <lang>', 'en or id', language, 'en')
    .action(async (opts: RunOptions) => {
      const lang = opts.lang === 'id' ? 'id' : 'en';
      const f = createFormatter(lang);
      const { dataDir } = program.opts<{ dataDir: string }>();
      try {
        process.exitCode = await runJob(dataDir, opts, lang, out, err);
      } catch (error) {
        if (!(error instanceof Declined)) throw error;
        const text =
          error.exitCode === JOB_DECLINED && error.why.key.startsWith('sandbox:')
            ? f(msg('cli:job.declined', { reason: f(error.why) }))
            : f(error.why);
        if (opts.json)
          out(
            JSON.stringify(
              { declined: error.exitCode === JOB_DECLINED, reason: { ...error.why, text } },
              null,
              2,
            ),
          );
        else err(text);
        process.exitCode = error.exitCode;
      }
    });

  job
    .command('ls')
    .description('list Lumbung’s containers on this computer')
    .option('--json', 'print the list as JSON')
    .option('--lang <lang>', 'en or id', language, 'en')
    .action(async (opts: { json?: boolean; lang: string }) => {
      const f = createFormatter(opts.lang === 'id' ? 'id' : 'en');
      let docker: Docker;
      try {
        docker = await engine();
      } catch (error) {
        if (!(error instanceof Declined)) throw error;
        err(f(error.why));
        process.exitCode = JOB_FAILED;
        return;
      }
      const list = await listJobContainers(docker);
      if (opts.json) {
        out(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        out(f(msg('cli:job.listEmpty')));
        return;
      }
      out(f(msg('cli:job.listHeader')));
      for (const c of list)
        out(`${c.jobId ?? c.containerId}  ${c.state}  ${c.image}  ${c.created}  ${c.node ?? '-'}`);
    });
  return job;
}
