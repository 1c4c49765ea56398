import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';

// A library failure that slips past the worker's pre-check (here: the scripted engine raises the
// LinkError web-llm 0.2.86 gives a v0_2_48 library) gets the same diagnosis and actions.
// tests/e2e/prod-engine/model-library.spec.ts checks the pre-check itself with the real engine.

test('a LinkError while loading is named a library/version problem, with Edit and Remove instead of Try again', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  const model = fakeModel('wrong-library', 'wrong-lib');
  await addCustomModel(page, model);
  await typePrompt(page, 'Hi');
  await page.getByTestId('run').click();

  const error = pane(page, 'wrong-lib').getByTestId('pane-error');
  await expect(error).toHaveAttribute('data-error-name', 'ModelLibraryVersionError');
  await expect(error).toContainText('another version of web-llm');
  await expect(error.getByRole('button')).toHaveText(['Edit the model', 'Remove the model']);

  await error.getByRole('button', { name: 'Edit the model' }).click();
  const library = page.getByTestId('custom-library-url');
  await expect(library).toBeFocused();
  await expect(library).toHaveValue(model.libraryUrl);
  await expect(page.getByTestId('custom-model-id')).toHaveValue('wrong-lib');

  // A mistake in the edit keeps the model as it was.
  await library.fill('https://example.org/not-a-library.txt');
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-model-problems')).toBeVisible();
  await expect(pane(page, 'wrong-lib')).toBeVisible();

  // Saving a good edit replaces the model (same id, one pane), ready to run again.
  await library.fill(model.libraryUrl);
  await page.getByTestId('custom-weights-url').fill(fakeModel('fast', 'x').weightsUrl);
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('pane')).toHaveCount(1);
  await page.getByTestId('run').click();
  await expect(pane(page, 'wrong-lib').getByTestId('pane-status')).toHaveText('Finished');
});

test('"Remove the model" takes a model whose library cannot run out of the line-up', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('wrong-library', 'wrong-lib-2'));
  await typePrompt(page, 'Hi');
  await page.getByTestId('run').click();
  await expect(pane(page, 'wrong-lib-2').getByTestId('pane-error')).toBeVisible();
  await pane(page, 'wrong-lib-2').getByRole('button', { name: 'Remove the model' }).click();
  await expect(page.getByTestId('pane')).toHaveCount(0);
});
