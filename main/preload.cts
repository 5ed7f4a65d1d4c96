// Runs in the window's sandboxed preload, which may require only 'electron': the
// contract cannot be imported here, so its method names are repeated below and a unit
// test (test/unit/main/preload.test.ts) keeps the copy equal to METHOD_NAMES.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS form verbatimModuleSyntax requires in a .cts file
import electron = require('electron');
import type { IpcBridge } from '../src/api/transport-ipc.js';

const INVOKE_CHANNEL = 'lumbung:invoke';
const EVENT_CHANNEL = 'lumbung:event';

const ALLOWED_METHODS: readonly string[] = [
  'app.info',
  'status.get',
  'sharing.set',
  'notices.dismiss',
  'gpu.report',
  'gpu.refresh',
  'engine.status',
  'engine.refresh',
  'settings.get',
  'settings.update',
  'policy.decision',
  'energy.status',
  'energy.testSource',
  'wallet.summary',
  'wallet.create',
  'wallet.revealPhrase',
  'wallet.backupChallenge',
  'wallet.confirmBackup',
  'wallet.importMnemonic',
  'wallet.importPrivateKey',
  'wallet.watchOnly',
  'wallet.unlock',
  'wallet.lock',
  'wallet.setAutoLock',
  'wallet.balances',
  'wallet.quoteWithdraw',
  'wallet.withdraw',
  'wallet.txStatus',
  'wallet.stakeInfo',
  'wallet.stake',
  'wallet.requestUnstake',
  'wallet.withdrawStake',
  'network.reputation',
  'earnings.summary',
  'earnings.claimStatus',
  'earnings.claim',
  'earnings.entries',
  'earnings.csv',
];
const allowed = new Set(ALLOWED_METHODS);

/** Same envelope the core sends for an unknown method, so the client reports it the same way. */
function unknownMethod(method: unknown): Promise<unknown> {
  const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
  return Promise.resolve({
    ok: false,
    error: {
      code: 'unknownMethod',
      message: { key: 'common:error.unknownMethod', values: { method: name } },
    },
  });
}

// Only these two functions cross into the page; ipcRenderer itself never does, and
// the page's listener never sees the IPC event object (it holds the sender).
const bridge: IpcBridge = {
  invoke(method: unknown, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !allowed.has(method)) return unknownMethod(method);
    return electron.ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  on(listener: (event: string, payload: unknown) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('lumbung.on expects a function');
    const forward = (_event: unknown, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    electron.ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      electron.ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

electron.contextBridge.exposeInMainWorld('lumbung', bridge);

export = { ALLOWED_METHODS };
