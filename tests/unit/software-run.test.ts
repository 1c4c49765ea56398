// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allEntries, findModel, type CatalogEntry } from '../../src/lib/catalog/catalog';
import type { GpuReport } from '../../src/lib/gpu/probe';
import { SoftwareRunGate } from '../../src/lib/state/software-run.svelte';

const ADAPTER: GpuReport = {
  available: true, problem: null, problemDetail: '', vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader',
  isFallbackAdapter: true, shaderF16: false, maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 27,
};
const model = (id: string): CatalogEntry => findModel(id, allEntries())!;
const LINEUP = [model('Qwen2.5-1.5B-Instruct-q4f32_1-MLC')];
const CANDIDATES = [...LINEUP, model('SmolLM2-360M-Instruct-q4f32_1-MLC')];

describe('SoftwareRunGate', () => {
  beforeEach(() => sessionStorage.clear());

  it('lets a run through at once on a real GPU, and says nothing', () => {
    const gate = new SoftwareRunGate(() => ({ ...ADAPTER, isFallbackAdapter: false }), () => LINEUP, () => CANDIDATES, false);
    expect(gate.allows(() => {})).toBe(true);
    expect(gate.slowNote).toBeNull();
  });

  it('asks once on a software adapter, runs on "Run anyway", and does not ask again this session', () => {
    const gate = new SoftwareRunGate(() => ADAPTER, () => LINEUP, () => CANDIDATES, false);
    const run = vi.fn();
    expect(gate.slowNote).toBe('about a minute per word here');
    expect(gate.allows(run)).toBe(false);
    expect(gate.asking).toBe(true);
    expect(gate.advice?.smallest?.entry.base).toBe('SmolLM2-360M-Instruct');
    gate.confirm();
    expect(run).toHaveBeenCalledOnce();
    expect(gate.asking).toBe(false);
    expect(gate.allows(run)).toBe(true);
    // A new page in the same tab session (a reload) remembers the answer.
    expect(new SoftwareRunGate(() => ADAPTER, () => LINEUP, () => CANDIDATES, false).allows(run)).toBe(true);
  });

  it('does not wait for an answer in a browser driven by a program (nobody to ask), but still warns', () => {
    const gate = new SoftwareRunGate(() => ADAPTER, () => LINEUP, () => CANDIDATES, true);
    expect(gate.allows(() => {})).toBe(true);
    expect(gate.slowNote).toBe('about a minute per word here');
  });

  it('runs nothing when the person cancels, and asks again next time', () => {
    const gate = new SoftwareRunGate(() => ADAPTER, () => LINEUP, () => CANDIDATES, false);
    const run = vi.fn();
    gate.allows(run);
    gate.cancel();
    expect(run).not.toHaveBeenCalled();
    expect(gate.allows(run)).toBe(false);
  });
});
