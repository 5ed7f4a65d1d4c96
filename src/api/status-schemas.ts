import { z } from 'zod';
import { MessageSchema } from './message.js';

export const NODE_STATES = [
  'off',
  'blocked',
  'waiting',
  'ready',
  'running',
  'paused',
  'error',
] as const;
export const NodeStateSchema = z.enum(NODE_STATES);
export type NodeState = z.infer<typeof NodeStateSchema>;

/** One prerequisite the owner can see, with the step that fixes it. */
export const CheckSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  label: MessageSchema,
  detail: MessageSchema.nullable(),
  fix: MessageSchema.nullable(),
});
export type Check = z.infer<typeof CheckSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  at: z.number(),
  level: z.enum(['info', 'warning', 'error']),
  message: MessageSchema,
});
export type Notice = z.infer<typeof NoticeSchema>;

export const CurrentJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['cpu', 'gpu']),
  startedAt: z.number(),
  runningS: z.number(),
  paused: z.boolean(),
  pricePerGpuHour: z.string(),
});
export type CurrentJob = z.infer<typeof CurrentJobSchema>;

export const StatusSchema = z.object({
  state: NodeStateSchema,
  sharing: z.boolean(),
  /** The status sentence: what is happening and why, in plain words. */
  headline: MessageSchema,
  reasons: z.array(MessageSchema),
  nextChangeAt: z.number().nullable(),
  checks: z.array(CheckSchema),
  job: CurrentJobSchema.nullable(),
  notices: z.array(NoticeSchema),
  power: z.object({
    budgetW: z.number().nullable(),
    method: z.enum(['none', 'powerLimit', 'dutyCycle']),
    methodReason: MessageSchema.nullable(),
  }),
  network: z.object({
    /** none: started without a network (`lumbung serve --no-network`). */
    mode: z.enum(['local', 'remote', 'none']),
    url: z.string().nullable(),
    connected: z.boolean(),
  }),
  updatedAt: z.number(),
});
export type Status = z.infer<typeof StatusSchema>;
