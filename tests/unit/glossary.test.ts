// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import GlossaryTerm from '../../src/lib/components/glossary/GlossaryTerm.svelte';
import { GLOSSARY } from '../../src/lib/glossary/glossary';

describe('glossary', () => {
  it('explains every term in a few plain sentences (short enough to read on a projector)', () => {
    for (const [key, entry] of Object.entries(GLOSSARY)) {
      expect(entry.explanation.length, key).toBeLessThanOrEqual(320);
      expect(entry.explanation.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1).length, key).toBeLessThanOrEqual(3);
    }
  });

  it('says a token is about ¾ of a word', () => {
    expect(GLOSSARY.token.explanation).toContain('about ¾ of an English word');
  });
});

describe('GlossaryTerm', () => {
  it('is a "?" button named "What is prefill?" that toggles the explanation', async () => {
    render(GlossaryTerm, { term: 'prefill' });
    const button = screen.getByRole('button', { name: 'What is prefill?' });
    expect(button.textContent).toBe('?');
    expect(screen.queryByTestId('glossary-prefill-panel')).toBeNull();
    await fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // The explanations load on the first "?" (not with the page): they arrive a moment later.
    await waitFor(() => expect(screen.getByTestId('glossary-prefill-panel').textContent).toContain('reads your whole prompt'));
    await fireEvent.click(button);
    expect(screen.queryByTestId('glossary-prefill-panel')).toBeNull();
  });

  it('closes with Escape and gives the focus back to its button', async () => {
    render(GlossaryTerm, { term: 'context-window' });
    const button = screen.getByRole('button', { name: 'What is the context window?' });
    await fireEvent.click(button);
    await fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('glossary-context-window-panel')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes when the person taps somewhere else', async () => {
    render(GlossaryTerm, { term: 'temperature' });
    await fireEvent.click(screen.getByRole('button', { name: 'What is temperature?' }));
    await fireEvent.pointerDown(document.body);
    expect(screen.queryByTestId('glossary-temperature-panel')).toBeNull();
  });
});
