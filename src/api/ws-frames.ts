import { z } from 'zod';
import { EnvelopeSchema } from './envelope.js';

/** Frames of the WebSocket transport. Requests carry an id the reply echoes. */
export const RequestFrameSchema = z
  .object({
    id: z.number().int().nonnegative(),
    method: z.string().max(100),
    input: z.unknown().optional(),
  })
  .strict();
export type RequestFrame = z.infer<typeof RequestFrameSchema>;

export const ServerFrameSchema = z.union([
  z.object({ id: z.number(), reply: EnvelopeSchema }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
