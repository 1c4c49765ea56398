/**
 * Which models think before they answer (`<think>…</think>`), and whether that can be switched
 * off. web-llm's records do not say, so this table does; the catalog test checks it against
 * every prebuilt model id, so a new reasoning model in an upgrade is noticed.
 *
 * - `switchable`: Qwen3 and Qwen3.5 think by default; `extra_body.enable_thinking: false` makes
 *   web-llm put an empty `<think>\n\n</think>` in front of the reply, so they answer directly.
 * - `always`: DeepSeek-R1 distills and Mistral's "Reasoning" builds always reason; there is no
 *   switch (web-llm's enable_thinking is only meant for the Qwen3 template).
 * - `none`: every other model. Its output is never split, so a `<think>` it writes stays text.
 */
export type ReasoningKind = 'always' | 'switchable' | 'none';

const REASONING_RULES: ReadonlyArray<{ test: RegExp; kind: ReasoningKind }> = [
  { test: /^Qwen3(?:\.5)?-(?!Coder|VL|Embedding)/i, kind: 'switchable' },
  { test: /^DeepSeek-R1-Distill-/i, kind: 'always' },
  { test: /-Reasoning\b/i, kind: 'always' },
];

/** The reasoning kind of a model, from its id (or base name); `none` when no rule matches. */
export function reasoningKindOf(modelId: string): ReasoningKind {
  return REASONING_RULES.find((rule) => rule.test.test(modelId))?.kind ?? 'none';
}

/** Message keys of the reasoning kinds (the card shows them with t()). */
export const REASONING_LABEL_KEY = {
  always: 'catalog.reasoningAlways',
  switchable: 'catalog.reasoningSwitchable',
  none: 'catalog.reasoningNone',
} as const satisfies Record<ReasoningKind, string>;
