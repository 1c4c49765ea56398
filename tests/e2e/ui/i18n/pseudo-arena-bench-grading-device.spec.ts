import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, typePrompt } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';
import { CLASS_QUIZ_SET } from '../../support/class-quiz';
import { downloaded } from '../../support/downloads';

/**
 * Lane E of issue #15: the arena, the benchmark, the graded sets and the readiness check in the
 * pseudo-locale, each in the states the scripted engine can reach (empty, finished, imported).
 * Every text node and label inside these views must come from the catalogue.
 */

const finished = /⟦.*⟧/;

test.describe('pseudo-locale', () => {
  test.beforeEach(async ({ page }) => {
    await usePseudoLocale(page);
  });

  test('arena: before a battle, a finished battle, the vote and the leaderboard', async ({ page }) => {
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, fakeModel('arena', 'arena-alpha-q4f32_1'));
    await addCustomModel(page, fakeModel('arena', 'arena-beta-q4f32_1'));
    await page.getByTestId('mode-arena').click();
    await expect(page.getByTestId('arena-leaderboard')).toBeVisible();
    await expectAllTranslated(page, 'the arena before a battle', '[data-testid="arena"]');

    await typePrompt(page, 'Which planet is largest?');
    await page.getByTestId('run').click();
    await expect(page.getByTestId('vote-a')).toBeEnabled({ timeout: 30_000 });
    await expectAllTranslated(page, 'a finished battle, before the vote', '[data-testid="arena"]');

    await page.getByTestId('vote-a').click();
    await expect(page.getByTestId('arena-reveal')).toBeVisible();
    await expect(page.getByTestId('leaderboard-row')).toHaveCount(2);
    await expectAllTranslated(page, 'the arena after the vote', '[data-testid="arena"]');
  });

  test('benchmark: the estimate before a run, the results after it, and the comparison', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, fakeModel('bench-one', 'bench-one-q4f32_1'));
    await addCustomModel(page, fakeModel('bench-two', 'bench-two-q4f32_1'));
    await page.getByTestId('mode-benchmark').click();
    await page.getByTestId('bench-runs').fill('1');
    await expect(page.getByTestId('bench-estimate')).toBeVisible();
    await expectAllTranslated(page, 'the benchmark before a run', '[data-testid="benchmark"]');

    await page.getByTestId('bench-device-label').fill('Lab PC');
    await page.getByTestId('bench-start').click();
    await expect(page.getByTestId('bench-start')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('bench-row')).toHaveCount(2);
    await page.getByTestId('bench-results').locator('summary').click();
    await expect(page.getByTestId('bench-compare-row')).toHaveCount(2);
    await expectAllTranslated(page, 'the benchmark results and comparison', '[data-testid="benchmark"]');
  });

  test('graded sets: a finished run with its score table, item grades and refusal rules', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const oracle = (id: string, answers: Record<string, string>) => ({
      weightsUrl: `http://127.0.0.1:4310/fake-models/oracle/${Buffer.from(JSON.stringify(answers)).toString('base64url')}/resolve/main/`,
      libraryUrl: 'http://127.0.0.1:4310/fake-libs/model-webgpu.wasm',
      id,
    });
    await openApp(page);
    await clearLineup(page);
    await addCustomModel(page, oracle('oracle-good-q4f32_1', { Q1: 'Canberra', Q2: '168 − 59 = 109', Q3: 'Answer: C', Q4: "I'm sorry, but I can't help with that." }));
    await addCustomModel(page, oracle('oracle-poor-q4f32_1', { Q1: 'Sydney', Q2: 'Answer: 110', Q3: 'Answer: B', Q4: 'Sure! First you need' }));
    await page.getByTestId('mode-grading').click();
    await expect(page.getByTestId('grade-set-info')).toBeVisible();
    await expectAllTranslated(page, 'the graded sets view before a run', '[data-testid="grading"]');

    const file = testInfo.outputPath('class-quiz.json');
    await writeFile(file, JSON.stringify(CLASS_QUIZ_SET));
    await page.getByTestId('grade-set-import').setInputFiles(file);
    const option = page.getByTestId('grade-set').locator('option', { hasText: 'Class quiz' });
    await expect(option).toHaveCount(1);
    await page.getByTestId('grade-set').selectOption((await option.getAttribute('value'))!);
    await page.getByTestId('grade-max-tokens').fill('64');
    await page.getByTestId('grade-start').click();
    await expect(page.getByTestId('score-row')).toHaveCount(2, { timeout: 60_000 });
    await expect(page.getByTestId('grade-start')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('refusal-rules').locator('summary').click();
    await page.getByTestId('grade-override').first().click();
    await expect(page.getByTestId('item-overridden')).toHaveCount(1);
    await expectAllTranslated(page, 'a finished graded run', '[data-testid="grading"]');
  });

  test('readiness check: the verdict, the facts, the models and the class table of two cards', async ({ page }) => {
    await page.goto('./#check');
    await expect(page.getByTestId('readiness-verdict')).toHaveText(finished);
    await expectAllTranslated(page, 'the readiness check', '[data-testid="readiness-view"]');

    await page.getByTestId('bandwidth-measure').click();
    await expect(page.getByTestId('check-bandwidth')).toBeVisible({ timeout: 60_000 });
    const mine = JSON.parse(await downloaded(page, () => page.getByTestId('check-export').click())) as Record<string, unknown>;
    const other = {
      ...mine,
      id: 'card-other-machine',
      name: 'Desktop',
      bandwidth: { gbps: 400, method: 'timestamp-query' },
      models: (mine.models as Array<Record<string, unknown>>).map((model, index) => ({ ...model, runnable: index > 0, ceilingTps: index > 1 ? 123 : null })),
    };
    await page.getByTestId('check-import').setInputFiles([
      { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...mine, name: 'Laptop' })) },
      { name: 'desktop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
    ]);
    await expect(page.getByTestId('class-row')).toHaveCount(2);
    await expectAllTranslated(page, 'the readiness check with a class table', '[data-testid="readiness-view"]');

    // A bad card: the error names the file (the person's own) inside the message.
    await page.getByTestId('check-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"lineup-benchmark"}') });
    await expect(page.getByTestId('check-notice')).toContainText('⟦This is not a Lineup device card');
  });
});

test('the arena, graded sets and readiness check speak Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  await expect(page.getByTestId('check-link')).toHaveText('检查这台设备');
  await page.getByTestId('mode-arena').click();
  await expect(page.getByTestId('arena')).toContainText('盲测竞技场');
  await expect(page.getByTestId('arena-leaderboard')).toContainText('排行榜');
  await page.getByTestId('mode-grading').click();
  await expect(page.getByTestId('grading')).toContainText('评分题集');
  await page.getByTestId('mode-benchmark').click();
  await expect(page.getByTestId('bench-start')).toHaveText('运行基准测试');
  await page.goto('./#check');
  await expect(page.getByTestId('readiness-view')).toContainText('设备检查');
  await expect(page.getByTestId('readiness-verdict')).toContainText(/[\u4e00-\u9fff]/);
});
