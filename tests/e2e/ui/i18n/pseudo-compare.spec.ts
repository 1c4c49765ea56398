import { test } from '@playwright/test';
import { openApp } from '../../support/lineup';
import { expectAllTranslated, usePseudoLocale } from '../../support/pseudo';

test('the first screen has no text outside the catalogue', async ({ page }) => {
  await usePseudoLocale(page);
  await openApp(page);
  await expectAllTranslated(page, 'the first screen');
});
