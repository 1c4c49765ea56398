/** Messages of the "benchmark" namespace: every key starts with "benchmark.". */
export default {
} as const;
