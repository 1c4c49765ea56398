/** Messages of the "share" namespace: every key starts with "share.". */
export default {
} as const;
