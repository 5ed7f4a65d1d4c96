import type { ApiError } from '../../src/api/envelope.js';
import { msg, type Message } from '../../src/api/message.js';

/** One problem the core found in a value it was sent: `path` like `energy.mode.startDelayS`. */
export type FieldIssue = NonNullable<ApiError['issues']>[number];

const KEY_SHAPE = /^[a-z][a-zA-Z]*:[a-zA-Z0-9_.]+$/;

/**
 * An issue's text in the owner's words: the core's message keys are translated; zod's own
 * English texts are not shown (they would be English in every language), a plain
 * "not accepted" is said instead.
 */
export function issueMessage(text: string): Message {
  return KEY_SHAPE.test(text) ? msg(text) : msg('ui:common.badValue');
}

export interface SplitIssues {
  /** The first issue of each known field, by its path below the prefix. */
  fields: Record<string, Message>;
  /** Issues no field on the form matches: shown under the form. */
  rest: Message[];
}

/**
 * Sorts the core's issues onto a form's fields. A field matches its own path and any
 * path below it (`tls.rejectUnauthorized` for a field named `tls`), so nothing is lost.
 */
export function splitIssues(
  issues: readonly FieldIssue[],
  prefix: string,
  known: readonly string[],
): SplitIssues {
  const fields: Record<string, Message> = {};
  const rest: Message[] = [];
  const base = prefix === '' ? '' : `${prefix}.`;
  for (const issue of issues) {
    const below = base === '' || issue.path.startsWith(base) ? issue.path.slice(base.length) : null;
    const field =
      below === null
        ? undefined
        : known.find((name) => below === name || below.startsWith(`${name}.`));
    if (field === undefined) rest.push(issueMessage(issue.message));
    else if (!fields[field]) fields[field] = issueMessage(issue.message);
  }
  return { fields, rest };
}
