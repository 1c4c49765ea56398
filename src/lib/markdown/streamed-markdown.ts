import { discardInSlices } from './discard-in-slices';
import { MarkdownBlocks } from './markdown-blocks';
import { OUT_OF_VIEW_RENDER_MS, SLICE_MS, TAIL_MIN_INTERVAL_MS, renderIntervalMs } from './render-pace';

/** Finished blocks → sanitised nodes for `document`, in order (render-markdown.ts's renderBlockNodes). */
export type RenderBlock = (blocks: readonly string[], document: Document) => DocumentFragment;

/**
 * Finished blocks per chunk element. The browser's per-frame work (layout of the output's
 * children, visibility checks for `content-visibility`, hit testing, paint layers) grows with the
 * number of elements directly in the output, and a fast model finishes ~75 blocks a second: one
 * element per block meant thousands per pane. A chunk of 32 keeps that to dozens.
 */
export const CHUNK_BLOCKS = 32;

/**
 * Finished blocks rendered in one call of the renderer at most (which sanitises them in one
 * pass, render-markdown.ts): a few at a time keeps the SLICE_MS checks in between meaningful.
 */
export const BATCH_BLOCKS = 16;

/**
 * Streams markdown into a host element with as little DOM work per update as the text allows.
 * Finished blocks (markdown-blocks.ts) are rendered once, appended to the open chunk and never
 * touched again; a full chunk is sealed. Only the growing last block, the tail, is re-rendered.
 * Chunks and the tail have `content-visibility: auto` (Markdown.svelte), so the browser skips
 * laying out and painting them while they are scrolled out of view.
 *
 * While the tail is out of view (the pane does not follow the stream: a reader is usually at the
 * top of the answer), formatting waits longer (OUT_OF_VIEW_RENDER_MS) and then renders several
 * blocks in one sanitiser pass: the text is in the page at once, as plain text in the tail, and
 * nobody sees the difference. Once the tail scrolls into view it is formatted at once.
 *
 * Written against the DOM rather than as a Svelte `{#each}`: a keyed list of thousands of HTML
 * blocks is reconciled in full whenever one is added, which cost more than the new block itself.
 *
 * Every element inserted here comes from `renderBlock`, i.e. DOMPurify: model output never
 * reaches the DOM as raw HTML (plain text goes in as text nodes). Each block is parsed on its
 * own, so an element one block leaves open cannot reach into the next.
 */
export class StreamedMarkdown {
  readonly host: HTMLElement;
  readonly #renderBlock: RenderBlock;
  readonly #document: Document;
  readonly #splitter = new MarkdownBlocks();
  readonly #tail: HTMLElement;
  #blocks: readonly string[] = [];
  #rendered = 0;
  #chunk: HTMLElement | null = null;
  #chunkBlocks = 0;
  #pendingTail = '';
  /** The tail text whose rendered HTML the tail element shows; null while it shows plain text. */
  #renderedTail: string | null = null;
  /** Text that arrived after the rendered tail, shown as plain text until the next render. */
  #suffix: Text | null = null;
  /** When blocks or the tail were last rendered: the tail's next render is paced from there. */
  #lastRender = -Infinity;
  #lastTailCost = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** What the pending timer is for: the next slice of finished blocks, the tail's paced render, or formatting the end while it is out of view. */
  #waiting: 'slice' | 'tail' | 'view' | null = null;
  /** Whether the tail (where unrendered text is shown) may be on screen; always so without IntersectionObserver. */
  #tailInView = true;
  readonly #viewObserver: IntersectionObserver | null = null;
  /** Finishes removing a previous text's output, if some of it is still waiting its turn. */
  #finishDiscard: () => void = () => {};

  constructor(host: HTMLElement, renderBlock: RenderBlock) {
    this.host = host;
    this.#renderBlock = renderBlock;
    this.#document = host.ownerDocument;
    host.replaceChildren();
    this.#tail = this.#document.createElement('div');
    this.#tail.className = 'md-tail';
    host.append(this.#tail);
    const View = this.#document.defaultView?.IntersectionObserver;
    if (View) {
      this.#viewObserver = new View((entries) => {
        this.#tailInView = entries.at(-1)!.isIntersecting;
        if (this.#tailInView && this.#waiting === 'view') {
          clearTimeout(this.#timer);
          this.#pump();
        }
      });
      this.#viewObserver.observe(this.#tail);
    }
  }

  /** Show `source`, the whole text so far (usually the previous text plus more). */
  update(source: string): void {
    const split = this.#splitter.update(source);
    if (split.blocks !== this.#blocks) this.#restart(); // the splitter started over: the text was replaced
    this.#blocks = split.blocks;
    this.#pendingTail = split.tail;
    if (this.#timer === undefined) return this.#pump();
    // A render is already due and will take the latest text. A slice of finished blocks comes
    // next anyway; a paced tail render may be far off, so new blocks or tail text show now.
    if (this.#waiting === 'slice') return;
    if (this.#waiting === 'view') return this.#showUnrendered();
    if (this.#rendered < this.#blocks.length) {
      clearTimeout(this.#timer);
      this.#pump();
    } else {
      this.#showTailMeanwhile();
    }
  }

  destroy(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#viewObserver?.disconnect();
    this.#finishDiscard();
  }

  #restart(): void {
    this.#rendered = 0;
    this.#chunk = null;
    this.#chunkBlocks = 0;
    this.#renderedTail = null;
    this.#suffix = null;
    this.#lastRender = -Infinity;
    this.#tail.replaceChildren();
    // The previous text's chunks go a slice at a time (discard-in-slices.ts): a new run clears
    // every pane at once, and their old answers can be tens of thousands of nodes each.
    this.#finishDiscard();
    const old = [...this.host.children].filter((child) => child !== this.#tail);
    this.#finishDiscard = discardInSlices(old);
  }

  /**
   * Render what is due in slices of at most SLICE_MS, yielding to the page in between: a click
   * is answered between two slices however much text arrived at once (a history entry or a
   * share link opens with the whole answer). Each block's own cost is bounded by the parser's
   * budgets (markdown-complexity.ts).
   */
  #pump(): void {
    this.#timer = undefined;
    this.#waiting = null;
    const started = performance.now();
    const due = this.#lastRender + OUT_OF_VIEW_RENDER_MS;
    const pending = this.#rendered < this.#blocks.length || this.#pendingTail !== this.#renderedTail || this.#suffix !== null;
    if (!this.#tailInView && started < due && pending) {
      this.#showUnrendered();
      this.#wait('view', due - started);
      return;
    }
    while (this.#rendered < this.#blocks.length) {
      const room = this.#chunk === null || this.#chunkBlocks >= CHUNK_BLOCKS ? CHUNK_BLOCKS : CHUNK_BLOCKS - this.#chunkBlocks;
      const count = Math.min(this.#blocks.length - this.#rendered, BATCH_BLOCKS, room);
      this.#appendBlocks(this.#renderBlock(this.#blocks.slice(this.#rendered, this.#rendered + count), this.#document), count);
      this.#rendered += count;
      this.#lastRender = performance.now();
      if (this.#rendered < this.#blocks.length && this.#lastRender - started > SLICE_MS) {
        // Not rendered yet: shown as plain text meanwhile, so nothing disappears while the renderer catches up.
        this.#showUnrendered();
        this.#wait('slice', 0);
        return;
      }
    }
    if (this.#pendingTail === this.#renderedTail && this.#suffix === null) return;
    if (!this.#pendingTail) {
      this.#tail.replaceChildren();
      this.#renderedTail = '';
      this.#suffix = null;
      return;
    }
    // The tail: re-rendered as it grows, at a pace that keeps rendering a small share of the
    // main thread (by length, and by what the last render of it cost). Paced from the last render
    // of anything, blocks included: a fast model finishes a block every few frames, and a tail
    // rendered just before it was finished was rendered again as a block straight after (about a
    // quarter of all sanitising, measured). Its words are on screen meanwhile, as plain text.
    const pace = Math.max(TAIL_MIN_INTERVAL_MS, renderIntervalMs(this.#pendingTail.length), this.#lastTailCost * 8);
    const wait = this.#lastRender + pace - performance.now();
    if (wait > 0) {
      this.#showTailMeanwhile();
      this.#wait('tail', wait);
      return;
    }
    const tailStarted = performance.now();
    this.#tail.replaceChildren(this.#renderBlock([this.#pendingTail], this.#document));
    this.#renderedTail = this.#pendingTail;
    this.#suffix = null;
    this.#lastRender = performance.now();
    this.#lastTailCost = this.#lastRender - tailStarted;
  }

  #wait(reason: 'slice' | 'tail' | 'view', ms: number): void {
    this.#timer = setTimeout(() => this.#pump(), ms);
    this.#waiting = reason;
  }

  /** Finished blocks not rendered yet, and the tail, shown in the tail element as they are. */
  #showUnrendered(): void {
    if (this.#rendered < this.#blocks.length) this.#showPlain(this.#blocks.slice(this.#rendered).join('') + this.#pendingTail);
    else this.#showTailMeanwhile();
  }

  /** `nodes`: `count` rendered blocks, which fit in the open chunk (or a new one). */
  #appendBlocks(nodes: DocumentFragment, count: number): void {
    if (this.#chunk === null || this.#chunkBlocks >= CHUNK_BLOCKS) {
      this.#chunk?.classList.add('sealed');
      this.#chunk = this.#document.createElement('div');
      this.#chunk.className = 'md-chunk';
      this.#chunkBlocks = 0;
      this.#tail.before(this.#chunk);
    }
    this.#chunk.append(nodes);
    this.#chunkBlocks += count;
  }

  /**
   * Until the tail's next render: its rendered part stays, and what arrived since is appended as
   * plain text where the text was flowing (the last paragraph, list item or cell), so new words
   * are on screen at once and take their formatting at the next render.
   */
  #showTailMeanwhile(): void {
    const tail = this.#pendingTail;
    const rendered = this.#renderedTail;
    if (rendered === null || !tail.startsWith(rendered)) return this.#showPlain(tail);
    const added = tail.slice(rendered.length);
    if (this.#suffix === null) {
      if (!added) return;
      this.#suffix = this.#document.createTextNode('');
      lastTextBlock(this.#tail).append(this.#suffix);
    }
    const shown = this.#suffix.data;
    if (added.startsWith(shown)) this.#suffix.appendData(added.slice(shown.length));
    else this.#suffix.data = added;
  }

  #showPlain(text: string): void {
    const block = this.#document.createElement('pre');
    block.className = 'plain-block';
    block.textContent = text;
    this.#tail.replaceChildren(block);
    this.#renderedTail = null;
    this.#suffix = null;
  }
}

/** Elements that hold flowing text, or hold elements that do: where streamed words continue. */
const TEXT_CONTAINERS = new Set(['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'PRE', 'CODE', 'DIV']);

/** The innermost last block of `root` that text can be appended to (root itself if none). */
function lastTextBlock(root: Element): Element {
  let node = root;
  for (;;) {
    let last = node.lastChild;
    // marked ends blocks with a newline: whitespace between elements does not count.
    while (last && last.nodeType === TEXT_NODE && !(last as Text).data.trim()) last = last.previousSibling;
    if (!last || last.nodeType !== ELEMENT_NODE || !TEXT_CONTAINERS.has((last as Element).tagName)) return node;
    node = last as Element;
  }
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
