import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fixtureDir, fixturePresent, isCI, MODEL_ID, WASM_NAME } from '../../support/fixture.mjs';
import { addCustomModel, clearLineup, openApp } from '../support/lineup';

// A graded set end to end on the real engine: web-llm 0.2.79 in the app's worker runs the
// synthetic Qwen2 (random weights, so gibberish answers) through a 2-item set. Kept as cheap as
// the real engine allows: one model, loaded once for both items, 3 tokens per answer (SwiftShader
// decodes ~1 token every 16 s). Both items must fail, and the engine's timings must be recorded.

const MODEL_SERVER = 'http://127.0.0.1:4312';

const SET = {
  format: 'lineup-presets',
  version: 2,
  sets: [{
    id: 'two-items',
    title: 'Two items',
    description: 'A fact and a number.',
    prompts: [
      { id: 'capital', title: 'Capital', prompt: 'Capital of France?', check: { kind: 'exact', answers: ['Paris'] } },
      { id: 'sum', title: 'Sum', prompt: '2+2?', check: { kind: 'number', value: 4 } },
    ],
  }],
};

test.describe('real engine: graded set', () => {
  test.skip(!fixturePresent() && !isCI(), `WebLLM fixture not found at ${fixtureDir}; set LINEUP_FIXTURE_DIR to run the real-engine test`);

  test('a 2-item graded set runs through the synthetic Qwen2: both items fail, timings recorded', async ({ page }, testInfo) => {
    test.setTimeout(15 * 60_000);
    expect(fixturePresent(), `CI must have the fixture at ${fixtureDir}`).toBe(true);
    await openApp(page);
    await expect(page.getByTestId('gpu-status')).toHaveAttribute('data-available', 'true');
    await clearLineup(page);
    await addCustomModel(page, { weightsUrl: `${MODEL_SERVER}/models/synth/resolve/main/`, libraryUrl: `${MODEL_SERVER}/libs/${WASM_NAME}`, id: MODEL_ID, contextWindow: 1024 });

    await page.getByTestId('mode-grading').click();
    const setFile = testInfo.outputPath('two-items.json');
    await writeFile(setFile, JSON.stringify(SET));
    await page.getByTestId('grade-set-import').setInputFiles(setFile);
    await page.getByTestId('grade-set').selectOption({ label: 'Two items (yours)' });
    await page.getByTestId('grade-max-tokens').fill('3');
    await page.getByTestId('grade-start').click();
    await expect(page.getByTestId('grade-progress')).toContainText('item 1 of 2', { timeout: 6 * 60_000 });
    await expect(page.getByTestId('grade-start')).toBeVisible({ timeout: 8 * 60_000 });
    await expect(page.getByTestId('grade-notice')).toHaveCount(0);

    const row = page.locator(`[data-testid="score-row"][data-model-id="${MODEL_ID}"]`);
    await expect(row.getByTestId('score-passed')).toHaveText('0/2');
    await expect(row.getByTestId('score-value')).toHaveText('0 %');
    await expect(row.getByTestId('score-interval')).toHaveText('0 %–66 %'); // Wilson, 0 of 2
    // Timings: web-llm's usage figures and the load, as the pane shows them.
    expect(Number(await row.getByTestId('score-tokens').innerText())).toBeGreaterThanOrEqual(2);
    await expect(row.getByTestId('score-decode')).toHaveText(/^\d[\d.]* tok\/s$/);
    await expect(row.getByTestId('score-ttft')).toHaveText(/^\d[\d.]* (ms|s)$|min/);
    await expect(row.getByTestId('score-load')).toHaveText(/^\d[\d.]* (ms|s)$|min/);
    for (const item of ['capital', 'sum']) {
      await expect(page.locator(`[data-testid="item-row"][data-item-id="${item}"] [data-testid="item-grade"]`)).toHaveAttribute('data-pass', 'false');
    }
  });
});
