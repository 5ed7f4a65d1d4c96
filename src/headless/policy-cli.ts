import type { Command } from 'commander';
import { formatMessage } from '../api/format-message.js';
import { msg, type Message } from '../api/message.js';
import { PolicyInputsSchema, type Decision, type PolicyInputs } from '../api/policy-schemas.js';
import type { Settings } from '../api/settings-schemas.js';
import { isValidTimeZone, zonedInstant, zonedParts } from '../api/zoned-time.js';
import { decide } from '../policy/index.js';
import { SettingsStore } from '../settings/store.js';

/** `lumbung policy explain`: would Lumbung share right now (or at another time), and why. */

export const POLICY_BAD_INPUT = 2;

interface ExplainOptions {
  at?: string;
  tz: string;
  idleSeconds?: string;
  foreignGpuUtil?: string;
  temp?: string;
  onBattery?: boolean;
  json?: boolean;
  lang: string;
}

export interface ExplainRequest {
  now: number;
  timeZone: string;
  ownerIdleS: number | null;
  foreignGpuUtilPct: number;
  temperatureC: number | null;
  onBattery: boolean;
}

class BadInput extends Error {
  constructor(readonly why: Message) {
    super(why.key);
  }
}

const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

// ISO date-time; the offset is optional: without one the time is read on the --tz clock.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Reads `--at` as an instant; a time without an offset is a wall time in `timeZone`. */
export function parseAt(value: string, timeZone: string): number {
  const m = ISO_TIME.exec(value.trim());
  if (!m) throw new BadInput(msg('cli:policy.badTime', { value: value.slice(0, 100) }));
  const [, y, mo, d, h, mi, s, offset] = m;
  const wall = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? '0'),
  };
  const probe = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const calendarOk =
    probe.getUTCFullYear() === wall.year &&
    probe.getUTCMonth() === wall.month - 1 &&
    probe.getUTCDate() === wall.day &&
    wall.hour < 24 &&
    wall.minute < 60 &&
    wall.second < 60;
  if (!calendarOk) throw new BadInput(msg('cli:policy.badTime', { value: value.slice(0, 100) }));
  if (offset === undefined) return zonedInstant(wall, timeZone);
  const instant = Date.parse(value.trim().replace(' ', 'T'));
  if (!Number.isFinite(instant))
    throw new BadInput(msg('cli:policy.badTime', { value: value.slice(0, 100) }));
  return instant;
}

function nonNegative(option: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new BadInput(msg('cli:policy.badNumber', { option, value: value.slice(0, 50) }));
  return n;
}

/** Turns the command's options into a request, or says which one is wrong. */
export function parseExplainOptions(opts: ExplainOptions, clock: () => number): ExplainRequest {
  if (!isValidTimeZone(opts.tz))
    throw new BadInput(msg('cli:policy.badZone', { value: opts.tz.slice(0, 100) }));
  const util = nonNegative('--foreign-gpu-util', opts.foreignGpuUtil) ?? 0;
  if (util > 100)
    throw new BadInput(
      msg('cli:policy.badPercent', { option: '--foreign-gpu-util', value: String(util) }),
    );
  let temperatureC: number | null = null;
  if (opts.temp !== undefined) {
    const t = Number(opts.temp);
    if (opts.temp.trim() === '' || !Number.isFinite(t) || t < -50 || t > 200)
      throw new BadInput(msg('cli:policy.badTemp', { option: '--temp', value: opts.temp }));
    temperatureC = t;
  }
  return {
    now: opts.at === undefined ? clock() : parseAt(opts.at, opts.tz),
    timeZone: opts.tz,
    ownerIdleS: nonNegative('--idle-seconds', opts.idleSeconds),
    foreignGpuUtilPct: util,
    temperatureC,
    onBattery: opts.onBattery === true,
  };
}

/**
 * The inputs `decide()` gets for a request. Foreign use counts from the settings' own
 * threshold, the same test the GPU detector applies; it is taken to have begun just now.
 */
export function policyInputsFor(settings: Settings, request: ExplainRequest): PolicyInputs {
  const foreignActive = request.foreignGpuUtilPct >= settings.policy.foreignGpuUtilPct;
  return PolicyInputsSchema.parse({
    now: request.now,
    timeZone: request.timeZone,
    settings: settings.policy,
    ownerIdleS: request.ownerIdleS,
    foreignGpu: {
      active: foreignActive,
      since: foreignActive ? request.now : null,
      lastSeenAt: foreignActive ? request.now : null,
      programs: [],
    },
    runningBlockers: [],
    onBattery: request.onBattery,
    gpu:
      request.temperatureC === null
        ? null
        : {
            temperatureC: request.temperatureC,
            powerDrawW: null,
            defaultLimitW: null,
            minLimitW: null,
            maxLimitW: null,
          },
    lastActivityAt: null,
    wasPausedForHeat: false,
    energyBudgetW: null,
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-29T07:00` as the clock in `timeZone` reads at `instant`. */
export function wallClock(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const isInstantName = (name: string): boolean =>
  name === 'time' || name.endsWith('At') || name === 'until' || name === 'resume';

/** Renders messages with their instants on the clock of `timeZone`, not the computer's. */
export function zonedFormatter(lang: 'en' | 'id', timeZone: string) {
  const clock = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (message: Message): string =>
    formatMessage(lang, message, (name, value) =>
      typeof value === 'number' && isInstantName(name) && value > 1e11
        ? clock.format(value)
        : String(value),
    );
}

export interface ExplainReport {
  run: boolean;
  pauseNow: boolean;
  stopJob: boolean;
  at: string;
  atLocal: string;
  timeZone: string;
  powerBudgetW: number | null;
  reasons: Array<Message & { text: string }>;
  nextChangeAt: string | null;
  nextChangeLocal: string | null;
}

export function explainReport(
  decision: Decision,
  request: ExplainRequest,
  lang: 'en' | 'id',
): ExplainReport {
  const f = zonedFormatter(lang, request.timeZone);
  return {
    run: decision.run,
    pauseNow: decision.pauseNow,
    stopJob: decision.stopJob,
    at: new Date(request.now).toISOString(),
    atLocal: wallClock(request.now, request.timeZone),
    timeZone: request.timeZone,
    powerBudgetW: decision.powerBudgetW,
    reasons: decision.reasons.map((r) => ({ ...r, text: f(r) })),
    nextChangeAt:
      decision.nextChangeAt === null ? null : new Date(decision.nextChangeAt).toISOString(),
    nextChangeLocal:
      decision.nextChangeAt === null ? null : wallClock(decision.nextChangeAt, request.timeZone),
  };
}

export function printExplain(
  decision: Decision,
  request: ExplainRequest,
  lang: 'en' | 'id',
  out: (line: string) => void,
): void {
  const f = zonedFormatter(lang, request.timeZone);
  const zone = request.timeZone;
  out(f(msg('cli:policy.at', { time: request.now, zone })));
  out(f(msg(decision.run ? 'cli:policy.wouldRun' : 'cli:policy.wouldNotRun')));
  out(f(msg('cli:policy.why')));
  for (const reason of decision.reasons) out(`  · ${f(reason)}`);
  out(
    f(
      decision.powerBudgetW === null
        ? msg('cli:policy.budgetNone')
        : msg('cli:policy.budget', { watts: Math.round(decision.powerBudgetW) }),
    ),
  );
  out(
    f(
      decision.nextChangeAt === null
        ? msg('cli:policy.nextChangeNone')
        : msg('cli:policy.nextChange', { time: decision.nextChangeAt, zone }),
    ),
  );
}

export function registerPolicyCommand(
  program: Command,
  out: (line: string) => void,
  err: (line: string) => void = (l) => console.error(l),
  clock: () => number = Date.now,
): Command {
  const policy = program.command('policy').description('look into the sharing rules');
  policy
    .command('explain')
    .description('say whether Lumbung would share at a time, with your saved settings, and why')
    .option('--at <time>', 'when to check, ISO date and time (default: now)')
    .option('--tz <zone>', 'time zone, e.g. Asia/Jakarta (default: this computer’s)', systemZone())
    .option(
      '--idle-seconds <n>',
      'seconds since you last used keyboard or mouse (default: unknown)',
    )
    .option('--foreign-gpu-util <pct>', 'GPU use by other programs, in percent (default: 0)')
    .option('--temp <celsius>', 'GPU temperature (default: unknown)')
    .option('--on-battery', 'pretend the computer runs on battery')
    .option('--json', 'print the answer as JSON')
    .option('--lang <lang>', 'en or id', 'en')
    .action(async (opts: ExplainOptions) => {
      const lang = opts.lang === 'id' ? 'id' : 'en';
      const f = zonedFormatter(lang, isValidTimeZone(opts.tz) ? opts.tz : 'UTC');
      if (opts.lang !== 'en' && opts.lang !== 'id') {
        err('--lang: use en or id');
        process.exitCode = POLICY_BAD_INPUT;
        return;
      }
      let request: ExplainRequest;
      try {
        request = parseExplainOptions(opts, clock);
      } catch (error) {
        if (!(error instanceof BadInput)) throw error;
        if (opts.json)
          out(JSON.stringify({ ok: false, error: { ...error.why, text: f(error.why) } }));
        else err(f(error.why));
        process.exitCode = POLICY_BAD_INPUT;
        return;
      }
      const { dataDir } = program.opts<{ dataDir: string }>();
      const { store } = await SettingsStore.open(dataDir);
      const decision = decide(policyInputsFor(store.get(), request));
      if (opts.json) out(JSON.stringify(explainReport(decision, request, lang), null, 2));
      else printExplain(decision, request, lang, out);
    });
  return policy;
}
