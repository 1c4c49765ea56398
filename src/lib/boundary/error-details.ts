/**
 * The text "Copy details" puts on the clipboard for a bug report: which part failed, the error's
 * name, message and stack, and the app version. Anything can be thrown, not only Errors, so every
 * field is read defensively and the whole is capped (a message could quote a huge input).
 */
const MAX_DETAILS_CHARS = 8000;

export function errorDetails(error: unknown, part: string, appVersion: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown'): string {
  const lines = [`Part: ${part}`, `Lineup: ${appVersion}`];
  if (error instanceof Error) {
    lines.push(`Error: ${safe(() => error.name)}: ${safe(() => error.message)}`);
    const stack = safe(() => error.stack ?? '');
    if (stack) lines.push('', stack);
  } else {
    lines.push(`Thrown: ${safe(() => String(error))}`);
  }
  const text = lines.join('\n');
  return text.length > MAX_DETAILS_CHARS ? `${text.slice(0, MAX_DETAILS_CHARS)}\n… (cut)` : text;
}

/** A getter or toString that throws must not break the error notice itself. */
function safe(read: () => unknown): string {
  try {
    return String(read());
  } catch {
    return '(unreadable)';
  }
}
