/** Messages of the "metrics" namespace: every key starts with "metrics.". */
export default {
} as const;
