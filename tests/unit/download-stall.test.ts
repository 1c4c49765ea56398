// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isStalled, STALL_AFTER_MS, TransferRate } from '../../src/lib/metrics/transfer-rate';

const MB = 1024 * 1024;

// Issue #18: after 30 s without a byte the bar still read "455 MB/s · 1 s left". The worker now
// re-sends its byte count every second while a download is open; these are those samples.
describe('a download that stops', () => {
  it('speed over the last 5 s falls to zero and the time left disappears', () => {
    const rate = new TransferRate();
    for (let second = 0; second <= 4; second++) rate.add(second * 100 * MB, second * 1000); // 100 MB/s
    expect(rate.bytesPerSecond()).toBeCloseTo(100 * MB, -3);
    expect(rate.etaSeconds(500 * MB)).toBeCloseTo(1, 1);
    for (let second = 5; second <= 12; second++) rate.add(400 * MB, second * 1000); // heartbeats, no bytes
    expect(rate.bytesPerSecond()).toBe(0);
    expect(rate.etaSeconds(500 * MB)).toBeNull();
  });

  it('is called stuck after 10 s without a byte, not before', () => {
    expect(STALL_AFTER_MS).toBe(10_000);
    expect(isStalled(undefined)).toBe(false);
    expect(isStalled(9_999)).toBe(false);
    expect(isStalled(10_000)).toBe(true);
  });
});
