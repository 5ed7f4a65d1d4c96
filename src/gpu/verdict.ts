import type { Gpu, GpuReport, GpuVerdict } from '../api/gpu-schemas.js';
import { msg, type Message } from '../api/message.js';

/** Below this a card cannot hold a useful job's model and data. */
export const MIN_SHAREABLE_VRAM_MIB = 2048;

export interface VerdictInput {
  gpus: readonly Gpu[];
  tools: GpuReport['tools'];
  ignoredDisplayAdapters?: readonly string[];
}

type Blocker = 'integrated' | 'vendor' | 'driver' | 'migEmpty' | 'smallVram' | null;

/** Why one GPU cannot take GPU jobs, or null when it can. */
export function shareBlocker(gpu: Gpu, tools: GpuReport['tools']): Blocker {
  if (gpu.isIntegrated) return 'integrated';
  // GPU jobs reach cards through the NVIDIA container toolkit; other vendors wait.
  if (gpu.vendor !== 'nvidia') return 'vendor';
  if (tools.nvidiaSmi.state !== 'ok') return 'driver';
  if (gpu.mig.enabled && gpu.mig.instances === 0) return 'migEmpty';
  if (gpu.vramMiB !== null && gpu.vramMiB < MIN_SHAREABLE_VRAM_MIB) return 'smallVram';
  return null;
}

function nvidiaDriverFixes(problem: Message | null, state: string): Message[] {
  if (state === 'missing') return [msg('gpu:verdict.fix.installNvidiaDriver')];
  if (state === 'timeout') return [msg('gpu:verdict.fix.restart')];
  switch (problem?.key) {
    case 'gpu:problem.nvidia.versionMismatch':
    case 'gpu:problem.nvidia.versionMismatchWithVersion':
      return [msg('gpu:verdict.fix.restart')];
    case 'gpu:problem.nvidia.gpuLost':
      return [msg('gpu:verdict.fix.restart'), msg('gpu:verdict.fix.checkCard')];
    default:
      return [msg('gpu:verdict.fix.installNvidiaDriver'), msg('gpu:verdict.fix.restart')];
  }
}

function headlineFor(
  gpus: readonly Gpu[],
  shareable: readonly Gpu[],
  input: VerdictInput,
): Message {
  const first = shareable[0];
  if (first !== undefined) {
    return shareable.length === 1
      ? msg('gpu:verdict.headline.ready', { model: first.model })
      : msg('gpu:verdict.headline.readyMany', { count: shareable.length });
  }
  const nvidia = input.tools.nvidiaSmi;
  const hasNvidia = gpus.some((g) => g.vendor === 'nvidia');
  if (nvidia.state === 'timeout') return msg('gpu:verdict.headline.driverNotAnswering');
  if (nvidia.state === 'error') return msg('gpu:verdict.headline.driverBroken');
  if (hasNvidia && nvidia.state === 'missing') return msg('gpu:verdict.headline.driverMissing');
  const discrete = gpus.filter((g) => !g.isIntegrated);
  const mig = discrete.find((g) => g.mig.enabled && g.mig.instances === 0);
  if (mig !== undefined) return msg('gpu:verdict.headline.migNoInstances', { model: mig.model });
  const small = discrete.find((g) => g.vendor === 'nvidia');
  if (small !== undefined) {
    return msg('gpu:verdict.headline.tooLittleMemory', {
      model: small.model,
      vramMiB: small.vramMiB ?? 0,
    });
  }
  const amd = discrete.find((g) => g.vendor === 'amd');
  if (amd !== undefined) return msg('gpu:verdict.headline.amdNotYet', { model: amd.model });
  const other = discrete[0];
  if (other !== undefined) return msg('gpu:verdict.headline.unsupported', { model: other.model });
  if (gpus.length > 0) return msg('gpu:verdict.headline.integratedOnly');
  return msg('gpu:verdict.headline.noGpu');
}

/** The owner-facing summary: can this computer rent out a GPU, and if not, why and how to fix it. */
export function buildVerdict(input: VerdictInput): GpuVerdict {
  const { gpus, tools } = input;
  const shareable = gpus.filter((g) => shareBlocker(g, tools) === null);
  const reasons: Message[] = [];
  const fixes: Message[] = [];
  const addFix = (fix: Message): void => {
    if (!fixes.some((f) => f.key === fix.key)) fixes.push(fix);
  };

  const nvidia = tools.nvidiaSmi;
  const hasNvidia = gpus.some((g) => g.vendor === 'nvidia');
  if (
    nvidia.state === 'error' ||
    nvidia.state === 'timeout' ||
    (hasNvidia && nvidia.state === 'missing')
  ) {
    if (nvidia.problem !== null) reasons.push(nvidia.problem);
    nvidiaDriverFixes(nvidia.problem, nvidia.state).forEach(addFix);
  }
  if (shareable.length > 1)
    reasons.push(msg('gpu:verdict.reason.multiGpu', { count: shareable.length }));
  for (const gpu of gpus) {
    if (gpu.mig.enabled && gpu.mig.instances > 0) {
      reasons.push(
        msg('gpu:verdict.reason.mig', { model: gpu.model, instances: gpu.mig.instances }),
      );
    }
    if (gpu.mig.enabled && gpu.mig.instances === 0) {
      reasons.push(msg('gpu:verdict.reason.migNoInstances', { model: gpu.model }));
      addFix(msg('gpu:verdict.fix.migInstances'));
    }
    // A driver older than the card does not know its name yet.
    if (gpu.vendor === 'nvidia' && /^Graphics Device$/i.test(gpu.model)) {
      reasons.push(msg('gpu:verdict.reason.driverOlderThanCard'));
      addFix(msg('gpu:verdict.fix.updateNvidiaDriver'));
    }
    const blocker = shareBlocker(gpu, tools);
    if (blocker === 'smallVram') {
      reasons.push(
        msg('gpu:verdict.reason.tooLittleMemory', { model: gpu.model, vramMiB: gpu.vramMiB ?? 0 }),
      );
    }
    if (blocker === 'vendor' && gpu.vendor === 'amd')
      reasons.push(msg('gpu:verdict.reason.amdNotYet', { model: gpu.model }));
    if (blocker === 'vendor' && gpu.vendor !== 'amd') {
      reasons.push(msg('gpu:verdict.reason.unsupported', { model: gpu.model }));
    }
  }
  const integrated = gpus.filter((g) => g.isIntegrated);
  if (integrated.length > 0 && shareable.length > 0) reasons.push(msg('gpu:verdict.reason.hybrid'));
  if (integrated.length > 0 && gpus.every((g) => g.isIntegrated))
    reasons.push(msg('gpu:verdict.reason.integratedOnly'));
  for (const model of input.ignoredDisplayAdapters ?? []) {
    reasons.push(msg('gpu:verdict.reason.displayAdapterIgnored', { model }));
  }
  if (shareable.length === 0) reasons.push(msg('gpu:verdict.reason.cpuJobsStillPossible'));

  return {
    canShare: shareable.length > 0,
    headline: headlineFor(gpus, shareable, input),
    reasons,
    fixes,
  };
}
