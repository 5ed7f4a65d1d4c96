import { msg, type Message } from '../api/message.js';

/**
 * Turns a failed nvidia-smi run into words for the owner. The texts matched here are
 * nvidia-smi's own documented messages; the exit codes are NVML's return codes.
 */
export function nvidiaFailureProblem(output: string, exitCode: number | null): Message {
  if (/couldn't communicate with the NVIDIA driver/i.test(output) || exitCode === 9) {
    return msg('gpu:problem.nvidia.noDriver');
  }
  if (/Driver\/library version mismatch/i.test(output) || exitCode === 18) {
    const library = /NVML library version:\s*([\d.]+)/i.exec(output)?.[1];
    return library === undefined
      ? msg('gpu:problem.nvidia.versionMismatch')
      : msg('gpu:problem.nvidia.versionMismatchWithVersion', { version: library });
  }
  if (/No devices were found/i.test(output) || exitCode === 6)
    return msg('gpu:problem.nvidia.noDevices');
  if (/Insufficient Permissions|requires root|not permitted/i.test(output) || exitCode === 4) {
    return msg('gpu:problem.nvidia.permission');
  }
  if (/GPU is lost|fallen off the bus/i.test(output) || exitCode === 15)
    return msg('gpu:problem.nvidia.gpuLost');
  if (/NVML Shared Library Not Found|libnvidia-ml/i.test(output) || exitCode === 12) {
    return msg('gpu:problem.nvidia.libraryMissing');
  }
  return msg('gpu:problem.nvidia.failed', { code: exitCode ?? -1 });
}

export function looksLikeNvidiaFailure(text: string): boolean {
  return /NVIDIA-SMI has failed|Failed to initialize NVML|No devices were found/i.test(text);
}
