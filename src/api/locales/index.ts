import enChain from './en/chain.js';
import enCli from './en/cli.js';
import enCommon from './en/common.js';
import enGpu from './en/gpu.js';
import enShell from './en/shell.js';
import enSettlement from './en/settlement.js';
import enEnergy from './en/energy.js';
import enLedger from './en/ledger.js';
import enNetwork from './en/network.js';
import enNode from './en/node.js';
import enPolicy from './en/policy.js';
import enSandbox from './en/sandbox.js';
import enUi from './en/ui.js';
import enWallet from './en/wallet.js';
import idChain from './id/chain.js';
import idCli from './id/cli.js';
import idCommon from './id/common.js';
import idGpu from './id/gpu.js';
import idShell from './id/shell.js';
import idSettlement from './id/settlement.js';
import idEnergy from './id/energy.js';
import idLedger from './id/ledger.js';
import idNetwork from './id/network.js';
import idNode from './id/node.js';
import idPolicy from './id/policy.js';
import idSandbox from './id/sandbox.js';
import idUi from './id/ui.js';
import idWallet from './id/wallet.js';

/** Every namespace in both languages; the i18n library in the UI and the CLI read these. */
export const resources = {
  en: {
    chain: enChain,
    cli: enCli,
    common: enCommon,
    gpu: enGpu,
    shell: enShell,
    settlement: enSettlement,
    energy: enEnergy,
    ledger: enLedger,
    network: enNetwork,
    node: enNode,
    policy: enPolicy,
    sandbox: enSandbox,
    ui: enUi,
    wallet: enWallet,
  },
  id: {
    chain: idChain,
    cli: idCli,
    common: idCommon,
    gpu: idGpu,
    shell: idShell,
    settlement: idSettlement,
    energy: idEnergy,
    ledger: idLedger,
    network: idNetwork,
    node: idNode,
    policy: idPolicy,
    sandbox: idSandbox,
    ui: idUi,
    wallet: idWallet,
  },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
