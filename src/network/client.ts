import WebSocket from 'ws';
import { getAddress } from 'ethers';
import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import {
  ChallengeResponseSchema,
  ErrorBodySchema,
  MAX_FRAME_BYTES,
  PROTOCOL_VERSION,
  RegisterResponseSchema,
} from '../api/protocol-schemas.js';
import type {
  Capabilities,
  CompleteFrame,
  CoordinatorFrame,
  FailFrame,
  HeartbeatFrame,
  NodeFrame,
  RegisterResponse,
  UsageReceiptFields,
  VoucherFrame,
} from '../api/protocol-schemas.js';
import { voucherDomain, verifyVoucher } from './chain/voucher.js';
import type {
  Completion,
  ConnectionChange,
  Failure,
  NetworkAdapter,
  NetworkEvents,
  NodeIdentity,
  QueuedCompletion,
  Unsubscribe,
} from './adapter.js';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff.js';
import type { BackoffOptions } from './backoff.js';
import { encodeFrame, parseCoordinatorFrame } from './frames.js';
import { Outbox, outboxKey } from './outbox.js';
import { amountFor, billableSeconds } from './pricing.js';
import { jobIdToBytes32, receiptDomain } from './receipt.js';

export interface ProtocolClientOptions {
  /** The coordinator's base URL, e.g. http://127.0.0.1:7400 */
  url: string;
  /** JSONL file for completions and failures not yet acknowledged. */
  outboxPath: string;
  backoff?: BackoffOptions;
  maxFrameBytes?: number;
  requestTimeoutMs?: number;
  /** Re-send unacknowledged items this often while connected. */
  resendIntervalMs?: number;
}

/** Why a session attempt ended; decides whether to register again. */
class RegisterRejected extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`coordinator refused registration: ${code}`);
  }
}

const IDLE_METERING = { runningS: 0, pausedS: 0, gpuS: 0 };

/**
 * The provider side of the Lumbung protocol (docs/protocol.md): HTTP registration, a
 * WebSocket session kept alive with heartbeats, reconnects with backoff and jitter, a
 * durable outbox for everything earned. Nothing the coordinator sends can throw out of
 * this class: malformed frames are dropped and counted in `stats.invalidFrames`.
 */
export class ProtocolClient implements NetworkAdapter {
  readonly stats = { invalidFrames: 0, sessions: 0, registrations: 0, forgedVouchers: 0 };
  private readonly listeners = new Map<keyof NetworkEvents, Set<(payload: never) => void>>();
  private readonly backoff: BackoffOptions;
  private readonly maxFrameBytes: number;
  private outbox: Outbox | null = null;
  private identity: NodeIdentity | null = null;
  private capabilities: Capabilities | null = null;
  private registration: RegisterResponse | null = null;
  /** Kept when a registration is dropped for renewal, so completions can still be signed. */
  private domain: { chainId: number; vault: string } | null = null;
  private socket: WebSocket | null = null;
  private welcomed = false;
  private closed = false;
  private lastBeat: Omit<HeartbeatFrame, 'v' | 'type'> = {
    state: 'waiting',
    jobId: null,
    metering: IDLE_METERING,
  };
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private resendTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private firstSession: { resolve: () => void; reject: (e: unknown) => void } | null = null;

  constructor(private readonly options: ProtocolClientOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxFrameBytes = options.maxFrameBytes ?? MAX_FRAME_BYTES;
  }

  on<E extends keyof NetworkEvents>(
    event: E,
    listener: (payload: NetworkEvents[E]) => void,
  ): Unsubscribe {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  private emit<E extends keyof NetworkEvents>(event: E, payload: NetworkEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      // A faulty listener must not take the session down with it.
      try {
        (listener as (p: NetworkEvents[E]) => void)(payload);
      } catch {
        // ignored on purpose
      }
    }
  }

  async connect(identity: NodeIdentity, capabilities: Capabilities): Promise<void> {
    if (this.loop) throw new Error('already connected');
    this.identity = identity;
    this.capabilities = capabilities;
    this.outbox = await Outbox.open(this.options.outboxPath);
    const first = new Promise<void>((resolve, reject) => {
      this.firstSession = { resolve, reject };
    });
    this.loop = this.run();
    return first;
  }

  /** Items queued for the coordinator and not yet acknowledged. */
  pending(): (CompleteFrame | FailFrame)[] {
    return this.outbox?.pending() ?? [];
  }

  get connected(): boolean {
    return this.welcomed;
  }

  private setConnection(change: ConnectionChange): void {
    this.emit('connection', change);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.closed) {
      this.setConnection({ state: 'connecting', reason: msg('network:connection.connecting') });
      let reason: Message | null = null;
      try {
        if (!this.registration) this.registration = await this.register();
        const outcome = await this.openSession(this.registration);
        if (outcome.welcomed) attempt = 0;
        if (outcome.unauthorized) this.registration = null;
      } catch (error) {
        if (error instanceof RegisterRejected) {
          reason = msg('network:connection.registerFailed', { detail: error.code });
          if (error.permanent && this.firstSession) {
            this.firstSession.reject(error);
            this.firstSession = null;
          }
        } else {
          reason = msg('network:connection.unreachable', { url: this.options.url });
        }
      }
      if (this.closed) break;
      const delay = backoffDelay(attempt, this.backoff);
      attempt += 1;
      this.setConnection({
        state: 'disconnected',
        reason: reason ?? msg('network:connection.retrying', { seconds: Math.ceil(delay / 1000) }),
        retryInMs: delay,
      });
      await this.sleep(delay);
    }
    this.setConnection({ state: 'disconnected', reason: msg('network:connection.disconnected') });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, this.options.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
    });
    // Refuse an announced flood before reading it; a chunked one is cut after reading.
    if (Number(response.headers.get('content-length') ?? 0) > this.maxFrameBytes) {
      await response.body?.cancel();
      throw new RegisterRejected('badRequest', false);
    }
    const text = await response.text();
    if (text.length > this.maxFrameBytes) throw new RegisterRejected('badRequest', false);
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // handled below as a malformed answer
    }
    if (!response.ok) {
      const error = ErrorBodySchema.safeParse(json);
      const code = error.success ? error.data.code : `http${response.status}`;
      throw new RegisterRejected(code, code === 'badSignature' || code === 'unsupportedVersion');
    }
    return json;
  }

  private async register(): Promise<RegisterResponse> {
    const identity = this.identity!;
    const challenge = ChallengeResponseSchema.safeParse(
      await this.post('/v1/register/challenge', {
        v: PROTOCOL_VERSION,
        deviceAddress: identity.deviceAddress,
      }),
    );
    if (!challenge.success) throw new RegisterRejected('badRequest', false);
    const deviceSignature = await identity.sign(challenge.data.challenge);
    const answer = RegisterResponseSchema.safeParse(
      await this.post('/v1/register', {
        v: PROTOCOL_VERSION,
        challenge: challenge.data.challenge,
        deviceAddress: identity.deviceAddress,
        payoutAddress: identity.payoutAddress,
        deviceSignature,
        binding: identity.binding,
        capabilities: this.capabilities!,
      }),
    );
    if (!answer.success) throw new RegisterRejected('badRequest', false);
    this.stats.registrations += 1;
    this.domain = { chainId: answer.data.chainId, vault: answer.data.vault };
    return answer.data;
  }

  private openSession(
    registration: RegisterResponse,
  ): Promise<{ welcomed: boolean; unauthorized: boolean }> {
    return new Promise((resolve) => {
      const url = new URL('/v1/session', this.options.url);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('token', registration.sessionToken);
      let unauthorized = false;
      let welcomed = false;
      let settled = false;
      const socket = new WebSocket(url, {
        maxPayload: this.maxFrameBytes,
        handshakeTimeout: 10_000,
      });
      this.socket = socket;
      const finish = (): void => {
        if (settled) return;
        settled = true;
        this.stopTimers();
        this.welcomed = false;
        if (this.socket === socket) this.socket = null;
        resolve({ welcomed, unauthorized });
      };
      socket.on('unexpected-response', (_request, response) => {
        unauthorized = response.statusCode === 401;
        response.resume();
        socket.terminate();
        finish();
      });
      socket.on('message', (data, isBinary) => {
        const frame = isBinary ? null : parseCoordinatorFrame(data, this.maxFrameBytes);
        if (!frame) {
          this.stats.invalidFrames += 1;
          return;
        }
        if (frame.type === 'welcome' && !welcomed) {
          welcomed = true;
          this.onWelcome(frame.heartbeatIntervalS);
          return;
        }
        this.handle(frame, registration);
      });
      // A frame over maxPayload or a protocol violation lands here, then 'close'.
      socket.on('error', (error: Error & { code?: string }) => {
        if (error.code?.startsWith('WS_ERR_')) this.stats.invalidFrames += 1;
      });
      socket.on('close', (code) => {
        if (code === 4001) unauthorized = true;
        finish();
      });
    });
  }

  private onWelcome(heartbeatIntervalS: number): void {
    this.welcomed = true;
    this.stats.sessions += 1;
    this.setConnection({ state: 'connected', reason: msg('network:connection.connected') });
    this.sendHeartbeat();
    this.heartbeatTimer = setInterval(() => this.sendHeartbeat(), heartbeatIntervalS * 1000);
    this.resendPending();
    this.resendTimer = setInterval(
      () => this.resendPending(),
      this.options.resendIntervalMs ?? 30_000,
    );
    if (this.firstSession) {
      this.firstSession.resolve();
      this.firstSession = null;
    }
  }

  private stopTimers(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.resendTimer) clearInterval(this.resendTimer);
    this.heartbeatTimer = null;
    this.resendTimer = null;
  }

  private handle(frame: CoordinatorFrame, registration: RegisterResponse): void {
    switch (frame.type) {
      case 'welcome':
        return;
      case 'offer':
        return this.emit('offer', frame);
      case 'ack':
        void this.outbox
          ?.remove(outboxKey({ jobId: frame.jobId, type: frame.of }))
          .then(() => this.emit('ack', frame))
          .catch(() => undefined);
        return;
      case 'credit':
        return this.emit('credit', frame);
      case 'voucher':
        if (!this.voucherIsOurs(frame, registration)) {
          this.stats.forgedVouchers += 1;
          this.stats.invalidFrames += 1;
          return;
        }
        return this.emit('voucher', frame);
      case 'reputation':
        return this.emit('reputation', frame);
      case 'error':
        return this.emit('error', frame);
    }
  }

  /** A voucher is worth keeping only if it pays us and the announced payer signed it. */
  private voucherIsOurs(frame: VoucherFrame, registration: RegisterResponse): boolean {
    const identity = this.identity!;
    try {
      if (getAddress(frame.node) !== getAddress(identity.deviceAddress)) return false;
      if (getAddress(frame.payout) !== getAddress(identity.payoutAddress)) return false;
      if (frame.chainId !== registration.chainId) return false;
      if (getAddress(frame.vault) !== getAddress(registration.vault)) return false;
      const voucher = {
        node: frame.node,
        payout: frame.payout,
        cumulative: BigInt(frame.cumulative),
        nonce: BigInt(frame.nonce),
        deadline: BigInt(frame.deadline),
      };
      return verifyVoucher(
        voucherDomain(frame.chainId, frame.vault),
        voucher,
        frame.signature,
        registration.payer,
      );
    } catch {
      return false;
    }
  }

  private send(frame: NodeFrame): boolean {
    const socket = this.socket;
    if (!socket || !this.welcomed || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(encodeFrame(frame));
    return true;
  }

  private sendHeartbeat(): void {
    this.send({ v: PROTOCOL_VERSION, type: 'heartbeat', ...this.lastBeat });
  }

  private resendPending(): void {
    for (const frame of this.outbox?.pending() ?? []) this.send(frame);
  }

  accept(jobId: string): void {
    this.send({ v: PROTOCOL_VERSION, type: 'accept', jobId });
  }

  decline(jobId: string, reason: Message): void {
    this.send({ v: PROTOCOL_VERSION, type: 'decline', jobId, reason });
  }

  heartbeat(beat: Omit<HeartbeatFrame, 'v' | 'type'>): void {
    this.lastBeat = beat;
    this.sendHeartbeat();
  }

  reportPause(jobId: string, at: Date): void {
    this.send({ v: PROTOCOL_VERSION, type: 'paused', jobId, at: at.toISOString() });
  }

  reportResume(jobId: string, at: Date): void {
    this.send({ v: PROTOCOL_VERSION, type: 'resumed', jobId, at: at.toISOString() });
  }

  async complete(completion: Completion): Promise<QueuedCompletion> {
    const outbox = this.requireOutbox();
    const domain = this.domain;
    const identity = this.identity;
    if (!domain || !identity) throw new Error('complete() before the first registration');
    // A completion already queued keeps its original receipt: re-sends stay identical.
    const queued = outbox.get(outboxKey({ jobId: completion.jobId, type: 'complete' }));
    if (queued?.type === 'complete') {
      this.resendPending();
      return { receipt: queued.receipt, ...domain };
    }
    const fields: UsageReceiptFields = {
      jobId: jobIdToBytes32(completion.jobId),
      node: getAddress(identity.deviceAddress),
      payout: getAddress(identity.payoutAddress),
      gpuSeconds: billableSeconds(completion.terms, completion.metering).toString(),
      energyWh: Math.max(0, Math.floor(completion.energyWh ?? 0)).toString(),
      amount: amountFor(completion.terms, completion.metering).toString(),
      resultsHash: `0x${completion.resultsSha256}`,
      nonce: BigInt(Date.now()).toString(),
    };
    const signature = await identity.signReceipt(
      fields,
      receiptDomain(domain.chainId, domain.vault),
    );
    const frame: CompleteFrame = {
      v: PROTOCOL_VERSION,
      type: 'complete',
      jobId: completion.jobId,
      resultsSha256: completion.resultsSha256,
      metering: completion.metering,
      outputs: completion.outputs,
      receipt: { ...fields, signature },
    };
    if (await outbox.put(frame)) this.send(frame);
    return { receipt: frame.receipt, ...domain };
  }

  async fail(failure: Failure): Promise<void> {
    const frame: FailFrame = {
      v: PROTOCOL_VERSION,
      type: 'fail',
      jobId: failure.jobId,
      outcome: failure.outcome,
      detail: failure.detail.slice(0, 2000),
    };
    if (await this.requireOutbox().put(frame)) this.send(frame);
  }

  private requireOutbox(): Outbox {
    if (!this.outbox) throw new Error('connect() first');
    return this.outbox;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    this.socket?.close(1000);
    this.socket?.terminate();
    this.wake?.();
    if (this.firstSession) {
      this.firstSession.reject(new Error('closed'));
      this.firstSession = null;
    }
    await this.loop;
    await this.outbox?.flush();
  }
}
