import type { z } from 'zod';
import {
  EnergyModeSchema,
  EnergySourceConfigSchema,
  type EnergyMode,
  type EnergySourceConfig,
  type EnergySourceKind,
} from '../../src/api/energy-schemas.js';
import { msg, type Message } from '../../src/api/message.js';
import { parseNumber } from './parse-number.js';

const KEY_SHAPE = /^[a-z][a-zA-Z]*:[a-zA-Z0-9_.]+$/;

/** Every field a source form may hold, as text, so switching kinds keeps what was typed. */
export interface SourceForm {
  kind: EnergySourceKind;
  surplusNow: boolean;
  fixedBudgetW: string;
  url: string;
  fieldPath: string;
  priceFieldPath: string;
  sign: 'exportNegative' | 'surplusPositive';
  pollIntervalS: string;
  brokerUrl: string;
  username: string;
  password: string;
  topic: string;
  staleAfterS: string;
  baseUrl: string;
  token: string;
  entityId: string;
}

export function sourceToForm(source: EnergySourceConfig): SourceForm {
  const form: SourceForm = {
    kind: source.kind,
    surplusNow: false,
    fixedBudgetW: '',
    url: '',
    fieldPath: '',
    priceFieldPath: '',
    sign: 'exportNegative',
    pollIntervalS: '10',
    brokerUrl: '',
    username: '',
    password: '',
    topic: '',
    staleAfterS: '60',
    baseUrl: '',
    token: '',
    entityId: '',
  };
  switch (source.kind) {
    case 'manual':
      form.surplusNow = source.surplusNow;
      form.fixedBudgetW = source.fixedBudgetW === null ? '' : String(source.fixedBudgetW);
      break;
    case 'httpJson':
      Object.assign(form, {
        url: source.url,
        fieldPath: source.fieldPath,
        priceFieldPath: source.priceFieldPath ?? '',
        sign: source.sign,
        pollIntervalS: String(source.pollIntervalS),
      });
      break;
    case 'mqtt':
      Object.assign(form, {
        brokerUrl: source.brokerUrl,
        username: source.username ?? '',
        password: source.password ?? '',
        topic: source.topic,
        fieldPath: source.fieldPath,
        sign: source.sign,
        staleAfterS: String(source.staleAfterS),
      });
      break;
    case 'homeAssistant':
      Object.assign(form, {
        baseUrl: source.baseUrl,
        token: source.token,
        entityId: source.entityId,
        sign: source.sign,
        pollIntervalS: String(source.pollIntervalS),
      });
      break;
    case 'none':
      break;
  }
  return form;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, Message> };

function num(text: string): number | string {
  // A number when it reads as one; otherwise the text, so the schema reports the field.
  return parseNumber(text) ?? text;
}

/** The zod issues of a failed parse, one message per field, in the owner's words. */
function issuesByField(error: z.ZodError): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] = KEY_SHAPE.test(issue.message) ? msg(issue.message) : msg('ui:energy.badField');
  }
  return errors;
}

/** Builds the source from the form and checks it with the core's own schema. */
export function formToSource(form: SourceForm): Checked<EnergySourceConfig> {
  let raw: Record<string, unknown> = { kind: 'none' };
  switch (form.kind) {
    case 'none':
      raw = { kind: 'none' };
      break;
    case 'manual':
      raw = {
        kind: 'manual',
        surplusNow: form.surplusNow,
        fixedBudgetW: form.fixedBudgetW.trim() === '' ? null : num(form.fixedBudgetW),
      };
      break;
    case 'httpJson':
      raw = {
        kind: 'httpJson',
        url: form.url.trim(),
        fieldPath: form.fieldPath.trim(),
        sign: form.sign,
        pollIntervalS: num(form.pollIntervalS),
        ...(form.priceFieldPath.trim() ? { priceFieldPath: form.priceFieldPath.trim() } : {}),
      };
      break;
    case 'mqtt':
      raw = {
        kind: 'mqtt',
        brokerUrl: form.brokerUrl.trim(),
        topic: form.topic.trim(),
        fieldPath: form.fieldPath.trim(),
        sign: form.sign,
        staleAfterS: num(form.staleAfterS),
        ...(form.username ? { username: form.username } : {}),
        ...(form.password ? { password: form.password } : {}),
      };
      break;
    case 'homeAssistant':
      raw = {
        kind: 'homeAssistant',
        baseUrl: form.baseUrl.trim(),
        token: form.token.trim(),
        entityId: form.entityId.trim(),
        sign: form.sign,
        pollIntervalS: num(form.pollIntervalS),
      };
      break;
  }
  const parsed = EnergySourceConfigSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: issuesByField(parsed.error) };
}

export const MODE_NUMBER_FIELDS = [
  'floorW',
  'startThresholdW',
  'startDelayS',
  'stopDelayS',
  'residualW',
  'smoothingS',
] as const;
export type ModeNumberField = (typeof MODE_NUMBER_FIELDS)[number];

export type ModeForm = Record<ModeNumberField, string> & {
  mode: EnergyMode['mode'];
  priceLimit: string;
};

export function modeToForm(mode: EnergyMode): ModeForm {
  return {
    mode: mode.mode,
    floorW: String(mode.floorW),
    startThresholdW: String(mode.startThresholdW),
    startDelayS: String(mode.startDelayS),
    stopDelayS: String(mode.stopDelayS),
    residualW: String(mode.residualW),
    smoothingS: String(mode.smoothingS),
    priceLimit: mode.priceLimit ?? '',
  };
}

/** The whole mode object (the server replaces `energy.mode` whole), checked by the core's schema. */
export function formToMode(form: ModeForm, current: EnergyMode): Checked<EnergyMode> {
  const raw: Record<string, unknown> = { ...current, mode: form.mode };
  for (const field of MODE_NUMBER_FIELDS) raw[field] = num(form[field]);
  raw.priceLimit = form.priceLimit.trim() === '' ? null : form.priceLimit.trim().replace(',', '.');
  const parsed = EnergyModeSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: issuesByField(parsed.error) };
}

/** EVCC's defaults, shown next to each field so an owner can go back to them. */
export const MODE_DEFAULTS: EnergyMode = EnergyModeSchema.parse({});
