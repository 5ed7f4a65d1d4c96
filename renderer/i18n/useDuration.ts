import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { durationWords } from '../lib/number-format';

/**
 * Seconds as a person says them: "11 s", "4 min", "2 h 05 min". With `withSeconds` false
 * (a running job's clock) anything under a minute is "under a minute".
 */
export function useDuration(): (seconds: number, withSeconds?: boolean) => string {
  const { t } = useTranslation();
  return useCallback(
    (seconds: number, withSeconds = true) => {
      const words = durationWords(seconds, withSeconds);
      switch (words.kind) {
        case 'underMinute':
          return t('ui:common.duration.underMinute');
        case 'seconds':
          return t('ui:common.duration.seconds', { s: words.s });
        case 'minutes':
          return t('ui:common.duration.minutes', { m: words.m });
        case 'hours':
          return words.m === 0
            ? t('ui:common.duration.hoursOnly', { h: words.h })
            : t('ui:common.duration.hours', { h: words.h, m: String(words.m).padStart(2, '0') });
      }
    },
    [t],
  );
}
