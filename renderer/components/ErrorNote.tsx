import type { Message } from '../../src/api/message';
import { Msg } from './Msg';

/** An error in plain words, placed next to the control that caused it. */
export function ErrorNote({ error, id }: { error: Message | null; id?: string }) {
  if (!error) return null;
  return (
    <p className="note note-error" role="alert" id={id}>
      <span className="note-icon" aria-hidden="true">
        !
      </span>
      <Msg m={error} />
    </p>
  );
}

/** A short confirmation that a change was saved. */
export function SavedNote({ show, text }: { show: boolean; text: string }) {
  if (!show) return null;
  return (
    <p className="note note-ok" role="status">
      <span className="note-icon" aria-hidden="true">
        ✓
      </span>
      {text}
    </p>
  );
}
