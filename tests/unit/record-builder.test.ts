// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildRunRecord, deviceRecord, markInterrupted, paneOutcome, type PaneView } from '../../src/lib/history/record-builder';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';

function pane(overrides: Partial<PaneView> = {}): PaneView {
  return {
    key: 'Qwen3-0.6B-q4f32_1-MLC',
    model: { label: 'Qwen3-0.6B · q4f32_1', spec: { weightsUrl: 'https://hf.example/q/resolve/main/', libraryUrl: 'https://libs.example/q.wasm' } },
    status: 'generating',
    output: 'partial answ',
    thinking: { split: { thinking: '', answer: '' } },
    error: null,
    metrics: emptyMetrics(),
    finishReason: null,
    ...overrides,
  };
}

const context = {
  id: 'run-1',
  createdAt: '2026-11-23T10:00:00.000Z',
  request: { systemPrompt: '', prompt: 'Why is the sky blue?', settings: { temperature: 0.7, topP: 0.95, maxTokens: 64 } },
  parallel: false,
  device: null,
  appVersion: '0.1.0',
  engineVersion: 'web-llm 0.2.86',
};

describe('history records', () => {
  it('names each pane outcome the way a person would', () => {
    const done = { ...emptyMetrics(), generationMs: 1200 };
    expect(paneOutcome(pane({ metrics: done, finishReason: 'stop' }), true)).toBe('finished');
    expect(paneOutcome(pane({ metrics: done, finishReason: 'abort' }), true)).toBe('stopped');
    expect(paneOutcome(pane({ error: { name: 'DeviceLostError', title: 't', detail: 'd', action: 'restart-engine', technical: 'x' } }), true)).toBe('failed');
    expect(paneOutcome(pane(), false)).toBe('running');
    expect(paneOutcome(pane(), true)).toBe('skipped');
  });

  it('a snapshot mid-run keeps the partial output; read back after a reload it is marked interrupted', () => {
    const record = buildRunRecord(context, [pane()], false, new Date('2026-11-23T10:00:05.000Z'));
    expect(record.panes[0]).toMatchObject({ output: 'partial answ', outcome: 'running', modelId: 'Qwen3-0.6B-q4f32_1-MLC' });
    expect(record.updatedAt).toBe('2026-11-23T10:00:05.000Z');
    const restored = markInterrupted(record);
    expect(restored.panes[0]?.outcome).toBe('interrupted');
    expect(restored.panes[0]?.output).toBe('partial answ');
    const finished = buildRunRecord(context, [pane({ metrics: { ...emptyMetrics(), generationMs: 5 }, finishReason: 'stop' })], true);
    expect(markInterrupted(finished)).toBe(finished); // untouched when nothing was cut off
  });

  it('keeps the device only when WebGPU was available', () => {
    expect(deviceRecord(null, 'UA')).toBeNull();
    const report = { available: true, problem: null, problemDetail: '', vendor: 'nvidia', architecture: 'ada', device: '', description: 'RTX', isFallbackAdapter: false, shaderF16: true, maxBufferSize: 4e9, maxStorageBufferBindingSize: 2e9 };
    expect(deviceRecord(report, 'UA')).toEqual({ vendor: 'nvidia', architecture: 'ada', description: 'RTX', shaderF16: true, maxBufferSize: 4e9, maxStorageBufferBindingSize: 2e9, userAgent: 'UA' });
  });
});
