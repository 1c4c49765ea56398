import { EngineClient, type WorkerFactory } from '../engine/engine-client';
import { describeError } from '../engine/errors';
import type { CacheBackend, LoadProgress, ModelSpec } from '../engine/protocol';
import type { GpuReport } from '../gpu/probe';
import { deviceFromGpu, type BenchmarkReport } from '../benchmark/benchmark-result';
import { countMeasuredRuns, DEFAULT_OPTIONS, planBenchmark, validateOptions, type BenchmarkOptions, type BenchmarkStep } from '../benchmark/plan';
import { BENCHMARK_SUITE, findPrompt } from '../benchmark/prompt-suite';
import { parseReportFile, REPORT_IDENTITY, toReportCsv, toReportFile } from '../benchmark/report-file';
import { describeCounts, mergeById } from '../files/merge-by-id';
import { deleteReport, listReports, saveReport } from '../benchmark/report-store';
import { runBenchmark, type BenchmarkTarget } from '../benchmark/runner';
import { promptLabel } from '../benchmark/prompt-label';
import { t } from '../i18n/i18n.svelte';

export interface BenchmarkProgress {
  /** What is happening, in words: "Model 1 of 2 · run 4 of 9 (long prompt)". */
  text: string;
  /** Steps done out of the plan's steps. */
  done: number;
  total: number;
  load: LoadProgress | null;
}

/**
 * Benchmark mode: the fixed prompt suite through every line-up model, N times each, one model
 * on the GPU at a time, in a worker of its own. Reports (this device's and imported ones) are
 * kept on the device so that results from several machines can be compared side by side.
 */
export class BenchmarkState {
  options = $state<BenchmarkOptions>({ ...DEFAULT_OPTIONS });
  deviceLabel = $state('');
  running = $state(false);
  progress = $state<BenchmarkProgress | null>(null);
  reports = $state.raw<BenchmarkReport[]>([]);
  /** The report shown in full (the latest run, or one picked from the list). */
  selectedId = $state<string | null>(null);
  skipped = $state(0);
  notice = $state<{ kind: 'info' | 'error'; text: string } | null>(null);

  selected = $derived(this.reports.find((report) => report.id === this.selectedId) ?? this.reports.at(-1) ?? null);

  readonly #workerFactory: WorkerFactory | undefined;
  #client: EngineClient | null = null;
  #stopped = false;

  constructor(workerFactory?: WorkerFactory) {
    this.#workerFactory = workerFactory;
  }

  /** Measured runs the current options make per model, for the "this will take…" line. */
  get runsPerModel(): number {
    return countMeasuredRuns(planBenchmark(['model'], BENCHMARK_SUITE, this.options));
  }

  async load(): Promise<void> {
    try {
      const { reports, skipped } = await listReports();
      this.reports = reports;
      this.skipped = skipped;
    } catch (error) {
      this.notice = { kind: 'error', text: t('benchmark.readFailed', { reason: (error as Error).message }) };
    }
  }

  async start(models: ReadonlyArray<BenchmarkTarget & { label: string }>, gpu: GpuReport | null, cacheBackend: CacheBackend, clearCache: (spec: ModelSpec) => Promise<void>): Promise<void> {
    if (this.running || models.length === 0) return;
    if (!gpu?.available) {
      this.notice = { kind: 'error', text: t('benchmark.nothingToBenchmark') };
      return;
    }
    const { options, adjustments } = validateOptions($state.snapshot(this.options));
    this.options = options;
    const targets = new Map(models.map((model) => [model.spec.id, { ...model, spec: { ...($state.snapshot(model.spec) as ModelSpec), cacheBackend } }]));
    const plan = planBenchmark([...targets.keys()], BENCHMARK_SUITE, options);
    const labels = [...targets.values()].map((target) => target.label);
    this.running = true;
    this.#stopped = false;
    this.notice = adjustments.length ? { kind: 'info', text: adjustments.join(' ') } : null;
    this.progress = { text: t('benchmark.starting'), done: 0, total: plan.length, load: null };
    this.#client = new EngineClient(this.#workerFactory);
    const createdAt = new Date().toISOString();
    try {
      const results = await runBenchmark(plan, targets, BENCHMARK_SUITE, this.#client, {
        onStep: (step, index) => (this.progress = { text: describeStep(step, plan, labels, [...targets.keys()]), done: index, total: plan.length, load: null }),
        onLoadProgress: (load) => {
          if (this.progress) this.progress = { ...this.progress, load };
        },
        clearCache,
        stopped: () => this.#stopped,
        describe: (error) => describeError(error).title,
      });
      const report: BenchmarkReport = {
        format: 'lineup-benchmark',
        version: 1,
        id: crypto.randomUUID(),
        createdAt,
        suiteId: BENCHMARK_SUITE.id,
        options,
        device: deviceFromGpu(gpu, navigator.userAgent, this.deviceLabel || t('benchmark.thisDevice')),
        appVersion: __APP_VERSION__,
        engineVersion: __ENGINE_VERSION__,
        models: results,
      };
      await this.#add(report);
      if (this.#stopped) this.notice = { kind: 'info', text: t('benchmark.stopped') };
    } catch (error) {
      this.notice = { kind: 'error', text: describeError(error).title };
    } finally {
      this.#client.dispose();
      this.#client = null;
      this.running = false;
      this.progress = null;
    }
  }

  /** Stop after the current step; a generation in progress is ended, a load cancelled. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.progress?.load) this.#client?.cancel();
    else await this.#client?.stop().catch(() => undefined);
  }

  async #add(report: BenchmarkReport): Promise<void> {
    this.reports = [...this.reports.filter((existing) => existing.id !== report.id), report];
    this.selectedId = report.id;
    try {
      await saveReport(report);
    } catch (error) {
      this.notice = { kind: 'error', text: t('benchmark.saveFailed', { reason: (error as Error).message }) };
    }
  }

  exportJson(report: BenchmarkReport): string {
    return toReportFile(report);
  }

  exportCsv(): string {
    return toReportCsv(this.reports);
  }

  /** Someone else's results (another laptop, a classmate's GPU), to compare with this device's. */
  async importReport(text: string): Promise<void> {
    try {
      const report = parseReportFile(text);
      // Same id and content: already here. Same id, other content: kept as a copy, never over ours.
      // Against the stored reports, not the list on screen (it may not have loaded yet).
      const { added, counts } = mergeById((await listReports()).reports, [report], REPORT_IDENTITY);
      const from = t('benchmark.resultsFrom', { device: report.device.label || report.device.gpuDescription || t('benchmark.anotherDevice') });
      if (added[0]) await this.#add(added[0]);
      else this.selectedId = report.id;
      this.notice = { kind: 'info', text: t(added[0] ? 'benchmark.imported' : 'benchmark.alreadyHere', { from, counts: describeCounts(counts) }) };
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }

  async remove(id: string): Promise<void> {
    this.reports = this.reports.filter((report) => report.id !== id);
    if (this.selectedId === id) this.selectedId = null;
    await deleteReport(id);
  }

  dispose(): void {
    this.#client?.dispose();
  }
}

function describeStep(step: BenchmarkStep, plan: readonly BenchmarkStep[], labels: string[], ids: string[]): string {
  const modelIndex = ids.indexOf(step.modelId);
  const model = t('benchmark.stepModel', { index: modelIndex + 1, total: ids.length, model: labels[modelIndex] ?? '' });
  if (step.kind === 'load') return t(step.clearCacheBefore ? 'benchmark.stepLoadCold' : 'benchmark.stepLoad', { model });
  if (step.kind === 'reload') return t('benchmark.stepReload', { model });
  const found = findPrompt(BENCHMARK_SUITE, step.promptId);
  const prompt = found ? promptLabel(found) : step.promptId;
  if (step.kind === 'warmup') return t('benchmark.stepWarmup', { model });
  const runs = plan.filter((other) => other.kind === 'run' && other.modelId === step.modelId);
  return t('benchmark.stepRun', { model, index: runs.indexOf(step) + 1, total: runs.length, prompt });
}
