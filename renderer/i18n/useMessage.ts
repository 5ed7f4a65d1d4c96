import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, MessageValues } from '../../src/api/message';
import { formatMoment } from '../lib/format-time';
import { formatHours, formatNumber } from '../lib/number-format';

const KEY_SHAPE = /^[a-z][a-zA-Z]*:[a-zA-Z0-9_.]+$/;
// Values with these names are instants (epoch ms) the core leaves for us to say in local time.
const INSTANT_NAMES = new Set(['time', 'at', 'until', 'since']);
// Numbers that are names, not amounts (plural counts, chain ids, ports): never regrouped.
const PLAIN_NAMES = new Set([
  'count',
  'port',
  'chainId',
  'expected',
  'actual',
  'nonce',
  'year',
  // Bounds of what to type: written as typed, so "1440" is never read as "1,44".
  'min',
  'max',
]);

/** A measured number in the owner's separators ("1.500 W", "0,03 jam"), rounded for reading. */
function sayNumber(name: string, value: number, language: string): string | number {
  if (PLAIN_NAMES.has(name)) return value;
  if (/hours$/i.test(name)) return formatHours(value, language);
  if (Number.isInteger(value))
    return Math.abs(value) >= 1000 ? formatNumber(value, language) : value;
  return formatNumber(value, language, Math.abs(value) < 10 ? 2 : 1);
}

/**
 * Renders any core Message in the current language. Instants become local clock times,
 * and a value that is itself a message key (an error detail) is translated too.
 */
export function useMessage(): (message: Message) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message: Message) => {
      const values: Record<string, string | number | boolean> = {};
      for (const [name, value] of Object.entries(message.values ?? ({} as MessageValues))) {
        if (typeof value === 'number' && INSTANT_NAMES.has(name) && value > 1e11) {
          values[name] = formatMoment(value, i18n.language);
        } else if (typeof value === 'number') {
          values[name] = sayNumber(name, value, i18n.language);
        } else if (typeof value === 'string' && KEY_SHAPE.test(value) && i18n.exists(value)) {
          values[name] = t(value);
        } else {
          values[name] = value;
        }
      }
      return t(message.key, values);
    },
    [t, i18n],
  );
}
