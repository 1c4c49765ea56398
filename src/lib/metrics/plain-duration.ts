import { t, tn } from '../i18n/i18n.svelte';

/**
 * A duration as a person would say it: "about 4 minutes", "about half a minute". For estimates
 * only (a measured figure keeps its digits, see format.ts): the rounding says "roughly".
 */
export function plainDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return t('units.aboutUnknown');
  if (seconds < 1) return t('units.aboutUnderSecond');
  if (seconds < 10) return tn('units.aboutSeconds', Math.round(seconds));
  if (seconds < 25) return tn('units.aboutSeconds', Math.round(seconds / 5) * 5);
  if (seconds < 45) return t('units.aboutHalfMinute');
  if (seconds < 90) return t('units.aboutMinute');
  const minutes = seconds / 60;
  if (minutes < 55) return tn('units.aboutMinutes', Math.round(minutes));
  if (minutes < 90) return t('units.aboutHour');
  const hours = minutes / 60;
  if (hours < 36) return tn('units.aboutHours', Math.round(hours));
  return tn('units.aboutDays', Math.round(hours / 24));
}
