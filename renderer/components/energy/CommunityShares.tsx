import { useTranslation } from 'react-i18next';
import type { CommunityView } from '../../../src/api/energy-schemas';
import { Msg } from '../Msg';

/** Who is in the community now and how the spare power is split between them. */
export function CommunityShares({ view }: { view: CommunityView }) {
  const { t } = useTranslation();
  const watts = (w: number | null) =>
    w === null ? t('ui:gauges.unknown') : t('ui:gauges.watts', { watts: Math.round(w) });
  const shares = [...view.shares].sort((a, b) => b.shareW - a.shareW);
  return (
    <div className="community" data-testid="community">
      <p>
        {t('ui:energy.community.summary', {
          members: view.members,
          total: watts(view.totalSurplusW),
          share: watts(view.myShareW),
        })}
      </p>
      {view.problem ? (
        <p className="note note-warn" data-testid="community-problem">
          <Msg m={view.problem} />
        </p>
      ) : null}
      {shares.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="community-shares">
            <thead>
              <tr>
                <th>{t('ui:energy.community.member')}</th>
                <th>{t('ui:energy.community.shareW')}</th>
              </tr>
            </thead>
            <tbody>
              {shares.map((s) => (
                <tr key={s.nodeId} className={s.me ? 'is-me' : undefined}>
                  <td>
                    <code>{s.nodeId}</code>
                    {s.me ? <strong> · {t('ui:energy.community.thisComputer')}</strong> : null}
                  </td>
                  <td>{watts(s.shareW)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('ui:energy.community.noMembers')}</p>
      )}
    </div>
  );
}
