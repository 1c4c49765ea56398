import type { Behaviour, Grade } from '../grading/check-types';
import { gradeAnswer } from '../grading/grade';
import type { RefusalRules } from '../grading/refusal-rules';
import { wilsonInterval, type Interval } from '../grading/wilson';
import { summarize } from '../benchmark/statistics';
import type { GradedAnswer, GradedModelResult, GradedRun } from './graded-run';

/** One item's grade for one model: the automatic one, or the hand override (marked). */
export interface ItemGrade extends Grade {
  itemId: string;
  answer: GradedAnswer;
  overridden: boolean;
  /** The automatic verdict, kept when overridden so the table can say what was changed. */
  automatic: boolean;
}

export interface Rate {
  count: number;
  rate: number;
  interval: Interval;
}

/** A model's score on a set: passes out of graded answers, with the 95 % Wilson interval. */
export interface ScoreRow {
  modelId: string;
  label: string;
  passed: number;
  total: number;
  score: number;
  interval: Interval;
  /** Behaviour sets only: how the answers were classified. */
  behaviour: Record<Behaviour, Rate> | null;
  completionTokens: number;
  medianDecodeTokensPerSecond: number | null;
  medianTtftMs: number | null;
  /** Translation sets: the mean chrF (0..1). */
  meanChrf: number | null;
  overrides: number;
  error?: string;
}

export function gradeModel(run: GradedRun, model: GradedModelResult, rules: RefusalRules): ItemGrade[] {
  const checks = new Map(run.set.items.map((item) => [item.id, item.check]));
  return model.answers.flatMap((answer) => {
    const check = checks.get(answer.itemId);
    if (!check) return [];
    const grade = gradeAnswer(answer.answer, check, rules);
    const override = run.overrides.find((entry) => entry.modelId === model.modelId && entry.itemId === answer.itemId);
    const overridden = override !== undefined && override.pass !== grade.pass;
    return [{ ...grade, itemId: answer.itemId, answer, automatic: grade.pass, overridden, pass: override?.pass ?? grade.pass }];
  });
}

const rate = (count: number, total: number): Rate => ({ count, rate: total ? count / total : 0, interval: wilsonInterval(count, total) });

/** Score rows for graded answers of one or more runs of the same set (pooling = passing several). */
export function scoreRows(entries: ReadonlyArray<{ run: GradedRun; model: GradedModelResult }>, rules: RefusalRules): ScoreRow {
  const first = entries[0]!;
  const grades = entries.flatMap(({ run, model }) => gradeModel(run, model, rules));
  const passed = grades.filter((grade) => grade.pass).length;
  const answers = grades.map((grade) => grade.answer);
  const behaviours = grades.filter((grade) => grade.behaviour);
  const chrfs = entries.flatMap(({ run }) => run.set.items).some((item) => item.check.kind === 'chrf')
    ? grades.filter((grade) => /^chrF/.test(grade.reason)).map((grade) => grade.score)
    : [];
  const count = (kind: Behaviour) => behaviours.filter((grade) => grade.behaviour === kind).length;
  const errors = entries.map(({ model }) => model.error).filter(Boolean);
  return {
    modelId: first.model.modelId,
    label: first.model.label,
    passed,
    total: grades.length,
    score: grades.length ? passed / grades.length : 0,
    interval: wilsonInterval(passed, grades.length),
    behaviour: behaviours.length
      ? { answered: rate(count('answered'), behaviours.length), refused: rate(count('refused'), behaviours.length), deflected: rate(count('deflected'), behaviours.length) }
      : null,
    completionTokens: answers.reduce((sum, answer) => sum + (answer.completionTokens ?? 0), 0),
    medianDecodeTokensPerSecond: summarize(answers.map((answer) => answer.decodeTokensPerSecond))?.median ?? null,
    medianTtftMs: summarize(answers.map((answer) => answer.ttftMs))?.median ?? null,
    meanChrf: chrfs.length ? chrfs.reduce((sum, value) => sum + value, 0) / chrfs.length : null,
    overrides: grades.filter((grade) => grade.overridden).length,
    ...(errors.length ? { error: errors.join(' · ') } : {}),
  };
}

/** This run's table: one row per model, in line-up order. */
export function scoreRun(run: GradedRun, rules: RefusalRules): ScoreRow[] {
  return run.models.map((model) => scoreRows([{ run, model }], rules));
}

export interface ClassTable {
  setId: string;
  setTitle: string;
  /** One block per device file (run), oldest first. */
  devices: Array<{ runId: string; device: string; createdAt: string; rows: ScoreRow[] }>;
  /** Per model over every device's answers: the class's score, with a (narrower) interval. */
  pooled: ScoreRow[];
}

/** Every saved run of one set, merged: per-device rows and one pooled row per model. */
export function classTable(runs: readonly GradedRun[], setId: string, rules: RefusalRules): ClassTable | null {
  const ofSet = runs.filter((run) => run.set.id === setId).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  if (ofSet.length === 0) return null;
  const byModel = new Map<string, Array<{ run: GradedRun; model: GradedModelResult }>>();
  for (const run of ofSet) for (const model of run.models) byModel.set(model.modelId, [...(byModel.get(model.modelId) ?? []), { run, model }]);
  return {
    setId,
    setTitle: ofSet.at(-1)!.set.title,
    devices: ofSet.map((run) => ({ runId: run.id, device: run.device.label, createdAt: run.createdAt, rows: scoreRun(run, rules) })),
    pooled: [...byModel.values()].map((entries) => scoreRows(entries, rules)),
  };
}
