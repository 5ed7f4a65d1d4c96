import { z } from 'zod';
import { MessageSchema } from './message.js';
import { isValidTimeZone } from './zoned-time.js';

/**
 * The sharing policy's contract: the owner's settings, what the node observed, and the
 * decision. `src/policy` computes `Decision` from `PolicyInputs`; the UI edits
 * `PolicySettings` and shows `Decision.reasons`.
 */

export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'policy:error.invalidTimeZone' });

export const ClockSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'policy:error.invalidClock' });

export const WeekdaySchema = z.number().int().min(0).max(6);

/** One sharing window. `end <= start` means it runs past midnight into the next day. */
export const ScheduleSpanSchema = z.object({
  /** 0 = Sunday .. 6 = Saturday: the day the span starts on */
  day: WeekdaySchema,
  start: ClockSchema,
  end: ClockSchema,
});
export type ScheduleSpan = z.infer<typeof ScheduleSpanSchema>;

export const SchedulePresetSchema = z.enum([
  'overnight',
  'eveningsWeekends',
  'always',
  'whenAway',
  'custom',
]);
export type SchedulePreset = z.infer<typeof SchedulePresetSchema>;

const everyDay = (start: string, end: string): ScheduleSpan[] =>
  [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start, end }));

/**
 * What each preset means, as spans; `custom` uses the schedule's own spans. "When I'm away"
 * is every hour, but the policy additionally requires the owner to be known to be idle.
 */
export const SCHEDULE_PRESET_SPANS: Readonly<
  Record<Exclude<SchedulePreset, 'custom'>, readonly ScheduleSpan[]>
> = {
  overnight: everyDay('23:00', '07:00'),
  eveningsWeekends: [
    ...[1, 2, 3, 4, 5].map((day) => ({ day, start: '18:00', end: '08:00' })),
    { day: 6, start: '00:00', end: '00:00' },
    { day: 0, start: '00:00', end: '00:00' },
    // Sunday night runs on into Monday morning like every other weeknight.
    { day: 0, start: '18:00', end: '08:00' },
  ],
  always: everyDay('00:00', '00:00'),
  whenAway: everyDay('00:00', '00:00'),
};

export const ScheduleSchema = z.object({
  preset: SchedulePresetSchema.default('overnight'),
  /** Used only when `preset` is 'custom'. */
  spans: z.array(ScheduleSpanSchema).max(100).default([]),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const PowerCapModeSchema = z.enum(['off', 'watts', 'percent']);
export const PowerCapSettingSchema = z
  .object({
    mode: PowerCapModeSchema.default('off'),
    /** Watts for 'watts', percent of the card's default limit for 'percent'; ignored for 'off'. */
    value: z.number().positive().default(100),
  })
  .refine((c) => c.mode !== 'watts' || c.value <= 2000, {
    message: 'policy:error.invalidPowerCap',
  })
  .refine((c) => c.mode !== 'percent' || c.value <= 200, {
    message: 'policy:error.invalidPowerCap',
  });
export type PowerCapSetting = z.infer<typeof PowerCapSettingSchema>;

// No object-level refinements: the settings patch schema needs `.partial()` of this.
export const PolicySettingsSchema = z.object({
  schedule: ScheduleSchema.prefault({}),
  /** Owner input within this many minutes pauses the work. */
  idleMinutes: z.number().int().min(0).max(1440).default(5),
  /** After the last owner or foreign use ends, stay paused this long. */
  resumeQuietMinutes: z.number().int().min(0).max(1440).default(2),
  /** GPU utilisation by another process above this counts as foreign use (applied by the detector). */
  foreignGpuUtilPct: z.number().min(0).max(100).default(5),
  /** Program names that pause the work while running (games, editors). */
  blockingPrograms: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  powerCap: PowerCapSettingSchema.prefault({}),
  tempCapC: z.number().min(40).max(110).default(83),
  tempResumeDeltaC: z.number().min(1).max(30).default(5),
  allowOnBattery: z.boolean().default(false),
  /** Foreign GPU use lasting longer than this stops the job so the owner gets the card. */
  preemptGraceS: z.number().min(0).max(3600).default(20),
});
export type PolicySettings = z.infer<typeof PolicySettingsSchema>;

const InstantSchema = z.number().int().nonnegative();
const WattsSchema = z.number().nonnegative();

export const ForeignGpuUseSchema = z.object({
  /** Another process is using the GPU above `foreignGpuUtilPct` right now. */
  active: z.boolean(),
  /** When the current stretch of foreign use began. */
  since: InstantSchema.nullable(),
  /** The last instant foreign use was seen (now, while active). */
  lastSeenAt: InstantSchema.nullable(),
  programs: z.array(z.string().max(200)).max(50),
});
export type ForeignGpuUse = z.infer<typeof ForeignGpuUseSchema>;

export const GpuReadingSchema = z.object({
  temperatureC: z.number().min(-50).max(200).nullable(),
  powerDrawW: WattsSchema.nullable(),
  defaultLimitW: WattsSchema.nullable(),
  minLimitW: WattsSchema.nullable(),
  maxLimitW: WattsSchema.nullable(),
});
export type GpuReading = z.infer<typeof GpuReadingSchema>;

export const PolicyInputsSchema = z.object({
  now: InstantSchema,
  timeZone: TimeZoneSchema,
  settings: PolicySettingsSchema,
  /** Seconds since the owner's last keyboard/mouse input; null = unknown (headless). */
  ownerIdleS: z.number().nonnegative().nullable(),
  foreignGpu: ForeignGpuUseSchema,
  /** Names from `settings.blockingPrograms` that the node found running. */
  runningBlockers: z.array(z.string().max(200)).max(200),
  /** null = unknown (treated as mains power). */
  onBattery: z.boolean().nullable(),
  gpu: GpuReadingSchema.nullable(),
  /** Last instant owner input, foreign GPU use or a blocking program was seen. */
  lastActivityAt: InstantSchema.nullable(),
  /** The previous decision's `pausedForHeat` (hysteresis memory). */
  wasPausedForHeat: z.boolean(),
  /** Watts the energy signal allows; null = no energy constraint. */
  energyBudgetW: WattsSchema.nullable(),
});
export type PolicyInputs = z.infer<typeof PolicyInputsSchema>;

/**
 * How to hold the power budget: 'powerLimit' = `nvidia-smi -pl` (clamped to the card's
 * limits), falling back to duty-cycling where that is not permitted; 'dutyCycle' = the budget
 * is below what the card can be set to, so only pause/unpause can hold it.
 */
export const CapMethodHintSchema = z.enum(['none', 'powerLimit', 'dutyCycle']);
export type CapMethodHint = z.infer<typeof CapMethodHintSchema>;

export const DecisionSchema = z.object({
  run: z.boolean(),
  /** Something needs the machine now: freeze a running job at once (keeps its VRAM). */
  pauseNow: z.boolean(),
  /** Foreign GPU use outlasted the grace: stop the job so the owner's program gets the card. */
  stopJob: z.boolean(),
  /** Feed back as `wasPausedForHeat` next time. */
  pausedForHeat: z.boolean(),
  /** Average watts the job may draw; null = no limit (or not running). */
  powerBudgetW: z.number().nonnegative().nullable(),
  capMethodHint: CapMethodHintSchema,
  /** First is the headline; the rest are further reasons or notes, most important first. */
  reasons: z.array(MessageSchema).min(1),
  /** Soonest instant the decision changes on its own (same observations); null = not by itself. */
  nextChangeAt: z.number().int().nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;
