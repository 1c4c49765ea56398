// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import 'fake-indexeddb/auto';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import PresetPicker from '../../src/lib/components/PresetPicker.svelte';
import { PresetState } from '../../src/lib/state/presets.svelte';

/** The first built-in set (Reasoning): its first prompt's note gives the answer away. */
async function setup(props: { projector?: boolean } = {}) {
  const presets = new PresetState();
  await presets.load(); // the built-in sets load with the app's start, not with the page
  let text = '';
  const view = render(PresetPicker, { presets, promptText: text, projector: props.projector ?? false, onpick: (prompt) => (text = prompt.prompt) });
  const pickFirst = async () => {
    await fireEvent.click(screen.getAllByTestId('preset-prompt')[0]!);
    await view.rerender({ promptText: text });
  };
  return { presets, view, pickFirst, text: () => text };
}

describe('PresetPicker teacher notes', () => {
  it('keeps the note behind "Show answer" until it is pressed', async () => {
    const { pickFirst } = await setup();
    await pickFirst();
    expect(screen.queryByTestId('preset-note')).toBeNull();
    const toggle = screen.getByTestId('preset-answer-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(toggle);
    expect(screen.getByTestId('preset-note').textContent).toContain('5 cents');
  });

  it('remembers "Show answer" per set when the next prompt is picked', async () => {
    const { pickFirst, view, text } = await setup();
    await pickFirst();
    await fireEvent.click(screen.getByTestId('preset-answer-toggle'));
    await fireEvent.click(screen.getAllByTestId('preset-prompt')[1]!);
    await view.rerender({ promptText: text() });
    await tick();
    expect(screen.getAllByTestId('preset-prompt')[1]!.classList.contains('active')).toBe(true);
    expect(screen.getByTestId('preset-note').textContent).toContain('Correct: 1.');
  });

  it('in projector view starts collapsed, even after it was opened outside it', async () => {
    const { pickFirst, view } = await setup();
    await pickFirst();
    await fireEvent.click(screen.getByTestId('preset-answer-toggle'));
    expect(screen.getByTestId('preset-note')).toBeTruthy();
    await view.rerender({ projector: true });
    expect(screen.queryByTestId('preset-note')).toBeNull();
    expect(screen.getByTestId('preset-answer-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('drops the note and the chip highlight as soon as the prompt text is edited', async () => {
    const { pickFirst, view, text } = await setup();
    await pickFirst();
    const chip = screen.getAllByTestId('preset-prompt')[0]!;
    expect(chip.classList.contains('active')).toBe(true);
    await view.rerender({ promptText: `${text()} (and explain)` });
    expect(chip.classList.contains('active')).toBe(false);
    expect(screen.queryByTestId('preset-answer-toggle')).toBeNull();
    expect(screen.queryByTestId('preset-note')).toBeNull();
  });
});
