// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlock, renderBlockNodes } from '../../src/lib/markdown/render-markdown';

/** What the streaming view inserts for `block`, as HTML (it is moved into a live element). */
function nodesHtml(block: string): string {
  const host = document.createElement('div');
  host.append(renderBlockNodes(block, document));
  return host.innerHTML;
}

// The pieces hostile output is made of: markdown, raw HTML, event handlers, script URLs.
const HOSTILE = [
  '<img src=x onerror="alert(1)">',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![pixel](https://tracker.example/p.gif)',
  '<a href="https://example.org" onclick="steal()">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="https://example.org"></iframe>',
  '<div style="background:url(https://tracker.example)">styled</div>',
  '<form action="https://example.org"><input name="q"></form>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<b data-x="1">bold</b> <sub>2</sub>',
  '**bold** `code` _em_',
  '| a | b |\n| - | - |\n| <img src=x> | 2 |',
  '```html\n<script>alert(1)</script>\n```',
  '<div>unclosed',
  '</div></p></table>',
  '<!-- comment',
];

describe('renderBlockNodes (the streaming view\'s sanitiser path)', () => {
  it.each(HOSTILE)('cleans %s exactly as the string path does', (block) => {
    expect(nodesHtml(block)).toBe(renderBlock(block));
  });

  it('cleans any mix of hostile pieces exactly as the string path does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...HOSTILE, ' ', '\n', 'text'), { maxLength: 8 }), (pieces) => {
      const block = pieces.join('');
      expect(nodesHtml(block)).toBe(renderBlock(block));
    }), { numRuns: 300 });
  });

  it('hands back nodes of the page, with nothing that runs or fetches', () => {
    const fragment = renderBlockNodes('<img src=x onerror="alert(1)"> [a](https://example.org) <script>x()</script>', document);
    const host = document.createElement('div');
    host.append(fragment);
    expect(host.firstElementChild?.ownerDocument).toBe(document);
    expect(host.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
    expect(host.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  it('keeps one block from reaching into the next: an element left open closes with its block', () => {
    const host = document.createElement('div');
    host.append(renderBlockNodes('<b>open', document), renderBlockNodes('after', document));
    expect(host.querySelector('b')?.textContent).toBe('open');
  });
});
