/**
 * Human formatting of the figures Lineup shows. One place, so panes, chart and table agree.
 * Digits follow the interface language (Intl) and the unit words come from the catalogue; no
 * digit grouping where the figures were plain `toFixed` before ("1234.5 tok/s"), so English
 * reads exactly as it always did.
 */
import { formatNumber, t } from '../i18n/i18n.svelte';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** A figure with exactly `digits` decimals, no grouping (the old `toFixed`, in the page's language). */
export function fixed(value: number, digits: number): string {
  return formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
}

/** Binary units (1 MB = 1024² bytes), as browsers and web-llm report sizes. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${fixed(value, digits)} ${UNITS[unit]}`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return t('units.ms', { value: fixed(Math.round(ms), 0) });
  const seconds = ms / 1000;
  if (seconds < 60) return t('units.seconds', { value: fixed(seconds, seconds < 10 ? 2 : 1) });
  // Round once, then split: rounding the seconds part alone can give "1 min 60 s".
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return t('units.minutesSeconds', { minutes: fixed(minutes, 0), seconds: fixed(whole - minutes * 60, 0) });
}

export function formatRate(tokensPerSecond: number | null | undefined): string {
  if (tokensPerSecond === null || tokensPerSecond === undefined || !Number.isFinite(tokensPerSecond) || tokensPerSecond < 0) return '—';
  const digits = tokensPerSecond >= 100 ? 0 : tokensPerSecond >= 10 ? 1 : 2;
  return t('units.rate', { value: fixed(tokensPerSecond, digits) });
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(value);
}
