/**
 * Will this prompt fit the model's context window? Counting exactly needs the model's tokenizer,
 * which lives in the worker and only after a download; a conservative estimate lets us warn
 * before anything is downloaded. The engine still enforces the real limit (and its error is
 * mapped to the same advice).
 */

import { formatNumber, t } from '../i18n/i18n.svelte';

// CJK ideographs, kana and hangul are usually one token each (or more) in these tokenizers.
const DENSE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

/** An upper-leaning estimate of the token count of `text`. */
export function estimateTokens(text: string): number {
  if (!text) return 0;
  const dense = text.match(DENSE_SCRIPT)?.length ?? 0;
  const rest = text.length - dense;
  // ~3.5 characters per token for English/code in BPE tokenizers; round up to stay on the safe side.
  return dense + Math.ceil(rest / 3.5);
}

/** Tokens the chat template adds around the messages (role markers, default system prompt). */
export const TEMPLATE_OVERHEAD_TOKENS = 32;

export interface BudgetCheck {
  fits: boolean;
  promptTokens: number;
  message: string | null;
}

export function checkPromptBudget(
  promptText: string,
  maxTokens: number,
  contextWindow: number | null,
): BudgetCheck {
  const promptTokens = estimateTokens(promptText) + TEMPLATE_OVERHEAD_TOKENS;
  if (contextWindow === null) return { fits: true, promptTokens, message: null };
  const needed = promptTokens + maxTokens;
  if (needed <= contextWindow) return { fits: true, promptTokens, message: null };
  return {
    fits: false,
    promptTokens,
    // Worded when it is checked (a $derived in the line-up state), so it follows the language.
    message: t('prompt.overBudget', {
      promptTokens: formatNumber(promptTokens),
      maxTokens: formatNumber(maxTokens),
      contextWindow: formatNumber(contextWindow),
    }),
  };
}
