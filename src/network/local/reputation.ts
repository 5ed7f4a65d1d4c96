import type { ReputationFrame } from '../../api/protocol-schemas.js';
import type { NodeRecord } from './state.js';

/**
 * The local network's reputation rule, simple on purpose: start at 100, lose 2 points
 * per missed heartbeat window and 10 per slash, never below 0.
 */
export function reputationScore(missedHeartbeats: number, slashes: number): number {
  return Math.max(0, Math.min(100, 100 - 2 * missedHeartbeats - 10 * slashes));
}

export function reputationOf(node: NodeRecord): Omit<ReputationFrame, 'v' | 'type'> {
  return {
    score: reputationScore(node.missedHeartbeats, node.slashes.length),
    missedHeartbeats: node.missedHeartbeats,
    committedHours: Math.round((node.committedSeconds / 3600) * 1000) / 1000,
    slashes: node.slashes,
  };
}
