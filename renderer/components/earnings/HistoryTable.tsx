import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EarningsPage, LedgerEntry } from '../../../src/api/ledger-schemas';
import type { Message } from '../../../src/api/message';
import { errorMessage } from '../../api/errors';
import { useClient, useEvent } from '../../api/hooks';
import { formatMoment } from '../../lib/format-time';
import { useDuration } from '../../i18n/useDuration';
import { localTimeZone, shortHash } from '../../lib/ledger-view';
import { Amount } from '../Amount';
import { ErrorNote } from '../ErrorNote';
import { Msg } from '../Msg';
import { TxHash } from '../TxHash';

const PAGE = 20;

function Proof({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  if (!entry.receipt && !entry.voucher && !entry.claimTx) return <span className="muted">—</span>;
  return (
    <dl className="proof">
      {entry.receipt ? (
        <>
          <dt>{t('ui:earnings.history.receipt')}</dt>
          <dd>
            <code title={entry.receipt.hash} data-testid="proof-receipt">
              {shortHash(entry.receipt.hash)}
            </code>
          </dd>
        </>
      ) : null}
      {entry.voucher ? (
        <>
          <dt>{t('ui:earnings.history.voucher')}</dt>
          <dd>
            <Amount units={entry.voucher.cumulative} currency={false} />
          </dd>
        </>
      ) : null}
      {entry.claimTx ? (
        <>
          <dt>{t('ui:earnings.history.claimTx')}</dt>
          <dd>
            <TxHash hash={entry.claimTx} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Every job, newest first, with the proof that ties it to a payment. */
export function HistoryTable({ month }: { month: string | undefined }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const client = useClient();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<EarningsPage | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [nonce, setNonce] = useState(0);
  useEvent('earnings', () => setNonce((n) => n + 1));
  useEvent('claim', () => setNonce((n) => n + 1));
  useEffect(() => setOffset(0), [month]);
  useEffect(() => {
    let live = true;
    client
      .call('earnings.entries', {
        offset,
        limit: PAGE,
        timeZone: localTimeZone(),
        ...(month ? { month } : {}),
      })
      .then(
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
  }, [client, offset, month, nonce]);

  if (!page)
    return error ? <ErrorNote error={error} /> : <p className="muted">{t('ui:common.loading')}</p>;
  if (page.total === 0) return <p className="muted">{t('ui:earnings.history.empty')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="history">
          <thead>
            <tr>
              <th>{t('ui:earnings.history.time')}</th>
              <th>{t('ui:earnings.history.kind')}</th>
              <th>{t('ui:earnings.history.gpuTime')}</th>
              <th>{t('ui:earnings.history.amount')}</th>
              <th>{t('ui:earnings.history.state')}</th>
              <th>{t('ui:earnings.history.proof')}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <tr key={e.jobId} data-state={e.state} data-job={e.jobId}>
                <td>{formatMoment(e.endedAt ?? e.startedAt ?? e.offeredAt, i18n.language)}</td>
                <td>
                  {i18n.exists(`ui:job.kinds.${e.kind}`) ? t(`ui:job.kinds.${e.kind}`) : e.kind}
                </td>
                <td>{duration(e.gpuSeconds)}</td>
                <td>
                  <Amount units={e.amount} />
                </td>
                <td>
                  {t(`ui:earnings.state.${e.state}`)}
                  {e.declineReason ? (
                    <p className="hint">
                      <Msg m={e.declineReason} />
                    </p>
                  ) : null}
                </td>
                <td>
                  <Proof entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          type="button"
          className="button button-small"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          {t('ui:earnings.history.newer')}
        </button>
        <span className="muted">
          {t('ui:earnings.history.range', {
            from: offset + 1,
            to: offset + page.entries.length,
            total: page.total,
          })}
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={offset + PAGE >= page.total}
          onClick={() => setOffset(offset + PAGE)}
        >
          {t('ui:earnings.history.older')}
        </button>
      </div>
      <ErrorNote error={error} />
    </>
  );
}
