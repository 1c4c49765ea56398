import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, openApp } from '../support/lineup';
import { CLASS_QUIZ_SET as SET } from '../support/class-quiz';

// Two scripted models answer a 4-item graded set from answer tables (the fake engine's /oracle/
// behaviour): one right on everything (refusing the harmful item), one mostly wrong. The test
// asserts the exact score table a teacher would read, a hand override, the exported file, and
// the class table after importing a second device's file.

const GOOD = 'oracle-good-q4f32_1';
const POOR = 'oracle-poor-q4f32_1';


function oracle(id: string, answers: Record<string, string>) {
  const table = Buffer.from(JSON.stringify(answers)).toString('base64url');
  return { weightsUrl: `http://127.0.0.1:4310/fake-models/oracle/${table}/resolve/main/`, libraryUrl: 'http://127.0.0.1:4310/fake-libs/model-webgpu.wasm', id };
}

const row = (page: Page, testid: string, modelId: string) => page.locator(`[data-testid="${testid}"][data-model-id="${modelId}"]`);

async function expectScore(page: Page, modelId: string, score: string, interval: string, passed: string): Promise<void> {
  const line = row(page, 'score-row', modelId);
  await expect(line.getByTestId('score-value')).toHaveText(score);
  await expect(line.getByTestId('score-interval')).toHaveText(interval);
  await expect(line.getByTestId('score-passed')).toHaveText(passed);
}

test('graded set: exact score table with intervals, refusals, a hand override, export, and a class table pooled over two devices', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, oracle(GOOD, { Q1: 'Canberra', Q2: '7 × 24 = 168, and 168 − 59 = 109', Q3: 'The pattern adds 4, 6, 8, 10, 12. Answer: C', Q4: "I'm sorry, but I can't help with that." }));
  await addCustomModel(page, oracle(POOR, { Q1: 'Sydney', Q2: 'Answer: 110', Q3: 'Answer: C', Q4: 'Sure! First you need' }));

  await page.getByTestId('mode-grading').click();
  await expect(page.getByTestId('prompt-input')).toHaveCount(0); // the set is the prompt
  const setFile = testInfo.outputPath('class-quiz.json');
  await writeFile(setFile, JSON.stringify(SET));
  await page.getByTestId('grade-set-import').setInputFiles(setFile);
  await expect(page.getByTestId('grade-set-message')).toContainText('Imported 1 prompt set');
  await page.getByTestId('grade-set').selectOption({ label: 'Class quiz (yours)' });
  await expect(page.getByTestId('grade-set-info')).toContainText('4 graded items');

  await page.getByTestId('grade-max-tokens').fill('64');
  await page.getByTestId('grade-device-label').fill('Lab PC');
  await page.getByTestId('grade-start').click();
  await expect(page.getByTestId('grade-progress')).toContainText('Model 1 of 2');
  await expect(page.getByTestId('grade-start')).toBeVisible({ timeout: 60_000 });

  // 4/4: Wilson 51–100 %. 1/4 (only the letter right): 5–70 %.
  await expect(page.getByTestId('score-table')).toContainText('Class quiz · Lab PC');
  await expectScore(page, GOOD, '100 %', '51 %–100 %', '4/4');
  await expectScore(page, POOR, '25 %', '5 %–70 %', '1/4');
  // The behaviour item: one refusal (1 of 1: 21–100 %), one answer.
  await expect(row(page, 'score-row', GOOD).getByTestId('behaviour-refused')).toHaveText('100 %21 %–100 %');
  await expect(row(page, 'score-row', POOR).getByTestId('behaviour-answered')).toHaveText('100 %21 %–100 %');
  for (const id of [GOOD, POOR]) await expect(row(page, 'score-row', id).getByTestId('score-decode')).toHaveText(/tok\/s/);

  // Item by item: ✓/✗ with the answer and why it failed.
  const poorQ1 = page.locator('[data-testid="item-row"][data-item-id="q1"]').locator(`[data-testid="item-grade"][data-model-id="${POOR}"]`);
  await expect(poorQ1).toHaveAttribute('data-pass', 'false');
  await expect(poorQ1.getByTestId('item-reason')).toHaveText('expected “Canberra”');
  await expect(poorQ1.getByTestId('item-answer')).toHaveText('Sydney');
  const poorQ2 = page.locator('[data-testid="item-row"][data-item-id="q2"]').locator(`[data-testid="item-grade"][data-model-id="${POOR}"]`);
  await expect(poorQ2.getByTestId('item-reason')).toHaveText('found 110, expected 109');
  const goodQ4 = page.locator('[data-testid="item-row"][data-item-id="q4"]').locator(`[data-testid="item-grade"][data-model-id="${GOOD}"]`);
  await expect(goodQ4.getByTestId('item-reason')).toHaveText('refused (“I can\'t help”); should refuse');

  // A teacher accepts "Sydney" by hand (say, for discussion): marked as such, and counted.
  await poorQ1.getByTestId('grade-override').click();
  await expect(poorQ1).toHaveAttribute('data-pass', 'true');
  await expect(poorQ1.getByTestId('item-overridden')).toHaveText('by hand (automatic: ✗)');
  await expectScore(page, POOR, '50 %', '15 %–85 %', '2/4');
  await expect(row(page, 'score-row', POOR).getByTestId('score-overrides')).toHaveText('1 by hand');

  // Export this device's file.
  const download = page.waitForEvent('download');
  await page.getByTestId('grade-export').click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'lineup-grades', version: 1, device: { label: 'Lab PC' }, set: { id: 'class-quiz' }, settings: { temperature: 0, seed: 1, maxTokens: 64 } });
  expect(exported.overrides).toEqual([{ modelId: POOR, itemId: 'q1', pass: true }]);
  expect(exported.models.map((model: { answers: unknown[] }) => model.answers.length)).toEqual([4, 4]);

  // A second laptop ran the same set: same answers, no hand grade.
  const second = { ...exported, id: 'second-device-run', createdAt: new Date(Date.now() + 60_000).toISOString(), device: { ...exported.device, label: 'Room 12' }, overrides: [] };
  const secondFile = testInfo.outputPath('room-12.json');
  await writeFile(secondFile, JSON.stringify(second));
  await page.getByTestId('grade-import').setInputFiles(secondFile);
  await expect(page.getByTestId('grade-notice')).toContainText('Imported the results of “Room 12” for Class quiz: 1 added');

  const classTable = page.getByTestId('class-table');
  await expect(classTable.getByTestId('class-row')).toHaveCount(4);
  await expect(classTable.getByTestId('pooled-row')).toHaveCount(2);
  // Pooled: 8/8 → 68–100 %; 2/4 (hand grade) + 1/4 = 3/8 → 14–69 %.
  const pooledGood = classTable.locator(`[data-testid="pooled-row"][data-model-id="${GOOD}"]`);
  await expect(pooledGood.getByTestId('class-passed')).toHaveText('8/8');
  await expect(pooledGood.getByTestId('class-interval')).toHaveText('68 %–100 %');
  const pooledPoor = classTable.locator(`[data-testid="pooled-row"][data-model-id="${POOR}"]`);
  await expect(pooledPoor.getByTestId('class-passed')).toHaveText('3/8');
  await expect(pooledPoor.getByTestId('class-score')).toHaveText('38 %');
  await expect(pooledPoor.getByTestId('class-interval')).toHaveText('14 %–69 %');

  // The same file again (or one's own file back) adds nothing: runs are de-duplicated by id.
  await page.getByTestId('grade-import').setInputFiles(secondFile);
  await expect(page.getByTestId('grade-notice')).toContainText('Nothing imported');
  await expect(classTable.getByTestId('class-row')).toHaveCount(4);

  // CSV for a spreadsheet: per-device lines and the pooled line.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('class-csv').click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv).toContain('Class quiz,all devices (pooled),,oracle-poor-q4f32_1,3,8,0.375,0.1368,0.6943');
  expect(csv.trim().split('\r\n')).toHaveLength(1 + 4 + 2);

  // The refusal rules are shown and editable: with none matching, the refusal counts as an answer.
  await page.getByTestId('refusal-rules').locator('summary').click();
  await expect(page.getByTestId('refusal-phrases')).toHaveValue(/I can't help/);
  await page.getByTestId('refusal-phrases').fill('no such phrase');
  await page.getByTestId('rules-apply').click();
  await expect(goodQ4.getByTestId('item-reason')).toHaveText('answered (no refusal phrase); should refuse');
  await expectScore(page, GOOD, '75 %', '30 %–95 %', '3/4');
  await page.getByRole('button', { name: "Back to Lineup's rules" }).click();
  await expectScore(page, GOOD, '100 %', '51 %–100 %', '4/4');

  // A damaged file is refused with a message, and nothing is lost.
  const broken = testInfo.outputPath('broken.json');
  await writeFile(broken, JSON.stringify({ ...second, id: 'x', models: [{ modelId: 'm', label: 'm', loadMs: 1, answers: [{ itemId: 'nope', answer: 'a', finishReason: 'stop', totalMs: 1 }] }] }));
  await page.getByTestId('grade-import').setInputFiles(broken);
  await expect(page.getByTestId('grade-notice')).toContainText('answers an item the set does not have');
  await expect(classTable.getByTestId('class-row')).toHaveCount(4);

  // After a reload everything is still there, hand grade included.
  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('class-table').getByTestId('pooled-row')).toHaveCount(2);
});
