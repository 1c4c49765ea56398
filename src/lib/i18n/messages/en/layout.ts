/** Messages of the "layout" namespace: every key starts with "layout.". */
export default {
} as const;
