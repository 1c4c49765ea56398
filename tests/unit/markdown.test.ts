// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/render-markdown';

/** The rendered HTML as a DOM fragment, as {@html} would insert it (nothing executes in a <template>). */
function render(source: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(source);
  return template.content;
}

/** Every attribute on every element, as "tag attr=value". */
function attributes(fragment: DocumentFragment): string[] {
  return [...fragment.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => `${element.tagName.toLowerCase()} ${attribute.name}=${attribute.value}`),
  );
}

describe('renderMarkdown: formatting', () => {
  it('renders bold and italic', () => {
    const fragment = render('This is **bold** and *italic*.');
    expect(fragment.querySelector('strong')?.textContent).toBe('bold');
    expect(fragment.querySelector('em')?.textContent).toBe('italic');
    expect(fragment.textContent?.trim()).toBe('This is bold and italic.');
  });

  it('renders bulleted and numbered lists', () => {
    const bullets = render('- apples\n- pears\n- plums');
    expect([...bullets.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['apples', 'pears', 'plums']);
    const numbers = render('1. first\n2. second');
    expect([...numbers.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['first', 'second']);
  });

  it('renders fenced code as text, with its language, and inline code', () => {
    const fragment = render('```js\nif (a < b && c > d) alert("<b>hi</b>");\n```\n\nUse `x<y>` here.');
    const block = fragment.querySelector('pre > code');
    expect(block?.className).toBe('language-js');
    expect(block?.textContent).toBe('if (a < b && c > d) alert("<b>hi</b>");\n');
    expect(block?.querySelector('b')).toBeNull(); // the <b> in code stays text
    expect(fragment.querySelector('p code')?.textContent).toBe('x<y>');
  });

  it('renders headings and GFM tables', () => {
    const fragment = render('## Results\n\n| model | tok/s |\n|---|---|\n| A | 42 |');
    expect(fragment.querySelector('h2')?.textContent).toBe('Results');
    expect([...fragment.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['A', '42']);
  });

  it('keeps single line breaks (breaks: true)', () => {
    expect(render('line one\nline two').querySelector('p br')).not.toBeNull();
  });
});

describe('renderMarkdown: untrusted model output', () => {
  it('shows a <script> element as the text the model wrote, never as an element', () => {
    const fragment = render('Hello <script>window.pwned = 1</script> world');
    expect(fragment.querySelectorAll('script')).toHaveLength(0);
    expect(fragment.textContent?.trim()).toBe('Hello <script>window.pwned = 1</script> world');
  });

  it('removes event handler attributes (onerror, onclick, ontoggle)', () => {
    const fragment = render(
      '<div onclick="steal()">click</div>\n\n<details open ontoggle="steal()">x</details>\n\n<a href="https://example.org" onmouseover="steal()">a</a>',
    );
    expect(fragment.textContent).toContain('click');
    expect(attributes(fragment).filter((attribute) => / on\w+=/.test(attribute))).toEqual([]);
    expect(attributes(render('<img src=x onerror="steal()">')).filter((attribute) => / on\w+=/.test(attribute))).toEqual([]);
  });

  it.each([
    '[click me](javascript:alert(1))',
    '<a href="javascript:alert(1)">click me</a>',
    '<a href="JaVaScRiPt:alert(1)">click me</a>',
    '<a href="java&#x09;script:alert(1)">click me</a>',
    '<a href="data:text/html,<script>alert(1)</script>">click me</a>',
  ])('drops the dangerous href of %s but keeps the link text', (source) => {
    const fragment = render(source);
    expect(fragment.textContent).toContain('click me');
    for (const anchor of fragment.querySelectorAll('a')) {
      expect(anchor.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    expect(attributes(fragment).filter((attribute) => /javascript:/i.test(attribute))).toEqual([]);
  });

  it.each([
    ['a markdown image', '![tracking pixel](https://tracker.example/p.png)'],
    ['an <img>', '<img src="https://tracker.example/p.png">'],
    ['a <picture>', '<picture><source srcset="https://tracker.example/p.png"></picture>'],
    ['a <video> poster', '<video poster="https://tracker.example/p.png" src="https://tracker.example/v.mp4"></video>'],
    ['an <audio>', '<audio src="https://tracker.example/a.mp3" autoplay></audio>'],
    ['an <iframe>', '<iframe src="https://tracker.example/"></iframe>'],
    ['an <object>', '<object data="https://tracker.example/x"></object>'],
    ['an <embed>', '<embed src="https://tracker.example/x">'],
    ['a stylesheet <link>', '<link rel="stylesheet" href="https://tracker.example/s.css">'],
    ['a <style> block', '<style>body{background:url(https://tracker.example/p.png)}</style>'],
    ['a style attribute', '<p style="background:url(https://tracker.example/p.png)">text</p>'],
    ['a background attribute', '<table background="https://tracker.example/p.png"><tr><td>1</td></tr></table>'],
    ['an svg <image>', '<svg><image href="https://tracker.example/p.png"/></svg>'],
    ['a <form>', '<form action="https://tracker.example/"><input name="q"><button>go</button></form>'],
    ['a <meta> refresh', '<meta http-equiv="refresh" content="0;url=https://tracker.example/">'],
    ['a <base>', '<base href="https://tracker.example/">'],
  ])('leaves nothing that fetches by itself from %s', (_label, source) => {
    const fragment = render(source);
    const forbidden = 'img, picture, source, video, audio, iframe, frame, object, embed, link, style, meta, base, svg, math, form, input, button';
    expect(fragment.querySelectorAll(forbidden)).toHaveLength(0);
    expect(attributes(fragment).filter((attribute) => / (style|src|srcset|poster|background|action|data)=/.test(attribute))).toEqual([]);
    expect(attributes(fragment).filter((attribute) => attribute.includes('tracker.example'))).toEqual([]);
  });

  it('opens links in a new tab without an opener, overriding the model\'s target', () => {
    const fragment = render('See [the docs](https://example.org/docs) and [this](https://example.org).');
    const anchors = [...fragment.querySelectorAll('a')];
    expect(anchors).toHaveLength(2);
    for (const anchor of anchors) {
      expect(anchor.getAttribute('target')).toBe('_blank');
      expect(anchor.getAttribute('rel')?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
    expect(anchors[0]?.getAttribute('href')).toBe('https://example.org/docs');
    expect(anchors[0]?.textContent).toBe('the docs');
  });

  it('turns bare URLs into safe links (GFM autolinks)', () => {
    const anchor = render('visit https://example.org now').querySelector('a');
    expect(anchor?.getAttribute('href')).toBe('https://example.org');
    expect(anchor?.getAttribute('target')).toBe('_blank');
  });
});

describe('renderMarkdown: size', () => {
  it('renders a 1 MB single line without throwing', () => {
    const line = 'a'.repeat(1024 * 1024);
    let html = '';
    expect(() => {
      html = renderMarkdown(line);
    }).not.toThrow();
    expect(html).toBe(`<p>${line}</p>\n`);
  });

  it('renders a long single line of mixed prose and markup completely', () => {
    const unit = 'The **model** said `x` and [a link](https://example.org). ';
    const count = Math.ceil((128 * 1024) / unit.length);
    const fragment = render(unit.repeat(count));
    expect(fragment.querySelectorAll('p')).toHaveLength(1);
    expect(fragment.querySelectorAll('strong')).toHaveLength(count);
    expect(fragment.querySelectorAll('a[target="_blank"]')).toHaveLength(count);
  }, 20_000);
});
