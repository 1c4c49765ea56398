/**
 * What a model writes as raw HTML. Models explaining HTML write tag names in prose all the time
 * ("put CSS inside a <style> tag"). Handed to the HTML parser, such a tag opens a raw-text
 * element (style, script, title, textarea, xmp, noscript, iframe, template, plaintext…) that
 * swallows everything after it, and the sanitiser then drops it with its content: the rest of
 * the answer is gone. So only a short list of harmless inline tags, written without attributes,
 * is kept as HTML; every other `<` in raw HTML is shown as the text the model wrote.
 */
const KEPT_TAG_OR_BRACKET = /<\/?(?:b|i|em|strong|u|s|del|ins|sub|sup|mark|small|kbd|code|var|samp|q|abbr|br|wbr|hr)\s*\/?>|[<>]/gi;

/** Escapes every `<` and `>` of raw HTML except those of a kept tag; `changed` if any `<` was. */
export function neutralizeRawHtml(html: string): { html: string; changed: boolean } {
  let changed = false;
  const out = html.replace(KEPT_TAG_OR_BRACKET, (match) => {
    if (match.length > 1) return match;
    if (match === '<') changed = true;
    return match === '<' ? '&lt;' : '&gt;';
  });
  return { html: out, changed };
}
