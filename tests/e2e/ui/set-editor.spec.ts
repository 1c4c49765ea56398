import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, openApp } from '../support/lineup';

// A teacher writes a graded set in the app: two items (a number check and an any-of check),
// tries sample answers, is stopped by a broken pattern, reloads, exports it, imports it into a
// fresh profile, and runs it in Graded sets with two scripted (/oracle/) models.

const GOOD = 'oracle-good-q4f32_1';
const POOR = 'oracle-poor-q4f32_1';

function oracle(id: string, answers: Record<string, string>) {
  const table = Buffer.from(JSON.stringify(answers)).toString('base64url');
  return { weightsUrl: `http://127.0.0.1:4310/fake-models/oracle/${table}/resolve/main/`, libraryUrl: 'http://127.0.0.1:4310/fake-libs/model-webgpu.wasm', id };
}

const item = (page: Page, index: number) => page.getByTestId('set-editor-item').nth(index);

async function tryAnswer(entry: Locator, sample: string, pass: boolean, reason: string): Promise<void> {
  await entry.getByTestId('try-sample').fill(sample);
  await expect(entry.getByTestId('try-result')).toHaveAttribute('data-pass', String(pass));
  await expect(entry.getByTestId('try-reason')).toHaveText(reason);
}

async function expectAliases(entry: Locator, aliases: string[]): Promise<void> {
  const inputs = entry.getByTestId('check-answers-input');
  await expect(inputs).toHaveCount(aliases.length);
  for (const [index, alias] of aliases.entries()) await expect(inputs.nth(index)).toHaveValue(alias);
}

async function openManage(page: Page): Promise<void> {
  await page.getByText('Manage sets').click();
}

test('a set written in the editor: checks tried, a broken pattern refused, kept over a reload, exported, imported elsewhere and graded', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, oracle(GOOD, { Q1: '7 × 24 = 168 and 168 − 59 = 109. Answer: 109', Q2: 'Canberra.' }));
  await addCustomModel(page, oracle(POOR, { Q1: 'Answer: 110', Q2: 'Canberra, Australia' }));

  await openManage(page);
  await page.getByTestId('set-new').click();
  const editor = page.getByTestId('set-editor');
  await expect(editor.getByRole('heading', { name: 'New prompt set' })).toBeVisible();
  await editor.getByTestId('set-editor-title').fill('Class quiz');

  // Item 1: a number, the last one in the answer.
  const first = item(page, 0);
  await first.getByTestId('item-title').fill('Apples');
  await first.getByTestId('item-prompt').fill('Q1: 7 crates of 24 apples, 59 sold. How many are left?');
  await first.getByTestId('item-note').fill('7 × 24 = 168, minus 59.');
  await first.getByTestId('check-kind').selectOption('number');
  await expect(first.getByTestId('check-position')).toHaveValue('last');
  await first.getByTestId('check-value').fill('abc');
  await expect(first.locator('[data-testid="field-error"][data-field="value"]')).toHaveText('value should be a number');
  await first.getByTestId('check-value').fill('109');
  await expect(first.getByTestId('field-error')).toHaveCount(0);
  await tryAnswer(first, '168 − 59 = 109 apples.\nAnswer: 109', true, 'found 109');
  await tryAnswer(first, 'There are 168 apples, so 110 are left.', false, 'found 110, expected 109');

  // Item 2: any of two aliases, ignoring case and punctuation.
  await editor.getByTestId('set-editor-add-item').click();
  const second = item(page, 1);
  await second.getByTestId('item-title').fill('Capital');
  await second.getByTestId('item-prompt').fill('Q2: What is the capital of Australia?');
  await second.getByTestId('check-kind').selectOption('exact');
  await second.getByTestId('check-answers-input').first().fill('Canberra');
  await second.getByTestId('check-answers-add').click();
  await second.getByTestId('check-answers-input').nth(1).fill('Canberra, Australia');
  await tryAnswer(second, 'CANBERRA!', true, 'matches “Canberra”');
  await tryAnswer(second, 'Sydney', false, 'expected “Canberra” or “Canberra, Australia”');

  // Item 3: a pattern that is not a regular expression: marked, and the set cannot be saved.
  await editor.getByTestId('set-editor-add-item').click();
  const third = item(page, 2);
  await third.getByTestId('item-prompt').fill('Q3: When did the war end?');
  await third.getByTestId('check-kind').selectOption('regex');
  await third.getByTestId('check-pattern').fill('(19|20');
  const patternError = third.locator('[data-testid="field-error"][data-field="pattern"]');
  await expect(patternError).toHaveText('pattern is not a valid regular expression');
  await expect(third.getByTestId('check-pattern')).toHaveAttribute('aria-invalid', 'true');
  await third.getByTestId('try-sample').fill('In 1945'); // no verdict from a broken check
  await expect(third.getByTestId('try-result')).toHaveText('Fix the check first.');
  await editor.getByTestId('set-editor-save').click();
  await expect(editor.getByTestId('set-editor-message')).toHaveText('Not saved: 1 problem to fix (marked below).');
  await expect(third.getByTestId('check-pattern')).toBeFocused(); // taken to the field to fix
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('preset-set').locator('option', { hasText: 'Class quiz' })).toHaveCount(0);
  // Escape does not throw the work away either.
  await page.keyboard.press('Escape');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('set-editor-message')).toContainText('unsaved changes');
  await page.keyboard.press('Escape'); // a second Escape closes any dialog in Chrome: it opens again
  await expect(editor).toBeVisible();
  await expect(third.getByTestId('check-pattern')).toHaveValue('(19|20');

  // Reorder, then drop the third item: saved, selected, its prompts offered.
  await third.getByTestId('item-up').click();
  await expect(item(page, 1).getByTestId('item-prompt')).toHaveValue('Q3: When did the war end?');
  await item(page, 1).getByTestId('item-remove').click();
  await expect(page.getByTestId('set-editor-item')).toHaveCount(2);
  await editor.getByTestId('set-editor-save').click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId('preset-set').locator('option:checked')).toHaveText('Class quiz (yours)');
  await expect(page.getByTestId('preset-prompt')).toHaveText(['Apples', 'Capital']);

  // A reload keeps it, checks included.
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await page.getByTestId('preset-set').selectOption({ label: 'Class quiz (yours)' });
  await openManage(page);
  await page.getByTestId('set-edit').click();
  await expect(editor.getByTestId('set-editor-title')).toHaveValue('Class quiz');
  await expect(item(page, 0).getByTestId('check-kind')).toHaveValue('number');
  await expect(item(page, 0).getByTestId('check-value')).toHaveValue('109');
  await expect(item(page, 0).getByTestId('item-note')).toHaveValue('7 × 24 = 168, minus 59.');
  await expectAliases(item(page, 1), ['Canberra', 'Canberra, Australia']);
  await editor.getByTestId('set-editor-cancel').click();
  await expect(editor).toHaveCount(0);

  // Export my sets: the file carries the checks, in the versioned format.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my sets' }).click();
  const path = await (await download).path();
  const exported = JSON.parse(await readFile(path, 'utf8'));
  expect(exported).toMatchObject({ format: 'lineup-presets', version: 2 });
  expect(exported.sets).toHaveLength(1);
  expect(exported.sets[0].title).toBe('Class quiz');
  expect(exported.sets[0].prompts.map((prompt: { check: unknown }) => prompt.check)).toEqual([
    { kind: 'number', value: 109, position: 'last' },
    { kind: 'exact', answers: ['Canberra', 'Canberra, Australia'] },
  ]);

  // Another browser profile imports the file: the same checks, editable there.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const theirs = await other.newPage();
  await openApp(theirs);
  await openManage(theirs);
  await theirs.getByTestId('preset-import').setInputFiles(path);
  await expect(theirs.getByTestId('preset-message')).toContainText('Imported 1 prompt set');
  await expect(theirs.getByTestId('preset-set').locator('option:checked')).toHaveText('Class quiz (yours)');
  await theirs.getByTestId('set-edit').click();
  await expect(item(theirs, 0).getByTestId('check-value')).toHaveValue('109');
  await expect(item(theirs, 0).getByTestId('check-position')).toHaveValue('last');
  await expectAliases(item(theirs, 1), ['Canberra', 'Canberra, Australia']);
  await tryAnswer(item(theirs, 1), 'canberra', true, 'matches “Canberra”');
  await other.close();

  // Graded sets: the set is offered; "Edit checks" opens it; a run gives the expected scores.
  await page.getByTestId('mode-grading').click();
  await page.getByTestId('grade-set').selectOption({ label: 'Class quiz (yours)' });
  await expect(page.getByTestId('grade-set-info')).toContainText('2 graded items (number, exact answer)');
  await page.getByTestId('grade-set-edit').click();
  await expect(editor.getByTestId('set-editor-title')).toHaveValue('Class quiz');
  await editor.getByTestId('set-editor-cancel').click();
  await page.getByTestId('grade-max-tokens').fill('64');
  await page.getByTestId('grade-start').click();
  await expect(page.getByTestId('grade-start')).toBeVisible({ timeout: 60_000 });
  const score = (modelId: string, testid: string) => page.locator(`[data-testid="score-row"][data-model-id="${modelId}"]`).getByTestId(testid);
  // 2/2: Wilson 34–100 %. 1/2 (the number wrong, the alias right): 9–91 %.
  await expect(score(GOOD, 'score-passed')).toHaveText('2/2');
  await expect(score(GOOD, 'score-interval')).toHaveText('34 %–100 %');
  await expect(score(POOR, 'score-passed')).toHaveText('1/2');
  await expect(score(POOR, 'score-value')).toHaveText('50 %');
  await expect(score(POOR, 'score-interval')).toHaveText('9 %–91 %');
  const poorQ1 = page.locator('[data-testid="item-row"][data-item-id="item-1"]').locator(`[data-testid="item-grade"][data-model-id="${POOR}"]`);
  await expect(poorQ1.getByTestId('item-reason')).toHaveText('found 110, expected 109');
});

test('a built-in graded set is copied into "yours" to edit its checks; the original stays as it was', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-grading').click();
  await page.getByTestId('grade-set').selectOption({ label: 'Graded: arithmetic word problems' });
  await expect(page.getByTestId('grade-set-edit')).toHaveCount(0); // read-only
  await page.getByTestId('grade-set-copy').click();
  const editor = page.getByTestId('set-editor');
  await expect(editor.getByRole('heading', { name: 'Your copy of a prompt set' })).toBeVisible();
  await expect(editor.getByTestId('set-editor-title')).toHaveValue('Graded: arithmetic word problems (my copy)');
  const first = page.getByTestId('set-editor-item').first();
  await expect(first.getByTestId('check-kind')).toHaveValue('number');
  await expect(first.getByTestId('check-value')).toHaveValue('109');
  await first.getByTestId('check-tolerance').fill('1');
  await first.getByTestId('try-sample').fill('Answer: 110');
  await expect(first.getByTestId('try-reason')).toHaveText('found 110');
  await editor.getByTestId('set-editor-save').click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId('grade-set').locator('option:checked')).toHaveText('Graded: arithmetic word problems (my copy) (yours)');
  await expect(page.getByTestId('grade-set-info')).toContainText('16 graded items');
  // The built-in set is unchanged.
  await page.getByTestId('grade-set').selectOption({ label: 'Graded: arithmetic word problems' });
  await page.getByTestId('grade-set-copy').click();
  await expect(page.getByTestId('set-editor-item').first().getByTestId('check-tolerance')).toHaveValue('0.001');
});

test('the editor passes an axe scan with every kind of check open, problems and verdicts shown', async ({ page }) => {
  await openApp(page);
  await openManage(page);
  await page.getByTestId('set-new').click();
  const editor = page.getByTestId('set-editor');
  const kinds = ['exact', 'number', 'choice', 'contains', 'regex', 'json', 'chrf', 'behaviour'];
  for (const [index, kind] of kinds.entries()) {
    if (index > 0) await editor.getByTestId('set-editor-add-item').click();
    const entry = item(page, index);
    await entry.getByTestId('check-kind').selectOption(kind);
    await entry.getByTestId('try-sample').fill('Answer: 42');
  }
  await item(page, 5).getByTestId('check-use-schema').check();
  await editor.getByTestId('set-editor-save').click(); // every problem marked
  await expect(editor.getByTestId('field-error').first()).toBeVisible();
  await expect(item(page, 1).getByTestId('try-result')).toHaveText('Fix the check first.');
  await expect(item(page, 2).getByTestId('try-result')).toHaveAttribute('data-pass', 'false');
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="set-editor"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`)).toEqual([]);
});
