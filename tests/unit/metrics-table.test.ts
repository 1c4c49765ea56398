// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, within } from '@testing-library/svelte';
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

/** Each visible row as [label, value, source], read from the rendered table. */
function visibleRows(): string[][] {
  const table = screen.getByTestId('pane-metrics');
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''));
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
      ['Load (cold, downloaded)', '12.3 s · 96.0 MB', 'wall clock'],
      ['First token on screen', '420 ms', 'wall clock'],
      ['Time to first token', '250 ms', 'engine'],
      ['Prefill', '351 tok/s', 'engine'],
      ['Decode', '48.3 tok/s', 'engine'],
      ['Tokens (prompt → generated)', '1,234 → 56', 'engine'],
      ['Thinking tokens', '—', 'engine'],
      ['Answer tokens', '—', 'engine'],
      ['Thinking time', '—', 'wall clock'],
      ['Wait before the answer', '—', 'wall clock'],
      ['Total time', '15.3 s', 'wall clock'],
    ]);
  });

  it('labels the row headers for assistive technology', () => {
    render(MetricsTable, { metrics: COLD_RUN });
    expect(screen.getByRole('rowheader', { name: 'Decode' })).toBeTruthy();
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
    expect(visibleRows().map(([label, value]) => [label, value])).toEqual([
      ['Load', '—'],
      ['First token on screen', '—'],
      ['Time to first token', '—'],
      ['Prefill', '—'],
      ['Decode', '—'],
      ['Tokens (prompt → generated)', '— → —'],
      ['Thinking tokens', '—'],
      ['Answer tokens', '—'],
      ['Thinking time', '—'],
      ['Wait before the answer', '—'],
      ['Total time', '—'],
    ]);
  });

  it('updates when the metrics change (cached reload)', async () => {
    const { rerender } = render(MetricsTable, { metrics: emptyMetrics() });
    expect(row('load').textContent).toContain('—');
    await rerender({ metrics: { ...COLD_RUN, fromCache: true, loadMs: 850, downloadedBytes: 0, decodeTokensPerSecond: 120 } });
    expect(within(row('load')).getByRole('rowheader').textContent).toBe('Load (from cache)');
    expect(row('load').querySelector('.value')?.textContent).toBe('850 ms');
    expect(row('decode').querySelector('.value')?.textContent).toBe('120 tok/s');
    expect(row('total').querySelector('.value')?.textContent).toBe('3.85 s');
  });
});
