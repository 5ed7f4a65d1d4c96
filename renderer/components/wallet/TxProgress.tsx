import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TxStatus } from '../../../src/api/wallet-schemas';
import { useClient } from '../../api/hooks';
import { TxHash } from '../TxHash';

/** A sent transaction's hash and whether the chain has taken it, checked every 2 seconds. */
export function TxProgress({ txHash, onSettled }: { txHash: string; onSettled?: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [status, setStatus] = useState<TxStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      try {
        const next = await client.call('wallet.txStatus', { txHash });
        if (!live) return;
        setStatus(next);
        if (next.state !== 'pending') {
          onSettled?.();
          return;
        }
      } catch {
        // The chain may be briefly unreachable; keep asking.
      }
      if (live) timer = setTimeout(() => void check(), 2000);
    };
    void check();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // onSettled is a notification; re-running the poll when it changes would double it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, txHash]);
  const state = status?.state ?? 'pending';
  return (
    <div className={`tx tx-${state}`} role="status">
      <p>{t(`ui:wallet.tx.${state}`, { confirmations: status?.confirmations ?? 0 })}</p>
      <p className="tx-hash">
        <TxHash hash={txHash} testId="tx-hash" />
      </p>
    </div>
  );
}
