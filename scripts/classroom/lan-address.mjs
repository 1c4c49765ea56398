import { networkInterfaces } from 'node:os';

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/** This computer's address on the local network (a private IPv4 first), or null when it has none. */
export function lanAddress(interfaces = networkInterfaces()) {
  const candidates = Object.values(interfaces).flat().filter((item) => item && item.family === 'IPv4' && !item.internal).map((item) => item.address);
  return candidates.find((address) => PRIVATE.some((pattern) => pattern.test(address))) ?? candidates[0] ?? null;
}

/** WebGPU needs a secure context: https, or http on this machine's own loopback names. */
export function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
