import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { isTooComplexForMarkdown } from './markdown-complexity';
import { neutralizeRawHtml } from './raw-html';

export { MAX_MARKDOWN_BLOCK_CHARS } from './markdown-complexity';

/**
 * Model output is untrusted text. It is parsed as GitHub-flavoured markdown by `marked`, then
 * everything is passed through DOMPurify, which removes scripts, event handlers, `javascript:`
 * URLs and the like. On top of DOMPurify's defaults we also drop anything that would make the
 * browser fetch from another host by itself (images, media, frames, forms, styles): the app's
 * promise is that nothing leaves the device, and a model could otherwise write a tracking pixel.
 */
const FORBID_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'svg', 'math'];
const FORBID_ATTR = ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'poster'];
const PURIFY = { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false };

/** Set when the block being parsed held raw HTML (renderBlockNodes sanitises such a block alone). */
let rawHtmlSeen = false;

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML from the model: only a few harmless inline tags stay HTML (raw-html.ts). A block
    // of HTML that held anything else is shown as the source the model wrote, line breaks kept.
    html({ text, block }) {
      rawHtmlSeen = true;
      const { html, changed } = neutralizeRawHtml(text);
      return block && changed ? `<pre class="plain-block">${html}</pre>` : html;
    },
  },
});

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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const plainBlock = (block: string) => `<pre class="plain-block">${escapeHtml(block)}</pre>`;

/**
 * One finished block → sanitised HTML. Never throws and never loses text: a block over the
 * parser's budgets (markdown-complexity.ts), or one the parser fails on anyway, is shown as
 * plain, escaped text. Blocks are rendered one by one, so whatever one block holds (an
 * unclosed HTML element, a runaway list) cannot reach into the next.
 */
export function renderBlock(block: string): string {
  const html = parseBlock(block);
  return html === null ? plainBlock(block) : sanitize(html);
}

/**
 * renderBlock as nodes ready to insert (the streaming view's path): DOMPurify hands back the
 * tree it sanitised instead of serialising it to a string that the page would parse again.
 *
 * Several finished blocks can go in one call, and those whose markdown held no raw HTML then share
 * one sanitiser pass: each DOMPurify call parses into a fresh document of its own, and creating
 * that document was about half of what sanitising a block cost (a fast model finishes ~75 blocks
 * a second per pane). Each block is still parsed by marked on its own, and marked's own output
 * for a block is balanced HTML (every element closed, text escaped), so joining it cannot let an
 * element reach from one block into the next. Only raw HTML can leave an element open (`<b>`
 * without `</b>`): a block that held any is sanitised on its own, as every block used to be.
 *
 * Reusing one inert document for every block was tried and was far slower: DOMPurify's node
 * iterators stay registered with their document until garbage collection, and every node moved
 * out of it notifies all of them.
 */
export function renderBlockNodes(blocks: string | readonly string[], document: Document): DocumentFragment {
  const list = typeof blocks === 'string' ? [blocks] : blocks;
  const fragment = document.createDocumentFragment();
  let joined = '';
  const sanitizeJoined = () => {
    if (joined) fragment.append(sanitizeToFragment(joined));
    joined = '';
  };
  for (const block of list) {
    rawHtmlSeen = false;
    const html = parseBlock(block);
    if (html === null) {
      sanitizeJoined();
      const pre = fragment.appendChild(document.createElement('pre'));
      pre.className = 'plain-block';
      pre.textContent = block;
    } else if (rawHtmlSeen) {
      sanitizeJoined();
      fragment.append(sanitizeToFragment(html));
    } else {
      joined += html;
    }
  }
  sanitizeJoined();
  return fragment;
}

function sanitizeToFragment(html: string): DocumentFragment {
  installHooks();
  return DOMPurify.sanitize(html, PURIFY_FRAGMENT);
}

const PURIFY_FRAGMENT = { ...PURIFY, RETURN_DOM_FRAGMENT: true } as const;

/** The parse half of renderBlock (the part in JavaScript): unsanitised HTML, or null for plain text. */
export function parseBlock(block: string): string | null {
  if (isTooComplexForMarkdown(block)) return null;
  try {
    return marked.parse(block) as string;
  } catch {
    return null; // e.g. a stack overflow the budgets did not foresee: the text still shows
  }
}

/** Render finished blocks, each on its own (see renderBlock). */
export function renderBlocks(blocks: readonly string[]): string {
  return blocks.map(renderBlock).join('');
}

/** Markdown → sanitised HTML string, safe to insert with {@html}. */
export function renderMarkdown(source: string): string {
  return sanitize(marked.parse(source) as string);
}

function sanitize(html: string): string {
  installHooks();
  return DOMPurify.sanitize(html, PURIFY);
}
