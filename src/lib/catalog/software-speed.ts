import { weightBytesPerToken } from '../benchmark/bandwidth';
import { plainDuration } from '../metrics/plain-duration';
import type { CatalogEntry } from './catalog';
import { i18n, t } from '../i18n/i18n.svelte';

/**
 * How slow a model is on a software adapter (WebGPU emulated on the CPU, e.g. SwiftShader), so
 * the warning can give a number instead of "very slow". Decoding reads every weight once per
 * token; on SwiftShader the whole pipeline manages about 20 MB of weights per second: the
 * synthetic Qwen2-0.5B q4f16 (≈ 0.28 GB of weights) decodes at 0.07-0.08 tokens/s there
 * (12-16 s a token, `npm run bench` on the 2-core test machine). A faster CPU does better, so
 * this is an order of magnitude, said as one ("about a minute per word").
 */
export const SOFTWARE_WEIGHT_BYTES_PER_SECOND = 20e6;
/** A token is about ¾ of an English word, so a word costs 4/3 of a token's time. */
export const WORDS_PER_TOKEN = 0.75;

/** Seconds per written word on a software adapter; null when the model's size is unknown. */
export function softwareSecondsPerWord(entry: CatalogEntry): number | null {
  const bytes = weightBytesPerToken(entry.meta);
  if (bytes === null) return null;
  return bytes / SOFTWARE_WEIGHT_BYTES_PER_SECOND / WORDS_PER_TOKEN;
}

export interface SoftwareAdvice {
  /** The slowest model of the line-up and its time per word (the wait a class would sit through). */
  slowest: { entry: CatalogEntry; secondsPerWord: number } | null;
  /** The quickest model to try instead (smallest weights), when it is not already the only one. */
  smallest: { entry: CatalogEntry; secondsPerWord: number } | null;
  /** The warning in the page's language (read when shown): "… (about a minute per word here for Qwen2.5-1.5B-Instruct)." */
  text: string;
}

function timed(entries: readonly CatalogEntry[]): Array<{ entry: CatalogEntry; secondsPerWord: number }> {
  return entries.flatMap((entry) => {
    const secondsPerWord = softwareSecondsPerWord(entry);
    return secondsPerWord === null ? [] : [{ entry, secondsPerWord }];
  });
}

/**
 * What to tell a person about to run `lineup` on a software adapter. `candidates` are the models
 * that can run here (chat models that pass the fit rules); the smallest of them is suggested
 * when it is quicker than the line-up's slowest.
 */
export function softwareAdvice(lineup: readonly CatalogEntry[], candidates: readonly CatalogEntry[]): SoftwareAdvice {
  const inLineup = timed(lineup).sort((a, b) => b.secondsPerWord - a.secondsPerWord);
  const slowest = inLineup[0] ?? null;
  const quickest = timed(candidates).sort((a, b) => a.secondsPerWord - b.secondsPerWord)[0] ?? null;
  const smallest = quickest && (!slowest || quickest.secondsPerWord < slowest.secondsPerWord * 0.8) ? quickest : null;
  const parts = [
    slowest ? t('gpu.softwareSlowFor', { perWord: perWord(slowest.secondsPerWord), model: slowest.entry.base }) : t('gpu.softwareSlowUnknown'),
  ];
  if (smallest) parts.push(t('gpu.softwareSmallest', { model: smallest.entry.base, perWord: perWord(smallest.secondsPerWord) }));
  // Chinese sentences follow each other without a space.
  return { slowest, smallest, text: parts.join(i18n.locale === 'zh-CN' ? '' : ' ') };
}

/** "about a minute per word", "about 20 seconds per word". */
export function perWord(secondsPerWord: number): string {
  return t('gpu.perWord', { duration: plainDuration(secondsPerWord) });
}
