/** Messages of the "source" namespace: every key starts with "source.". */
export default {
} as const;
