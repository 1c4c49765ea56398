/**
 * A duration as a person would say it: "about 4 minutes", "about half a minute". For estimates
 * only (a measured figure keeps its digits, see format.ts): the rounding says "roughly".
 */
export function plainDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return 'an unknown time';
  if (seconds < 1) return 'under a second';
  if (seconds < 10) return `about ${Math.round(seconds)} second${Math.round(seconds) === 1 ? '' : 's'}`;
  if (seconds < 25) return `about ${Math.round(seconds / 5) * 5} seconds`;
  if (seconds < 45) return 'about half a minute';
  if (seconds < 90) return 'about a minute';
  const minutes = seconds / 60;
  if (minutes < 55) return `about ${Math.round(minutes)} minutes`;
  if (minutes < 90) return 'about an hour';
  const hours = minutes / 60;
  if (hours < 36) return `about ${Math.round(hours)} hours`;
  return `about ${Math.round(hours / 24)} days`;
}
