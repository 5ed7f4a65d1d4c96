import { Interface, formatUnits, isHexString } from 'ethers';
import type { ErrorDescription } from 'ethers';
import { msg } from '../../api/message.js';
import type { Message } from '../../api/message.js';

/**
 * An error from the chain, already turned into something a person can read. `code`
 * is stable for programs (a contract error name such as "NothingToClaim", or a
 * transport condition such as "insufficientFunds"); `userMessage` is for people.
 */
export class ChainError extends Error {
  readonly code: string;
  readonly userMessage: Message;

  constructor(code: string, userMessage: Message, options?: { cause?: unknown }) {
    super(`${code}: ${userMessage.key}`, options);
    this.name = 'ChainError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

/**
 * Custom errors of our contracts and the OpenZeppelin errors they can surface. Kept as
 * signatures here (not read from build artifacts) so decoding works even when the
 * artifacts are absent; a test checks this list against the compiled ABIs.
 */
export const CONTRACT_ERRORS = new Interface([
  'error NothingToClaim(uint256 cumulative, uint256 alreadyClaimed)',
  'error BadSignature()',
  'error Expired(uint256 deadline)',
  'error Insufficient(uint256 needed, uint256 available)',
  'error ZeroAmount()',
  'error ZeroAddress()',
  'error InsufficientStake(uint256 requested, uint256 staked)',
  'error NothingToWithdraw()',
  'error StillUnbonding(uint256 releaseAt)',
  'error NothingToSlash()',
  'error EvidenceReused(bytes32 evidenceHash)',
  'error EnforcedPause()',
  'error ExpectedPause()',
  'error ReentrancyGuardReentrantCall()',
  'error OwnableUnauthorizedAccount(address account)',
  'error OwnableInvalidOwner(address owner)',
  'error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)',
  'error AccessControlBadConfirmation()',
  'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
  'error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)',
  'error ERC20InvalidReceiver(address receiver)',
  'error ERC20InvalidSender(address sender)',
  'error ERC20InvalidApprover(address approver)',
  'error ERC20InvalidSpender(address spender)',
  'error InvalidShortString()',
  'error StringTooLong(string str)',
  'error SafeERC20FailedOperation(address token)',
]);

const TOKEN_DECIMALS = 18;
const tokens = (v: unknown): string =>
  typeof v === 'bigint' ? formatUnits(v, TOKEN_DECIMALS) : '?';
const isoTime = (v: unknown): string =>
  typeof v === 'bigint' && v < 8_640_000_000_000n ? new Date(Number(v) * 1000).toISOString() : '?';

function contractMessage(e: ErrorDescription): Message {
  const a = e.args;
  switch (e.name) {
    case 'NothingToClaim':
      return msg('chain:contract.nothingToClaim');
    case 'BadSignature':
      return msg('chain:contract.badSignature');
    case 'Expired':
      return msg('chain:contract.expired');
    case 'Insufficient':
      return msg('chain:contract.insufficient', { needed: tokens(a[0]), available: tokens(a[1]) });
    case 'ZeroAmount':
      return msg('chain:contract.zeroAmount');
    case 'ZeroAddress':
    case 'OwnableInvalidOwner':
    case 'ERC20InvalidReceiver':
    case 'ERC20InvalidSender':
    case 'ERC20InvalidApprover':
    case 'ERC20InvalidSpender':
      return msg('chain:contract.zeroAddress');
    case 'InsufficientStake':
      return msg('chain:contract.insufficientStake', {
        requested: tokens(a[0]),
        staked: tokens(a[1]),
      });
    case 'NothingToWithdraw':
      return msg('chain:contract.nothingToWithdraw');
    case 'StillUnbonding':
      return msg('chain:contract.stillUnbonding', { releaseAt: isoTime(a[0]) });
    case 'NothingToSlash':
      return msg('chain:contract.nothingToSlash');
    case 'EvidenceReused':
      return msg('chain:contract.evidenceReused');
    case 'EnforcedPause':
      return msg('chain:contract.paused');
    case 'OwnableUnauthorizedAccount':
      return msg('chain:contract.notOwner');
    case 'AccessControlUnauthorizedAccount':
    case 'AccessControlBadConfirmation':
      return msg('chain:contract.notAllowed');
    case 'ERC20InsufficientBalance':
      return msg('chain:contract.tokenBalanceLow', { balance: tokens(a[1]), needed: tokens(a[2]) });
    case 'ERC20InsufficientAllowance':
      return msg('chain:contract.tokenAllowanceLow');
    default:
      return msg('chain:errors.rejected');
  }
}

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null;

/** ethers nests the JSON-RPC error a few levels deep; look through all of it. */
function* layers(err: unknown, depth = 0): Generator<Bag> {
  if (!isBag(err) || depth > 5) return;
  yield err;
  for (const k of ['error', 'info', 'cause', 'data']) yield* layers(err[k], depth + 1);
}

function revertData(err: unknown): string | null {
  for (const l of layers(err)) {
    const d = l['data'];
    if (typeof d === 'string' && isHexString(d) && d.length >= 10) return d;
  }
  return null;
}

const strings = (err: unknown, key: string): string[] =>
  [...layers(err)].map((l) => l[key]).filter((v): v is string => typeof v === 'string');

/**
 * ethers' `message` embeds a dump of the transaction (which may mention "chainId"), so
 * prefer its `shortMessage`; a plain `message` is used only where there is no short one.
 */
function plainTexts(err: unknown): string[] {
  const out: string[] = [];
  for (const l of layers(err)) {
    const t = typeof l['shortMessage'] === 'string' ? l['shortMessage'] : l['message'];
    if (typeof t === 'string') out.push(t);
  }
  return out;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Turns anything thrown by ethers, the RPC or a contract into a ChainError. */
export function toChainError(err: unknown): ChainError {
  if (err instanceof ChainError) return err;
  const fail = (code: string, m: Message): ChainError => new ChainError(code, m, { cause: err });

  const data = revertData(err);
  if (data !== null) {
    let parsed: ErrorDescription | null = null;
    try {
      parsed = CONTRACT_ERRORS.parseError(data);
    } catch {
      parsed = null;
    }
    if (parsed !== null) return fail(parsed.name, contractMessage(parsed));
  }

  const codes = strings(err, 'code');
  const text = plainTexts(err).join(' | ');

  if (codes.includes('INSUFFICIENT_FUNDS') || /insufficient funds/i.test(text))
    return fail('insufficientFunds', msg('chain:errors.insufficientFunds'));
  if (codes.includes('NONCE_EXPIRED') || /nonce (too low|has already been used)/i.test(text))
    return fail('nonceTooLow', msg('chain:errors.nonceTooLow'));
  if (/chain ?id|network changed/i.test(text))
    return fail('chainMismatch', msg('chain:errors.chainMismatch'));
  if (
    codes.some((c) => UNREACHABLE_CODES.has(c)) ||
    /fetch failed|failed to detect network/i.test(text)
  )
    return fail('rpcUnreachable', msg('chain:errors.rpcUnreachable'));
  if (codes.includes('TIMEOUT') || codes.includes('ETIMEDOUT'))
    return fail('timeout', msg('chain:errors.timeout'));
  if (codes.includes('NETWORK_ERROR'))
    return fail('rpcUnreachable', msg('chain:errors.rpcUnreachable'));
  if (codes.includes('CALL_EXCEPTION')) return fail('rejected', msg('chain:errors.rejected'));

  const detail = (plainTexts(err)[0] ?? String(err)).slice(0, 200);
  return fail('unknown', msg('chain:errors.unknown', { detail }));
}

/** Runs `fn`, re-throwing whatever it throws as a ChainError. */
export async function chainCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toChainError(err);
  }
}
