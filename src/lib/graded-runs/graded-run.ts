import type { AnswerCheck } from '../grading/check-types';
import type { FinishReason } from '../engine/protocol';

/**
 * One run of a graded prompt set on one device: every line-up model's answers to every item,
 * with engine timings. Grades are not stored: they are recomputed from the answers, the items'
 * checks, the refusal rules and the hand overrides, so every device's file is graded the same way.
 */
export interface GradedItem {
  id: string;
  title: string;
  prompt: string;
  systemPrompt?: string;
  check: AnswerCheck;
}

export interface GradedAnswer {
  itemId: string;
  /** The answer with any thinking removed: what is graded. */
  answer: string;
  /** The reasoning, when the model thought first (never graded). */
  thinking?: string;
  finishReason: FinishReason;
  promptTokens: number | null;
  completionTokens: number | null;
  decodeTokensPerSecond: number | null;
  prefillTokensPerSecond: number | null;
  ttftMs: number | null;
  /** Wall clock around the whole generation, measured on the page. */
  totalMs: number;
  /** For JSON items: true when web-llm's response_format (JSON mode) was used, false when the model could not take it. */
  jsonMode?: boolean;
}

export interface GradedModelResult {
  modelId: string;
  label: string;
  loadMs: number | null;
  /** Why this model stopped early (failed to load, lost GPU…): its answered items still count. */
  error?: string;
  answers: GradedAnswer[];
}

/** A grade set by hand: wins over the automatic one, and is marked as such everywhere. */
export interface GradeOverride {
  modelId: string;
  itemId: string;
  pass: boolean;
}

export interface GradedDevice {
  label: string;
  gpu: string;
  browser: string;
}

export interface GradedRun {
  format: 'lineup-grades';
  version: 1;
  /** The run id: importing the same run twice (or your own file back) adds it once. */
  id: string;
  createdAt: string;
  device: GradedDevice;
  appVersion: string;
  engineVersion: string;
  set: { id: string; title: string; items: GradedItem[] };
  settings: { temperature: number; topP: number; maxTokens: number; seed: number };
  models: GradedModelResult[];
  overrides: GradeOverride[];
}
