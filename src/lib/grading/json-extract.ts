/**
 * The JSON in a model's answer. Models wrap it in a ```json fence, add "Here is the JSON:" before
 * it or an explanation after; all of those still count as giving JSON. The first balanced object
 * or array that parses is taken; null when there is none.
 */
export function extractJson(text: string): { value: unknown } | null {
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(text)?.[1];
  for (const candidate of [text.trim(), fenced?.trim()]) {
    if (candidate === undefined || candidate === '') continue;
    const parsed = tryParse(candidate);
    if (parsed) return parsed;
  }
  for (let start = 0; start < text.length; start++) {
    const char = text[start];
    if (char !== '{' && char !== '[') continue;
    const end = balancedEnd(text, start);
    if (end < 0) continue;
    const parsed = tryParse(text.slice(start, end + 1));
    if (parsed) return parsed;
  }
  return null;
}

function tryParse(text: string): { value: unknown } | null {
  try {
    const value: unknown = JSON.parse(text, (key, item: unknown) => (key === '__proto__' ? undefined : item));
    return typeof value === 'object' && value !== null ? { value } : null;
  } catch {
    return null;
  }
}

/** Index of the bracket closing the one at `start` (strings and escapes respected), or −1. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}
