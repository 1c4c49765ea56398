/** Messages of the "setEditor" namespace: every key starts with "setEditor.". */
export default {
} as const;
