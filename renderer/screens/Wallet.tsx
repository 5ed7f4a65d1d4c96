import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WalletSummary } from '../../src/api/wallet-schemas';
import { useCall, useEvent, useStatus } from '../api/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { Section } from '../components/Section';
import { isNotSetUp } from '../components/StateNote';
import { AddressCard } from '../components/wallet/AddressCard';
import { BalancesCard } from '../components/wallet/BalancesCard';
import { ReputationCard } from '../components/wallet/ReputationCard';
import { StakingPanel } from '../components/wallet/StakingPanel';
import { WalletSetup } from '../components/wallet/WalletSetup';
import { WalletStateCard } from '../components/wallet/WalletStateCard';
import { WithdrawForm } from '../components/wallet/WithdrawForm';

export function Wallet() {
  const { t } = useTranslation();
  const summary = useCall('wallet.summary');
  const status = useStatus();
  const [confirmed, setConfirmed] = useState(false);
  const balances = useCall('wallet.balances');
  useEvent('wallet', (s) => {
    summary.setData(s);
    balances.reload();
  });
  useEvent('claim', () => balances.reload());

  const s = summary.data;
  // The setup flow outlives the 'none' state: the backup check comes after the wallet exists.
  const [inSetup, setInSetup] = useState(false);
  if (s?.state === 'none' && !inSetup) setInSetup(true);
  if (!s) {
    return (
      <div className="screen wallet">
        <h1 className="screen-title">{t('ui:nav.wallet')}</h1>
        {summary.error ? (
          <ErrorNote error={summary.error} />
        ) : (
          <p className="muted">{t('ui:common.loading')}</p>
        )}
      </div>
    );
  }
  const changed = (next: WalletSummary) => {
    // The words of an existing wallet just passed the check: say so, or it looks like nothing happened.
    if (s.address && !s.backedUp && next.backedUp && next.state !== 'watchOnly') setConfirmed(true);
    summary.setData(next);
    setInSetup(false);
    balances.reload();
  };

  return (
    <div className="screen wallet">
      <h1 className="screen-title">{t('ui:nav.wallet')}</h1>
      {confirmed && s.backedUp ? (
        <p className="note note-ok" role="status" data-testid="backup-confirmed">
          <span className="note-icon" aria-hidden="true">
            ✓
          </span>
          {t('ui:wallet.backup.confirmed')}
        </p>
      ) : null}
      {inSetup ? (
        <Section title={t('ui:wallet.setup.title')} intro={t('ui:wallet.state.none')}>
          <WalletSetup onDone={changed} />
        </Section>
      ) : (
        <>
          <WalletStateCard summary={s} onChange={changed} />
          <div className="columns">
            {s.address ? <AddressCard address={s.address} /> : null}
            <BalancesCard
              balances={balances.data}
              error={balances.error}
              onRefresh={balances.reload}
              testNetwork={status?.network.mode === 'local'}
            />
          </div>
          {s.state !== 'watchOnly' ? (
            <WithdrawForm
              balances={balances.data}
              canWithdraw={s.canWithdraw}
              noNetwork={isNotSetUp(balances.error)}
              onSent={balances.reload}
            />
          ) : null}
          <div className="columns">
            {s.state !== 'watchOnly' ? <StakingPanel /> : null}
            <ReputationCard />
          </div>
        </>
      )}
    </div>
  );
}
