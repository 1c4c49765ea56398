/** Messages of the "catalog" namespace: every key starts with "catalog.". */
export default {
} as const;
