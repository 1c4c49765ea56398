/**
 * Blind arena: text shown before the vote must not name the model. An error's message can hold
 * the model's id, its label or its URLs ("Failed to fetch https://huggingface.co/mlc-ai/Qwen3-…"),
 * so each of those is replaced with a neutral word before it reaches the page.
 */
export function redactModel(text: string, secrets: readonly (string | null | undefined)[], placeholder = 'this model'): string {
  // Longest first: an id contains the label ("Qwen3-0.6B" in "Qwen3-0.6B-q4f16_1-MLC").
  const words = [...new Set(secrets.filter((secret): secret is string => typeof secret === 'string' && secret.trim().length >= 3))]
    .sort((a, b) => b.length - a.length);
  // URLs first, whole (a file inside the model's folder names the host and repository), so an id
  // inside one does not cut it in two and leave the rest behind.
  let result = text.replace(/\bhttps?:\/\/[^\s"'<>)]+/g, placeholder);
  for (const word of words) result = result.split(word).join(placeholder);
  return result;
}
