import { randomBytes } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import type { CommunityConfig } from '../api/energy-schemas.js';
import { msg, type Message } from '../api/message.js';
import { fairShares, type FairShareMember } from './fair-share.js';
import { brokerProblem, connectBroker, endClient } from './mqtt-connection.js';
import {
  MemberStateSchema,
  SurplusMessageSchema,
  parseJsonPayload,
  type SurplusMessage,
} from './mqtt-payloads.js';
import { communityTopics, nodeIdFromTopic } from './topics.js';

/**
 * A node's seat in a microgrid community. Members announce what they want as retained
 * messages (a last will withdraws them when a connection dies); the microgrid announces the
 * surplus; each node computes the same water-filling split locally and keeps to its share.
 * The broker is the only shared part: no coordinator to fail.
 */

export interface MemberWants {
  wantW: number;
  minW: number;
}

export interface CommunityShareView {
  /** Online members, this node included. */
  members: number;
  /** This node's share; 0 while the surplus is unknown or stale. */
  myShareW: number;
  totalSurplusW: number | null;
  /** Every member's share, for display and tests. */
  shares: Record<string, number>;
  /** Why there is no usable share; null when the share can be trusted. */
  problem: Message | null;
  /** Local time of the last message that changed the split. */
  updatedAt: number | null;
}

export interface Community {
  /** What this node wants now; republished (retained) only when it changes. */
  setWants(wants: MemberWants): void;
  view(): CommunityShareView;
  /** Leave: `announce: false` drops the connection without goodbye (the last will speaks). */
  stop(opts?: { announce?: boolean }): Promise<void>;
}

export interface CommunityDeps {
  now: () => number;
  wants: MemberWants;
  onChange?: (view: CommunityShareView) => void;
  log?: (line: string) => void;
}

export function joinCommunity(config: CommunityConfig, deps: CommunityDeps): Community {
  const topics = communityTopics(config.communityId);
  const myTopic = topics.node(config.nodeId);
  const others = new Map<string, MemberWants>();
  let surplus: SurplusMessage | null = null;
  let wants = deps.wants;
  let updatedAt: number | null = null;
  let connectionProblem: Message | null = null;
  let stopped = false;

  const client: MqttClient = connectBroker(config, {
    clientId: `lumbung-${config.nodeId}-${randomBytes(4).toString('hex')}`,
    will: {
      topic: myTopic,
      payload: Buffer.from(JSON.stringify({ online: false })),
      qos: 1,
      retain: true,
    },
    keepaliveS: 15,
  });

  const publishSelf = (): void => {
    if (!client.connected) return;
    const payload = JSON.stringify({
      online: true,
      wantW: wants.wantW,
      minW: wants.minW,
      at: deps.now(),
    });
    client.publish(myTopic, payload, { qos: 1, retain: true });
  };

  const view = (): CommunityShareView => {
    const now = deps.now();
    const members: FairShareMember[] = [...others.entries()]
      .filter(([id]) => id !== config.nodeId)
      .map(([nodeId, w]) => ({ nodeId, ...w }));
    members.push({ nodeId: config.nodeId, ...wants });
    let problem: Message | null = connectionProblem;
    if (problem === null && surplus === null) problem = msg('energy:problem.communityNoSurplus');
    if (problem === null && surplus !== null && now - surplus.at > config.staleAfterS * 1000) {
      problem = msg('energy:problem.communityStale', {
        seconds: Math.round((now - surplus.at) / 1000),
      });
    }
    const total = surplus === null ? null : surplus.surplusW;
    const shares =
      problem === null && total !== null ? fairShares(total, members) : new Map<string, number>();
    return {
      members: members.length,
      myShareW: shares.get(config.nodeId) ?? 0,
      totalSurplusW: total,
      shares: Object.fromEntries([...shares.entries()]),
      problem,
      updatedAt,
    };
  };

  const changed = (): void => {
    updatedAt = deps.now();
    if (!stopped) deps.onChange?.(view());
  };

  client.on('connect', () => {
    connectionProblem = null;
    client.subscribe([topics.allNodes, topics.surplus], { qos: 1 }, (error) => {
      if (error) deps.log?.(`community: subscribe refused: ${error.message}`);
    });
    // After a dropped connection the broker has published our will: say we are back.
    publishSelf();
    changed();
  });
  client.on('error', (error) => {
    connectionProblem = brokerProblem(error, config.brokerUrl);
    changed();
  });
  client.on('offline', () => {
    connectionProblem = msg('energy:problem.brokerUnreachable', {
      host: safeHost(config.brokerUrl),
    });
    changed();
  });
  client.on('message', (topic, payload) => {
    if (topic === topics.surplus) {
      const parsed = parseJsonPayload(payload, SurplusMessageSchema);
      if (!parsed.ok) {
        deps.log?.(`community: ignored surplus message: ${parsed.reason}`);
        return;
      }
      surplus = parsed.value;
      changed();
      return;
    }
    const nodeId = nodeIdFromTopic(config.communityId, topic);
    if (nodeId === null || nodeId === config.nodeId) return;
    if (payload.length === 0) {
      // An empty retained message clears the topic: the member is gone.
      if (others.delete(nodeId)) changed();
      return;
    }
    const parsed = parseJsonPayload(payload, MemberStateSchema);
    if (!parsed.ok) {
      deps.log?.(`community: ignored state of ${nodeId}: ${parsed.reason}`);
      return;
    }
    if (parsed.value.online)
      others.set(nodeId, { wantW: parsed.value.wantW, minW: parsed.value.minW });
    else others.delete(nodeId);
    changed();
  });

  return {
    setWants(next) {
      if (next.wantW === wants.wantW && next.minW === wants.minW) return;
      wants = next;
      publishSelf();
      changed();
    },
    view,
    async stop(opts = {}) {
      if (stopped) return;
      stopped = true;
      const announce = opts.announce ?? true;
      if (announce && client.connected) {
        // A goodbye that cannot be delivered must not hang the node's shutdown.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000);
          client.publish(
            myTopic,
            JSON.stringify({ online: false }),
            { qos: 1, retain: true },
            () => {
              clearTimeout(timer);
              resolve();
            },
          );
        });
      }
      await endClient(client, announce);
    },
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
