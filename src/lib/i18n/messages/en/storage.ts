/** Messages of the "storage" namespace: every key starts with "storage.". */
export default {
} as const;
