import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, typePrompt } from '../support/lineup';

// The scripted engine answers "**<model id>** says: <prompt>", so the test can tell which model
// really sat on which side, and check that the revealed names match the answers.
const ALPHA = 'arena-alpha-q4f32_1';
const BETA = 'arena-beta-q4f32_1';

async function arenaWithTwoModels(page: Page): Promise<void> {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('arena', ALPHA));
  await addCustomModel(page, fakeModel('arena', BETA));
  await page.getByTestId('mode-arena').click();
}

/** The model that really answered on one side, read from its answer. */
async function answeredBy(page: Page, side: 'a' | 'b'): Promise<string> {
  const output = page.locator(`[data-testid="arena-side"][data-side="${side}"] [data-testid="pane-output"]`);
  await expect(output).toContainText('Done.'); // the answer's last line: all of it is on screen
  const text = (await output.textContent()) ?? "";
  const found = [ALPHA, BETA].find((id) => text.includes(`${id} says`));
  expect(found, `answer on side ${side}: ${text}`).toBeDefined();
  return found!;
}

test('blind battle: names hidden until the vote, revealed after it; the leaderboard updates and survives a reload', async ({ page }) => {
  await arenaWithTwoModels(page);
  await expect(page.getByTestId('arena-leaderboard')).toContainText('No votes yet');
  await typePrompt(page, 'Which planet is largest?');
  await page.getByTestId('run').click();

  const sides = page.getByTestId('arena-side');
  await expect(sides).toHaveCount(2);
  await expect(sides.getByTestId('pane-title')).toHaveText(['Model A', 'Model B']);
  // Blind: the page holds no model id in the panes (no attribute, no tooltip).
  await expect(sides.locator('[data-model-id]')).toHaveCount(0);
  await expect(page.getByTestId('vote-a')).toBeDisabled(); // not before both answers are in

  await expect(sides.getByTestId('pane-status')).toHaveText(['Finished', 'Finished']);
  const left = await answeredBy(page, 'a');
  const right = await answeredBy(page, 'b');
  expect(new Set([left, right])).toEqual(new Set([ALPHA, BETA]));
  await expect(sides.getByTestId('pane-title')).toHaveText(['Model A', 'Model B']); // still hidden

  await page.getByTestId('vote-a').click();
  const reveal = page.getByTestId('arena-reveal');
  await expect(reveal).toContainText('You voted Model A is better');
  await expect(reveal).toContainText(new RegExp(`Model A was .*${left.split('-q4f32')[0]}.*Model B was .*${right.split('-q4f32')[0]}`));
  await expect(sides.first().getByTestId('pane-title')).toContainText(left.split('-q4f32')[0]!);

  const rows = page.getByTestId('leaderboard-row');
  await expect(rows).toHaveCount(2);
  // One win from equal footing: the winner is first, above 1000; the loser below, symmetric.
  await expect(rows.first()).toHaveAttribute('data-model-id', left);
  const ratings = (await rows.getByTestId('leaderboard-rating').allInnerTexts()).map(Number);
  expect(ratings[0]).toBeGreaterThan(1000);
  expect(ratings[0]! + ratings[1]!).toBe(2000);
  await expect(rows.getByTestId('leaderboard-votes')).toHaveText(['1', '1']);
  await expect(page.getByTestId('arena-side-bias')).toContainText('the left answer (A) won 1, the right (B) won 0');

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('arena')).toBeVisible(); // the arena view is remembered
  await expect(page.getByTestId('leaderboard-row')).toHaveCount(2);
  await expect(page.getByTestId('leaderboard-row').first()).toHaveAttribute('data-model-id', left);
  expect((await page.getByTestId('leaderboard-rating').allInnerTexts()).map(Number)).toEqual(ratings);

  // The next Run is a new blind battle: names hidden again, nothing to vote on until it ends.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('arena-side').getByTestId('pane-title')).toHaveText(['Model A', 'Model B']);
  await expect(page.getByTestId('arena-side').getByTestId('pane-status')).toHaveText(['Finished', 'Finished']);
  await page.getByTestId('run').focus(); // keys typed in the prompt box would be text, not votes
  await page.keyboard.press('t'); // vote from the keyboard: T for a tie
  await expect(page.getByTestId('arena-reveal')).toContainText('You voted a tie');
  await expect(page.getByTestId('leaderboard-votes')).toHaveText(['2', '2']);
});

test('votes export, and a classmate\'s file merges into the board without counting anything twice', async ({ page }, testInfo) => {
  await arenaWithTwoModels(page);
  await typePrompt(page, 'Say hello');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('arena-side').getByTestId('pane-status')).toHaveText(['Finished', 'Finished']);
  const left = await answeredBy(page, 'a');
  await page.getByTestId('vote-a').click();

  const download = page.waitForEvent('download');
  await page.getByTestId('arena-export').click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(exported.format).toBe('lineup-arena-votes');
  expect(exported.votes).toHaveLength(1);
  expect(exported.votes[0]).toMatchObject({ modelA: left, outcome: 'a', prompt: 'Say hello' });

  // The same file again: nothing new.
  const own = await testInfo.outputPath('own.json');
  await writeFile(own, JSON.stringify(exported));
  await page.getByTestId('arena-import').setInputFiles(own);
  await expect(page.getByTestId('arena-notice')).toContainText('Imported 0 votes: 0 added, 1 skipped (identical to one already here), 0 kept as copies');

  // A classmate voted twice for the other model, plus one damaged entry, plus a different vote
  // that happens to reuse our vote's id: kept as a copy, never over ours.
  const loser = left === ALPHA ? BETA : ALPHA;
  const classmate = {
    ...exported,
    votes: [
      { ...exported.votes[0], outcome: 'b', prompt: 'Same id, other vote' },
      { id: 'classmate-1', createdAt: '2026-11-20T10:00:00.000Z', modelA: loser, modelB: left, outcome: 'a', prompt: 'Poem' },
      { id: 'classmate-2', createdAt: '2026-11-20T10:05:00.000Z', modelA: left, modelB: loser, outcome: 'b', prompt: 'Joke' },
      { id: 'classmate-3', createdAt: 'yesterday', modelA: left, modelB: loser, outcome: 'b', prompt: 'Bad date' },
    ],
  };
  const theirs = await testInfo.outputPath('classmate.json');
  await writeFile(theirs, JSON.stringify(classmate));
  await page.getByTestId('arena-import').setInputFiles(theirs);
  await expect(page.getByTestId('arena-notice')).toContainText('Imported 3 votes: 2 added, 0 skipped (identical to one already here), 1 kept as a copy');
  await expect(page.getByTestId('arena-notice')).toContainText('1 damaged entry was not read.');
  await expect(page.getByTestId('leaderboard-votes')).toHaveText(['4', '4']);
  await expect(page.getByTestId('leaderboard-row').first()).toHaveAttribute('data-model-id', loser); // 3 wins to 1

  // Not a votes file at all: a clear message, the board untouched.
  const junk = await testInfo.outputPath('junk.json');
  await writeFile(junk, '{"hello": "world"}');
  await page.getByTestId('arena-import').setInputFiles(junk);
  await expect(page.getByTestId('arena-notice')).toContainText(/not .*arena votes|votes file/i);
  await expect(page.getByTestId('leaderboard-votes')).toHaveText(['4', '4']);
});

test('the arena needs two models; with one it says so and Run stays off', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('arena', ALPHA));
  await page.getByTestId('mode-arena').click();
  await typePrompt(page, 'Anything');
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('run-problem')).toContainText('at least two models');
});

test('before the vote the panes show nothing that tells the models apart: no figure, size, id or variant', async ({ page }) => {
  // "verbatim": the answer is the prompt itself, so no model writes its own name; one of them is
  // slow, so the loading bar and the streaming state are on screen long enough to be read.
  const slow = { ...fakeModel('slow/verbatim', 'blind-alpha-q4f32_1') };
  const quick = { ...fakeModel('verbatim', 'blind-beta-q4f32_1') };
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, slow);
  await addCustomModel(page, quick);
  await page.getByTestId('mode-arena').click();
  await typePrompt(page, 'Name a colour of the sky');
  await page.getByTestId('run').click();

  const sides = page.getByTestId('arena-side');
  /** Everything the two panes show or carry: text (hidden text too) and every attribute value (but generated class names). */
  const exposed = () => sides.evaluateAll((nodes) => nodes.map((node) => [
    node.textContent ?? '',
    ...[node, ...node.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name !== 'class').map((attribute) => attribute.value)),
  ].join(' | ')));
  const IDENTIFYING = /blind-(alpha|beta)|q4f(16|32)|\b\d+(\.\d+)?\s?(MB|GB|kB|KB|B\/s|ms|s|min)\b|tok\/s|tokens? per second|\/s\b|fake-models|127\.0\.0\.1/;
  const seen = new Set<string>();
  // Sample while it loads, streams and finishes.
  for (let i = 0; i < 200; i++) {
    for (const text of await exposed()) {
      seen.add(text.slice(0, 60));
      expect(text, 'an arena pane before the vote').not.toMatch(IDENTIFYING);
    }
    if ((await sides.getByTestId('pane-status').allInnerTexts()).every((status) => status === 'Finished')) break;
    await page.waitForTimeout(100);
  }
  await expect(sides.getByTestId('pane-status')).toHaveText(['Finished', 'Finished']);
  for (const text of await exposed()) expect(text).not.toMatch(IDENTIFYING);
  await expect(sides.getByTestId('pane-metrics')).toHaveCount(0);
  expect(seen.size, 'the panes went through several states while sampled').toBeGreaterThan(2);

  // After the vote the names and the figures appear together.
  await page.getByTestId('vote-tie').click();
  await expect(sides.getByTestId('pane-title').first()).toContainText(/blind-(alpha|beta)/);
  await expect(sides.getByTestId('pane-metrics')).toHaveCount(2);
  await expect(sides.first().locator('[data-metric="decode"] .value')).toContainText('tok/s');
});
