import { z } from 'zod';
import { MessageSchema, type Message } from './message.js';

/** Errors cross the boundary as a code and a translatable message, never a stack. */
export const ApiErrorSchema = z.object({
  code: z.enum(['badInput', 'unknownMethod', 'notAllowed', 'unavailable', 'failed', 'internal']),
  message: MessageSchema,
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** Thrown by API implementations to answer with a specific, owner-readable error. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    readonly detail: Message,
    readonly issues?: ApiError['issues'],
  ) {
    super(detail.key);
    this.name = 'ApiFailure';
  }
}

/** Thrown by the client when the other side answered with an error. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message.key);
    this.name = 'ApiCallError';
  }
}
