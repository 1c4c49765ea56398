// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toLoadProgress } from '../../workers/load-progress';

const MB = 1024 * 1024;

// Texts exactly as web-llm 0.2.86 builds them (lib/index.js, fetchTensorCache / shader loading).
const FETCHING =
  'Fetching param cache[3/9]: 96MB fetched. 33% completed, 5 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.';
const LOADING_FROM_CACHE = 'Loading model from cache[2/9]: 64MB loaded. 22% completed, 1 secs elapsed.';
const SHADERS = 'Loading GPU shader modules[10/73]: 13% completed, 2 secs elapsed.';

type Report = Parameters<typeof toLoadProgress>[0];
const report = (progress: number, text: string): Report => ({ progress, timeElapsed: 0, text });

describe('toLoadProgress', () => {
  it('fetching: a download, with bytes = fraction × total when the total is known', () => {
    const total = 300 * MB;
    const progress = toLoadProgress(report(0.33, FETCHING), total);
    expect(progress).toEqual({
      phase: 'downloading',
      fraction: 0.33,
      receivedBytes: Math.round(0.33 * total),
      totalBytes: total,
      text: FETCHING,
    });
  });

  it('fetching without a known total: bytes from the megabytes in the text', () => {
    const progress = toLoadProgress(report(0.33, FETCHING), null);
    expect(progress.phase).toBe('downloading');
    expect(progress.receivedBytes).toBe(96 * MB);
    expect(progress.totalBytes).toBeNull();
  });

  it('reads fractional megabytes from the text', () => {
    const progress = toLoadProgress(report(0.1, 'Fetching param cache[1/9]: 12.5MB fetched. 10% completed, 1 secs elapsed.'), null);
    expect(progress.receivedBytes).toBe(Math.round(12.5 * MB));
  });

  it('fetching text without a byte figure and no total: 0 bytes, not NaN', () => {
    const progress = toLoadProgress(report(0.5, 'Fetching param cache[1/9]: starting'), null);
    expect(progress.receivedBytes).toBe(0);
  });

  it('loading from cache is not a network transfer: 0 bytes received even with a total', () => {
    const progress = toLoadProgress(report(0.22, LOADING_FROM_CACHE), 300 * MB);
    expect(progress.phase).toBe('downloading');
    expect(progress.fraction).toBe(0.22);
    expect(progress.receivedBytes).toBe(0);
    expect(toLoadProgress(report(0.22, LOADING_FROM_CACHE), null).receivedBytes).toBe(0);
  });

  it('shader modules are the compiling phase, with 0 bytes received', () => {
    const progress = toLoadProgress(report(10 / 73, SHADERS), 300 * MB);
    expect(progress.phase).toBe('compiling');
    expect(progress.fraction).toBeCloseTo(0.137, 3);
    expect(progress.receivedBytes).toBe(0);
    expect(progress.text).toBe(SHADERS);
  });

  it('"Start to fetch params" (web-llm\'s first report, 0/0 when the total is 0) is a download at 0', () => {
    const progress = toLoadProgress(report(Number.NaN, 'Start to fetch params'), null);
    expect(progress).toMatchObject({ phase: 'downloading', fraction: 0, receivedBytes: 0 });
  });

  it.each([
    [-0.5, 0],
    [1.7, 1],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('clamps progress %d to %d', (raw, clamped) => {
    const progress = toLoadProgress(report(raw, FETCHING), 100 * MB);
    expect(progress.fraction).toBe(clamped);
    expect(progress.receivedBytes).toBe(clamped * 100 * MB);
    expect(progress.receivedBytes).toBeLessThanOrEqual(100 * MB);
  });

  it('copes with a missing text', () => {
    const progress = toLoadProgress({ progress: 0.4, timeElapsed: 0 } as unknown as Report, 10);
    expect(progress).toEqual({ phase: 'downloading', fraction: 0.4, receivedBytes: 0, totalBytes: 10, text: '' });
  });
});
