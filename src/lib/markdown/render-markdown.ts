import { Marked } from 'marked';
import DOMPurify from 'dompurify';

/**
 * Model output is untrusted text. It is parsed as GitHub-flavoured markdown by `marked`, then
 * everything is passed through DOMPurify, which removes scripts, event handlers, `javascript:`
 * URLs and the like. On top of DOMPurify's defaults we also drop anything that would make the
 * browser fetch from another host by itself (images, media, frames, forms, styles): the app's
 * promise is that nothing leaves the device, and a model could otherwise write a tracking pixel.
 */
const FORBID_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'svg', 'math'];
const FORBID_ATTR = ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'poster'];

const marked = new Marked({ gfm: true, breaks: true, async: false });

let hooksInstalled = false;
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Links open in a new tab without giving the new page a handle on this one.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

/**
 * Largest single block (paragraph, list, code fence) parsed as markdown. Some inputs (long runs
 * of "_a" or "*a") make markdown parsers slow down with the square of their length; a model
 * stuck in a loop can produce them. Beyond this size a block is shown as plain, escaped text.
 */
export const MAX_MARKDOWN_BLOCK_CHARS = 16_000;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Render finished blocks: small ones together as markdown, oversized ones as plain text. */
export function renderBlocks(blocks: readonly string[]): string {
  let html = '';
  let batch = '';
  for (const block of blocks) {
    if (block.length <= MAX_MARKDOWN_BLOCK_CHARS) {
      batch += block;
      continue;
    }
    if (batch) html += renderMarkdown(batch);
    batch = '';
    html += `<pre class="plain-block">${escapeHtml(block)}</pre>`;
  }
  return batch ? html + renderMarkdown(batch) : html;
}

/** Markdown → sanitised HTML string, safe to insert with {@html}. */
export function renderMarkdown(source: string): string {
  installHooks();
  const html = marked.parse(source) as string;
  return DOMPurify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false });
}
