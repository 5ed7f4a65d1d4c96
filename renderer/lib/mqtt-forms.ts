import type { CommunityConfig, ControllableLoadConfig } from '../../src/api/energy-schemas.js';
import { parseNumber } from './parse-number.js';

/** The community form as typed; the core checks it (its issues come back per field). */
export interface CommunityForm {
  enabled: boolean;
  brokerUrl: string;
  username: string;
  password: string;
  communityId: string;
  nodeId: string;
  wantW: string;
  rejectUnauthorized: boolean;
}

export const COMMUNITY_FIELDS = [
  'enabled',
  'brokerUrl',
  'username',
  'password',
  'communityId',
  'nodeId',
  'wantW',
  'tls',
  'staleAfterS',
] as const;

/** A topic-safe name from the computer's own name ("Rina's PC" → "rina-s-pc"); '' if none fits. */
export function nodeIdFromComputerName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64)
    .replace(/[-_]+$/g, '');
  return /^[a-z0-9][a-z0-9_-]*$/.test(slug) ? slug : '';
}

export function communityToForm(config: CommunityConfig | null): CommunityForm {
  return {
    enabled: config?.enabled ?? false,
    brokerUrl: config?.brokerUrl ?? '',
    username: config?.username ?? '',
    password: config?.password ?? '',
    communityId: config?.communityId ?? '',
    nodeId: config?.nodeId ?? '',
    wantW: config?.wantW === undefined ? '' : String(config.wantW),
    rejectUnauthorized: config?.tls.rejectUnauthorized ?? true,
  };
}

/** Optional text: absent when empty, so the core's "at least one character" never trips. */
function optional<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  return text === '' ? {} : ({ [key]: text } as Record<K, string>);
}

/**
 * What to send as `energy.community`. An untouched, switched-off form is "no community"
 * (null); anything else goes to the core as typed, so its own rules judge it. A number
 * that does not read as one is sent as text so the core names that field.
 */
export function formToCommunity(
  form: CommunityForm,
  current: CommunityConfig | null,
): Record<string, unknown> | null {
  // The node id is pre-filled from the computer's name, so it does not count as typed.
  const typed = [form.brokerUrl, form.communityId, form.wantW, form.username];
  if (!form.enabled && typed.every((text) => text.trim() === '')) return null;
  const want = form.wantW.trim();
  return {
    enabled: form.enabled,
    brokerUrl: form.brokerUrl.trim(),
    communityId: form.communityId.trim(),
    nodeId: form.nodeId.trim(),
    tls: { rejectUnauthorized: form.rejectUnauthorized },
    staleAfterS: current?.staleAfterS ?? 60,
    ...optional('username', form.username),
    ...optional('password', form.password),
    ...(want === '' ? {} : { wantW: parseNumber(want) ?? want }),
  };
}

export interface ControlForm {
  enabled: boolean;
  brokerUrl: string;
  username: string;
  password: string;
  nodeId: string;
}

export const CONTROL_FIELDS = ['enabled', 'brokerUrl', 'username', 'password', 'nodeId'] as const;

export function controlToForm(config: ControllableLoadConfig | null): ControlForm {
  return {
    enabled: config?.enabled ?? false,
    brokerUrl: config?.brokerUrl ?? '',
    username: config?.username ?? '',
    password: config?.password ?? '',
    nodeId: config?.nodeId ?? '',
  };
}

export function formToControl(
  form: ControlForm,
  current: ControllableLoadConfig | null,
): Record<string, unknown> | null {
  const typed = [form.brokerUrl, form.username];
  if (!form.enabled && typed.every((text) => text.trim() === '')) return null;
  return {
    enabled: form.enabled,
    brokerUrl: form.brokerUrl.trim(),
    nodeId: form.nodeId.trim(),
    tls: current?.tls ?? { rejectUnauthorized: true },
    ...optional('username', form.username),
    ...optional('password', form.password),
  };
}

/** The topics a home-energy system writes to, for the owner to copy into it. */
export function controlTopics(nodeId: string): { mode: string; maxPower: string } {
  const id = nodeId.trim() === '' ? '<nodeId>' : nodeId.trim();
  return { mode: `lumbung/${id}/mode/set`, maxPower: `lumbung/${id}/maxPowerW/set` };
}
