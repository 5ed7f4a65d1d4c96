import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EnergyModeSchema,
  type EnergyMode,
  type EnergyReading,
} from '../../../src/api/energy-schemas.js';
import { msg } from '../../../src/api/message.js';
import { failedReading, okReading } from '../../../src/energy/reading.js';
import {
  INITIAL_CONTROLLER_STATE,
  stepController,
  type ControllerOutput,
  type ControllerState,
  type ManualSignal,
} from '../../../src/energy/surplus-controller.js';

const S = 1000;
const mode = (over: Partial<EnergyMode> = {}): EnergyMode =>
  EnergyModeSchema.parse({ mode: 'solar', ...over });
const ok = (atS: number, surplusW: number, price: string | null = null): EnergyReading =>
  okReading(atS * S, 'mqtt', surplusW, price);

/** Feeds readings at their own times (now = reading time) and returns every output. */
function drive(
  m: EnergyMode,
  steps: { nowS: number; reading: EnergyReading | null }[],
  opts: { staleAfterS?: number; loadW?: number; manual?: ManualSignal } = {},
): ControllerOutput[] {
  let state: ControllerState = INITIAL_CONTROLLER_STATE;
  return steps.map(({ nowS, reading }) => {
    const r = stepController(state, {
      now: nowS * S,
      mode: m,
      reading,
      staleAfterMs: (opts.staleAfterS ?? 60) * S,
      loadW: opts.loadW ?? 0,
      manual: opts.manual ?? null,
    });
    state = r.state;
    return r.output;
  });
}

const everyTenS = (fromS: number, toS: number, w: number) =>
  Array.from({ length: Math.floor((toS - fromS) / 10) + 1 }, (_, i) => ({
    nowS: fromS + i * 10,
    reading: ok(fromS + i * 10, w),
  }));

describe('surplus controller — Solar mode', () => {
  const solar = mode({ smoothingS: 0 });

  it('starts only after the surplus held for the start delay, then follows it', () => {
    const out = drive(solar, [...everyTenS(0, 60, 300), { nowS: 70, reading: ok(70, 450) }]);
    expect(out.slice(0, 6).every((o) => !o.run && o.budgetW === 0)).toBe(true);
    expect(out[0]!.headline).toEqual(
      msg('energy:headline.startingSoon', { available: 300, seconds: 60 }),
    );
    expect(out[0]!.nextChangeAt).toBe(60 * S);
    expect(out[6]).toMatchObject({ run: true, budgetW: 300, nextChangeAt: null });
    expect(out[6]!.headline).toEqual(msg('energy:headline.runningOnSurplus', { watts: 300 }));
    expect(out[7]).toMatchObject({ run: true, budgetW: 450 });
  });

  it('waits with a clear reason while the surplus is short', () => {
    const out = drive(mode({ smoothingS: 0, startThresholdW: 150 }), [
      { nowS: 0, reading: ok(0, 120) },
    ]);
    expect(out[0]).toMatchObject({ run: false, budgetW: 0, nextChangeAt: null });
    expect(out[0]!.headline).toEqual(
      msg('energy:headline.waitingForSurplus', { available: 120, needed: 250, seconds: 60 }),
    );
  });

  it('holds the minimum through the stop delay, then stops', () => {
    const out = drive(solar, [...everyTenS(0, 60, 300), ...everyTenS(70, 250, 40)]);
    const dip = out[7]!; // t=70: surplus 40 < 100
    expect(dip).toMatchObject({ run: true, budgetW: 100, nextChangeAt: 250 * S });
    expect(dip.headline.key).toBe('energy:headline.stoppingSoon');
    expect(out.at(-2)).toMatchObject({ run: true, budgetW: 100 }); // t=240
    expect(out.at(-1)).toMatchObject({ run: false, budgetW: 0 }); // t=250 = 70 + 180
  });

  it('keeps the residual for the home battery and adds back its own load', () => {
    const out = drive(mode({ smoothingS: 0, startDelayS: 0, residualW: 200 }), [
      { nowS: 0, reading: ok(0, 500) },
    ]);
    expect(out[0]).toMatchObject({ run: true, budgetW: 300 });
    const withLoad = drive(
      mode({ smoothingS: 0, startDelayS: 0 }),
      [{ nowS: 0, reading: ok(0, 50) }],
      {
        loadW: 250,
      },
    );
    expect(withLoad[0]).toMatchObject({ run: true, budgetW: 300 });
  });

  it('stops at once, without the delay, when the source fails or goes quiet', () => {
    const out = drive(
      solar,
      [
        ...everyTenS(0, 60, 300),
        { nowS: 65, reading: failedReading(65 * S, 'mqtt', msg('energy:problem.notANumber')) },
      ],
      { staleAfterS: 30 },
    );
    expect(out.at(-2)!.run).toBe(true);
    expect(out.at(-1)).toMatchObject({ run: false, budgetW: 0 });
    expect(out.at(-1)!.headline).toEqual(
      msg('energy:headline.sourceSilentSeconds', { seconds: 5 }),
    );

    const quiet = drive(solar, [...everyTenS(0, 60, 300), { nowS: 300, reading: ok(60, 300) }], {
      staleAfterS: 30,
    });
    expect(quiet.at(-1)).toMatchObject({ run: false, budgetW: 0 });
    expect(quiet.at(-1)!.headline).toEqual(
      msg('energy:headline.sourceSilentMinutes', { minutes: 4 }),
    );

    const none = drive(solar, [{ nowS: 0, reading: null }]);
    expect(none[0]!.headline.key).toBe('energy:headline.waitingForSource');
  });

  it('smooths a single spike away', () => {
    const out = drive(mode({ smoothingS: 30, startDelayS: 0, minUsefulW: 500 }), [
      { nowS: 0, reading: ok(0, 0) },
      { nowS: 5, reading: ok(5, 2000) },
    ]);
    expect(out[1]!.run).toBe(false);
  });
});

describe('surplus controller — other modes', () => {
  it('Min+Solar runs at the floor and adds surplus; the floor alone when the source fails', () => {
    const m = mode({ mode: 'minSolar', floorW: 120, smoothingS: 0 });
    expect(drive(m, [{ nowS: 0, reading: ok(0, 200) }])[0]).toMatchObject({
      run: true,
      budgetW: 320,
    });
    expect(drive(m, [{ nowS: 0, reading: ok(0, -500) }])[0]).toMatchObject({
      run: true,
      budgetW: 120,
    });
    expect(
      drive(m, [
        { nowS: 0, reading: failedReading(0, 'mqtt', msg('energy:problem.notANumber')) },
      ])[0],
    ).toMatchObject({ run: true, budgetW: 120 });
  });

  it('price limit runs without an energy constraint while cheap enough', () => {
    const m = mode({ mode: 'priceLimit', priceLimit: '0.15' });
    expect(drive(m, [{ nowS: 0, reading: ok(0, 0, '0.10') }])[0]).toMatchObject({
      run: true,
      budgetW: null,
    });
    expect(drive(m, [{ nowS: 0, reading: ok(0, 0, '0.15') }])[0]).toMatchObject({
      run: true,
      budgetW: null,
    });
    const dear = drive(m, [{ nowS: 0, reading: ok(0, 0, '0.2') }])[0]!;
    expect(dear).toMatchObject({ run: false, budgetW: 0 });
    expect(dear.headline).toEqual(
      msg('energy:headline.priceTooHigh', { price: '0.2', limit: '0.15' }),
    );
    expect(drive(m, [{ nowS: 0, reading: ok(0, 0) }])[0]).toMatchObject({ run: false, budgetW: 0 });
    expect(
      drive(mode({ mode: 'priceLimit' }), [{ nowS: 0, reading: ok(0, 0, '0.01') }])[0]!.headline
        .key,
    ).toBe('energy:headline.noPriceLimit');
  });

  it('off puts no energy constraint', () => {
    expect(drive(mode({ mode: 'off' }), [{ nowS: 0, reading: null }])[0]).toMatchObject({
      run: true,
      budgetW: null,
    });
  });

  it('manual: the owner’s switch, no delays', () => {
    const solar = mode();
    expect(
      drive(solar, [{ nowS: 0, reading: null }], {
        manual: { surplusNow: true, fixedBudgetW: 250 },
      })[0],
    ).toMatchObject({ run: true, budgetW: 250 });
    expect(
      drive(solar, [{ nowS: 0, reading: null }], {
        manual: { surplusNow: true, fixedBudgetW: null },
      })[0],
    ).toMatchObject({ run: true, budgetW: null });
    expect(
      drive(solar, [{ nowS: 0, reading: null }], {
        manual: { surplusNow: false, fixedBudgetW: 250 },
      })[0],
    ).toMatchObject({ run: false, budgetW: 0 });
    expect(
      drive(mode({ mode: 'minSolar', floorW: 80 }), [{ nowS: 0, reading: null }], {
        manual: { surplusNow: true, fixedBudgetW: 250 },
      })[0],
    ).toMatchObject({ run: true, budgetW: 330 });
  });

  it('a mode switch never inherits "running" from another mode', () => {
    let state = INITIAL_CONTROLLER_STATE;
    const base = { staleAfterMs: 60 * S, loadW: 0, reading: ok(0, 500) };
    state = stepController(state, { ...base, now: 0, mode: mode({ mode: 'minSolar' }) }).state;
    const after = stepController(state, { ...base, now: 1000, mode: mode({ smoothingS: 0 }) });
    expect(after.output.run).toBe(false);
  });
});

/** A random series of events, each a good reading, a failed reading or just time passing. */
const eventArb = fc.record({
  dtS: fc.integer({ min: 1, max: 40 }),
  kind: fc.constantFrom('ok', 'ok', 'ok', 'failed', 'silent'),
  surplusW: fc.integer({ min: -500, max: 1500 }),
});
const modeArb = fc.record({
  minUsefulW: fc.integer({ min: 0, max: 400 }),
  startThresholdW: fc.integer({ min: 0, max: 300 }),
  startDelayS: fc.integer({ min: 0, max: 120 }),
  stopDelayS: fc.integer({ min: 0, max: 300 }),
  residualW: fc.integer({ min: -200, max: 300 }),
  smoothingS: fc.integer({ min: 0, max: 60 }),
});

interface Trace {
  nowS: number;
  reading: EnergyReading | null;
  out: ControllerOutput;
}

function simulate(
  m: EnergyMode,
  events: { dtS: number; kind: string; surplusW: number }[],
  staleAfterS: number,
): Trace[] {
  let state: ControllerState = INITIAL_CONTROLLER_STATE;
  let reading: EnergyReading | null = null;
  let t = 0;
  const trace: Trace[] = [];
  for (const e of events) {
    t += e.dtS;
    if (e.kind === 'ok') reading = ok(t, e.surplusW);
    if (e.kind === 'failed')
      reading = failedReading(t * S, 'mqtt', msg('energy:problem.notANumber'));
    const r = stepController(state, {
      now: t * S,
      mode: m,
      reading,
      staleAfterMs: staleAfterS * S,
      loadW: 0,
    });
    state = r.state;
    trace.push({ nowS: t, reading, out: r.output });
  }
  return trace;
}

describe('surplus controller — properties (Solar mode)', () => {
  it('never runs on a stale or failed reading', () => {
    fc.assert(
      fc.property(
        modeArb,
        fc.array(eventArb, { maxLength: 60 }),
        fc.integer({ min: 5, max: 90 }),
        (over, events, staleS) => {
          for (const { nowS, reading, out } of simulate(mode(over), events, staleS)) {
            const usable = reading !== null && reading.ok && nowS * S - reading.at <= staleS * S;
            if (!usable) expect(out).toMatchObject({ run: false, budgetW: 0 });
          }
        },
      ),
    );
  });

  it('never starts before the start delay has fully elapsed with enough surplus', () => {
    fc.assert(
      fc.property(modeArb, fc.array(eventArb, { maxLength: 60 }), (over, events) => {
        const m = mode({ ...over, smoothingS: 0 });
        const need = m.minUsefulW + m.startThresholdW + m.residualW;
        let enoughSince: number | null = null;
        let wasRunning = false;
        for (const { nowS, reading, out } of simulate(m, events, 1e6)) {
          const enough =
            reading !== null && reading.ok && reading.surplusW !== null && reading.surplusW >= need;
          enoughSince = enough ? (enoughSince ?? nowS) : null;
          if (out.run && !wasRunning) {
            expect(enoughSince).not.toBeNull();
            expect(nowS - enoughSince!).toBeGreaterThanOrEqual(m.startDelayS);
          }
          if (!out.run) enoughSince = enough ? enoughSince : null;
          wasRunning = out.run;
          if (out.run) enoughSince = null;
        }
      }),
    );
  });

  it('a surplus flickering around the threshold faster than the delays switches at most once per delay window', () => {
    fc.assert(
      fc.property(
        modeArb,
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 200 }),
        (over, segmentFractions, swing) => {
          const m = mode({
            ...over,
            startDelayS: over.startDelayS + 10,
            stopDelayS: over.stopDelayS + 10,
          });
          const windowS = Math.min(m.startDelayS, m.stopDelayS);
          const threshold = m.minUsefulW + m.startThresholdW + m.residualW;
          const events: { dtS: number; kind: string; surplusW: number }[] = [];
          segmentFractions.forEach((f, i) => {
            const lengthS = 1 + (f % (windowS - 1)); // every segment shorter than both delays
            const surplusW = i % 2 === 0 ? threshold + swing : threshold - swing;
            for (let s = 0; s < lengthS; s += 1) events.push({ dtS: 1, kind: 'ok', surplusW });
          });
          const trace = simulate(m, events, 1e6);
          const switches: number[] = [];
          let running = false;
          for (const { nowS, out } of trace) {
            if (out.run !== running) switches.push(nowS);
            running = out.run;
          }
          for (let i = 1; i < switches.length; i += 1) {
            expect(switches[i]! - switches[i - 1]!).toBeGreaterThanOrEqual(windowS);
          }
          if (m.smoothingS === 0) expect(switches).toEqual([]);
        },
      ),
    );
  });

  it('never budgets more than the surplus minus the residual, except the minimum during the stop delay', () => {
    fc.assert(
      fc.property(modeArb, fc.array(eventArb, { maxLength: 60 }), (over, events) => {
        const m = mode(over);
        for (const { reading, out } of simulate(m, events, 1e6)) {
          if (!out.run) {
            expect(out.budgetW).toBe(0);
            continue;
          }
          const available = (reading?.surplusW ?? 0) - m.residualW;
          const withinStopDelay =
            out.headline.key === 'energy:headline.stoppingSoon' && out.budgetW === m.minUsefulW;
          if (!withinStopDelay) expect(out.budgetW!).toBeLessThanOrEqual(Math.max(0, available));
        }
      }),
    );
  });
});
