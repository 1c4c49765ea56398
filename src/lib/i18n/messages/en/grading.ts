/** Messages of the "grading" namespace: every key starts with "grading.". */
export default {
} as const;
