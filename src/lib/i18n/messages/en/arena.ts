/** Messages of the "arena" namespace: every key starts with "arena.". */
export default {
} as const;
