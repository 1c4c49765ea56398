/** Messages of the "device" namespace: every key starts with "device.". */
export default {
} as const;
