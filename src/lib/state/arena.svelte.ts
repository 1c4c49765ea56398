import type { WorkerFactory } from '../engine/engine-client';
import type { CacheBackend, GenerateRequest } from '../engine/protocol';
import { createVote, type ArenaOutcome, type ArenaVote } from '../arena/vote';
import { leaderboard, sideBias } from '../arena/leaderboard';
import { assignSides, drawPair, type Random } from '../arena/pairing';
import { mergeVotes, parseVotesFile, toVotesFile } from '../arena/vote-file';
import { describeCounts } from '../files/merge-by-id';
import { clearVotes, listVotes, saveVote, saveVotes } from '../arena/vote-store';
import { CompareState } from './compare.svelte';
import { t, tn } from '../i18n/i18n.svelte';
import type { PaneModel } from './pane-session.svelte';

export type RatingMethod = 'bradley-terry' | 'elo';

/** The two models of one blind battle: which is shown on the left as "Model A", which on the right. */
export interface Battle {
  left: PaneModel;
  right: PaneModel;
}

/**
 * Blind arena: two models answer the same prompt as "Model A" and "Model B"; the person votes,
 * then the names are revealed. The pair comes from the line-up (two models: those two; more:
 * two drawn at random per battle) and which one is on the left is always a coin toss, so a
 * habit of preferring the left pane cannot favour a model. Votes stay on this device.
 */
export class ArenaState {
  /** The battle's two panes run like a comparison: one after the other, each unloaded after. */
  readonly run: CompareState;
  battle = $state<Battle | null>(null);
  /** The vote cast on the current battle; names are revealed once it is set. */
  outcome = $state<ArenaOutcome | null>(null);
  /** The prompt the current battle answered (stored with the vote). */
  #prompt = '';
  votes = $state.raw<ArenaVote[]>([]);
  skipped = $state(0);
  method = $state<RatingMethod>('bradley-terry');
  notice = $state<{ kind: 'info' | 'error'; text: string } | null>(null);

  board = $derived(leaderboard(this.votes, this.method));
  bias = $derived(sideBias(this.votes));
  revealed = $derived(this.outcome !== null);

  readonly #random: Random;

  constructor(workerFactory?: WorkerFactory, random: Random = Math.random) {
    this.run = new CompareState(workerFactory);
    this.#random = random;
  }

  /** Both answers are in (or failed) and nobody has voted yet. */
  get canVote(): boolean {
    const panes = this.run.panes;
    return this.battle !== null && !this.revealed && !this.run.running && panes.length === 2 && panes.every((pane) => pane.finished || pane.error !== null);
  }

  async load(): Promise<void> {
    try {
      const { votes, skipped } = await listVotes();
      this.votes = votes;
      this.skipped = skipped;
    } catch (error) {
      this.notice = { kind: 'error', text: t('arena.readFailed', { reason: (error as Error).message }) };
    }
  }

  /** Set up a new blind battle from the line-up; false (with a notice) when there are fewer than two. */
  newBattle(pool: readonly PaneModel[]): boolean {
    if (this.run.running) return false;
    if (pool.length < 2) {
      this.notice = { kind: 'error', text: t('arena.needTwo') };
      return false;
    }
    const byId = new Map(pool.map((model) => [model.spec.id, model]));
    const [first, second] = drawPair([...byId.keys()], this.#random);
    const { left, right } = assignSides([first, second], this.#random);
    this.battle = { left: byId.get(left)!, right: byId.get(right)! };
    this.outcome = null;
    this.notice = null;
    [...this.run.panes].forEach((pane) => this.run.remove(pane.key));
    this.run.add(this.battle.left);
    this.run.add(this.battle.right);
    return true;
  }

  /** Run the prompt through both hidden models; a battle already voted on makes way for a new one. */
  async start(pool: readonly PaneModel[], request: GenerateRequest, cacheBackend: CacheBackend): Promise<void> {
    if (this.run.running) return;
    if ((this.battle === null || this.revealed || !this.#sameModels(pool)) && !this.newBattle(pool)) return;
    this.outcome = null;
    this.#prompt = request.prompt;
    this.run.cacheBackend = cacheBackend;
    await this.run.run(request);
  }

  /** A pair drawn earlier must still be in the line-up. */
  #sameModels(pool: readonly PaneModel[]): boolean {
    const ids = new Set(pool.map((model) => model.spec.id));
    return this.battle !== null && ids.has(this.battle.left.spec.id) && ids.has(this.battle.right.spec.id);
  }

  /** Record the vote and reveal the names. */
  async vote(outcome: ArenaOutcome): Promise<void> {
    if (!this.canVote || !this.battle) return;
    const vote = createVote({ modelA: this.battle.left.spec.id, modelB: this.battle.right.spec.id, outcome, prompt: this.#prompt });
    this.outcome = outcome;
    this.votes = [...this.votes, vote];
    try {
      await saveVote(vote);
    } catch (error) {
      this.notice = { kind: 'error', text: t('arena.saveFailed', { reason: (error as Error).message }) };
    }
  }

  exportVotes(): string {
    return toVotesFile(this.votes);
  }

  /** Merge a classmate's (or a whole class's) votes; the same vote imported twice counts once. */
  async importVotes(text: string): Promise<void> {
    try {
      const { votes, damaged } = parseVotesFile(text);
      // Against the stored votes, not the list on screen (it may not have loaded yet).
      const { merged, addedVotes, counts } = mergeVotes((await listVotes()).votes, votes);
      await saveVotes(addedVotes);
      this.votes = merged;
      const unread = damaged ? ` ${tn('arena.damagedUnread', damaged)}` : '';
      const imported = addedVotes.length;
      this.notice = { kind: damaged ? 'error' : 'info', text: `${tn('arena.imported', imported, { counts: describeCounts(counts) })}${unread}` };
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }

  async clearVotes(): Promise<void> {
    await clearVotes();
    this.votes = [];
  }

  async stop(): Promise<void> {
    await this.run.stopAll();
  }

  dispose(): void {
    this.run.dispose();
  }
}
