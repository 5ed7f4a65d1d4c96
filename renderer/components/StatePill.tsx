import { useTranslation } from 'react-i18next';
import type { NodeState } from '../../src/api/status-schemas';

const TONE: Record<NodeState, 'ok' | 'warn' | 'bad' | 'idle'> = {
  off: 'idle',
  blocked: 'warn',
  waiting: 'idle',
  ready: 'ok',
  running: 'ok',
  paused: 'warn',
  error: 'bad',
};

/** The node's state as a word with a colored dot; the word carries the meaning. */
export function StatePill({ state }: { state: NodeState }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill-${TONE[state]}`} data-state={state}>
      <span className="pill-dot" aria-hidden="true" />
      {t(`common:state.${state}`)}
    </span>
  );
}
