import { shortHash } from '../lib/ledger-view';
import { CopyButton } from './CopyButton';

/**
 * A transaction hash as "0x3a44…9b1a" with a copy button: the full 66 characters mean
 * nothing to an owner and break layouts, but the whole hash stays in the title and copy.
 */
export function TxHash({ hash, testId }: { hash: string; testId?: string }) {
  return (
    <span className="tx-hash-short">
      <code title={hash} data-testid={testId} data-hash={hash}>
        {shortHash(hash)}
      </code>{' '}
      <CopyButton text={hash} />
    </span>
  );
}
