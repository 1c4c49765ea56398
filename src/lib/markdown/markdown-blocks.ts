/**
 * Splits streaming markdown into blocks that can no longer change, plus an open tail. A block
 * ends at a blank line outside a code fence; once a later block has started, nothing the model
 * adds can change how an earlier one renders (bar reference-style links, which small models
 * rarely write). So each finished block is rendered and sanitised once, and only the tail is
 * re-rendered as tokens arrive: cost per update stays proportional to the new text, not to the
 * whole answer.
 */
export interface BlockSplit {
  /** Finished blocks, in order. */
  blocks: string[];
  /** The last, still-growing block. */
  tail: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export class MarkdownBlocks {
  #text = '';
  #blocks: string[] = [];
  /** Offset in #text where the open tail starts; always outside a code fence. */
  #tailStart = 0;

  /** Feed the full text so far (usually the previous text plus more). */
  update(text: string): BlockSplit {
    if (!text.startsWith(this.#text)) {
      // Not an append (a new run): start over.
      this.#blocks = [];
      this.#tailStart = 0;
    }
    this.#text = text;
    this.#scan();
    return { blocks: this.#blocks, tail: text.slice(this.#tailStart) };
  }

  /** Walk the tail's complete lines (a line counts once its newline has arrived). */
  #scan(): void {
    let lineStart = this.#tailStart;
    let fence = '';
    let previousBlank = false;
    for (;;) {
      const newline = this.#text.indexOf('\n', lineStart);
      if (newline < 0) return;
      const line = this.#text.slice(lineStart, newline);
      const blank = line.trim() === '';
      // A non-blank line after a blank one, outside a code fence, starts a new block.
      if (!fence && !blank && previousBlank) {
        this.#blocks.push(this.#text.slice(this.#tailStart, lineStart));
        this.#tailStart = lineStart;
      }
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = '';
      } else if (marker) {
        fence = marker;
      }
      previousBlank = blank && !fence;
      lineStart = newline + 1;
    }
  }
}
