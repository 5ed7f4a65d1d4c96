import { afterEach, describe, expect, it } from 'vitest';
import { EnergyModeSchema, type EnergyStatus } from '../../../src/api/energy-schemas.js';
import { createEnergyService, type EnergyService } from '../../../src/energy/energy-service.js';

let service: EnergyService | null = null;
afterEach(async () => {
  await service?.stop();
  service = null;
});

describe('energy service (no network)', () => {
  it('no source: no energy constraint', () => {
    service = createEnergyService({
      config: { kind: 'none' },
      mode: EnergyModeSchema.parse({ mode: 'solar' }),
    });
    expect(service.budget()).toBeNull();
    expect(service.status().headline.key).toBe('energy:headline.noSource');
  });

  it('manual source follows the owner’s switch and reconfigures at once', async () => {
    let t = 1_000_000;
    const changes: EnergyStatus[] = [];
    service = createEnergyService({
      config: { kind: 'manual', surplusNow: false, fixedBudgetW: 250 },
      mode: EnergyModeSchema.parse({ mode: 'solar' }),
      now: () => t,
      onChange: (s) => changes.push(s),
    });
    expect(service.budget()).toBe(0);
    expect(service.status()).toMatchObject({ running: false, mode: 'solar' });
    await service.reconfigure({ config: { kind: 'manual', surplusNow: true, fixedBudgetW: 250 } });
    t += 5000;
    expect(service.budget()).toBe(250);
    const status = service.status();
    expect(status).toMatchObject({ running: true, budgetW: 250, community: null });
    expect(status.history.at(-1)).toMatchObject({ budgetW: 250 });
    expect(changes.some((c) => c.budgetW === 250)).toBe(true);
    await service.reconfigure({ mode: EnergyModeSchema.parse({ mode: 'off' }) });
    expect(service.budget()).toBeNull();
  });
});
