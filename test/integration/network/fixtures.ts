import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet, getAddress } from 'ethers';
import { bindingMessage } from '../../../src/api/protocol-schemas.js';
import type { Capabilities } from '../../../src/api/protocol-schemas.js';
import type { NetworkEvents, NodeIdentity } from '../../../src/network/adapter.js';
import type { ProtocolClient } from '../../../src/network/client.js';
import { RECEIPT_TYPES, receiptValue } from '../../../src/network/receipt.js';

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `lumbung-${prefix}-`));
}

/** A device key and a payout wallet, as the wallet module would provide them. */
export async function makeIdentity(): Promise<NodeIdentity & { device: Wallet; payout: Wallet }> {
  const device = Wallet.createRandom();
  const payout = Wallet.createRandom();
  const timestamp = Math.floor(Date.now() / 1000);
  const deviceAddress = getAddress(device.address);
  const payoutAddress = getAddress(payout.address);
  return {
    device: new Wallet(device.privateKey),
    payout: new Wallet(payout.privateKey),
    deviceAddress,
    payoutAddress,
    binding: {
      timestamp,
      signature: await payout.signMessage(bindingMessage(deviceAddress, payoutAddress, timestamp)),
    },
    sign: (message) => device.signMessage(message),
    signReceipt: (receipt, domain) =>
      device.signTypedData(domain, RECEIPT_TYPES, receiptValue(receipt)),
  };
}

export const CAPABILITIES: Capabilities = {
  v: 1,
  gpus: [],
  cpus: 4,
  memoryMiB: 8192,
  engine: { kind: 'docker', version: '20.10.24', gpu: false },
  limits: {
    maxCpus: 2,
    maxMemoryMiB: 1024,
    maxScratchMiB: 512,
    maxDurationS: 3600,
    maxGpus: 0,
    maxVramMiB: 0,
    allowEgress: false,
  },
  priceFloorPerGpuHour: '0',
  kinds: ['cpu'],
};

/** Resolves with the next event matching `accept`; rejects after `ms` so a hung test says why. */
export function nextEvent<E extends keyof NetworkEvents>(
  client: ProtocolClient,
  event: E,
  accept: (payload: NetworkEvents[E]) => boolean = () => true,
  ms = 20_000,
): Promise<NetworkEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} event within ${ms} ms`));
    }, ms);
    const off = client.on(event, (payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

export async function until(check: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
