import type Docker from 'dockerode';
import { LABEL_MANAGED } from './container-options.js';

export const EGRESS_NETWORK = 'lumbung-egress';

/**
 * Jobs allowed out get their own bridge with container-to-container traffic off, so two
 * strangers' jobs on one PC cannot talk to each other.
 */
export async function ensureEgressNetwork(
  docker: Docker,
  name: string = EGRESS_NETWORK,
): Promise<void> {
  const existing = await docker.listNetworks({ filters: { name: [name] } });
  if (existing.some((n) => n.Name === name)) return;
  try {
    await docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Options: { 'com.docker.network.bridge.enable_icc': 'false' },
      Labels: { [LABEL_MANAGED]: 'true' },
    });
  } catch (err) {
    // Another job created it first.
    if (!(typeof err === 'object' && err !== null && 'statusCode' in err && err.statusCode === 409))
      throw err;
  }
}
