import { describe, expect, it } from 'vitest';
import { LogTail, sanitizeLog } from '../../../src/sandbox/log-tail.js';
import { RunMeter } from '../../../src/sandbox/run-meter.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RunMeter', () => {
  it('counts running and paused time apart; GPU seconds only while running', () => {
    const c = clock();
    const m = new RunMeter(c.now, 2);
    m.start();
    c.advance(10_000);
    m.pause();
    c.advance(5_000);
    m.resume();
    c.advance(3_000);
    m.end();
    c.advance(60_000);
    expect(m.reading()).toEqual({
      runningS: 13,
      pausedS: 5,
      cpuS: 0,
      gpuS: 26,
      energyWh: null,
      peakMemoryMiB: null,
    });
  });

  it('keeps the peak memory reading', () => {
    const m = new RunMeter(clock().now, 0);
    m.recordMemoryBytes(64 * 1024 * 1024);
    m.recordMemoryBytes(16 * 1024 * 1024);
    m.recordMemoryBytes(Number.NaN);
    expect(m.reading().peakMemoryMiB).toBe(64);
  });

  it('CPU readings never go backwards (a stopped container reports zero)', () => {
    const m = new RunMeter(clock().now, 0);
    m.recordCpuNs(2.5e9);
    m.recordCpuNs(0);
    m.recordCpuNs(Number.NaN);
    expect(m.reading().cpuS).toBe(2.5);
  });

  it('integrates power over running time only', () => {
    const c = clock();
    const m = new RunMeter(c.now, 1);
    m.start();
    c.advance(3_600_000);
    m.recordPowerW(100);
    m.pause();
    c.advance(3_600_000);
    m.recordPowerW(100);
    m.resume();
    c.advance(1_800_000);
    m.recordPowerW(200);
    expect(m.reading().energyWh).toBeCloseTo(200);
  });

  it('pause and resume out of order change nothing', () => {
    const c = clock();
    const m = new RunMeter(c.now, 1);
    m.resume();
    m.pause();
    m.start();
    c.advance(1000);
    m.resume();
    c.advance(1000);
    expect(m.reading()).toMatchObject({ runningS: 2, pausedS: 0 });
  });
});

describe('LogTail', () => {
  it('keeps only the last bytes', () => {
    const tail = new LogTail(10);
    tail.append(Buffer.from('0123456789'));
    tail.append(Buffer.from('abcdef'));
    expect(tail.text()).toBe('6789abcdef');
    expect(tail.droppedBytes).toBe(6);
  });

  it('keeps the end of a single huge chunk', () => {
    const tail = new LogTail(4);
    tail.append(Buffer.from('x'.repeat(1000) + 'done'));
    expect(tail.text()).toBe('done');
  });

  it('removes terminal escapes and control characters but keeps lines and tabs', () => {
    expect(sanitizeLog('\x1b[31mred\x1b[0m\tok\r\n\x07bell\x00')).toBe('red\tok\nbell');
  });
});
