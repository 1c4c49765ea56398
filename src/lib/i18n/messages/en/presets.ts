/** Messages of the "presets" namespace: every key starts with "presets.". */
export default {
} as const;
