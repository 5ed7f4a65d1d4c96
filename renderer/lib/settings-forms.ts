import { formatTokens, parseTokens } from '../../src/api/money';
import { msg, type Message } from '../../src/api/message';
import type { OwnerJobLimits, SettingsPatch } from '../../src/api/settings-schemas';
import { parseInRange, parseNumber } from './parse-number';

type Read<T> = { ok: true; value: T } | { ok: false; error: Message };

const DECIMAL = /^\d{1,30}(\.\d{1,18})?$/;

/** "1.500,5"-free decimal as the core stores it; accepts a decimal comma. */
function readDecimal(text: string): string | null {
  const cleaned = text.trim().replace(',', '.');
  return DECIMAL.test(cleaned) ? cleaned : null;
}

export function readMoneyForm(form: {
  currency: string;
  perToken: string;
  electricity: string;
}): Read<SettingsPatch> {
  const code = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return { ok: false, error: msg('ui:settings.money.badCurrency') };
  const perToken = readDecimal(form.perToken);
  if (perToken === null) return { ok: false, error: msg('ui:settings.money.badPerToken') };
  const electricity = readDecimal(form.electricity);
  if (electricity === null) return { ok: false, error: msg('ui:settings.money.badElectricity') };
  return {
    ok: true,
    value: { currency: { code, perToken }, electricityPricePerKwh: electricity },
  };
}

/** Tokens per GPU-hour as typed, to base units exactly (no float on the way). */
export function readPriceFloor(text: string): Read<string> {
  try {
    const units = parseTokens(text.trim().replace(',', '.'));
    return { ok: true, value: units.toString() };
  } catch {
    return { ok: false, error: msg('ui:settings.price.bad') };
  }
}

export function showTokens(baseUnits: string): string {
  try {
    return formatTokens(baseUnits);
  } catch {
    return '';
  }
}

export interface LimitsForm {
  cpus: string;
  memoryGiB: string;
  hours: string;
  allowEgress: boolean;
  allowGpu: boolean;
}

export function limitsToForm(limits: OwnerJobLimits): LimitsForm {
  return {
    cpus: String(limits.maxCpus),
    memoryGiB: String(Math.round((limits.maxMemoryMiB / 1024) * 100) / 100),
    hours: String(Math.round((limits.maxDurationS / 3600) * 100) / 100),
    allowEgress: limits.allowEgress,
    allowGpu: limits.allowGpu,
  };
}

export function readLimitsForm(form: LimitsForm): Read<Partial<OwnerJobLimits>> {
  const cpus = parseInRange(form.cpus, 0.1, 256);
  if (cpus === null) return { ok: false, error: msg('ui:settings.limits.badCpus') };
  const gib = parseNumber(form.memoryGiB);
  const memoryMiB = gib === null ? null : Math.round(gib * 1024);
  if (memoryMiB === null || memoryMiB < 64 || memoryMiB > 1_048_576) {
    return { ok: false, error: msg('ui:settings.limits.badMemory') };
  }
  const hours = parseNumber(form.hours);
  const seconds = hours === null ? null : Math.round(hours * 3600);
  if (seconds === null || seconds < 60 || seconds > 7 * 24 * 3600) {
    return { ok: false, error: msg('ui:settings.limits.badHours') };
  }
  return {
    ok: true,
    value: {
      maxCpus: cpus,
      maxMemoryMiB: memoryMiB,
      maxDurationS: seconds,
      allowEgress: form.allowEgress,
      allowGpu: form.allowGpu,
    },
  };
}

export function readNetworkUrl(text: string): Read<string> {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) throw new Error('protocol');
    return { ok: true, value: trimmed };
  } catch {
    return { ok: false, error: msg('ui:settings.network.badUrl') };
  }
}
