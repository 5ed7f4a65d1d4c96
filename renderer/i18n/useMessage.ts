import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, MessageValues } from '../../src/api/message';
import { formatMoment } from '../lib/format-time';

const KEY_SHAPE = /^[a-z][a-zA-Z]*:[a-zA-Z0-9_.]+$/;
// Values with these names are instants (epoch ms) the core leaves for us to say in local time.
const INSTANT_NAMES = new Set(['time', 'at', 'until', 'since']);

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
