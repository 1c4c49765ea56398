import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult, LoadResult, ModelSpec } from '../../src/lib/engine/protocol';
import { planBenchmark } from '../../src/lib/benchmark/plan';
import { BENCHMARK_SUITE } from '../../src/lib/benchmark/prompt-suite';
import { runBenchmark, type BenchmarkEngine, type BenchmarkTarget } from '../../src/lib/benchmark/runner';
import { summarizeModel } from '../../src/lib/benchmark/benchmark-result';

const spec = (id: string): ModelSpec => ({ id, weightsUrl: `https://example.org/${id}/resolve/main/`, libraryUrl: 'https://example.org/lib.wasm', requiredFeatures: [] });
const target = (id: string): BenchmarkTarget => ({ spec: spec(id), size: { paramsB: 0.5, quantization: { bitsPerWeight: 5 } } });

/** A scripted engine: every call is logged; decode speed is 10, 20, 30… per generate call. */
function scriptedEngine(options: { failLoadOf?: string; cachedFrom?: number; thinkingTokens?: number } = {}) {
  const calls: string[] = [];
  const requests: GenerateRequest[] = [];
  let generations = 0;
  let loads = 0;
  let loaded: string | null = null;
  const engine: BenchmarkEngine = {
    async load(model): Promise<LoadResult> {
      calls.push(`load ${model.id}`);
      if (model.id === options.failLoadOf) throw new Error('Out of memory');
      loads++;
      loaded = model.id;
      return { fromCache: loads > (options.cachedFrom ?? 1), loadMs: loads * 1000, receivedBytes: 0, weightsBytes: 300e6 };
    },
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      calls.push(`generate ${loaded} ${request.prompt.slice(0, 12)}`);
      requests.push(request);
      generations++;
      return {
        text: 'x',
        ...(options.thinkingTokens === undefined ? {} : { thinkingTokens: options.thinkingTokens }),
        finishReason: 'stop',
        usage: { promptTokens: 20, completionTokens: 64, prefillTokensPerSecond: 100, decodeTokensPerSecond: generations * 10, timeToFirstTokenSeconds: 0.2, e2eLatencySeconds: 3 },
      };
    },
    async unload() {
      calls.push('unload');
      loaded = null;
    },
  };
  return { engine, calls, requests };
}

const hooks = (stopAfter = Infinity) => {
  let steps = 0;
  return { onStep: () => void steps++, onLoadProgress: () => undefined, clearCache: async () => undefined, stopped: () => steps >= stopAfter };
};

describe('runBenchmark', () => {
  it('counts thinking and answer tokens apart for a reasoning model; decode speed stays over all generated tokens', async () => {
    const plan = planBenchmark(['Qwen3-0.6B-q4f16_1-MLC'], BENCHMARK_SUITE, { runsPerPrompt: 1, warmup: false, measureColdLoad: false });
    const { engine, requests } = scriptedEngine({ thinkingTokens: 40 });
    const [result] = await runBenchmark(plan, new Map([['Qwen3-0.6B-q4f16_1-MLC', target('Qwen3-0.6B-q4f16_1-MLC')]]), BENCHMARK_SUITE, engine, hooks());
    expect(requests.map((request) => request.reasoning)).toEqual(BENCHMARK_SUITE.prompts.map(() => 'switchable'));
    expect(result!.runs.map((run) => [run.completionTokens, run.thinkingTokens])).toEqual(BENCHMARK_SUITE.prompts.map(() => [64, 40]));
    const summary = summarizeModel(result!);
    expect(summary.thinkingTokens?.median).toBe(40);
    expect(summary.answerTokens?.median).toBe(24); // 64 generated − 40 thinking
    expect(summary.decode?.median).toBe(20); // the engine's figure, over all 64 tokens
  });

  it('records 0 thinking tokens for a model that does not think', async () => {
    const plan = planBenchmark(['m1'], BENCHMARK_SUITE, { runsPerPrompt: 1, warmup: false, measureColdLoad: false });
    const { engine } = scriptedEngine();
    const [result] = await runBenchmark(plan, new Map([['m1', target('m1')]]), BENCHMARK_SUITE, engine, hooks());
    expect(summarizeModel(result!).answerTokens?.median).toBe(64);
    expect(summarizeModel(result!).thinkingTokens?.median).toBe(0);
  });

  it('drops the warm-up, records every measured run, and reports the first load as cold and the reload as cached', async () => {
    const plan = planBenchmark(['m1'], BENCHMARK_SUITE, { runsPerPrompt: 2, warmup: true, measureColdLoad: false });
    const { engine, calls } = scriptedEngine();
    const [result] = await runBenchmark(plan, new Map([['m1', target('m1')]]), BENCHMARK_SUITE, engine, hooks());
    // 1 warm-up (decode 10) + 2 × 3 measured runs (decode 20..70): the warm-up's 10 is not there.
    expect(result!.runs.map((run) => run.decodeTokensPerSecond)).toEqual([20, 30, 40, 50, 60, 70]);
    expect(result!.runs.map((run) => run.promptId)).toEqual(BENCHMARK_SUITE.prompts.map((p) => p.id).concat(BENCHMARK_SUITE.prompts.map((p) => p.id)));
    expect(result!.loads).toEqual([{ kind: 'cold', ms: 1000 }, { kind: 'cached', ms: 2000 }]);
    expect(result!.weightBytes).toBe(300e6); // the manifest's exact size, not the 312.5 MB estimate
    expect(calls.filter((call) => call.startsWith('generate'))).toHaveLength(7);
    expect(calls.at(-1)).toBe('unload'); // the GPU is freed at the end
    // Median of 20..70 is 45; bandwidth per run = decode × 0.3 GB.
    const summary = summarizeModel(result!);
    expect(summary.decode?.median).toBe(45);
    expect(summary.bandwidthGBps?.median).toBeCloseTo(13.5, 10);
  });

  it('runs models one at a time, and a model that fails to load does not stop the next one', async () => {
    const plan = planBenchmark(['big', 'small'], BENCHMARK_SUITE, { runsPerPrompt: 1, warmup: false, measureColdLoad: false });
    const { engine, calls } = scriptedEngine({ failLoadOf: 'big' });
    const results = await runBenchmark(plan, new Map([['big', target('big')], ['small', target('small')]]), BENCHMARK_SUITE, engine, hooks());
    expect(results.map((result) => [result.modelId, result.error ?? null, result.runs.length])).toEqual([
      ['big', 'Out of memory', 0],
      ['small', null, 3],
    ]);
    // Never two models loaded at once: every load after the first is preceded by an unload.
    calls.forEach((call, index) => {
      if (call.startsWith('load') && index > 0) expect(calls.slice(0, index).reverse().find((c) => c.startsWith('load') || c === 'unload')).toBe('unload');
    });
  });

  it('deletes the cached files before a cold-load measurement, and a stop keeps the runs measured so far', async () => {
    const cleared: string[] = [];
    const plan = planBenchmark(['m1'], BENCHMARK_SUITE, { runsPerPrompt: 3, warmup: false, measureColdLoad: true });
    const { engine } = scriptedEngine();
    const stopping = { ...hooks(3), clearCache: async (model: ModelSpec) => void cleared.push(model.id) };
    const [result] = await runBenchmark(plan, new Map([['m1', target('m1')]]), BENCHMARK_SUITE, engine, stopping);
    expect(cleared).toEqual(['m1']);
    expect(result!.runs).toHaveLength(2); // stopped after three steps (load, run, run): two runs kept
  });
});
