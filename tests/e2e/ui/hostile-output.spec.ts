import { expect, test } from '@playwright/test';
import { addCustomModel, clearLineup, fakeModel, openApp, pane, typePrompt } from '../support/lineup';

// Model output is untrusted. The scripted engine echoes the prompt, so whatever the prompt holds
// comes back as "model output" and goes through the same rendering as a real answer.

const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=\'href\'">html link</a>',
  '[md link](javascript:window.__pwned=\'md\')',
  '<style>body { display: none }</style>',
  '<p onclick="window.__pwned=\'click\'">click me</p>',
  'broken surrogates: \uD800 \uDFFF and \uFFFD done',
  'long line: ' + 'x'.repeat(30_000),
].join('\n\n');

test('hostile output renders as inert text: nothing executes, nothing is fetched', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    // blob: is the engine worker's own start-up script, made in the page: not the network.
    if (!/^(http:\/\/127\.0\.0\.1:|blob:)/.test(request.url())) foreign.push(request.url());
  });
  await openApp(page);
  await clearLineup(page);
  await addCustomModel(page, fakeModel('echo', 'echo-q4f32_1', 131072));
  await typePrompt(page, HOSTILE);
  await page.getByTestId('run').click();
  const target = pane(page, 'echo-q4f32_1');
  await expect(target.getByTestId('pane-status')).toHaveText('Finished', { timeout: 30_000 });
  const output = target.getByTestId('pane-output');
  await expect(output).toContainText('broken surrogates');
  await expect(output).toContainText('x'.repeat(1000));
  await expect(output.locator('script, img, svg, iframe, style')).toHaveCount(0);
  expect(await output.locator('[onclick], [onerror], [onload]').count()).toBe(0);
  await output.getByText('click me').click();
  await output.getByText('html link').click();
  await output.getByText('md link').click();
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('body')).toBeVisible();
  expect(foreign).toEqual([]);
});
