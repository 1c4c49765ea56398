// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorDetails } from '../../src/lib/boundary/error-details';
import BoundaryHarness from './fixtures/BoundaryHarness.svelte';

afterEach(() => vi.restoreAllMocks());

describe('ViewBoundary', () => {
  it('shows a notice instead of the broken part, the rest keeps working, and Try again renders it afresh', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const control = { fail: true };
    render(BoundaryHarness, { control });

    const notice = screen.getByTestId('view-error');
    expect(notice.textContent).toContain('This part of Lineup hit an unexpected error');
    expect(notice.textContent).toContain('history panel');
    expect(screen.queryByTestId('child')).toBeNull();
    expect(screen.getByTestId('view-error-details').textContent).toContain("TypeError: Cannot read properties of undefined (reading 'id')");

    // Outside the boundary the page still responds.
    await fireEvent.click(screen.getByTestId('sibling'));
    expect(screen.getByTestId('sibling').textContent).toContain('Clicked 1');

    // Still broken: Try again shows the notice again rather than a blank.
    await fireEvent.click(screen.getByTestId('view-error-retry'));
    expect(screen.queryByTestId('view-error')).not.toBeNull();

    control.fail = false;
    await fireEvent.click(screen.getByTestId('view-error-retry'));
    expect(screen.queryByTestId('view-error')).toBeNull();
    expect(screen.getByTestId('child').textContent).toContain('Rendered fine');
    expect(screen.getByTestId('sibling').textContent).toContain('Clicked 1');
  });

  it('Copy details puts the name, message and stack on the clipboard', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(BoundaryHarness, { control: { fail: true } });

    await fireEvent.click(screen.getByTestId('view-error-copy'));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0];
    expect(copied).toContain('Part: history panel');
    expect(copied).toContain("Error: TypeError: Cannot read properties of undefined (reading 'id')");
    expect(copied).toMatch(/Thrower\.svelte/); // the stack says where it broke
    expect((await screen.findByText('Copied.')).getAttribute('role')).toBe('status');
  });

  it('without clipboard access, the details open to copy by hand', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    render(BoundaryHarness, { control: { fail: true } });
    await fireEvent.click(screen.getByTestId('view-error-copy'));
    await vi.waitFor(() => expect(screen.getByTestId('view-error-details').closest('details')?.open).toBe(true));
  });
});

describe('errorDetails', () => {
  it('describes anything thrown, even objects whose getters throw, within a bounded size', () => {
    expect(errorDetails('a string', 'arena', '1.0.0')).toBe('Part: arena\nLineup: 1.0.0\nThrown: a string');
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', { get: () => { throw new Error('nope'); } });
    expect(errorDetails(hostile, 'arena', '1')).toContain('Error: Error: (unreadable)');
    expect(errorDetails(Object.create(null), 'arena', '1')).toContain('Thrown: (unreadable)');
    expect(errorDetails(new Error('y'.repeat(100_000)), 'arena', '1').length).toBeLessThan(8100);
  });
});
