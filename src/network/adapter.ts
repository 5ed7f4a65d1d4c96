import type { TypedDataDomain } from 'ethers';
import type { Message } from '../api/message.js';
import type { JobOutcome } from '../api/sandbox-schemas.js';
import type {
  AckFrame,
  Capabilities,
  CreditFrame,
  ErrorFrame,
  HeartbeatFrame,
  OfferFrame,
  OutputFile,
  ReputationFrame,
  SignedReceipt,
  UsageReceiptFields,
  VoucherFrame,
} from '../api/protocol-schemas.js';
import type { BillingTerms } from './pricing.js';

/**
 * What the node needs from any compute network. The protocol client implements it for
 * the Lumbung protocol; other networks plug in behind the same surface.
 */
export interface NodeIdentity {
  deviceAddress: string;
  payoutAddress: string;
  /** The payout wallet's EIP-191 signature over bindingMessage(device, payout, timestamp). */
  binding: { timestamp: number; signature: string };
  /** EIP-191 signature by the device key (the wallet module holds it). */
  sign(message: string): Promise<string>;
  /** EIP-712 signature of a UsageReceipt (RECEIPT_TYPES) by the device key. */
  signReceipt(receipt: UsageReceiptFields, domain: TypedDataDomain): Promise<string>;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionChange {
  state: ConnectionState;
  /** Why, in words for the owner. */
  reason: Message;
  /** When disconnected: how long until the next try. */
  retryInMs?: number;
}

export interface NetworkEvents {
  offer: OfferFrame;
  credit: CreditFrame;
  voucher: VoucherFrame;
  reputation: ReputationFrame;
  connection: ConnectionChange;
  /** The coordinator has durably recorded a completion or failure. */
  ack: AckFrame;
  error: ErrorFrame;
}

export type Unsubscribe = () => void;

export interface Completion {
  jobId: string;
  /** sha256 over the job's /out, as the sandbox reports it. */
  resultsSha256: string;
  metering: HeartbeatFrame['metering'];
  energyWh: number | null;
  /** Small result files sent inline so the coordinator can verify them. */
  outputs: OutputFile[];
  /** The accepted offer's price terms; the receipt's amount is computed from them. */
  terms: BillingTerms;
}

/** What was queued for the coordinator: the signed receipt and the domain it was signed in. */
export interface QueuedCompletion {
  receipt: SignedReceipt;
  chainId: number;
  vault: string;
}

export interface Failure {
  jobId: string;
  outcome: JobOutcome;
  detail: string;
}

export interface NetworkAdapter {
  /** Registers and keeps a session open until close(); resolves once the first session is up. */
  connect(identity: NodeIdentity, capabilities: Capabilities): Promise<void>;
  on<E extends keyof NetworkEvents>(
    event: E,
    listener: (payload: NetworkEvents[E]) => void,
  ): Unsubscribe;
  accept(jobId: string): void;
  decline(jobId: string, reason: Message): void;
  /** The latest state; re-sent at every heartbeat interval while connected. */
  heartbeat(beat: Omit<HeartbeatFrame, 'v' | 'type'>): void;
  reportPause(jobId: string, at: Date): void;
  reportResume(jobId: string, at: Date): void;
  /**
   * Signs the usage receipt, queues the completion durably and sends it; it is re-sent
   * until the coordinator acknowledges it. Completing the same job again returns the
   * receipt already queued.
   */
  complete(completion: Completion): Promise<QueuedCompletion>;
  fail(failure: Failure): Promise<void>;
  close(): Promise<void>;
}
