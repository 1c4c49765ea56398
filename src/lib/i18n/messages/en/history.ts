/** Messages of the "history" namespace: every key starts with "history.". */
export default {
} as const;
