/**
 * One blind Arena vote: two models answered the same prompt as "Model A" (left) and "Model B"
 * (right), and the user picked one, a tie, or "both bad". Votes are read back from IndexedDB and
 * from files other devices exported, so everything goes through checkVote, which builds a fresh
 * object holding only known fields (nothing foreign rides along into the leaderboard).
 */

import { canonicalJson, type Identity } from '../files/merge-by-id';

export type ArenaOutcome = 'a' | 'b' | 'tie' | 'both-bad';
export const ARENA_OUTCOMES: readonly ArenaOutcome[] = ['a', 'b', 'tie', 'both-bad'];

export interface ArenaVote {
  id: string;
  /** ISO 8601, canonical (toISOString), so string order is time order. */
  createdAt: string;
  /** Model id shown on the LEFT as "Model A". */
  modelA: string;
  /** Model id shown on the RIGHT as "Model B". */
  modelB: string;
  outcome: ArenaOutcome;
  /** Kept so a teacher can see what was asked; truncated so thousands of votes stay a small file. */
  prompt: string;
}

export interface VoteInput {
  modelA: string;
  modelB: string;
  outcome: ArenaOutcome;
  prompt: string;
}

export const MAX_PROMPT_CHARS = 2000;
/** crypto.randomUUID() is 36; the headroom allows ids from other tools, not megabytes. */
export const MAX_VOTE_ID_CHARS = 100;
export const MAX_MODEL_ID_CHARS = 200;

/** Loose ISO 8601 date-time (with a zone, so two devices agree on the instant). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class InvalidVoteError extends Error {
  override name = 'InvalidVoteError';
  constructor(readonly problem: string) {
    super(`This arena vote could not be read: ${problem}.`);
  }
}

export type VoteCheck = { ok: true; vote: ArenaVote } | { ok: false; problem: string };

/** Build a vote from what the UI knows; throws InvalidVoteError (e.g. the same model on both sides). */
export function createVote(input: VoteInput, now: Date = new Date(), id: string = crypto.randomUUID()): ArenaVote {
  const createdAt = Number.isNaN(now.getTime()) ? 'an invalid date' : now.toISOString();
  return parseVote({ id, createdAt, modelA: input.modelA, modelB: input.modelB, outcome: input.outcome, prompt: input.prompt });
}

/** Validate anything that claims to be a vote; throws InvalidVoteError. */
export function parseVote(raw: unknown): ArenaVote {
  const result = checkVote(raw);
  if (!result.ok) throw new InvalidVoteError(result.problem);
  return result.vote;
}

/**
 * Same as parseVote, but reports instead of throwing: an import checks thousands of entries and an
 * Error (with its stack) per junk entry would make a hostile file slow to reject.
 */
export function checkVote(raw: unknown): VoteCheck {
  if (!isPlainObject(raw)) return { ok: false, problem: 'it is not an object' };
  const problems: string[] = [];
  const id = text(raw, 'id', MAX_VOTE_ID_CHARS, problems);
  const createdAt = isoDate(raw, problems);
  const modelA = text(raw, 'modelA', MAX_MODEL_ID_CHARS, problems);
  const modelB = text(raw, 'modelB', MAX_MODEL_ID_CHARS, problems);
  if (modelA && modelA === modelB) problems.push('modelA and modelB are the same model');
  const outcome = own(raw, 'outcome');
  if (!ARENA_OUTCOMES.includes(outcome as ArenaOutcome)) problems.push(`outcome should be one of ${ARENA_OUTCOMES.join(', ')}`);
  // Longer prompts are cut rather than refused: the vote is what matters, the prompt is context.
  const prompt = truncate(text(raw, 'prompt', Infinity, problems), MAX_PROMPT_CHARS);
  if (problems.length) return { ok: false, problem: problems.join('; ') };
  return { ok: true, vote: { id, createdAt, modelA, modelB, outcome: outcome as ArenaOutcome, prompt } };
}

/** Votes are told apart by id, then by content (merging imports, reading storage back). */
export const VOTE_IDENTITY: Identity<ArenaVote> = {
  id: (vote) => vote.id,
  withId: (vote, id) => ({ ...vote, id }),
  content: canonicalJson,
  copyId: (id, hash) => `${id.slice(0, MAX_VOTE_ID_CHARS - 23)}~copy-${hash}`, // 77 + 23 = the id limit
};

/** Oldest first, then by id: one fixed order whatever order votes were saved or imported in. */
export function compareVotes(a: ArenaVote, b: ArenaVote): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair (an emoji) in half. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

type Obj = Record<string, unknown>;

function text(obj: Obj, key: string, max: number, problems: string[]): string {
  const value = own(obj, key);
  if (typeof value !== 'string') problems.push(`${key} ${value === undefined ? 'is missing' : 'should be text'}`);
  else if (value.trim() === '') problems.push(`${key} is empty`);
  else if (value.length > max) problems.push(`${key} is too long (${value.length} characters; the limit is ${max})`);
  else return value;
  return '';
}

function isoDate(obj: Obj, problems: string[]): string {
  const value = own(obj, 'createdAt');
  const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    problems.push(`createdAt ${value === undefined ? 'is missing' : 'is not an ISO 8601 date and time'}`);
    return '';
  }
  return new Date(time).toISOString();
}

function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own properties only: an inherited (or polluted) property never counts as data. */
function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
