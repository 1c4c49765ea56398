import { expect, type Page } from '@playwright/test';

/** Helpers that drive Lineup the way a person does: through visible controls only. */

export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('gpu-status')).not.toHaveAttribute('data-available', 'checking');
  // Saved preferences are applied once read back; typing before that would be overwritten.
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
}

export async function clearLineup(page: Page): Promise<void> {
  const remove = page.getByTestId('pane-remove');
  while ((await remove.count()) > 0) await remove.first().click();
  await expect(page.getByTestId('pane')).toHaveCount(0);
}

/** The model catalog is a dialog opened from the line-up row's "change" (or "add models"). */
export async function openCatalog(page: Page): Promise<void> {
  const dialog = page.getByTestId('catalog-dialog');
  if (!(await dialog.isVisible())) await page.getByTestId('catalog-open').click();
  await expect(dialog).toBeVisible();
  // The contents load apart from the page (first "change" or when idle): wait for them.
  await expect(dialog.getByTestId('catalog-close')).toBeVisible();
}

/** "Done": the catalog closes and the page behind it can be used again. */
export async function closeCatalog(page: Page): Promise<void> {
  const dialog = page.getByTestId('catalog-dialog');
  if (await dialog.isVisible()) await page.getByTestId('catalog-close').click();
  await expect(dialog).toBeHidden();
}

/** Adds a model through the catalog's custom model form, then closes the catalog again. */
export async function addCustomModel(
  page: Page,
  model: { weightsUrl: string; libraryUrl: string; id?: string; contextWindow?: number },
): Promise<void> {
  await openCatalog(page);
  await page.getByTestId('tab-custom').click();
  await page.getByTestId('custom-weights-url').fill(model.weightsUrl);
  await page.getByTestId('custom-library-url').fill(model.libraryUrl);
  if (model.id) await page.getByTestId('custom-model-id').fill(model.id);
  if (model.contextWindow) await page.getByTestId('custom-context').fill(String(model.contextWindow));
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-model-problems')).toHaveCount(0);
  await closeCatalog(page);
  if (model.id) await expect(pane(page, model.id)).toBeVisible();
}

export function pane(page: Page, modelId: string) {
  return page.locator(`[data-testid="pane"][data-model-id="${modelId}"]`);
}

export async function typePrompt(page: Page, prompt: string, maxTokens?: number): Promise<void> {
  await page.getByTestId('prompt-input').fill(prompt);
  if (maxTokens !== undefined) {
    await page.getByText('System prompt and settings').click();
    await page.getByTestId('max-tokens-input').fill(String(maxTokens));
  }
}

/** Reads one figure from a pane's metrics table, e.g. 'decode' → '60.3 tok/s'. */
export async function metric(page: Page, modelId: string, key: string): Promise<string> {
  return (await pane(page, modelId).locator(`[data-metric="${key}"] .value`).innerText()).trim();
}

/**
 * A custom model for the scripted engine (ui project): its behaviour is picked by the folder name
 * (see tests/fake/fake-webllm.ts), e.g. "slow", "flood", "crash", "fail-download".
 */
export function fakeModel(behaviour: string, id: string, contextWindow?: number) {
  return {
    weightsUrl: `http://127.0.0.1:4310/fake-models/${behaviour}/resolve/main/`,
    libraryUrl: 'http://127.0.0.1:4310/fake-libs/model-webgpu.wasm',
    id,
    ...(contextWindow === undefined ? {} : { contextWindow }),
  };
}
