import type { EventName } from '../api/contract.js';

type Listener = (event: EventName, payload: unknown) => void;

/** Fan-out of core events to the shells; a failing listener never breaks the others. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EventName, payload: unknown): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A shell's listener must not take the node down.
      }
    }
  }
}
