import type { LumbungNode } from '../src/node/lumbung-node.js';
import type { HostSignals } from '../src/platform/host.js';
import type { SecretVault } from '../src/platform/secret-vault.js';

/** What src/node/index.ts's `startNode` takes. */
export interface StartNodeOptions {
  dataDir: string;
  shell: 'electron' | 'headless';
  host: HostSignals;
  secretVault?: SecretVault;
  settingsStore?: 'electron-store' | 'conf';
}

export type StartNode = (options: StartNodeOptions) => LumbungNode | Promise<LumbungNode>;

/** The core's entry, relative to this file both in main/ and in dist/main/. */
const NODE_ENTRY = '../src/node/index.js';

/**
 * Loads `startNode` from the core at run time and checks it is there. The specifier
 * is a variable so the shell does not fail to compile when the core's entry moves;
 * a missing or different export is a clear start-up error instead.
 */
export async function loadStartNode(entry: string = NODE_ENTRY): Promise<StartNode> {
  const module: unknown = await import(new URL(entry, import.meta.url).href);
  const startNode =
    typeof module === 'object' && module !== null
      ? (module as Record<string, unknown>).startNode
      : undefined;
  if (typeof startNode !== 'function') {
    throw new Error(`shell: ${entry} does not export a startNode function`);
  }
  return startNode as StartNode;
}
