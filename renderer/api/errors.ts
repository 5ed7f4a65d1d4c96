import { ApiCallError } from '../../src/api/envelope';
import { msg, type Message } from '../../src/api/message';
import type { FieldIssue } from '../lib/field-issues';

/** Whatever went wrong, as words the owner can read: never a stack or raw JSON. */
export function errorMessage(error: unknown): Message {
  if (error instanceof ApiCallError) return error.error.message;
  return msg('common:error.internal');
}

/** The fields the core rejected, when it said which (settings.update does). */
export function errorIssues(error: unknown): FieldIssue[] {
  return error instanceof ApiCallError ? (error.error.issues ?? []) : [];
}
