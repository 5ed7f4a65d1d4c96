import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../src/api/client';
import type {
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../src/api/contract';
import type { Message } from '../../src/api/message';
import type { Settings, SettingsPatch } from '../../src/api/settings-schemas';
import type { Status } from '../../src/api/status-schemas';
import { ApiContext, type ApiContextValue } from './context';
import type { FieldIssue } from '../lib/field-issues';
import { errorIssues, errorMessage } from './errors';

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApiContext outside <ApiProvider>');
  return value;
}

export function useClient(): ApiClient {
  return useApiContext().client;
}

/** Methods that take no input: the ones a screen reads when it opens. */
type ReadMethod = {
  [M in MethodName]: MethodInput<M> extends undefined ? M : never;
}[MethodName];

export interface CallState<T> {
  data: T | undefined;
  error: Message | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data with a fresher answer (e.g. from a Refresh call). */
  setData: (data: T) => void;
}

/** Reads once on mount and again after every reconnection. */
export function useCall<M extends ReadMethod>(method: M): CallState<MethodOutput<M>> {
  const { client, generation } = useApiContext();
  const [data, setData] = useState<MethodOutput<M> | undefined>(undefined);
  const [error, setError] = useState<Message | null>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const call = client.call as (m: M) => Promise<MethodOutput<M>>;
    call(method).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [client, method, generation, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

type InputArgs<M extends MethodName> = MethodInput<M> extends undefined ? [] : [MethodInput<M>];
export type Attempt<T> =
  { ok: true; value: T } | { ok: false; error: Message; issues: FieldIssue[] };

export interface ActionState<M extends MethodName> {
  /** Resolves to the answer, or null after showing the error (nothing else to handle). */
  run: (...input: InputArgs<M>) => Promise<MethodOutput<M> | null>;
  /** Like `run`, but hands the error back too, for callers that show it themselves. */
  attempt: (...input: InputArgs<M>) => Promise<Attempt<MethodOutput<M>>>;
  pending: boolean;
  error: Message | null;
  clearError: () => void;
}

/** A call the owner causes (a button, a switch); its error belongs next to that control. */
export function useAction<M extends MethodName>(method: M): ActionState<M> {
  const client = useClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const attempt = useCallback(
    async (...input: InputArgs<M>): Promise<Attempt<MethodOutput<M>>> => {
      setPending(true);
      setError(null);
      try {
        const call = client.call as (m: M, ...i: unknown[]) => Promise<MethodOutput<M>>;
        return { ok: true, value: await call(method, ...input) };
      } catch (e) {
        const message = errorMessage(e);
        setError(message);
        return { ok: false, error: message, issues: errorIssues(e) };
      } finally {
        setPending(false);
      }
    },
    [client, method],
  );
  const run = useCallback(
    async (...input: InputArgs<M>) => {
      const result = await attempt(...input);
      return result.ok ? result.value : null;
    },
    [attempt],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, attempt, pending, error, clearError };
}

export function useEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  const client = useClient();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}

export function useStatus(): Status | null {
  return useApiContext().status;
}

export interface SaveFailure {
  message: Message;
  issues: FieldIssue[];
}

export interface SettingsState {
  settings: Settings | null;
  save: (patch: SettingsPatch) => Promise<Settings | null>;
  /** Saves and says what went wrong, if anything (null = saved). */
  trySave: (patch: SettingsPatch) => Promise<Message | null>;
  /** Like `trySave`, with the fields the core rejected, for forms that show them in place. */
  trySaveDetailed: (patch: SettingsPatch) => Promise<SaveFailure | null>;
  saving: boolean;
  error: Message | null;
  clearError: () => void;
}

const NESTED = ['policy', 'limits', 'pricing', 'currency'] as const;

/**
 * Sends nested sections whole: the core's patch schema fills omitted nested fields with
 * their defaults, so sending only the changed field would reset its neighbours.
 */
export function completePatch(current: Settings | null, patch: SettingsPatch): SettingsPatch {
  if (!current) return patch;
  const full: Record<string, unknown> = { ...patch };
  for (const key of NESTED) {
    if (patch[key] !== undefined) full[key] = { ...current[key], ...patch[key] };
  }
  return full as SettingsPatch;
}

/** The settings, always current, and one way to change them (errors stay with the caller). */
export function useSettings(): SettingsState {
  const settings = useApiContext().settings;
  const action = useAction('settings.update');
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  }, [settings]);
  const attempt = async (patch: SettingsPatch) => {
    const result = await action.attempt(completePatch(latest.current, patch));
    if (result.ok) latest.current = result.value;
    return result;
  };
  return {
    settings,
    save: async (patch) => {
      const result = await attempt(patch);
      return result.ok ? result.value : null;
    },
    trySave: async (patch) => {
      const result = await attempt(patch);
      return result.ok ? null : result.error;
    },
    trySaveDetailed: async (patch) => {
      const result = await attempt(patch);
      return result.ok ? null : { message: result.error, issues: result.issues };
    },
    saving: action.pending,
    error: action.error,
    clearError: action.clearError,
  };
}
