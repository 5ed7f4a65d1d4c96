import { msg, type Message } from '../api/message.js';
import type { PolicyInputs } from '../api/policy-schemas.js';

/**
 * "Get out of the way": the owner at the keyboard, another program on the GPU, or a listed
 * program running pauses the work at once; it resumes only after a quiet period, so a short
 * break in a game does not restart the job under the player.
 */
export interface PresenceOutcome {
  /** Reasons the work must be paused now, most important first; empty = no objection. */
  reasons: Message[];
  /** Foreign GPU use has lasted the grace: stop the job so the owner's program gets the card. */
  stopJob: boolean;
  /** Instants after now at which this outcome changes by itself. */
  changesAt: number[];
}

const MINUTE_MS = 60_000;

export function presenceRule(inputs: PolicyInputs): PresenceOutcome {
  const { now, settings, ownerIdleS, foreignGpu } = inputs;
  const idleWindowMs = settings.idleMinutes * MINUTE_MS;
  const quietMs = settings.resumeQuietMinutes * MINUTE_MS;
  const graceMs = settings.preemptGraceS * 1000;

  const lastInputAt = ownerIdleS === null ? null : now - ownerIdleS * 1000;
  const ownerActive = ownerIdleS !== null && ownerIdleS * 1000 < idleWindowMs;
  const blockers = [...new Set(inputs.runningBlockers)];

  const reasons: Message[] = [];
  const changesAt: number[] = [];

  if (foreignGpu.active) {
    const programs = [...new Set(foreignGpu.programs)].join(', ');
    reasons.push(
      programs.length > 0
        ? msg('policy:reason.foreignGpu', { programs, minutes: settings.resumeQuietMinutes })
        : msg('policy:reason.foreignGpuUnnamed', { minutes: settings.resumeQuietMinutes }),
    );
  }
  if (blockers.length > 0) {
    reasons.push(
      msg('policy:reason.blockingProgram', {
        program: blockers.join(', '),
        minutes: settings.resumeQuietMinutes,
      }),
    );
  }

  const seen = [inputs.lastActivityAt, foreignGpu.lastSeenAt, lastInputAt].filter(
    (t): t is number => t !== null,
  );
  const quietUntil = seen.length === 0 ? null : Math.max(...seen) + quietMs;

  if (ownerActive && lastInputAt !== null) {
    const windowEnd = lastInputAt + idleWindowMs;
    const values: Record<string, number> = {
      minutes: Math.max(settings.idleMinutes, settings.resumeQuietMinutes),
    };
    // Only when the owner is the sole cause do we know when work resumes if they stop now.
    if (reasons.length === 0) values.resumeAt = Math.max(windowEnd, quietUntil ?? windowEnd);
    reasons.push(msg('policy:reason.ownerActive', values));
    changesAt.push(windowEnd);
  }

  if (settings.schedule.preset === 'whenAway' && ownerIdleS === null) {
    reasons.push(msg('policy:reason.awayUnknown'));
  }

  if (reasons.length === 0 && quietUntil !== null && now < quietUntil) {
    reasons.push(msg('policy:reason.quietPeriod', { time: quietUntil }));
    changesAt.push(quietUntil);
  }

  let stopJob = false;
  if (foreignGpu.active && foreignGpu.since !== null) {
    const graceEnd = foreignGpu.since + graceMs;
    stopJob = now >= graceEnd;
    if (!stopJob) changesAt.push(graceEnd);
  }

  return { reasons, stopJob, changesAt };
}
