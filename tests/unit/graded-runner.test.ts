import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult, LoadResult, ModelSpec } from '../../src/lib/engine/protocol';
import type { GradedItem } from '../../src/lib/graded-runs/graded-run';
import { runGradedSet } from '../../src/lib/graded-runs/runner';

const spec = (id: string): ModelSpec => ({ id, weightsUrl: `https://huggingface.co/mlc-ai/${id}/resolve/main/`, libraryUrl: 'https://x/lib.wasm', requiredFeatures: [] });
const items: GradedItem[] = [
  { id: 'one', title: 'One', prompt: 'first', check: { kind: 'exact', answers: ['x'] } },
  { id: 'two', title: 'Two', prompt: 'second', check: { kind: 'json' } },
];
const usage = { promptTokens: 5, completionTokens: 3, prefillTokensPerSecond: 50, decodeTokensPerSecond: 10, timeToFirstTokenSeconds: 0.2, e2eLatencySeconds: 0.5 };

/** A scripted engine that logs what it is asked, so the test sees the order of work on the GPU. */
function engine(options: { failLoad?: string; noJsonMode?: boolean; stopAfter?: number } = {}) {
  const log: string[] = [];
  let loaded: string | null = null;
  let generated = 0;
  return {
    log,
    stopped: () => options.stopAfter !== undefined && generated >= options.stopAfter,
    async load(model: ModelSpec): Promise<LoadResult> {
      log.push(`load ${model.id}`);
      if (model.id === options.failLoad) throw Object.assign(new Error('too big'), { name: 'GPUOutOfMemoryError' });
      loaded = model.id;
      return { fromCache: true, loadMs: 1234, receivedBytes: 0, weightsBytes: null };
    },
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      if (request.responseFormat && options.noJsonMode) throw new Error('grammar not supported');
      log.push(`${loaded} ${request.prompt}${request.responseFormat ? ' (json mode)' : ''} t=${request.settings.temperature} seed=${request.settings.seed}`);
      generated++;
      return { text: `<think>hmm</think>answer of ${loaded}`, finishReason: 'stop', usage };
    },
    async unload() {
      log.push(`unload ${loaded}`);
      loaded = null;
    },
  };
}

const hooks = (stopped = () => false) => ({ onStep: () => undefined, onAnswer: () => undefined, stopped, describe: (error: unknown) => (error as Error).name });
const settings = { temperature: 0, topP: 1, maxTokens: 8, seed: 1 };

describe('graded-set runner', () => {
  it('loads each model once for the whole set, one model on the GPU at a time, greedy with a fixed seed', async () => {
    const fake = engine();
    const results = await runGradedSet([{ spec: spec('a'), label: 'A' }, { spec: spec('b'), label: 'B' }], items, settings, fake, hooks());
    expect(fake.log).toEqual([
      'load a', 'a first t=0 seed=1', 'a second (json mode) t=0 seed=1', 'unload a',
      'load b', 'b first t=0 seed=1', 'b second (json mode) t=0 seed=1', 'unload b',
    ]);
    expect(results[0]).toMatchObject({ modelId: 'a', loadMs: 1234 });
    // Thinking is kept apart and never graded.
    expect(results[0]!.answers[0]).toMatchObject({ itemId: 'one', answer: 'answer of a', thinking: 'hmm', completionTokens: 3, decodeTokensPerSecond: 10, ttftMs: 200 });
    expect(results[0]!.answers[1]!.jsonMode).toBe(true);
  });
  it('asks again without JSON mode when the model cannot take it, and says so', async () => {
    const results = await runGradedSet([{ spec: spec('a'), label: 'A' }], items, settings, engine({ noJsonMode: true }), hooks());
    expect(results[0]!.answers[1]).toMatchObject({ itemId: 'two', jsonMode: false, answer: 'answer of a' });
  });
  it('records a model that fails to load and goes on with the next', async () => {
    const fake = engine({ failLoad: 'a' });
    const results = await runGradedSet([{ spec: spec('a'), label: 'A' }, { spec: spec('b'), label: 'B' }], items, settings, fake, hooks());
    expect(results[0]).toMatchObject({ error: 'GPUOutOfMemoryError', answers: [] });
    expect(results[1]!.answers).toHaveLength(2);
  });
  it('Stop keeps what is done and frees the GPU', async () => {
    const fake = engine({ stopAfter: 1 });
    const results = await runGradedSet([{ spec: spec('a'), label: 'A' }, { spec: spec('b'), label: 'B' }], items, settings, fake, hooks(fake.stopped));
    expect(results.map((result) => result.answers.length)).toEqual([1, 0]);
    expect(fake.log.at(-1)).toBe('unload a');
  });
});
