import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, openCatalog, pane, typePrompt } from '../support/lineup';

// An axe-core scan of every view and state (issue #13): WCAG 2.1 A and AA plus axe's
// best-practice rules, zero violations. A failure lists each rule and the elements it hit.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(passes.length, 'axe checked the page (rules passed)').toBeGreaterThan(10);
  const found = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 8).join('\n    ')}`);
  expect(found, `axe violations in "${state}"`).toEqual([]);
}

async function openFold(page: Page, testId: string): Promise<void> {
  const fold = page.getByTestId(testId);
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').first().click();
  await expect(fold).toHaveAttribute('open', '');
}

test('compare: empty, with finished panes, history and storage open, the catalog open', async ({ page }) => {
  await openApp(page);
  await expectNoViolations(page, 'compare, first screen');

  await typePrompt(page, 'Explain why the sky is blue.');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('pane-status')).toHaveText(['Finished', 'Finished']);
  await expectNoViolations(page, 'compare, finished panes');

  // A share link's outputs, opened: they sit in the panes with the sender's figures.
  await page.getByTestId('share-include-outputs').check();
  await page.getByTestId('share-create').click();
  await page.goto(await page.getByTestId('share-link').inputValue());
  await expect(page.getByTestId('shared-note')).toHaveCount(2);
  await expectNoViolations(page, 'compare, outputs from a share link');

  await openFold(page, 'history-panel');
  await expectNoViolations(page, 'history open');
  await openFold(page, 'storage-panel');
  await expectNoViolations(page, 'storage panel open');

  await openCatalog(page);
  await expectNoViolations(page, 'catalog open');
  await page.keyboard.press('Escape');

  await clearLineup(page);
  await expectNoViolations(page, 'compare, no models');
});

test('an error pane and a cancelled pane', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('fail-download', 'a11y-fail-q4f32_1'));
  await addCustomModel(page, fakeModel('slow', 'a11y-slow-q4f32_1'));
  await typePrompt(page, 'hello there');
  await page.getByTestId('run').click();
  await expect(pane(page, 'a11y-fail-q4f32_1').getByTestId('pane-error')).toBeVisible({ timeout: 20_000 });
  const slow = pane(page, 'a11y-slow-q4f32_1');
  await expect(slow.getByTestId('load-progress')).toBeVisible({ timeout: 20_000 });
  await expectNoViolations(page, 'an error pane next to a loading one');
  await slow.getByRole('button', { name: 'Cancel' }).click();
  await expect(slow.getByTestId('pane-status')).toHaveText('Cancelled');
  await expectNoViolations(page, 'an error pane and a cancelled one');
});

test('the blind arena before and after the vote', async ({ page }) => {
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('arena', 'a11y-alpha-q4f32_1'));
  await addCustomModel(page, fakeModel('arena', 'a11y-beta-q4f32_1'));
  await page.getByTestId('mode-arena').click();
  await expect(page.getByTestId('arena')).toBeVisible();
  await expectNoViolations(page, 'arena, no battle yet');
  await typePrompt(page, 'Which planet is largest?');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('arena-side').getByTestId('pane-status')).toHaveText(['Finished', 'Finished']);
  await expectNoViolations(page, 'arena, before the vote');
  await page.getByTestId('vote-a').click();
  await expect(page.getByTestId('arena-reveal')).toBeVisible();
  await expectNoViolations(page, 'arena, after the vote');
});

test('benchmark, graded sets, projector view and the readiness check', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('mode-benchmark').click();
  await expect(page.getByTestId('mode-benchmark')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Loading the benchmark…')).toHaveCount(0);
  await expectNoViolations(page, 'benchmark');

  await page.getByTestId('mode-grading').click();
  await expect(page.getByText('Loading the graded sets…')).toHaveCount(0);
  await expectNoViolations(page, 'graded sets');

  await page.getByTestId('mode-compare').click();
  await page.getByTestId('projector-toggle').check();
  await expect(page.locator('html')).toHaveClass(/projector/);
  await expectNoViolations(page, 'projector view');
  await page.getByTestId('projector-toggle').uncheck();

  await page.goto('./#check');
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  await expect(page.getByTestId('gpu-status')).not.toHaveAttribute('data-available', 'checking');
  await page.waitForTimeout(500); // the check view renders its cards
  await expectNoViolations(page, '#check');
});
