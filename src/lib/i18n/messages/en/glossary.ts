/** Messages of the "glossary" namespace: every key starts with "glossary.". */
export default {
} as const;
