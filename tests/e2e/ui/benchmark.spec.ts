import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp } from '../support/lineup';

const FIRST = 'bench-one-q4f32_1';
const SECOND = 'bench-two-q4f32_1';

test('benchmark: N runs per prompt for each model, medians with spread, cold and cached loads, export, import from another device', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('bench-one', FIRST));
  await addCustomModel(page, fakeModel('bench-two', SECOND));
  await page.getByTestId('mode-benchmark').click();
  await expect(page.getByTestId('prompt-input')).toHaveCount(0); // a fixed suite, not the prompt form

  await page.getByTestId('bench-runs').fill('2');
  await page.getByTestId('bench-device-label').fill('Lab PC');
  await page.getByTestId('bench-start').click();
  await expect(page.getByTestId('bench-progress')).toContainText('Model 1 of 2');
  await expect(page.getByTestId('bench-progress')).toContainText('Model 2 of 2', { timeout: 90_000 });
  await expect(page.getByTestId('bench-start')).toBeVisible({ timeout: 90_000 });

  const results = page.getByTestId('bench-results');
  await expect(results).toContainText('Lab PC');
  const rows = results.getByTestId('bench-row');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText('6 runs'); // 2 runs × 3 prompts; the warm-up is not counted
    await expect(row.getByTestId('bench-decode')).toHaveText(/^\d+(\.\d+)?\s*\d+(\.\d+)?–\d+(\.\d+)? · p90 \d+(\.\d+)?$/);
    await expect(row.getByTestId('bench-cold-load')).not.toHaveText('—'); // first load downloaded the files
    await expect(row.getByTestId('bench-cached-load')).not.toHaveText('—'); // then a load from the cache
  }

  const download = page.waitForEvent('download');
  await page.getByTestId('bench-export').click();
  const report = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(report).toMatchObject({ format: 'lineup-benchmark', version: 1, options: { runsPerPrompt: 2, warmup: true }, device: { label: 'Lab PC' } });
  expect(report.models.map((model: { modelId: string }) => model.modelId)).toEqual([FIRST, SECOND]);
  for (const model of report.models) {
    expect(model.runs).toHaveLength(6);
    expect(model.loads.map((load: { kind: string }) => load.kind)).toEqual(['cold', 'cached']);
    // What the table shows is the median of what was exported.
    const decode = model.runs.map((run: { decodeTokensPerSecond: number }) => run.decodeTokensPerSecond).sort((a: number, b: number) => a - b);
    const median = (decode[2] + decode[3]) / 2;
    const shown = await results.locator(`[data-testid="bench-row"][data-model-id="${model.modelId}"] [data-testid="bench-decode"] strong`).innerText();
    expect(Number(shown)).toBeCloseTo(median, median < 10 ? 2 : 1);
  }

  // The same suite measured on another computer: both devices side by side.
  const other = { ...report, id: 'other-device-report', device: { ...report.device, label: 'Room 12 laptop' } };
  const file = await testInfo.outputPath('other.json');
  await writeFile(file, JSON.stringify(other));
  await page.getByTestId('bench-import').setInputFiles(file);
  await expect(page.getByTestId('bench-notice')).toContainText('Imported results from “Room 12 laptop”');
  const compareRows = page.getByTestId('bench-compare-row');
  await expect(compareRows).toHaveCount(4);
  await expect(compareRows.filter({ hasText: 'Room 12 laptop' })).toHaveCount(2);

  // A damaged file is refused with a reason, and nothing is lost.
  const bad = await testInfo.outputPath('bad.json');
  await writeFile(bad, JSON.stringify({ ...report, id: 'bad', models: [{ ...report.models[0], runs: [{ promptId: 'short', runIndex: 0, decodeTokensPerSecond: -5 }] }] }));
  await page.getByTestId('bench-import').setInputFiles(bad);
  await expect(page.getByTestId('bench-notice')).not.toContainText('Imported');
  await expect(compareRows).toHaveCount(4);

  // Our own report's id, but other content naming one model twice: kept as a copy beside ours,
  // and every row renders (duplicate keys used to blank the whole table).
  const twin = { ...report, device: { ...report.device, label: 'Twin laptop' }, models: [report.models[0], report.models[0]] };
  const twinFile = await testInfo.outputPath('twin.json');
  await writeFile(twinFile, JSON.stringify(twin));
  await page.getByTestId('bench-import').setInputFiles(twinFile);
  await expect(page.getByTestId('bench-notice')).toContainText('0 added, 0 skipped (identical to one already here), 1 kept as a copy');
  await expect(compareRows).toHaveCount(6);
  await expect(compareRows.filter({ hasText: 'Twin laptop' })).toHaveCount(2);
  await expect(page.getByTestId('bench-results').getByTestId('bench-row')).toHaveCount(2);
  // The same file again changes nothing.
  await page.getByTestId('bench-import').setInputFiles(twinFile);
  await expect(page.getByTestId('bench-notice')).toContainText('Nothing imported');
  await expect(compareRows).toHaveCount(6);

  await page.reload();
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('bench-compare-row')).toHaveCount(6); // kept on this device
});
