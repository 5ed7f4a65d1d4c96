import { describe, expect, it } from 'vitest';
import {
  CommunityConfigSchema,
  ControllableLoadConfigSchema,
} from '../../../src/api/energy-schemas.js';
import {
  communityToForm,
  controlToForm,
  controlTopics,
  formToCommunity,
  formToControl,
} from '../../../renderer/lib/mqtt-forms.js';

describe('community form', () => {
  it('sends nothing for an untouched, switched-off form', () => {
    expect(formToCommunity(communityToForm(null), null)).toBeNull();
  });

  it('round-trips a saved community through the core’s schema', () => {
    const config = CommunityConfigSchema.parse({
      enabled: true,
      brokerUrl: 'mqtts://broker.desa.id:8883',
      username: 'rina',
      password: 'secret',
      communityId: 'desa-sukamaju',
      nodeId: 'rumah-rina',
      wantW: 250,
      tls: { rejectUnauthorized: false },
    });
    const raw = formToCommunity(communityToForm(config), config);
    expect(CommunityConfigSchema.parse(raw)).toEqual(config);
  });

  it('leaves optional fields out when empty and a bad number as text for the core to name', () => {
    const form = {
      ...communityToForm(null),
      enabled: true,
      brokerUrl: 'http://wrong',
      communityId: 'c',
      nodeId: 'n',
      wantW: 'lots',
    };
    const raw = formToCommunity(form, null)!;
    expect(raw).not.toHaveProperty('username');
    expect(raw.wantW).toBe('lots');
    const paths = CommunityConfigSchema.safeParse(raw).error!.issues.map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['brokerUrl', 'wantW']);
  });
});

describe('controllable load form', () => {
  it('round-trips and names the topics a home-energy system writes to', () => {
    const config = ControllableLoadConfigSchema.parse({
      enabled: true,
      brokerUrl: 'mqtt://127.0.0.1:1883',
      nodeId: 'pc-1',
    });
    expect(
      ControllableLoadConfigSchema.parse(formToControl(controlToForm(config), config)),
    ).toEqual(config);
    expect(controlTopics(' pc-1 ')).toEqual({
      mode: 'lumbung/pc-1/mode/set',
      maxPower: 'lumbung/pc-1/maxPowerW/set',
    });
    expect(formToControl(controlToForm(null), null)).toBeNull();
  });
});

describe('the suggested node id', () => {
  it('is a topic-safe slug of the computer name, or empty', async () => {
    const { nodeIdFromComputerName } = await import('../../../renderer/lib/mqtt-forms.js');
    expect(nodeIdFromComputerName("Rina's Gaming PC")).toBe('rina-s-gaming-pc');
    expect(nodeIdFromComputerName('STUDIO-07.local')).toBe('studio-07-local');
    expect(nodeIdFromComputerName('---')).toBe('');
    expect(nodeIdFromComputerName('x'.repeat(100))).toHaveLength(64);
  });
});
