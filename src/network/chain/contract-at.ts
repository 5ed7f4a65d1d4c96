import { Contract } from 'ethers';
import type { ContractRunner } from 'ethers';
import { loadArtifact } from './artifacts.js';
import type { ContractName } from './artifacts.js';

/** An ethers Contract for one of ours at `address`, with the ABI from the build. */
export function contractAt(name: ContractName, address: string, runner: ContractRunner): Contract {
  return new Contract(address, loadArtifact(name).iface, runner);
}
