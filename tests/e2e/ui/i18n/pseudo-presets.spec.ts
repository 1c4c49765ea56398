import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, openApp } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

// Lane F of issue #15: the built-in prompt sets and graded sets are data, not catalogue strings,
// but they come translated (src/lib/presets/localize.ts): every title, prompt, teacher note and
// description must carry the pseudo markers. Only the set data is checked here; the picker's and
// the grading view's own labels are checked by their own specs.

const SET_DATA = '[data-testid="preset-set"], [data-testid="preset-prompt"], [data-testid="preset-note"]';

async function builtinValues(page: Page, select: string, prefix: string): Promise<string[]> {
  await expect(page.getByTestId(select)).toBeVisible(); // the grading view loads with its code
  const values = await page.getByTestId(select).locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  return values.filter((value) => value.startsWith(prefix));
}

test('every built-in prompt set, its prompts and its teacher notes come through the translation', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  const sets = await builtinValues(page, 'preset-set', 'builtin-');
  expect(sets).toHaveLength(5);
  for (const id of sets) {
    await page.getByTestId('preset-set').selectOption(id);
    const chips = page.getByTestId('preset-prompt');
    const count = await chips.count();
    expect(count).toBeGreaterThan(2);
    for (let index = 0; index < count; index++) {
      await chips.nth(index).click();
      // The prompt box holds the prompt text, marked too.
      await expect(page.getByTestId('prompt-input')).toHaveValue(/^⟦[\s\S]*⟧$/);
      // "Show answer" is remembered per set: open it once, then every note of the set shows.
      if (index === 0) await page.getByTestId('preset-answer-toggle').click();
      await expect(page.getByTestId('preset-note')).toBeVisible();
      await expectAllTranslated(page, `prompt set ${id}, prompt ${index + 1}`, SET_DATA);
    }
  }
});

test('every built-in graded set title and description comes through the translation', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  await page.getByTestId('mode-grading').click();
  const sets = await builtinValues(page, 'grade-set', 'builtin:');
  expect(sets).toHaveLength(8);
  for (const key of sets) {
    await page.getByTestId('grade-set').selectOption(key);
    await expect(page.getByTestId('grade-set-info')).toContainText('⟦');
    await expectAllTranslated(page, `graded set ${key}`, '[data-testid="grade-set"], [data-testid="grade-set-info"] > span');
  }
});

test('in Chinese, the built-in sets and graded sets are in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  await expect(page.getByTestId('preset-set').locator('option:checked')).toHaveText('推理');
  await page.getByTestId('preset-prompt').filter({ hasText: '球拍和球' }).click();
  await expect(page.getByTestId('prompt-input')).toHaveValue('一个球拍和一个球一共 1.10 美元。球拍比球贵 1.00 美元。球多少钱？');
  await page.getByTestId('preset-answer-toggle').click();
  await expect(page.getByTestId('preset-note')).toHaveText('正确答案：5 美分。凭直觉得出的 10 美分是错的。');
  // A translation item keeps the sentence to translate as it is.
  await page.getByTestId('preset-set').selectOption('builtin-multilingual');
  await page.getByTestId('preset-prompt').filter({ hasText: '英译中：一则通知' }).click();
  await expect(page.getByTestId('prompt-input')).toHaveValue(/^翻译成简体中文："The library will be closed on Monday/);

  await page.getByTestId('mode-grading').click();
  await expect(page.getByTestId('grade-set').locator('option:checked')).toHaveText('评分题集：算术应用题');
  await page.getByTestId('grade-set').selectOption('builtin:graded-facts');
  await expect(page.getByTestId('grade-set-info')).toContainText('一个词就能回答的事实题');
});

test('in Chinese, a graded set is asked in Chinese and graded on Chinese answers', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  await clearLineup(page);
  // The scripted model answers the Chinese questions (markers from the Chinese prompts) in Chinese.
  const table = Buffer.from(JSON.stringify({ 澳大利亚的首都: '堪培拉。', 加拿大的首都: '多伦多', 最大的行星: '木星' })).toString('base64url');
  const id = 'oracle-zh-q4f32_1';
  await addCustomModel(page, { weightsUrl: `http://127.0.0.1:4310/fake-models/oracle/${table}/resolve/main/`, libraryUrl: 'http://127.0.0.1:4310/fake-libs/model-webgpu.wasm', id });
  await page.getByTestId('mode-grading').click();
  await page.getByTestId('grade-set').selectOption('builtin:graded-facts');
  await page.getByTestId('grade-max-tokens').fill('16');
  await page.getByTestId('grade-start').click();
  await expect(page.getByTestId('grade-start')).toBeVisible({ timeout: 60_000 });
  const grade = (item: string) => page.locator(`[data-testid="item-row"][data-item-id="${item}"]`).locator(`[data-testid="item-grade"][data-model-id="${id}"]`);
  await expect(grade('fact-capital-australia')).toHaveAttribute('data-pass', 'true');
  await expect(grade('fact-planet-largest')).toHaveAttribute('data-pass', 'true');
  await expect(grade('fact-capital-canada')).toHaveAttribute('data-pass', 'false');
});
