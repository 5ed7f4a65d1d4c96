import { z } from 'zod';
import { MessageSchema } from './message.js';

/**
 * The energy signal's contract: where surplus power is read from, how loads follow it (modes
 * modelled on EVCC's "PV" and "Min+PV"), the reading the node observed and what the UI shows.
 * `src/energy` turns these into an energy budget in watts (or "no constraint") for the policy.
 */

const HttpUrlSchema = z.url({ protocol: /^https?$/, message: 'energy:error.invalidHttpUrl' });
export const BrokerUrlSchema = z.url({
  protocol: /^(mqtts?|wss?)$/,
  message: 'energy:error.invalidBrokerUrl',
});

/** Segments like `site.gridPower`, `data[0].value`, `[2]`; '' means the whole document. */
export const FieldPathSchema = z
  .string()
  .max(500)
  .regex(/^(|(\[\d+\]|[^.[\]\s]+)(\[\d+\])*(\.[^.[\]\s]+(\[\d+\])*)*)$/, {
    message: 'energy:error.invalidFieldPath',
  });

/**
 * 'exportNegative': the value is grid power, negative while exporting (EVCC, most meters).
 * 'surplusPositive': the value is the spare power itself, positive when there is some.
 */
export const SignConventionSchema = z.enum(['exportNegative', 'surplusPositive']);
export type SignConvention = z.infer<typeof SignConventionSchema>;

/** Slug usable inside an MQTT topic level: no '/', '+', '#'. */
export const TopicIdSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/, { message: 'energy:error.invalidTopicId' });

export const MqttTlsSchema = z.object({
  /** false accepts self-signed broker certificates (a co-op's own broker on the LAN). */
  rejectUnauthorized: z.boolean().default(true),
});

/** How to reach an MQTT broker. The password is kept in local settings only. */
export const MqttBrokerSchema = z.object({
  brokerUrl: BrokerUrlSchema,
  username: z.string().min(1).max(200).optional(),
  password: z.string().min(1).max(500).optional(),
  tls: MqttTlsSchema.prefault({}),
});
export type MqttBroker = z.infer<typeof MqttBrokerSchema>;

export const NoneSourceSchema = z.object({ kind: z.literal('none') });

export const ManualSourceSchema = z.object({
  kind: z.literal('manual'),
  /** The owner says there is spare power right now. */
  surplusNow: z.boolean().default(false),
  /** Watts to allow while `surplusNow`; null = no limit. */
  fixedBudgetW: z.number().nonnegative().max(100_000).nullable().default(null),
});

export const HttpJsonSourceSchema = z.object({
  kind: z.literal('httpJson'),
  url: HttpUrlSchema,
  fieldPath: FieldPathSchema,
  sign: SignConventionSchema.default('exportNegative'),
  pollIntervalS: z.number().min(1).max(3600).default(10),
  /** Where the current price per kWh is, if the same document has it. */
  priceFieldPath: FieldPathSchema.optional(),
});

export const MqttSourceSchema = MqttBrokerSchema.extend({
  kind: z.literal('mqtt'),
  topic: z
    .string()
    .min(1)
    .max(500)
    .regex(/^[^+#]*$/, { message: 'energy:error.invalidTopic' }),
  /** '' = the payload is the number itself. */
  fieldPath: FieldPathSchema.default(''),
  sign: SignConventionSchema.default('exportNegative'),
  /** No new value for this long counts as "not answering". */
  staleAfterS: z.number().min(1).max(3600).default(60),
});

export const HomeAssistantSourceSchema = z.object({
  kind: z.literal('homeAssistant'),
  baseUrl: HttpUrlSchema,
  /** A long-lived access token (Profile → Security in Home Assistant). Local settings only. */
  token: z.string().min(1).max(2000),
  entityId: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, { message: 'energy:error.invalidEntityId' }),
  sign: SignConventionSchema.default('exportNegative'),
  pollIntervalS: z.number().min(1).max(3600).default(10),
});

export const EnergySourceConfigSchema = z.discriminatedUnion('kind', [
  NoneSourceSchema,
  ManualSourceSchema,
  HttpJsonSourceSchema,
  MqttSourceSchema,
  HomeAssistantSourceSchema,
]);
export type EnergySourceConfig = z.infer<typeof EnergySourceConfigSchema>;
export type EnergySourceKind = EnergySourceConfig['kind'];
export const DEFAULT_ENERGY_SOURCE: EnergySourceConfig = { kind: 'none' };

/** A decimal amount of the owner's currency, e.g. "0.15" or "-0.02" (prices can go negative). */
export const PriceStringSchema = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,12})?$/, { message: 'energy:error.invalidPrice' });

export const EnergyModeNameSchema = z.enum(['off', 'solar', 'minSolar', 'priceLimit']);
export type EnergyModeName = z.infer<typeof EnergyModeNameSchema>;

export const EnergyModeSchema = z.object({
  /**
   * off: energy is not considered. solar: run only on surplus (EVCC "PV"). minSolar: always
   * run at `floorW`, plus any surplus (EVCC "Min+PV"). priceLimit: run while power is cheap.
   */
  mode: EnergyModeNameSchema.default('off'),
  /** The GPU's minimum useful power; the node fills it from the card's lowest power limit. */
  minUsefulW: z.number().nonnegative().max(100_000).default(100),
  /** Min+Solar: the power the owner accepts paying for. */
  floorW: z.number().nonnegative().max(100_000).default(100),
  /** Extra surplus, above `minUsefulW`, needed before starting (EVCC enable threshold). */
  startThresholdW: z.number().nonnegative().max(100_000).default(0),
  /** Surplus must hold this long before starting (EVCC enable delay, 1 min). */
  startDelayS: z.number().min(0).max(3600).default(60),
  /** Surplus must stay short this long before stopping (EVCC disable delay, 3 min). */
  stopDelayS: z.number().min(0).max(3600).default(180),
  /** Watts left for the home battery / house before the GPU gets any (EVCC residualPower). */
  residualW: z.number().min(-100_000).max(100_000).default(0),
  /** Price limit per kWh, in the owner's currency; null = not set (never runs in priceLimit). */
  priceLimit: PriceStringSchema.nullable().default(null),
  /** Time constant of the moving average that smooths the surplus (0 = none). */
  smoothingS: z.number().min(0).max(3600).default(30),
});
export type EnergyMode = z.infer<typeof EnergyModeSchema>;

const InstantSchema = z.number().int().nonnegative();

export const EnergyReadingSourceSchema = z.enum([
  'none',
  'manual',
  'httpJson',
  'mqtt',
  'homeAssistant',
  'community',
]);
export type EnergyReadingSource = z.infer<typeof EnergyReadingSourceSchema>;

export const EnergyReadingSchema = z.object({
  at: InstantSchema,
  /** Spare power in watts (positive = surplus); null when the source failed. */
  surplusW: z.number().nullable(),
  pricePerKwh: PriceStringSchema.nullable(),
  source: EnergyReadingSourceSchema,
  ok: z.boolean(),
  /** Why the reading is unusable; null when ok. */
  problem: MessageSchema.nullable(),
});
export type EnergyReading = z.infer<typeof EnergyReadingSchema>;

export const EnergyHistoryPointSchema = z.object({
  at: InstantSchema,
  surplusW: z.number().nullable(),
  budgetW: z.number().nullable(),
  /** What the GPU workload drew at that moment; null when unknown. */
  drawW: z.number().nullable(),
});
export type EnergyHistoryPoint = z.infer<typeof EnergyHistoryPointSchema>;

export const CommunityViewSchema = z.object({
  members: z.number().int().nonnegative(),
  myShareW: z.number().nonnegative(),
  totalSurplusW: z.number().nullable(),
  /** Every online member's share, this node included, by node id. */
  shares: z.array(
    z.object({ nodeId: z.string(), shareW: z.number().nonnegative(), me: z.boolean() }),
  ),
  /** Why there is no usable share now; null when the split can be trusted. */
  problem: MessageSchema.nullable(),
});
export type CommunityView = z.infer<typeof CommunityViewSchema>;

export const EnergyStatusSchema = z.object({
  mode: EnergyModeNameSchema,
  reading: EnergyReadingSchema.nullable(),
  /** What the node passes to the policy; null = no energy constraint. */
  budgetW: z.number().nonnegative().nullable(),
  /** The surplus controller's view: energy allows running now. */
  running: z.boolean(),
  headline: MessageSchema,
  /** Soonest instant the energy decision changes by itself (start/stop delays). */
  nextChangeAt: z.number().int().nullable(),
  /** A limit set from outside (controllable load); null = none. */
  maxPowerW: z.number().nonnegative().nullable(),
  /** The last hour, for a live chart. */
  history: z.array(EnergyHistoryPointSchema),
  community: CommunityViewSchema.nullable(),
});
export type EnergyStatus = z.infer<typeof EnergyStatusSchema>;

export const CommunityConfigSchema = MqttBrokerSchema.extend({
  enabled: z.boolean().default(false),
  communityId: TopicIdSchema,
  nodeId: TopicIdSchema,
  /** Watts this node asks for; the node fills it from the card's power limit when absent. */
  wantW: z.number().nonnegative().max(100_000).optional(),
  /** A surplus message older than this is not trusted. */
  staleAfterS: z.number().min(1).max(3600).default(60),
});
export type CommunityConfig = z.infer<typeof CommunityConfigSchema>;

/** EVCC-like external control over MQTT: `lumbung/<nodeId>/mode/set` and friends. */
export const ControllableLoadConfigSchema = MqttBrokerSchema.extend({
  enabled: z.boolean().default(false),
  nodeId: TopicIdSchema,
});
export type ControllableLoadConfig = z.infer<typeof ControllableLoadConfigSchema>;
