import { z } from 'zod';

/**
 * Everything the core says to a person travels as a message key plus values, never
 * as English text, so the UI can say it in the owner's language. Keys look like
 * `namespace:path.to.text` and live in `src/api/locales/<lang>/<namespace>.ts`.
 */
export const MessageValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export const MessageSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z]*:[a-zA-Z0-9_.]+$/),
  values: z.record(z.string(), MessageValueSchema).optional(),
});
export type Message = z.infer<typeof MessageSchema>;
export type MessageValues = NonNullable<Message['values']>;

export function msg(key: string, values?: MessageValues): Message {
  return values === undefined ? { key } : { key, values };
}
