import { msg, type Message } from '../api/message.js';
import type { Check, CurrentJob, Notice, NodeState, Status } from '../api/status-schemas.js';

export interface StatusInputs {
  now: number;
  sharing: boolean;
  checks: Check[];
  /** The policy's verdict; null until the first evaluation. */
  policy: {
    run: boolean;
    pauseNow: boolean;
    reasons: Message[];
    nextChangeAt: number | null;
  } | null;
  job: CurrentJob | null;
  network: Status['network'];
  power: Status['power'];
  notices: Notice[];
  fatal: Message | null;
  /** The surplus controller's sentence while an energy mode is on, else null. */
  energy?: Message | null;
}

/**
 * The node's state and its status sentence, derived from facts alone so that the
 * same facts always read the same way (Dashboard, tray, `lumbung status`).
 */
export function deriveStatus(inputs: StatusInputs): Status {
  const failing = inputs.checks.filter((c) => !c.ok);
  let state: NodeState;
  let headline: Message;
  let reasons: Message[] = [];
  let nextChangeAt: number | null = null;

  if (inputs.fatal) {
    state = 'error';
    headline = msg('common:status.error', { detail: inputs.fatal.key });
    reasons = [inputs.fatal];
  } else if (!inputs.sharing) {
    state = 'off';
    headline = msg('common:status.off');
  } else if (failing.length > 0) {
    state = 'blocked';
    headline = msg('common:status.blocked');
    reasons = failing.map((c) => c.detail ?? c.label);
  } else if (inputs.policy && !inputs.policy.run) {
    state = inputs.job ? 'paused' : 'waiting';
    headline = inputs.policy.reasons[0] ?? msg('common:state.waiting');
    reasons = inputs.policy.reasons.slice(1);
    // "Not enough surplus" reads better as the energy source's own sentence.
    if (inputs.energy && headline.key === 'policy:reason.noSurplus') headline = inputs.energy;
    nextChangeAt = inputs.policy.nextChangeAt;
  } else if (inputs.job) {
    state = inputs.job.paused ? 'paused' : 'running';
    headline = msg('common:status.running');
    reasons = inputs.policy?.reasons ?? [];
    nextChangeAt = inputs.policy?.nextChangeAt ?? null;
  } else {
    state = 'ready';
    headline = inputs.network.connected
      ? msg('common:status.ready')
      : msg('common:status.connecting');
    reasons = inputs.policy?.reasons ?? [];
    nextChangeAt = inputs.policy?.nextChangeAt ?? null;
  }

  if (inputs.energy && (state === 'running' || state === 'ready' || state === 'paused')) {
    reasons = [inputs.energy, ...reasons];
  }

  return {
    state,
    sharing: inputs.sharing,
    headline,
    reasons,
    nextChangeAt,
    checks: inputs.checks,
    job: inputs.job,
    notices: inputs.notices,
    power: inputs.power,
    network: inputs.network,
    updatedAt: inputs.now,
  };
}
