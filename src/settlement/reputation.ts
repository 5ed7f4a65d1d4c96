import { msg } from '../api/message.js';
import type { Message } from '../api/message.js';
import type { ReputationFrame } from '../api/protocol-schemas.js';
import type { ReputationView } from '../api/settlement-schemas.js';

/** Score bands the owner sees; the network computes the score, we only explain it. */
const GOOD = 90;
const FAIR = 60;

/** The network's reputation frame, explained in words the owner can act on. */
export function reputationView(frame: ReputationFrame): ReputationView {
  const explanation: Message[] = [];
  const band = frame.score >= GOOD ? 'good' : frame.score >= FAIR ? 'fair' : 'poor';
  explanation.push(msg(`settlement:reputation.${band}`, { score: frame.score }));
  explanation.push(msg('settlement:reputation.committedHours', { hours: frame.committedHours }));
  if (frame.missedHeartbeats > 0)
    explanation.push(
      msg('settlement:reputation.missedHeartbeats', { count: frame.missedHeartbeats }),
    );
  if (frame.slashes.length > 0)
    explanation.push(msg('settlement:reputation.slashed', { count: frame.slashes.length }));
  if (band !== 'good') explanation.push(msg('settlement:reputation.howToImprove'));
  return {
    score: frame.score,
    missedHeartbeats: frame.missedHeartbeats,
    committedHours: frame.committedHours,
    slashes: frame.slashes.length,
    explanation,
  };
}
