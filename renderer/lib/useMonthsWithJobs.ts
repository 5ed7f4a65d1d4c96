import { useEffect, useState } from 'react';
import { useClient, useEvent } from '../api/hooks';
import { localTimeZone, recentMonths } from './ledger-view';

/**
 * The recent months (newest first) that have at least one job, so the month filter does
 * not offer a year of empty months. Asks the core once per month with a one-row page.
 */
export function useMonthsWithJobs(): string[] {
  const client = useClient();
  const [months, setMonths] = useState<string[]>([]);
  const [nonce, setNonce] = useState(0);
  useEvent('earnings', () => setNonce((n) => n + 1));
  useEffect(() => {
    let live = true;
    const timeZone = localTimeZone();
    void Promise.all(
      recentMonths().map((month) =>
        client.call('earnings.entries', { offset: 0, limit: 1, timeZone, month }).then(
          (page) => (page.total > 0 ? month : null),
          () => null,
        ),
      ),
    ).then((found) => {
      if (live) setMonths(found.filter((m): m is string => m !== null));
    });
    return () => {
      live = false;
    };
  }, [client, nonce]);
  return months;
}
