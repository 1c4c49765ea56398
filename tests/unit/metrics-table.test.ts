// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import MetricsTable from '../../src/lib/components/MetricsTable.svelte';
import { emptyMetrics, type RunMetrics } from '../../src/lib/metrics/run-metrics';

const MB = 1024 * 1024;

const COLD_RUN: RunMetrics = {
  ...emptyMetrics(),
  loadMs: 12_345,
  fromCache: false,
  downloadedBytes: 96 * MB,
  firstTokenOnScreenMs: 420,
  generationMs: 3000,
  engineTtftMs: 250,
  prefillTokensPerSecond: 350.5,
  decodeTokensPerSecond: 48.25,
  promptTokens: 1234,
  completionTokens: 56,
};

/** Each visible row as [plain name, unit and direction, value, source], read from the rendered table. */
function visibleRows(): string[][] {
  const table = screen.getByTestId('pane-metrics');
  const text = (row: Element, selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
  return within(table)
    .getAllByRole('row')
    .map((row) => [text(row, '.plain'), text(row, '.unit'), text(row, '.value'), text(row, '.source')]);
}

function row(key: string): HTMLElement {
  const element = screen.getByTestId('pane-metrics').querySelector<HTMLElement>(`tr[data-metric="${key}"]`);
  if (!element) throw new Error(`no row ${key}`);
  return element;
}

describe('MetricsTable', () => {
  it('shows every figure of a cold run with its value and where it comes from', () => {
    render(MetricsTable, { metrics: COLD_RUN });
    expect(visibleRows()).toEqual([
      ['Load time (downloaded)', 'seconds · lower is better', '12.3 s · 96.0 MB', 'wall clock'],
      ['Wait before the first word', 'seconds · lower is better', '0.42 s', 'wall clock'],
      ['Wait before the first token, engine only', 'seconds · lower is better', '0.25 s', 'engine'],
      ['Reading speed (prefill)', 'tokens per second · higher is better', '351 tok/s', 'engine'],
      ['Writing speed (decode)', 'tokens per second · higher is better', '48.3 tok/s', 'engine'],
      ['Tokens read → written', 'tokens', '1,234 → 56', 'engine'],
      ['Tokens spent thinking', 'tokens', '—', 'engine'],
      ['Tokens in the answer', 'tokens', '—', 'engine'],
      ['Thinking time', 'seconds · lower is better', '—', 'wall clock'],
      ['Wait before the answer', 'seconds · lower is better', '—', 'wall clock'],
      ['Total time', 'seconds · lower is better', '15.3 s', 'wall clock'],
    ]);
  });

  it('says what a token is, and where the numbers come from behind a button (not a tooltip)', async () => {
    render(MetricsTable, { metrics: COLD_RUN });
    expect(screen.getByTestId('metrics-foot').textContent).toContain('A token is about ¾ of a word.');
    const button = screen.getByRole('button', { name: 'Where do these numbers come from?' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await tick();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('metrics-source-panel').textContent).toMatch(/“Engine” figures are measured by web-llm.*“Wall clock” figures are timed by this page/));
  });

  it('marks the best value and ties in words when the panes are compared', () => {
    render(MetricsTable, { metrics: COLD_RUN, ranks: { decode: 'best', total: 'tie' } });
    expect(row('decode').querySelector('[data-testid="metric-rank"]')?.textContent).toBe('★ best');
    expect(row('total').querySelector('[data-testid="metric-rank"]')?.textContent).toBe('≈ tie for best');
    expect(row('load').querySelector('[data-testid="metric-rank"]')).toBeNull();
  });

  it('labels the row headers for assistive technology, with a glossary button for jargon', () => {
    render(MetricsTable, { metrics: COLD_RUN });
    expect(screen.getByRole('rowheader', { name: /^Writing speed \(decode\)/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'What is decode?' })).toBeTruthy();
    expect(screen.getAllByRole('rowheader')).toHaveLength(11);
  });

  it('marks engine-measured figures apart from wall-clock ones', () => {
    render(MetricsTable, { metrics: COLD_RUN });
    expect(row('decode').querySelector('.source')?.classList.contains('engine')).toBe(true);
    expect(row('load').querySelector('.source')?.classList.contains('engine')).toBe(false);
  });

  it('explains each figure in a tooltip', () => {
    render(MetricsTable, { metrics: COLD_RUN });
    expect(row('ttft-engine').getAttribute('title')).toMatch(/web-llm/);
    expect(row('load').getAttribute('title')).toMatch(/download/i);
  });

  it('shows dashes before anything is measured', () => {
    render(MetricsTable, { metrics: emptyMetrics() });
    expect(visibleRows().map(([, , value]) => value)).toEqual(['—', '—', '—', '—', '—', '— → —', '—', '—', '—', '—', '—']);
  });

  it('updates when the metrics change (cached reload)', async () => {
    const { rerender } = render(MetricsTable, { metrics: emptyMetrics() });
    expect(row('load').textContent).toContain('—');
    await rerender({ metrics: { ...COLD_RUN, fromCache: true, loadMs: 850, downloadedBytes: 0, decodeTokensPerSecond: 120 } });
    expect(row('load').querySelector('.plain')?.textContent).toBe('Load time (from cache)');
    expect(row('load').querySelector('.value')?.textContent).toBe('0.85 s');
    expect(row('decode').querySelector('.value')?.textContent).toBe('120 tok/s');
    expect(row('total').querySelector('.value')?.textContent).toBe('3.85 s');
  });
});
