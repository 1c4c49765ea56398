import { expect, test, type Page } from '@playwright/test';
import { openApp, typePrompt } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

// Lane B of issue #15: the prompt form, the prompt-set picker, "Manage sets" and the set editor
// draw every word from the catalogue (pseudo-locale), and show Chinese when the page is in Chinese.

const FORM = 'form.prompt';
const EDITOR = '[data-testid="set-editor"]';

async function openManage(page: Page): Promise<void> {
  await page.getByTestId('presets').locator('details.manage > summary').click();
  await expect(page.getByTestId('set-new')).toBeVisible();
}

test('the prompt form and the prompt-set picker: settings, "Show answer", Manage sets, an import error, an over-long prompt', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  await expect(page.getByTestId('preset-prompt').first()).toBeVisible();
  await expectAllTranslated(page, 'the prompt form', FORM);

  // The settings, opened.
  await page.locator(`${FORM} > details > summary`).click();
  await expect(page.getByTestId('max-tokens-input')).toBeVisible();
  await expectAllTranslated(page, 'the prompt settings', FORM);

  // A built-in prompt with a teacher's note, its answer shown.
  const chips = page.getByTestId('preset-prompt');
  const count = await chips.count();
  for (let index = 0; index < count; index += 1) {
    await chips.nth(index).click();
    if (await page.getByTestId('preset-answer-toggle').isVisible()) break;
  }
  await page.getByTestId('preset-answer-toggle').click();
  await expect(page.getByTestId('preset-note')).toBeVisible();
  await expectAllTranslated(page, 'the picker with "Show answer" open', FORM);

  // Manage sets, then a file that is not a prompt-set file.
  await openManage(page);
  await expectAllTranslated(page, 'Manage sets', FORM);
  await page.getByTestId('preset-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
  await expect(page.getByTestId('preset-message')).toBeVisible();
  await expectAllTranslated(page, 'an import error', FORM);

  // A prompt too long for the line-up's context window: the problem under Run.
  await typePrompt(page, 'word '.repeat(6000));
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(page.getByTestId('run-problem')).toContainText('exceeds the smallest context window');
  await expectAllTranslated(page, 'an over-long prompt', FORM);
});

test('the set editor: every kind of check, "Try it" passing and failing, field errors, unsaved changes, a copy', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  await openManage(page);
  await page.getByTestId('set-new').click();
  const editor = page.getByTestId('set-editor');
  await expect(editor.getByTestId('set-editor-save')).toBeVisible();
  await expectAllTranslated(page, 'a new set', EDITOR);

  // Each kind's fields (untouched: no problems shown yet).
  const item = editor.getByTestId('set-editor-item').first();
  // JSON last: ticking its schema box counts as typing in the check, which shows the problems of the blank fields.
  for (const kind of ['exact', 'number', 'choice', 'contains', 'regex', 'chrf', 'behaviour', 'json']) {
    await item.getByTestId('check-kind').selectOption(kind);
    if (kind === 'json') await item.getByTestId('check-use-schema').check();
    await expectAllTranslated(page, `the fields of a ${kind} check`, EDITOR);
  }

  // A schema that is not JSON: the field's error.
  await item.getByTestId('check-kind').selectOption('json');
  await item.getByTestId('check-schema').fill('{ not json');
  await expect(item.locator('[data-testid="field-error"][data-field="schema"]')).toBeVisible();
  await expectAllTranslated(page, 'a field error', EDITOR);

  // "Try it" on a number check: one answer passes, one fails.
  await item.getByTestId('check-kind').selectOption('number');
  await item.getByTestId('check-value').fill('109');
  await item.getByTestId('try-sample').fill('Answer: 109');
  await expect(item.getByTestId('try-result')).toHaveAttribute('data-pass', 'true');
  await expectAllTranslated(page, '"Try it" passing', EDITOR);
  await item.getByTestId('try-sample').fill('Answer: 110');
  await expect(item.getByTestId('try-result')).toHaveAttribute('data-pass', 'false');
  await expectAllTranslated(page, '"Try it" failing', EDITOR);
  // A broken check gives no verdict.
  await item.getByTestId('check-value').fill('abc');
  await expect(item.getByTestId('try-result')).not.toHaveAttribute('data-pass');
  await expectAllTranslated(page, '"Try it" on a broken check', `${EDITOR} [data-testid="try-it"]`);

  // No check, nothing filled in: Save marks the title and the prompt.
  await item.getByTestId('check-kind').selectOption('');
  await editor.getByTestId('set-editor-add-item').click();
  await editor.getByTestId('set-editor-save').click();
  await expect(editor.locator('[data-testid="field-error"][data-field="title"]')).toBeVisible();
  await expect(editor.locator('[data-testid="field-error"][data-field="prompt"]').first()).toBeVisible();
  await expect(editor.getByTestId('set-editor-message')).toBeVisible();
  await expectAllTranslated(page, 'a set not saved', EDITOR);

  // Escape with unsaved changes asks for Discard.
  await editor.getByTestId('set-editor-title').fill('Quiz');
  await page.keyboard.press('Escape');
  await expect(editor.getByTestId('set-editor-message')).toContainText('unsaved changes');
  await expectAllTranslated(page, 'unsaved changes', EDITOR);
  await editor.getByTestId('set-editor-cancel').click();
  await expect(editor).toHaveCount(0);

  // A built-in set copied into the person's sets.
  await page.getByTestId('set-copy').click();
  await expect(editor.getByTestId('set-editor-item').first()).toBeVisible();
  await expectAllTranslated(page, 'a copy of a built-in set', EDITOR);
});

test('in Chinese: the prompt form, the picker and the set editor', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lineup.locale', 'zh-CN'));
  await openApp(page);
  await expect(page.getByTestId('run')).toHaveText('运行');
  await expect(page.locator(FORM).getByText('提示词', { exact: true })).toBeVisible();
  await expect(page.getByTestId('preset-next')).toHaveText('下一个 →');
  await openManage(page);
  await expect(page.getByTestId('set-new')).toHaveText('新建提示词集');
  await page.getByTestId('set-new').click();
  const editor = page.getByTestId('set-editor');
  await expect(editor.getByRole('heading', { name: '新建提示词集' })).toBeVisible();
  await expect(editor.getByTestId('set-editor-save')).toHaveText('保存提示词集');
  await expect(editor.getByText('共 1 题')).toBeVisible();
});
