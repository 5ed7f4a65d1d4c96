import type { Message } from '../../src/api/message';
import { ErrorNote } from './ErrorNote';
import { Msg } from './Msg';

// Answers that describe how this computer is set up (no network yet, no staking on this
// network) rather than something that went wrong: they get a calm note, not a red alert.
const NOT_SET_UP = new Set([
  'wallet:chain.notConfigured',
  'wallet:chain.noToken',
  'settlement:stake.notConfigured',
  'settlement:claim.noChain',
]);

/** Whether a core answer only says that a feature is not set up here. */
export function isNotSetUp(message: Message | null | undefined): boolean {
  return message != null && NOT_SET_UP.has(message.key);
}

/** A calm information box. */
export function InfoNote({ message, testId }: { message: Message; testId?: string }) {
  return (
    <p className="note note-info" role="status" data-testid={testId}>
      <span className="note-icon" aria-hidden="true">
        i
      </span>
      <Msg m={message} />
    </p>
  );
}

/** A core answer: calm when it only says something is not set up, red when it is a problem. */
export function StateNote({ error }: { error: Message | null }) {
  if (!error) return null;
  return isNotSetUp(error) ? <InfoNote message={error} /> : <ErrorNote error={error} />;
}
