import { z } from 'zod';
import { EnergyModeNameSchema, type EnergyModeName } from '../api/energy-schemas.js';

/**
 * What travels over MQTT between nodes, the microgrid and home automation. Everything here
 * comes from other machines, so it is parsed and checked before it can change anything.
 */

const Watts = z.number().finite().min(0).max(1e7);
const Instant = z.number().int().nonnegative();

/** Retained at `lumbung/<community>/nodes/<nodeId>`; the last will is `{ online: false }`. */
export const MemberStateSchema = z.union([
  z.object({ online: z.literal(true), wantW: Watts, minW: Watts, at: Instant }),
  z.object({ online: z.literal(false) }),
]);
export type MemberState = z.infer<typeof MemberStateSchema>;

/** Published by the microgrid at `lumbung/<community>/surplus`. */
export const SurplusMessageSchema = z.object({
  surplusW: z.number().finite().min(-1e7).max(1e7),
  at: Instant,
});
export type SurplusMessage = z.infer<typeof SurplusMessageSchema>;

/** Retained at `lumbung/<nodeId>/state`. */
export const LoadStateSchema = z.object({
  mode: EnergyModeNameSchema,
  budgetW: z.number().nullable(),
  running: z.boolean(),
  surplusW: z.number().nullable(),
  maxPowerW: z.number().nullable(),
});
export type LoadState = z.infer<typeof LoadStateSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_PAYLOAD = 10_000;

/** JSON text, or null when it is not JSON. */
function jsonOf(text: string): { json: unknown } | null {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

export function parseJsonPayload<T>(
  payload: Buffer | string,
  schema: z.ZodType<T>,
): ParseResult<T> {
  const text = payload.toString();
  if (text.length > MAX_PAYLOAD) return { ok: false, reason: `payload over ${MAX_PAYLOAD} bytes` };
  const parsed = jsonOf(text);
  if (parsed === null) return { ok: false, reason: 'payload is not JSON' };
  const checked = schema.safeParse(parsed.json);
  return checked.success
    ? { ok: true, value: checked.data }
    : {
        ok: false,
        reason: checked.error.issues
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; '),
      };
}

/** `solar` or `"solar"` (EVCC and Home Assistant send both). */
export function parseModeSet(payload: Buffer | string): ParseResult<EnergyModeName> {
  const text = payload.toString().trim();
  if (text.length > 100) return { ok: false, reason: 'payload too long for a mode' };
  const parsed = jsonOf(text);
  const candidate = parsed !== null && typeof parsed.json === 'string' ? parsed.json : text;
  const mode = EnergyModeNameSchema.safeParse(candidate);
  return mode.success
    ? { ok: true, value: mode.data }
    : { ok: false, reason: `unknown mode ${JSON.stringify(candidate.slice(0, 40))}` };
}

const MaxPowerSchema = z.number().finite().min(0).max(100_000);

/** A number of watts, or '', `null`, `none` to remove the limit. */
export function parseMaxPowerSet(payload: Buffer | string): ParseResult<number | null> {
  const text = payload.toString().trim();
  if (text.length > 100) return { ok: false, reason: 'payload too long for a number' };
  if (text === '' || text === 'null' || text === 'none') return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
    return { ok: false, reason: 'not a number' };
  const watts = MaxPowerSchema.safeParse(Number(text));
  return watts.success
    ? { ok: true, value: watts.data }
    : { ok: false, reason: 'watts out of range (0..100000)' };
}
