import { EXPORT_FORMAT } from '../export/export-run';
import { MAX_IMPORT_BYTES } from '../files/files';
import { mergeById, type ImportCounts } from '../files/merge-by-id';
import { checkVote, compareVotes, VOTE_IDENTITY, type ArenaVote } from './vote';
import { formatNumber, t } from '../i18n/i18n.svelte';

/**
 * Arena votes as a file, so a class can pool votes without a server: every student exports their
 * votes, the teacher imports all the files, and merging by vote id makes importing the same file
 * twice harmless.
 */
export const VOTES_FILE_FORMAT = 'lineup-arena-votes';
export const VOTES_FILE_VERSION = 1;
/** Problems listed one by one in an import report; the rest are counted. */
const REPORTED_PROBLEMS = 20;

export interface VotesFile {
  format: typeof VOTES_FILE_FORMAT;
  version: typeof VOTES_FILE_VERSION;
  exportedAt: string;
  votes: ArenaVote[];
}

export interface MergeResult {
  /** Existing and new votes together, oldest first. */
  merged: ArenaVote[];
  /** The new votes (copies renamed), in the order given: exactly what still needs saving (saveVotes). */
  addedVotes: ArenaVote[];
  /** Added, skipped as identical to a vote here (or earlier in the file), kept as a copy under a new id. */
  counts: ImportCounts;
}

export function toVotesFile(votes: readonly ArenaVote[], exportedAt: Date = new Date()): string {
  const file: VotesFile = { format: VOTES_FILE_FORMAT, version: VOTES_FILE_VERSION, exportedAt: exportedAt.toISOString(), votes: [...votes] };
  return JSON.stringify(file, null, 2);
}

/**
 * Read an exported votes file. A file that is unusable as a whole (too big, not JSON, another
 * format or a newer version) throws an Error whose message can be shown as is. Single damaged
 * votes are skipped, counted in `damaged` and described in `problems`; the readable ones are kept.
 */
export function parseVotesFile(text: string): { votes: ArenaVote[]; problems: string[]; damaged: number } {
  if (typeof text !== 'string') throw new Error(t('arena.fileNotText'));
  const bytes = text.length > MAX_IMPORT_BYTES ? text.length : utf8Bytes(text); // length alone already proves too big
  if (bytes > MAX_IMPORT_BYTES) {
    throw new Error(t('arena.fileTooBig', { size: formatNumber(bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), limit: formatNumber(MAX_IMPORT_BYTES / 1024 / 1024) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // editors on Windows add a BOM
  } catch {
    throw new Error(t('arena.fileNotJson'));
  }
  const items = votesIn(data);
  const votes: ArenaVote[] = [];
  const problems: string[] = [];
  let unreported = 0;
  items.forEach((item, index) => {
    const result = checkVote(item);
    if (result.ok) votes.push(result.vote);
    else if (problems.length < REPORTED_PROBLEMS) problems.push(`Vote ${index + 1} of ${items.length}: ${result.problem}.`);
    else unreported++;
  });
  if (unreported) problems.push(`…and ${unreported} more vote(s) could not be read.`);
  return { votes, problems, damaged: items.length - votes.length };
}

/** The candidate votes in parsed JSON; throws why there are none. */
function votesIn(data: unknown): unknown[] {
  const envelope = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const format = envelope && Object.hasOwn(envelope, 'format') ? envelope.format : undefined;
  if (format !== VOTES_FILE_FORMAT) {
    // The run exports are the likeliest mix-up, so name them.
    const hint = format === EXPORT_FORMAT ? ` ${t('arena.fileIsRunExport')}` : '';
    throw new Error(`${t('arena.fileWrongFormat', { format: VOTES_FILE_FORMAT })}${hint}`);
  }
  const version = Object.hasOwn(envelope!, 'version') ? envelope!.version : undefined;
  if (typeof version === 'number' && version > VOTES_FILE_VERSION) {
    throw new Error(t('arena.fileNewer', { version }));
  }
  if (version !== VOTES_FILE_VERSION) throw new Error(t('arena.fileNoVersion'));
  const votes = Object.hasOwn(envelope!, 'votes') ? envelope!.votes : undefined;
  if (!Array.isArray(votes)) throw new Error(t('arena.fileNoVotes'));
  return votes;
}

/**
 * Add incoming votes to existing ones, by vote id: a vote already present (same id, same content)
 * is skipped, so merging the same file twice never double-counts; a different vote under an id
 * already used is kept under a new id derived from its content (never over the vote here), and
 * merging that file again recognises the copy.
 */
export function mergeVotes(existing: readonly ArenaVote[], incoming: readonly ArenaVote[]): MergeResult {
  const { added, counts } = mergeById(existing, incoming, VOTE_IDENTITY);
  return { merged: [...existing, ...added].sort(compareVotes), addedVotes: added, counts };
}

/** UTF-8 size without encoding a copy of a file that may be megabytes long. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes in UTF-8: 2 counted for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
