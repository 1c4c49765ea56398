import { t, type MessageKey } from '../i18n/i18n.svelte';
import type { BenchmarkPrompt } from './prompt-suite';

/**
 * A suite prompt's name on screen, in the page's language. The suite itself (ids, labels, the text
 * sent to models) is frozen so every device runs the same thing; only its name is translated.
 */
const KEYS: Readonly<Record<string, MessageKey>> = {
  short: 'benchmark.promptShort',
  medium: 'benchmark.promptMedium',
  long: 'benchmark.promptLong',
};

export function promptLabel(prompt: Pick<BenchmarkPrompt, 'id' | 'label'>): string {
  const key = KEYS[prompt.id];
  return key ? t(key) : prompt.label;
}
