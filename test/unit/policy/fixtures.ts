import {
  PolicySettingsSchema,
  type Decision,
  type PolicyInputs,
  type PolicySettings,
} from '../../../src/api/policy-schemas.js';

/** Wednesday 2024-06-12 12:00 UTC: midday, outside the overnight preset in most zones. */
export const NOON = Date.UTC(2024, 5, 12, 12, 0);

export type InputsPatch = Partial<Omit<PolicyInputs, 'settings'>> & {
  settings?: Partial<PolicySettings>;
};

/** A plugged-in desktop, cool GPU, owner away for an hour, sharing always allowed. */
export function inputs(patch: InputsPatch = {}): PolicyInputs {
  const { settings, ...rest } = patch;
  return {
    now: NOON,
    timeZone: 'UTC',
    settings: {
      ...PolicySettingsSchema.parse({ schedule: { preset: 'always' } }),
      ...settings,
    },
    ownerIdleS: 3600,
    foreignGpu: { active: false, since: null, lastSeenAt: null, programs: [] },
    runningBlockers: [],
    onBattery: false,
    gpu: {
      temperatureC: 60,
      powerDrawW: 200,
      defaultLimitW: 320,
      minLimitW: 100,
      maxLimitW: 350,
    },
    lastActivityAt: null,
    wasPausedForHeat: false,
    energyBudgetW: null,
    ...rest,
  };
}

/** The part of a decision a person or the node acts on (not the values inside messages). */
export function signature(d: Decision): string {
  return JSON.stringify({
    run: d.run,
    pauseNow: d.pauseNow,
    stopJob: d.stopJob,
    pausedForHeat: d.pausedForHeat,
    powerBudgetW: d.powerBudgetW,
    capMethodHint: d.capMethodHint,
    reasons: d.reasons.map((r) => r.key),
  });
}

/**
 * The same world a little later with nothing new happening: instants stay put, and the
 * owner's idle time (a duration up to `now`) grows by the time that passed.
 */
export function later(i: PolicyInputs, now: number): PolicyInputs {
  return {
    ...i,
    now,
    ownerIdleS: i.ownerIdleS === null ? null : i.ownerIdleS + (now - i.now) / 1000,
  };
}
