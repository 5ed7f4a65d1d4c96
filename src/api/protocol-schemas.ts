import { z } from 'zod';
import { MessageSchema } from './message.js';
import {
  JobIdSchema,
  JobOutcomeSchema,
  JobSpecSchema,
  OfferedJobSchema,
} from './sandbox-schemas.js';

/**
 * The marketplace protocol between a provider node and a coordinator, version 1.
 * docs/protocol.md explains the flow; docs/protocol-schemas/*.json are generated from
 * the schemas in PROTOCOL_MESSAGES. Every message is strict: an unknown field is a
 * malformed message, so both sides notice when they drift apart. The one deliberate
 * exception is the job inside an offer, which stays loose so hostile fields reach the
 * sandbox's admission check and are declined by name.
 */

export const PROTOCOL_VERSION = 1;
const V = z.literal(PROTOCOL_VERSION);

// Chain-shaped values are defined here rather than borrowed so the published protocol
// does not move when the app's chain schemas are refactored.
const UINT256_MAX = (1n << 256n) - 1n;
const Uint256StringSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,77})$/, 'expected a non-negative decimal integer')
  .refine((s) => BigInt(s) <= UINT256_MAX, 'exceeds uint256');
const AddressSchema = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x address');
const SignatureSchema = z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'expected a 65-byte signature');
const ChainIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');
const IsoTimeSchema = z.iso.datetime({ offset: true });
const ShortText = z.string().max(2000);

export const JobKindSchema = z.enum(['cpu', 'gpu']);
export type JobKind = z.infer<typeof JobKindSchema>;

/**
 * What the payout wallet signs (EIP-191) to agree that a device earns on its behalf.
 * Addresses in EIP-55 checksum form; the time (Unix seconds) written as ISO 8601 UTC so
 * an owner reading it in their wallet app sees a date.
 */
export function bindingMessage(
  deviceAddress: string,
  payoutAddress: string,
  timestamp: number,
): string {
  const at = new Date(timestamp * 1000).toISOString();
  return `Lumbung device binding: ${deviceAddress} pays to ${payoutAddress} at ${at}`;
}

// ---- Registration (HTTP) --------------------------------------------------------------

export const ChallengeRequestSchema = z
  .object({ v: V, deviceAddress: AddressSchema })
  .strict()
  .describe('POST /v1/register/challenge request body');

export const ChallengeResponseSchema = z
  .object({
    v: V,
    /** Opaque text the device key signs with EIP-191 (personal_sign). */
    challenge: z.string().min(16).max(512),
    expiresAt: IsoTimeSchema,
  })
  .strict()
  .describe('POST /v1/register/challenge response body');

export const GpuCapabilitySchema = z
  .object({ model: z.string().min(1).max(200), vramMiB: z.number().int().min(0).max(1_048_576) })
  .strict();

export const EngineCapabilitySchema = z
  .object({
    kind: z.enum(['docker', 'podman']),
    version: z.string().min(1).max(100),
    gpu: z.boolean(),
  })
  .strict();

export const ProtocolLimitsSchema = z
  .object({
    maxCpus: z.number().positive().max(1024),
    maxMemoryMiB: z.number().int().positive(),
    maxScratchMiB: z.number().int().positive(),
    maxDurationS: z.number().int().positive(),
    maxGpus: z.number().int().min(0).max(64),
    maxVramMiB: z.number().int().min(0),
    allowEgress: z.boolean(),
  })
  .strict();
export type ProtocolLimits = z.infer<typeof ProtocolLimitsSchema>;

export const CapabilitiesSchema = z
  .object({
    v: V,
    gpus: z.array(GpuCapabilitySchema).max(64),
    cpus: z.number().int().positive().max(4096),
    memoryMiB: z.number().int().positive(),
    engine: EngineCapabilitySchema,
    limits: ProtocolLimitsSchema,
    /** Token base units per GPU-hour (per CPU-hour for cpu jobs). */
    priceFloorPerGpuHour: Uint256StringSchema,
    kinds: z.array(JobKindSchema).min(1).max(2),
  })
  .strict();
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

export const BindingSchema = z
  .object({
    /** Unix seconds written into the binding message. */
    timestamp: z.number().int().positive(),
    /** EIP-191 signature of bindingMessage(device, payout, timestamp) by the payout wallet. */
    signature: SignatureSchema,
  })
  .strict();

export const RegisterRequestSchema = z
  .object({
    v: V,
    challenge: z.string().min(16).max(512),
    deviceAddress: AddressSchema,
    payoutAddress: AddressSchema,
    /** EIP-191 signature of the challenge by the device key. */
    deviceSignature: SignatureSchema,
    binding: BindingSchema,
    capabilities: CapabilitiesSchema,
  })
  .strict()
  .describe('POST /v1/register request body');
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const RegisterResponseSchema = z
  .object({
    v: V,
    nodeId: z.string().min(1).max(100),
    /** Bearer for the WebSocket session: /v1/session?token=<sessionToken>. */
    sessionToken: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/),
    heartbeatIntervalS: z.number().int().min(1).max(3600),
    /** The chain and vault that receipts and vouchers are signed for. */
    chainId: ChainIdSchema,
    vault: AddressSchema,
    /** The address that signs vouchers; nodes drop vouchers signed by anyone else. */
    payer: AddressSchema,
  })
  .strict()
  .describe('POST /v1/register response body');
export type RegisterResponse = z.infer<typeof RegisterResponseSchema>;

export const ErrorCodeSchema = z.enum([
  'badRequest',
  'unsupportedVersion',
  'badSignature',
  'challengeExpired',
  'unauthorized',
  'unknownJob',
  'notAssigned',
  'offerExpired',
  'badReceipt',
  'rateLimited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** HTTP error bodies and WebSocket `error` frames share this shape. */
export const ErrorBodySchema = z
  .object({
    v: V,
    code: ErrorCodeSchema,
    detail: ShortText.optional(),
  })
  .strict()
  .describe('HTTP error response body');

// ---- Session frames (WebSocket, JSON text) --------------------------------------------

export const NodeStateSchema = z.enum([
  'off',
  'blocked',
  'waiting',
  'ready',
  'running',
  'paused',
  'error',
]);
export type NodeState = z.infer<typeof NodeStateSchema>;

export const ProtocolMeteringSchema = z
  .object({
    runningS: z.number().min(0).max(1e9),
    pausedS: z.number().min(0).max(1e9),
    gpuS: z.number().min(0).max(1e11),
  })
  .strict();
export type ProtocolMetering = z.infer<typeof ProtocolMeteringSchema>;

export const HeartbeatFrameSchema = z
  .object({
    v: V,
    type: z.literal('heartbeat'),
    state: NodeStateSchema,
    jobId: JobIdSchema.nullable(),
    metering: ProtocolMeteringSchema,
  })
  .strict();
export type HeartbeatFrame = z.infer<typeof HeartbeatFrameSchema>;

export const WelcomeFrameSchema = z
  .object({
    v: V,
    type: z.literal('welcome'),
    nodeId: z.string().min(1).max(100),
    heartbeatIntervalS: z.number().int().min(1).max(3600),
  })
  .strict();

/** The offered job keeps the sandbox's loose shape, but its id must be usable in replies. */
export const OfferJobSchema = OfferedJobSchema.extend({ id: JobIdSchema });

export const OfferFrameSchema = z
  .object({
    v: V,
    type: z.literal('offer'),
    job: OfferJobSchema,
    expiresAt: IsoTimeSchema,
  })
  .strict();
export type OfferFrame = z.infer<typeof OfferFrameSchema>;

export const AcceptFrameSchema = z
  .object({ v: V, type: z.literal('accept'), jobId: JobIdSchema })
  .strict();

export const DeclineFrameSchema = z
  .object({ v: V, type: z.literal('decline'), jobId: JobIdSchema, reason: MessageSchema })
  .strict();

export const PausedFrameSchema = z
  .object({ v: V, type: z.literal('paused'), jobId: JobIdSchema, at: IsoTimeSchema })
  .strict();

export const ResumedFrameSchema = z
  .object({ v: V, type: z.literal('resumed'), jobId: JobIdSchema, at: IsoTimeSchema })
  .strict();

/** Fields of the EIP-712 `UsageReceipt`, uint256 as decimal strings, bytes32 as 0x hex. */
export const UsageReceiptFieldsSchema = z
  .object({
    jobId: z.string().regex(/^0x[0-9a-f]{64}$/),
    node: AddressSchema,
    payout: AddressSchema,
    gpuSeconds: Uint256StringSchema,
    energyWh: Uint256StringSchema,
    amount: Uint256StringSchema,
    resultsHash: z.string().regex(/^0x[0-9a-f]{64}$/),
    nonce: Uint256StringSchema,
  })
  .strict();
export type UsageReceiptFields = z.infer<typeof UsageReceiptFieldsSchema>;

export const SignedReceiptSchema = UsageReceiptFieldsSchema.extend({
  signature: SignatureSchema,
}).strict();
export type SignedReceipt = z.infer<typeof SignedReceiptSchema>;

/** Small results travel inline so the coordinator can check them before paying. */
export const OutputFileSchema = z
  .object({
    path: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/),
    base64: z.string().max(87_400),
  })
  .strict();
export type OutputFile = z.infer<typeof OutputFileSchema>;

export const CompleteFrameSchema = z
  .object({
    v: V,
    type: z.literal('complete'),
    jobId: JobIdSchema,
    resultsSha256: Sha256HexSchema,
    metering: ProtocolMeteringSchema,
    outputs: z.array(OutputFileSchema).max(16),
    receipt: SignedReceiptSchema,
  })
  .strict();
export type CompleteFrame = z.infer<typeof CompleteFrameSchema>;

export const FailFrameSchema = z
  .object({
    v: V,
    type: z.literal('fail'),
    jobId: JobIdSchema,
    outcome: JobOutcomeSchema,
    detail: ShortText,
  })
  .strict();
export type FailFrame = z.infer<typeof FailFrameSchema>;

export const AckFrameSchema = z
  .object({
    v: V,
    type: z.literal('ack'),
    jobId: JobIdSchema,
    of: z.enum(['complete', 'fail']),
  })
  .strict();
export type AckFrame = z.infer<typeof AckFrameSchema>;

export const CreditFrameSchema = z
  .object({
    v: V,
    type: z.literal('credit'),
    jobId: JobIdSchema,
    amount: Uint256StringSchema,
    verified: z.boolean(),
  })
  .strict();
export type CreditFrame = z.infer<typeof CreditFrameSchema>;

export const VoucherFrameSchema = z
  .object({
    v: V,
    type: z.literal('voucher'),
    node: AddressSchema,
    payout: AddressSchema,
    cumulative: Uint256StringSchema,
    nonce: Uint256StringSchema,
    deadline: Uint256StringSchema,
    chainId: ChainIdSchema,
    vault: AddressSchema,
    signature: SignatureSchema,
  })
  .strict();
export type VoucherFrame = z.infer<typeof VoucherFrameSchema>;

export const SlashSchema = z
  .object({ amount: Uint256StringSchema, reason: ShortText, at: IsoTimeSchema })
  .strict();

export const ReputationFrameSchema = z
  .object({
    v: V,
    type: z.literal('reputation'),
    score: z.number().min(0).max(100),
    missedHeartbeats: z.number().int().min(0),
    committedHours: z.number().min(0),
    slashes: z.array(SlashSchema).max(1000),
  })
  .strict();
export type ReputationFrame = z.infer<typeof ReputationFrameSchema>;

export const ErrorFrameSchema = z
  .object({
    v: V,
    type: z.literal('error'),
    code: ErrorCodeSchema,
    jobId: JobIdSchema.optional(),
    detail: ShortText.optional(),
  })
  .strict();
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;

/** Frames a node sends on the session. */
export const NodeFrameSchema = z.discriminatedUnion('type', [
  HeartbeatFrameSchema,
  AcceptFrameSchema,
  DeclineFrameSchema,
  PausedFrameSchema,
  ResumedFrameSchema,
  CompleteFrameSchema,
  FailFrameSchema,
]);
export type NodeFrame = z.infer<typeof NodeFrameSchema>;

/** Frames a coordinator sends on the session. */
export const CoordinatorFrameSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  OfferFrameSchema,
  AckFrameSchema,
  CreditFrameSchema,
  VoucherFrameSchema,
  ReputationFrameSchema,
  ErrorFrameSchema,
]);
export type CoordinatorFrame = z.infer<typeof CoordinatorFrameSchema>;

/** Largest frame either side accepts; anything bigger closes the session (1009). */
export const MAX_FRAME_BYTES = 256 * 1024;

/** Every message of the protocol, by the file name its JSON Schema is published under. */
export const PROTOCOL_MESSAGES = {
  'challenge-request': ChallengeRequestSchema,
  'challenge-response': ChallengeResponseSchema,
  'register-request': RegisterRequestSchema,
  'register-response': RegisterResponseSchema,
  'error-body': ErrorBodySchema,
  capabilities: CapabilitiesSchema,
  heartbeat: HeartbeatFrameSchema,
  welcome: WelcomeFrameSchema,
  offer: OfferFrameSchema,
  accept: AcceptFrameSchema,
  decline: DeclineFrameSchema,
  paused: PausedFrameSchema,
  resumed: ResumedFrameSchema,
  complete: CompleteFrameSchema,
  fail: FailFrameSchema,
  ack: AckFrameSchema,
  credit: CreditFrameSchema,
  voucher: VoucherFrameSchema,
  reputation: ReputationFrameSchema,
  error: ErrorFrameSchema,
} as const;

/**
 * Parts published next to the messages. `job-spec` is what a well-behaved coordinator puts
 * in `offer.job`; nodes parse that field loosely (see OfferJobSchema) and decline what
 * does not conform, naming the field.
 */
export const PROTOCOL_PARTS = {
  'job-spec': JobSpecSchema,
} as const;

/** JSON Schema (draft 2020-12) text per message and part, exactly as docs/protocol-schemas holds it. */
export function protocolJsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries({ ...PROTOCOL_MESSAGES, ...PROTOCOL_PARTS })) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    files[`${name}.json`] = `${JSON.stringify({ title: name, ...json }, null, 2)}\n`;
  }
  return files;
}
