/**
 * What a downloaded "model library" really is. Hosts answer a wrong URL with an HTML page and
 * status 200 surprisingly often (GitHub's file view, a school proxy's block page, an SPA's
 * fallback), and web-llm would hand that to WebAssembly with an opaque error.
 */

export type LibraryFormat = 'wasm' | 'html' | 'json' | 'text' | 'empty' | 'binary';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

export function sniffLibraryFormat(bytes: Uint8Array): LibraryFormat {
  if (bytes.length === 0) return 'empty';
  if (WASM_MAGIC.every((byte, i) => bytes[i] === byte)) return 'wasm';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<')) return 'html'; // <!doctype html>, <html>, <!-- …, an XML error page
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  // Valid UTF-8 without control characters: an error message or a Git LFS pointer ("version https://git-lfs…").
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 512), { stream: true });
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? 'binary' : 'text';
  } catch {
    return 'binary';
  }
}

const WHAT_IT_IS: Record<Exclude<LibraryFormat, 'wasm'>, string> = {
  html: 'a web page (HTML)',
  json: 'a JSON document',
  text: 'plain text',
  empty: 'an empty file',
  binary: 'a file that is not WebAssembly',
};

/** Plain words for a library URL that did not return WebAssembly. */
export function notWasmText(format: Exclude<LibraryFormat, 'wasm'>, firstLine: string): string {
  const lfs = format === 'text' && firstLine.startsWith('version https://git-lfs') ? ' (a Git LFS pointer, not the file)' : '';
  return (
    `The model library URL returned ${WHAT_IT_IS[format]}${lfs} instead of a compiled WebAssembly library (.wasm). ` +
    'Edit the model and give the URL of the raw .wasm file (on GitHub raw.githubusercontent.com, on Hugging Face /resolve/ rather than /blob/).'
  );
}
