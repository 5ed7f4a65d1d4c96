import {
  events,
  isEventName,
  methods,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from './contract.js';
import { ApiCallError, EnvelopeSchema } from './envelope.js';
import { msg } from './message.js';

/** How a client reaches the core: Electron IPC or a WebSocket. The client cannot tell which. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ApiClient {
  call<M extends MethodName>(
    method: M,
    ...input: MethodInput<M> extends undefined ? [] : [MethodInput<M>]
  ): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    if (!isEventName(event)) return;
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(event) ?? []) listener(parsed.data);
  });

  return {
    async call(method, ...rest) {
      const raw = await transport.invoke(method, rest[0]);
      const envelope = EnvelopeSchema.safeParse(raw);
      if (!envelope.success) {
        throw new ApiCallError({ code: 'internal', message: msg('common:error.badReply') });
      }
      if (!envelope.data.ok) throw new ApiCallError(envelope.data.error);
      const output = methods[method].output.safeParse(envelope.data.value);
      if (!output.success) {
        throw new ApiCallError({ code: 'internal', message: msg('common:error.badReply') });
      }
      return output.data as MethodOutput<typeof method>;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
