import type { ApiImplementation, EventName, EventPayload } from '../api/contract.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The running core as a shell sees it: the API to serve, events to forward, a way to stop. */
export interface LumbungNode {
  readonly api: ApiImplementation;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  stop(): Promise<void>;
}
