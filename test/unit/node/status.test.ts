import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/api/message.js';
import { deriveStatus, type StatusInputs } from '../../../src/node/status.js';

const base: StatusInputs = {
  now: 1_000,
  sharing: true,
  checks: [{ id: 'engine', ok: true, label: msg('common:check.engine'), detail: null, fix: null }],
  policy: {
    run: true,
    pauseNow: false,
    reasons: [msg('policy:reason.allowed')],
    nextChangeAt: 5_000,
  },
  job: null,
  network: { mode: 'local', url: null, connected: true },
  power: { budgetW: null, method: 'none', methodReason: null },
  notices: [],
  fatal: null,
};

const job = {
  id: 'j1',
  kind: 'cpu' as const,
  startedAt: 0,
  runningS: 3,
  paused: false,
  pricePerGpuHour: '1',
};

describe('deriveStatus', () => {
  it('is off whenever sharing is off, whatever else is true', () => {
    const s = deriveStatus({ ...base, sharing: false, job });
    expect(s.state).toBe('off');
    expect(s.headline).toEqual(msg('common:status.off'));
  });

  it('is blocked with the failing checks as reasons', () => {
    const s = deriveStatus({
      ...base,
      checks: [
        {
          id: 'engine',
          ok: false,
          label: msg('common:check.engine'),
          detail: msg('sandbox:x'),
          fix: msg('sandbox:y'),
        },
      ],
    });
    expect(s.state).toBe('blocked');
    expect(s.reasons).toEqual([msg('sandbox:x')]);
  });

  it('waits with the policy headline and next change when the policy says no', () => {
    const s = deriveStatus({
      ...base,
      policy: {
        run: false,
        pauseNow: false,
        reasons: [msg('policy:reason.outsideHours', { time: 9 })],
        nextChangeAt: 9,
      },
    });
    expect(s.state).toBe('waiting');
    expect(s.headline.key).toBe('policy:reason.outsideHours');
    expect(s.nextChangeAt).toBe(9);
  });

  it('is paused (not waiting) when a job exists and the policy says no', () => {
    const s = deriveStatus({
      ...base,
      job: { ...job, paused: true },
      policy: {
        run: false,
        pauseNow: true,
        reasons: [msg('policy:reason.ownerActive')],
        nextChangeAt: null,
      },
    });
    expect(s.state).toBe('paused');
  });

  it('is running with a job and ready without one', () => {
    expect(deriveStatus({ ...base, job }).state).toBe('running');
    expect(deriveStatus(base).state).toBe('ready');
    expect(
      deriveStatus({ ...base, network: { ...base.network, connected: false } }).headline,
    ).toEqual(msg('common:status.connecting'));
  });

  it('reports error above everything but off', () => {
    expect(deriveStatus({ ...base, fatal: msg('common:error.internal') }).state).toBe('error');
  });
});

describe('deriveStatus with an energy mode', () => {
  it('waits with the energy sentence when the policy lacks surplus', () => {
    const energy = msg('energy:headline.waitingForSurplus', {
      available: 120,
      needed: 250,
      seconds: 60,
    });
    const s = deriveStatus({
      ...base,
      energy,
      policy: {
        run: false,
        pauseNow: false,
        reasons: [msg('policy:reason.noSurplus', { available: 120, needed: 250 })],
        nextChangeAt: null,
      },
    });
    expect(s.state).toBe('waiting');
    expect(s.headline).toEqual(energy);
  });

  it('says what it runs on while running', () => {
    const energy = msg('energy:headline.runningOnSurplus', { watts: 430 });
    const s = deriveStatus({ ...base, job, energy });
    expect(s.state).toBe('running');
    expect(s.reasons[0]).toEqual(energy);
  });
});
