// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  IllegalTransitionError,
  STATUS_LABEL,
  canTransition,
  isLoading,
  transition,
  type EngineEvent,
  type EngineStatus,
} from '../../src/lib/engine/status';

const ALL_STATUSES: EngineStatus[] = ['idle', 'checking', 'downloading', 'compiling', 'ready', 'generating', 'error'];
const ALL_EVENTS: EngineEvent[] = ['check', 'download', 'compile', 'loaded', 'generate', 'finished', 'fail', 'reset'];

function run(from: EngineStatus, events: EngineEvent[]): EngineStatus[] {
  const visited: EngineStatus[] = [];
  let status = from;
  for (const event of events) {
    status = transition(status, event);
    visited.push(status);
  }
  return visited;
}

describe('transition: legal paths', () => {
  it('walks a cold load, then a generation, and comes back to ready', () => {
    expect(run('idle', ['check', 'download', 'compile', 'loaded', 'generate', 'finished'])).toEqual([
      'checking',
      'downloading',
      'compiling',
      'ready',
      'generating',
      'ready',
    ]);
  });

  it('skips downloading when the model is cached (checking → compiling)', () => {
    expect(run('idle', ['check', 'compile', 'loaded'])).toEqual(['checking', 'compiling', 'ready']);
  });

  it('keeps repeated progress events in the same phase', () => {
    expect(transition('downloading', 'download')).toBe('downloading');
    expect(transition('compiling', 'compile')).toBe('compiling');
  });

  it('lets a ready engine load another model and an errored one try again', () => {
    expect(transition('ready', 'check')).toBe('checking');
    expect(transition('error', 'check')).toBe('checking');
  });

  it('can generate more than once on the same loaded model', () => {
    expect(run('ready', ['generate', 'finished', 'generate', 'finished'])).toEqual([
      'generating',
      'ready',
      'generating',
      'ready',
    ]);
  });
});

describe('transition: illegal moves', () => {
  const illegal: Array<[EngineStatus, EngineEvent]> = [
    ['idle', 'generate'],
    ['idle', 'download'],
    ['idle', 'loaded'],
    ['checking', 'generate'],
    ['downloading', 'generate'],
    ['compiling', 'download'],
    ['compiling', 'generate'],
    ['generating', 'generate'],
    ['generating', 'check'],
    ['ready', 'finished'],
    ['ready', 'download'],
    ['error', 'generate'],
    ['error', 'finished'],
  ];

  it.each(illegal)('refuses "%s" + "%s" with an IllegalTransitionError naming both', (from, event) => {
    let thrown: unknown;
    try {
      transition(from, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionError);
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as IllegalTransitionError;
    expect(error.name).toBe('IllegalTransitionError');
    expect(error.message).toContain(from);
    expect(error.message).toContain(`"${event}"`);
    expect(canTransition(from, event)).toBe(false);
  });

  it('has exactly the documented set of legal (state, event) pairs', () => {
    const legal = new Set([
      'idle:check',
      'checking:download',
      'checking:compile',
      'checking:loaded',
      'downloading:download',
      'downloading:compile',
      'downloading:loaded',
      'compiling:compile',
      'compiling:loaded',
      'ready:generate',
      'ready:check',
      'generating:finished',
      'error:check',
    ]);
    for (const from of ALL_STATUSES) {
      for (const event of ALL_EVENTS) {
        if (event === 'fail' || event === 'reset') continue;
        const expected = legal.has(`${from}:${event}`);
        expect(canTransition(from, event), `${from} + ${event}`).toBe(expected);
        if (expected) expect(() => transition(from, event)).not.toThrow();
        else expect(() => transition(from, event)).toThrow(IllegalTransitionError);
      }
    }
  });
});

describe('fail and reset', () => {
  it.each(ALL_STATUSES)('fail from %s leads to error, reset leads to idle', (from) => {
    expect(transition(from, 'fail')).toBe('error');
    expect(transition(from, 'reset')).toBe('idle');
    expect(canTransition(from, 'fail')).toBe(true);
    expect(canTransition(from, 'reset')).toBe(true);
  });
});

describe('isLoading', () => {
  it('is true only while checking, downloading or compiling', () => {
    const loading = ALL_STATUSES.filter(isLoading);
    expect(loading).toEqual(['checking', 'downloading', 'compiling']);
  });
});

describe('STATUS_LABEL', () => {
  it('gives every status a distinct, non-empty label', () => {
    const labels = ALL_STATUSES.map((status) => STATUS_LABEL[status]);
    expect(labels.every((label) => label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(ALL_STATUSES.length);
  });
});
