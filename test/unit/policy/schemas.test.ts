import { describe, expect, it } from 'vitest';
import {
  PolicyInputsSchema,
  PolicySettingsSchema,
  ScheduleSchema,
} from '../../../src/api/policy-schemas.js';
import { inputs } from './fixtures.js';

describe('policy schemas', () => {
  it('gives the documented defaults for empty settings', () => {
    expect(PolicySettingsSchema.parse({})).toEqual({
      schedule: { preset: 'overnight', spans: [] },
      idleMinutes: 5,
      resumeQuietMinutes: 2,
      foreignGpuUtilPct: 5,
      blockingPrograms: [],
      powerCap: { mode: 'off', value: 100 },
      tempCapC: 83,
      tempResumeDeltaC: 5,
      allowOnBattery: false,
      preemptGraceS: 20,
    });
  });

  it('fills nested defaults in a partial setting', () => {
    expect(
      PolicySettingsSchema.parse({ powerCap: { mode: 'watts', value: 200 } }).powerCap,
    ).toEqual({
      mode: 'watts',
      value: 200,
    });
    expect(PolicySettingsSchema.parse({ schedule: { preset: 'always' } }).schedule.spans).toEqual(
      [],
    );
  });

  it('rejects bad input with policy message keys', () => {
    const clock = ScheduleSchema.safeParse({
      preset: 'custom',
      spans: [{ day: 1, start: '24:00', end: '07:00' }],
    });
    expect(clock.success).toBe(false);
    expect(clock.error?.issues[0]?.message).toBe('policy:error.invalidClock');
    const day = ScheduleSchema.safeParse({ spans: [{ day: 7, start: '01:00', end: '02:00' }] });
    expect(day.success).toBe(false);
    const cap = PolicySettingsSchema.safeParse({ powerCap: { mode: 'percent', value: 500 } });
    expect(cap.error?.issues[0]?.message).toBe('policy:error.invalidPowerCap');
    const zone = PolicyInputsSchema.safeParse({ ...inputs(), timeZone: 'Mars/Olympus' });
    expect(zone.error?.issues[0]?.message).toBe('policy:error.invalidTimeZone');
  });

  it('accepts the fixture inputs, and a partial patch works on the settings', () => {
    expect(PolicyInputsSchema.parse(inputs())).toEqual(inputs());
    // The settings patch schema is built with `.partial()`: no object-level refinements allowed.
    expect(PolicySettingsSchema.partial().parse({ idleMinutes: 3 }).idleMinutes).toBe(3);
  });
});
