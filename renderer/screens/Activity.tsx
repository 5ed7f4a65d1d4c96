import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarningsPage, LedgerEntry } from '../../src/api/ledger-schemas';
import type { Message } from '../../src/api/message';
import { errorMessage } from '../api/errors';
import { useClient, useEvent, useStatus } from '../api/hooks';
import { Amount } from '../components/Amount';
import { ErrorNote } from '../components/ErrorNote';
import { Msg } from '../components/Msg';
import { NoticeList } from '../components/NoticeList';
import { Section } from '../components/Section';
import { lastMoment, pageInfo, showsAmount } from '../lib/activity-view';
import { formatMoment } from '../lib/format-time';
import { localTimeZone } from '../lib/ledger-view';

const PAGE = 20;

/** One job as a sentence: what happened, when, what it was, what it earned or why not. */
function JobLine({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation();
  const kind = i18n.exists(`ui:job.kinds.${entry.kind}`)
    ? t(`ui:job.kinds.${entry.kind}`)
    : entry.kind;
  return (
    <li
      className={`activity-item activity-${entry.state}`}
      data-state={entry.state}
      data-job={entry.jobId}
    >
      <time className="activity-time" dateTime={new Date(lastMoment(entry)).toISOString()}>
        {formatMoment(lastMoment(entry), i18n.language)}
      </time>
      <div className="activity-body">
        <p>{t(`ui:activity.job.${entry.state}`, { kind })}</p>
        {showsAmount(entry.state) ? <Amount units={entry.amount} /> : null}
        {entry.declineReason ? (
          <p className="hint" data-testid="activity-reason">
            <Msg m={entry.declineReason} />
          </p>
        ) : null}
      </div>
    </li>
  );
}

function JobList() {
  const { t } = useTranslation();
  const client = useClient();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<EarningsPage | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [nonce, setNonce] = useState(0);
  // A new job, a payment or a changed state: read the page again.
  useEvent('earnings', () => setNonce((n) => n + 1));
  useEvent('claim', () => setNonce((n) => n + 1));
  useEvent('status', () => setNonce((n) => n + 1));
  useEffect(() => {
    let live = true;
    client.call('earnings.entries', { offset, limit: PAGE, timeZone: localTimeZone() }).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(errorMessage(e));
      },
    );
    return () => {
      live = false;
    };
  }, [client, offset, nonce]);

  if (!page)
    return error ? <ErrorNote error={error} /> : <p className="muted">{t('ui:common.loading')}</p>;
  if (page.total === 0) return <p className="muted">{t('ui:activity.jobs.empty')}</p>;
  const info = pageInfo(offset, page.entries.length, page.total);
  return (
    <>
      <ol className="activity" data-testid="activity-jobs">
        {page.entries.map((entry) => (
          <JobLine key={entry.jobId} entry={entry} />
        ))}
      </ol>
      <ErrorNote error={error} />
      <div className="pager">
        <button
          type="button"
          className="button button-small"
          disabled={!info.hasNewer}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          {t('ui:activity.newer')}
        </button>
        <span className="muted">
          {t('ui:activity.range', { from: info.from, to: info.to, total: page.total })}
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={!info.hasOlder}
          onClick={() => setOffset(offset + PAGE)}
        >
          {t('ui:activity.older')}
        </button>
      </div>
    </>
  );
}

/** What Lumbung did recently, in words: what it says now, then every job, newest first. */
export function Activity() {
  const { t } = useTranslation();
  const status = useStatus();
  const notices = [...(status?.notices ?? [])].sort((a, b) => b.at - a.at);
  return (
    <div className="screen activity-screen">
      <h1 className="screen-title">{t('ui:nav.activity')}</h1>
      <Section title={t('ui:activity.notices.title')} intro={t('ui:activity.notices.intro')}>
        {notices.length > 0 ? (
          <NoticeList notices={notices} />
        ) : (
          <p className="muted">{t('ui:activity.notices.empty')}</p>
        )}
      </Section>
      <Section title={t('ui:activity.jobs.title')} intro={t('ui:activity.jobs.intro')}>
        <JobList />
      </Section>
    </div>
  );
}
