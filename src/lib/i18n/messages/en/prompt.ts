/** Messages of the "prompt" namespace: every key starts with "prompt.". */
export default {
} as const;
