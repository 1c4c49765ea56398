/** Messages of the "gpu" namespace: every key starts with "gpu.". */
export default {
} as const;
