import { formatMessage } from '../api/format-message.js';
import type { Language } from '../api/settings-schemas.js';
import type { Message } from '../api/message.js';

/** Message values that are instants (epoch ms) read as clock times in the terminal. */
function isInstantName(name: string): boolean {
  return name === 'time' || name.endsWith('At') || name === 'until' || name === 'resume';
}

export function createFormatter(lang: Language) {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  return (message: Message): string =>
    formatMessage(lang, message, (name, value) =>
      typeof value === 'number' && isInstantName(name) && value > 1e11
        ? new Date(value).toLocaleString(locale, {
            weekday: 'short',
            hour: '2-digit',
            minute: '2-digit',
          })
        : String(value),
    );
}
