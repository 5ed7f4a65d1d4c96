/**
 * The EIP-712 usage receipt a node signs when it finishes a job, defined once: the
 * wallet signs with it, the protocol client sends it, the coordinator verifies it.
 * Plain data, so it lives in the platform-free API layer.
 */
export const RECEIPT_DOMAIN_NAME = 'Lumbung';
export const RECEIPT_DOMAIN_VERSION = '1';

export const USAGE_RECEIPT_TYPES: Record<string, { name: string; type: string }[]> = {
  UsageReceipt: [
    { name: 'jobId', type: 'bytes32' },
    { name: 'node', type: 'address' },
    { name: 'payout', type: 'address' },
    { name: 'gpuSeconds', type: 'uint256' },
    { name: 'energyWh', type: 'uint256' },
    { name: 'amount', type: 'uint256' },
    { name: 'resultsHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
  ],
};
