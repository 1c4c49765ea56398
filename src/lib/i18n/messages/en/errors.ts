/** Messages of the "errors" namespace: every key starts with "errors.". */
export default {
} as const;
