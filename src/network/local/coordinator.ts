import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Wallet, ZeroAddress, getAddress, verifyMessage } from 'ethers';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import {
  ChallengeRequestSchema,
  MAX_FRAME_BYTES,
  NodeFrameSchema,
  PROTOCOL_VERSION,
  RegisterRequestSchema,
  bindingMessage,
} from '../../api/protocol-schemas.js';
import type {
  CompleteFrame,
  CoordinatorFrame,
  ErrorCode,
  NodeFrame,
  NodeState,
  OfferFrame,
  VoucherFrame,
} from '../../api/protocol-schemas.js';
import { signVoucher, voucherDomain } from '../chain/voucher.js';
import { frameText } from '../frames.js';
import { amountFor, billingTermsOf } from '../pricing.js';
import { jobIdToBytes32, receiptDomain, recoverReceiptSigner } from '../receipt.js';
import { reputationOf } from './reputation.js';
import { sampleJobCommand, sampleJobEnv, verifySampleOutputs } from './sample-job.js';
import { loadState, saveState } from './state.js';
import type { CoordinatorState, JobRecord, NodeRecord } from './state.js';

export interface LocalChainConfig {
  rpcUrl: string;
  /** Private key of the vault's payer: it signs vouchers. */
  payerKey: string;
  vault: string;
  chainId: number;
}

export interface LocalNetworkOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** null: a throwaway payer, chain 31337 and the zero-address vault. */
  chain?: LocalChainConfig | null;
  offerIntervalMs: number;
  /** sha256 rounds per sample job. */
  jobSize: number;
  /** Pinned sample image (see sample-image.ts); offers carry it verbatim. */
  sampleImage?: string;
  /** Token base units per GPU-hour (per CPU-hour for cpu jobs). Default 1 token. */
  pricePerHour?: bigint;
  heartbeatIntervalS?: number;
  offerTtlMs?: number;
}

export interface LocalNetwork {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  payerAddress: string;
  chainId: number;
  vault: string;
  stop(): Promise<void>;
  /** A copy of the persisted state, for tests and the activity view. */
  snapshot(): CoordinatorState;
}

/** Placeholder used when no image was built: offers are still well-formed. */
export const UNBUILT_SAMPLE_IMAGE = `lumbung-sample@sha256:${'0'.repeat(64)}`;

const CHALLENGE_TTL_MS = 5 * 60_000;
const VOUCHER_LIFETIME_S = 30n * 24n * 3600n;
const MAX_BODY_BYTES = 256 * 1024;

interface Session {
  socket: WebSocket;
  device: string;
  lastState: NodeState;
  beatSinceTick: boolean;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/**
 * The local reference network's coordinator: the server side of docs/protocol.md on
 * 127.0.0.1. It hands out sample jobs, checks their results by recomputing them, and
 * pays verified work with cumulative vouchers signed by the payer key.
 */
export async function startLocalNetwork(options: LocalNetworkOptions): Promise<LocalNetwork> {
  await mkdir(options.dataDir, { recursive: true });
  const loaded = await loadState(options.dataDir);
  const state: CoordinatorState = loaded ?? {
    version: 1,
    throwawayPayerKey: null,
    nodes: {},
    jobs: {},
    jobCounter: 0,
  };
  const chain = options.chain ?? null;
  if (!chain && !state.throwawayPayerKey)
    state.throwawayPayerKey = Wallet.createRandom().privateKey;
  const payer = new Wallet(chain ? chain.payerKey : state.throwawayPayerKey!);
  const chainId = chain ? chain.chainId : 31337;
  const vault = chain ? getAddress(chain.vault) : ZeroAddress;
  const price = options.pricePerHour ?? 10n ** 18n;
  const heartbeatIntervalS = options.heartbeatIntervalS ?? 15;
  const offerTtlMs = options.offerTtlMs ?? 30_000;
  const sampleImage = options.sampleImage ?? UNBUILT_SAMPLE_IMAGE;
  await saveState(options.dataDir, state);

  const challenges = new Map<string, { device: string; expiresAt: number }>();
  const sessions = new Map<string, Session>();
  // Every state change runs through this chain, one at a time, so two copies of the
  // same completion can never both see "not yet credited".
  let serial: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = serial.then(fn, fn);
    serial = next.catch(() => undefined);
    return next;
  };
  const persist = (): Promise<void> => saveState(options.dataDir, state);

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      const e = error instanceof HttpError ? error : new HttpError(500, 'internal');
      if (!response.headersSent) {
        response.writeHead(e.status, { 'content-type': 'application/json' });
      }
      response.end(
        JSON.stringify({ v: PROTOCOL_VERSION, code: e.code, detail: e.message.slice(0, 2000) }),
      );
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  async function readJson(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new HttpError(413, 'badRequest', 'body too large');
      chunks.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new HttpError(400, 'badRequest', 'not JSON');
    }
  }

  function reply(response: ServerResponse, body: unknown): void {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (request.method !== 'POST') throw new HttpError(404, 'badRequest', 'not found');
    if (path === '/v1/register/challenge') {
      const body = await readJson(request);
      if (isWrongVersion(body)) throw new HttpError(400, 'unsupportedVersion');
      const parsed = ChallengeRequestSchema.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'badRequest', parsed.error.message);
      const device = getAddress(parsed.data.deviceAddress);
      const expiresAt = Date.now() + CHALLENGE_TTL_MS;
      const challenge = `Lumbung registration ${randomBytes(16).toString('hex')} for ${device}`;
      challenges.set(challenge, { device, expiresAt });
      return reply(response, {
        v: PROTOCOL_VERSION,
        challenge,
        expiresAt: new Date(expiresAt).toISOString(),
      });
    }
    if (path === '/v1/register') {
      const body = await readJson(request);
      if (isWrongVersion(body)) throw new HttpError(400, 'unsupportedVersion');
      const parsed = RegisterRequestSchema.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'badRequest', parsed.error.message);
      const answer = await serially(() => register(parsed.data));
      return reply(response, answer);
    }
    throw new HttpError(404, 'badRequest', 'not found');
  }

  async function register(
    request: ReturnType<typeof RegisterRequestSchema.parse>,
  ): Promise<unknown> {
    const device = getAddress(request.deviceAddress);
    const payout = getAddress(request.payoutAddress);
    const issued = challenges.get(request.challenge);
    challenges.delete(request.challenge);
    if (!issued || issued.device !== device || issued.expiresAt < Date.now()) {
      throw new HttpError(401, 'challengeExpired');
    }
    if (recover(request.challenge, request.deviceSignature) !== device) {
      throw new HttpError(401, 'badSignature', 'device signature');
    }
    const binding = bindingMessage(device, payout, request.binding.timestamp);
    if (recover(binding, request.binding.signature) !== payout) {
      throw new HttpError(401, 'badSignature', 'binding signature');
    }
    const key = device.toLowerCase();
    const existing = state.nodes[key];
    const token = randomBytes(32).toString('base64url');
    const node: NodeRecord = existing
      ? { ...existing, payoutAddress: payout, token, capabilities: request.capabilities }
      : {
          nodeId: `node-${key.slice(2, 10)}`,
          deviceAddress: device,
          payoutAddress: payout,
          token,
          capabilities: request.capabilities,
          cumulative: '0',
          voucherNonce: 0,
          lastVoucher: null,
          missedHeartbeats: 0,
          committedSeconds: 0,
          slashes: [],
        };
    state.nodes[key] = node;
    await persist();
    return {
      v: PROTOCOL_VERSION,
      nodeId: node.nodeId,
      sessionToken: token,
      heartbeatIntervalS,
      chainId,
      vault,
      payer: payer.address,
    };
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const token = url.searchParams.get('token');
    const node = url.pathname === '/v1/session' && token ? nodeByToken(token) : undefined;
    if (!node) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => openSession(ws, node));
  });

  function nodeByToken(token: string): NodeRecord | undefined {
    return Object.values(state.nodes).find((n) => n.token === token);
  }

  function openSession(socket: WebSocket, node: NodeRecord): void {
    const device = node.deviceAddress.toLowerCase();
    sessions.get(device)?.socket.close(4000, 'replaced');
    const session: Session = { socket, device, lastState: 'waiting', beatSinceTick: true };
    sessions.set(device, session);
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? null : frameText(data, MAX_FRAME_BYTES);
      const frame = text === null ? null : parseNodeFrame(text);
      if (!frame) return send(session, { v: PROTOCOL_VERSION, type: 'error', code: 'badRequest' });
      serially(() => onFrame(session, frame)).catch(() => {
        send(session, { v: PROTOCOL_VERSION, type: 'error', code: 'internal' });
      });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (sessions.get(device) === session) sessions.delete(device);
    });
    send(session, {
      v: PROTOCOL_VERSION,
      type: 'welcome',
      nodeId: node.nodeId,
      heartbeatIntervalS,
    });
    send(session, reputationFrame(node));
    if (node.lastVoucher) send(session, node.lastVoucher);
  }

  function send(session: Session, frame: CoordinatorFrame): void {
    if (session.socket.readyState === session.socket.OPEN)
      session.socket.send(JSON.stringify(frame));
  }

  async function onFrame(session: Session, frame: NodeFrame): Promise<void> {
    const node = state.nodes[session.device];
    if (!node) return;
    switch (frame.type) {
      case 'heartbeat':
        session.lastState = frame.state;
        session.beatSinceTick = true;
        return;
      case 'accept':
      case 'decline': {
        const job = state.jobs[frame.jobId];
        if (!job) return send(session, errorFrame('unknownJob', frame.jobId));
        if (job.node !== session.device)
          return send(session, errorFrame('notAssigned', frame.jobId));
        if (job.state !== 'offered') return;
        if (frame.type === 'accept' && Date.parse(job.offer.expiresAt) < Date.now()) {
          job.state = 'declined';
          await persist();
          return send(session, errorFrame('offerExpired', frame.jobId));
        }
        job.state = frame.type === 'accept' ? 'accepted' : 'declined';
        if (frame.type === 'accept') session.lastState = 'running';
        await persist();
        return;
      }
      case 'paused':
      case 'resumed':
        return;
      case 'fail': {
        const job = state.jobs[frame.jobId];
        if (
          job &&
          job.node === session.device &&
          (job.state === 'accepted' || job.state === 'offered')
        ) {
          job.state = 'failed';
          job.amount = '0';
          await persist();
        }
        return send(session, { v: PROTOCOL_VERSION, type: 'ack', jobId: frame.jobId, of: 'fail' });
      }
      case 'complete':
        return onComplete(session, node, frame);
    }
  }

  async function onComplete(
    session: Session,
    node: NodeRecord,
    frame: CompleteFrame,
  ): Promise<void> {
    const job = state.jobs[frame.jobId];
    const ack = (): void =>
      send(session, { v: PROTOCOL_VERSION, type: 'ack', jobId: frame.jobId, of: 'complete' });
    if (!job || job.node !== session.device) {
      ack();
      return send(session, {
        v: PROTOCOL_VERSION,
        type: 'credit',
        jobId: frame.jobId,
        amount: '0',
        verified: false,
      });
    }
    if (job.state === 'offered' || job.state === 'accepted') {
      // The local network wrote this offer itself, so its terms always parse.
      const terms = billingTermsOf(job.offer)!;
      const amount = amountFor(terms, frame.metering);
      const receiptOk = receiptIsValid(node, frame, amount);
      const resultOk = verifySampleOutputs(frame.outputs, job.seed, job.rounds);
      if (receiptOk && resultOk) {
        job.state = 'credited';
        job.amount = amount.toString();
        node.cumulative = (BigInt(node.cumulative) + amount).toString();
        node.voucherNonce += 1;
        node.lastVoucher = await makeVoucher(node);
      } else {
        job.state = 'rejected';
        job.amount = '0';
        if (!receiptOk) send(session, errorFrame('badReceipt', frame.jobId));
      }
      node.committedSeconds += Math.floor(frame.metering.runningS);
      await persist();
    }
    // Settled before or just now: the same answer every time, credited once.
    ack();
    send(session, {
      v: PROTOCOL_VERSION,
      type: 'credit',
      jobId: frame.jobId,
      amount: job.amount ?? '0',
      verified: job.state === 'credited',
    });
    if (node.lastVoucher) send(session, node.lastVoucher);
    send(session, reputationFrame(node));
  }

  function receiptIsValid(node: NodeRecord, frame: CompleteFrame, amount: bigint): boolean {
    const r = frame.receipt;
    try {
      if (r.jobId !== jobIdToBytes32(frame.jobId)) return false;
      if (getAddress(r.node) !== node.deviceAddress || getAddress(r.payout) !== node.payoutAddress)
        return false;
      if (r.resultsHash !== `0x${frame.resultsSha256}`) return false;
      if (BigInt(r.amount) !== amount) return false;
    } catch {
      return false;
    }
    return recoverReceiptSigner(receiptDomain(chainId, vault), r) === node.deviceAddress;
  }

  async function makeVoucher(node: NodeRecord): Promise<VoucherFrame> {
    const voucher = {
      node: node.deviceAddress,
      payout: node.payoutAddress,
      cumulative: BigInt(node.cumulative),
      nonce: BigInt(node.voucherNonce),
      deadline: BigInt(Math.floor(Date.now() / 1000)) + VOUCHER_LIFETIME_S,
    };
    const signature = await signVoucher(payer, voucherDomain(chainId, vault), voucher);
    return {
      v: PROTOCOL_VERSION,
      type: 'voucher',
      node: voucher.node,
      payout: voucher.payout,
      cumulative: voucher.cumulative.toString(),
      nonce: voucher.nonce.toString(),
      deadline: voucher.deadline.toString(),
      chainId,
      vault,
      signature,
    };
  }

  function reputationFrame(node: NodeRecord): CoordinatorFrame {
    return { v: PROTOCOL_VERSION, type: 'reputation', ...reputationOf(node) };
  }

  function errorFrame(code: ErrorCode, jobId?: string): CoordinatorFrame {
    return jobId === undefined
      ? { v: PROTOCOL_VERSION, type: 'error', code }
      : { v: PROTOCOL_VERSION, type: 'error', code, jobId };
  }

  function hasOpenJob(device: string): boolean {
    const now = Date.now();
    return Object.values(state.jobs).some(
      (j) =>
        j.node === device &&
        (j.state === 'accepted' || (j.state === 'offered' && Date.parse(j.offer.expiresAt) > now)),
    );
  }

  async function pushOffers(): Promise<void> {
    for (const session of sessions.values()) {
      const node = state.nodes[session.device];
      if (!node || session.lastState !== 'ready' || hasOpenJob(session.device)) continue;
      state.jobCounter += 1;
      const id = `sample-${state.jobCounter}-${randomBytes(4).toString('hex')}`;
      const seed = randomBytes(16).toString('hex');
      const kind = node.capabilities.kinds.includes('cpu') ? 'cpu' : 'gpu';
      const offer: OfferFrame = {
        v: PROTOCOL_VERSION,
        type: 'offer',
        job: {
          id,
          kind,
          image: sampleImage,
          command: sampleJobCommand(),
          env: sampleJobEnv(seed, options.jobSize),
          resources: {
            gpus: kind === 'gpu' ? 1 : 0,
            vramMiB: 0,
            cpus: 1,
            memoryMiB: 64,
            scratchMiB: 16,
          },
          maxDurationS: 600,
          egress: false,
          inputs: [],
          pricePerGpuHour: price.toString(),
        },
        expiresAt: new Date(Date.now() + offerTtlMs).toISOString(),
      };
      const job: JobRecord = {
        node: session.device,
        seed,
        rounds: options.jobSize,
        offer,
        state: 'offered',
        amount: null,
        createdAt: new Date().toISOString(),
      };
      state.jobs[id] = job;
      await persist();
      send(session, offer);
    }
  }

  async function tickHeartbeats(): Promise<void> {
    let changed = false;
    for (const session of sessions.values()) {
      const node = state.nodes[session.device];
      if (!node) continue;
      if (!session.beatSinceTick) {
        node.missedHeartbeats += 1;
        changed = true;
        send(session, reputationFrame(node));
      }
      session.beatSinceTick = false;
    }
    if (changed) await persist();
  }

  const offerTimer = setInterval(
    () => void serially(pushOffers).catch(() => undefined),
    options.offerIntervalMs,
  );
  const beatTimer = setInterval(
    () => void serially(tickHeartbeats).catch(() => undefined),
    heartbeatIntervalS * 1000 * 2,
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    payerAddress: payer.address,
    chainId,
    vault,
    snapshot: () => structuredClone(state),
    async stop() {
      clearInterval(offerTimer);
      clearInterval(beatTimer);
      for (const session of sessions.values()) session.socket.terminate();
      sessions.clear();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await serial;
    },
  };
}

function recover(message: string, signature: string): string | null {
  try {
    return verifyMessage(message, signature);
  } catch {
    return null;
  }
}

function isWrongVersion(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'v' in body && body.v !== PROTOCOL_VERSION;
}

function parseNodeFrame(text: string): NodeFrame | null {
  try {
    const parsed = NodeFrameSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
