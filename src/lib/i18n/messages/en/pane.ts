/** Messages of the "pane" namespace: every key starts with "pane.". */
export default {
} as const;
