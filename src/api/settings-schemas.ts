import { z } from 'zod';
import { PolicySettingsSchema } from './policy-schemas.js';
import {
  CommunityConfigSchema,
  ControllableLoadConfigSchema,
  EnergyModeSchema,
  EnergySourceConfigSchema,
} from './energy-schemas.js';

export const LanguageSchema = z.enum(['en', 'id']);
export type Language = z.infer<typeof LanguageSchema>;

/** A non-negative decimal written as text, so money never passes through a float. */
export const DecimalStringSchema = z
  .string()
  .regex(/^\d{1,30}(\.\d{1,18})?$/, 'Use a plain number such as 1500 or 0.25');
/** A token amount in base units (18 decimals). */
export const BaseUnitsSchema = z.string().regex(/^\d{1,78}$/, 'A whole number of base units');

export const OwnerJobLimitsSchema = z.object({
  maxCpus: z.number().min(0.1).max(256).default(2),
  maxMemoryMiB: z.number().int().min(64).max(1_048_576).default(2048),
  maxScratchMiB: z.number().int().min(16).max(1_048_576).default(1024),
  maxDurationS: z
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600)
    .default(4 * 3600),
  allowEgress: z.boolean().default(false),
  allowGpu: z.boolean().default(true),
});
export type OwnerJobLimits = z.infer<typeof OwnerJobLimitsSchema>;

export const PricingSchema = z.object({
  /** Lowest price per GPU-hour the owner accepts, in token base units. */
  floorPerGpuHour: BaseUnitsSchema.default('100000000000000000'),
  allowedKinds: z.array(z.enum(['cpu', 'gpu'])).default(['cpu', 'gpu']),
});

export const CurrencySchema = z.object({
  code: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('IDR'),
  /** How much one token is worth in that currency, as the owner sees it. */
  perToken: DecimalStringSchema.default('15000'),
});

/** Surplus power: where the signal comes from, how to follow it, the community, external control. */
export const EnergySettingsSchema = z.object({
  source: EnergySourceConfigSchema.default({ kind: 'none' }),
  mode: EnergyModeSchema.prefault({}),
  community: CommunityConfigSchema.nullable().default(null),
  control: ControllableLoadConfigSchema.nullable().default(null),
});
export type EnergySettings = z.infer<typeof EnergySettingsSchema>;

export const SETTINGS_VERSION = 1;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  language: LanguageSchema.default('en'),
  sharing: z.boolean().default(false),
  onboarded: z.boolean().default(false),
  policy: PolicySettingsSchema.default(PolicySettingsSchema.parse({})),
  limits: OwnerJobLimitsSchema.default(OwnerJobLimitsSchema.parse({})),
  pricing: PricingSchema.default(PricingSchema.parse({})),
  currency: CurrencySchema.default(CurrencySchema.parse({})),
  energy: EnergySettingsSchema.prefault({}),
  /** Start Lumbung (hidden, in the tray) when the owner logs in. */
  startAtLogin: z.boolean().default(true),
  /** Owner's electricity tariff in their currency per kWh. */
  electricityPricePerKwh: DecimalStringSchema.default('1500'),
  /** null = the embedded local network. */
  networkUrl: z
    .url({ protocol: /^(https?|wss?)$/ })
    .nullable()
    .default(null),
  /** Claim automatically once this much is claimable (base units); null = never. */
  autoClaimAbove: BaseUnitsSchema.nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * A patch of one settings section: only keys the section has. Values are checked when
 * the merged settings are validated as a whole (zod 4's `.partial()` would fill in the
 * defaults of every missing key and so reset the owner's other choices).
 */
function sectionPatch<Shape extends z.ZodRawShape>(section: z.ZodObject<Shape>) {
  const known = new Set(Object.keys(section.shape));
  return z
    .record(z.string(), z.unknown())
    .refine((patch) => Object.keys(patch).every((key) => known.has(key)), {
      message: 'unknown setting',
    })
    .transform((patch) => patch as Partial<z.output<z.ZodObject<Shape>>>);
}

/** What the UI may change; every field optional, nested objects merged one level deep. */
export const SettingsPatchSchema = z
  .object({
    language: LanguageSchema,
    onboarded: z.boolean(),
    policy: sectionPatch(PolicySettingsSchema),
    limits: sectionPatch(OwnerJobLimitsSchema),
    pricing: sectionPatch(PricingSchema),
    currency: sectionPatch(CurrencySchema),
    energy: sectionPatch(EnergySettingsSchema),
    startAtLogin: z.boolean(),
    electricityPricePerKwh: DecimalStringSchema,
    networkUrl: z.url({ protocol: /^(https?|wss?)$/ }).nullable(),
    autoClaimAbove: BaseUnitsSchema.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
