import { getAddress } from 'ethers';
import type { ContractRunner, ContractTransactionReceipt, Interface, Signer } from 'ethers';
import { z } from 'zod';
import { msg } from '../../api/message.js';
import { loadArtifact } from './artifacts.js';
import { ChainError, chainCall } from './chain-error.js';
import { contractAt } from './contract-at.js';
import { mined, resultItems } from './tx.js';
import type { Voucher } from './voucher.js';

export interface ClaimResult {
  txHash: string;
  /** What this claim paid: the voucher's cumulative minus what was claimed before. */
  amount: bigint;
  cumulative: bigint;
  payout: string;
  blockNumber: number;
}

const ClaimedArgsSchema = z.tuple([z.string(), z.string(), z.bigint(), z.bigint()]);

function claimedEvent(receipt: ContractTransactionReceipt, vault: string, iface: Interface) {
  for (const log of receipt.logs) {
    if (getAddress(log.address) !== vault) continue;
    const parsed = iface.parseLog(log);
    if (parsed?.name !== 'Claimed') continue;
    const [, payout, amount, cumulative] = ClaimedArgsSchema.parse(resultItems(parsed.args));
    return { payout: getAddress(payout), amount, cumulative };
  }
  return null;
}

/**
 * Submits a payer-signed voucher to the vault. Reverts come back as ChainErrors with the
 * contract's reason (NothingToClaim, BadSignature, Expired, Insufficient, ...), decoded
 * before anything is spent because ethers estimates gas first.
 */
export async function claimVoucher(
  wallet: Signer,
  vault: string,
  voucher: Voucher,
  signature: string,
): Promise<ClaimResult> {
  const vaultAddr = getAddress(vault);
  const c = contractAt('PaymentVault', vaultAddr, wallet);
  return chainCall(async () => {
    const tx = await c.getFunction('claim').send({ ...voucher }, signature);
    const receipt = await mined(tx);
    const ev = claimedEvent(receipt, vaultAddr, loadArtifact('PaymentVault').iface);
    if (ev === null) throw new ChainError('rejected', msg('chain:errors.rejected'));
    return { txHash: receipt.hash, blockNumber: receipt.blockNumber, ...ev };
  });
}

/** Approves (when needed) and deposits `amount` of the vault's token from the payer. */
export async function depositToVault(
  payer: Signer,
  token: string,
  vault: string,
  amount: bigint,
): Promise<string> {
  const t = contractAt('RewardToken', token, payer);
  const v = contractAt('PaymentVault', vault, payer);
  return chainCall(async () => {
    const owner = await payer.getAddress();
    const allowance = z
      .bigint()
      .parse(await t.getFunction('allowance').staticCall(owner, getAddress(vault)));
    if (allowance < amount)
      await mined(await t.getFunction('approve').send(getAddress(vault), amount));
    const receipt = await mined(await v.getFunction('deposit').send(amount));
    return receipt.hash;
  });
}

/** Total already paid to `node` by the vault, in base units. */
export async function readClaimed(
  runner: ContractRunner,
  vault: string,
  node: string,
): Promise<bigint> {
  const c = contractAt('PaymentVault', vault, runner);
  return chainCall(async () =>
    z.bigint().parse(await c.getFunction('claimed').staticCall(getAddress(node))),
  );
}

/** The address whose voucher signatures the vault accepts now. */
export async function readPayer(runner: ContractRunner, vault: string): Promise<string> {
  const c = contractAt('PaymentVault', vault, runner);
  return chainCall(async () =>
    getAddress(z.string().parse(await c.getFunction('payer').staticCall())),
  );
}
