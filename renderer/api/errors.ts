import { ApiCallError } from '../../src/api/envelope';
import { msg, type Message } from '../../src/api/message';

/** Whatever went wrong, as words the owner can read: never a stack or raw JSON. */
export function errorMessage(error: unknown): Message {
  if (error instanceof ApiCallError) return error.error.message;
  return msg('common:error.internal');
}
