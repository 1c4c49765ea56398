import { expect, test } from '@playwright/test';
import { openApp, openCatalog } from '../support/lineup';

test('the page states and enforces that nothing leaves the device', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('privacy-note')).toContainText('Nothing you type leaves this device');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const connect = policy!.split(';').map((part) => part.trim()).find((part) => part.startsWith('connect-src'))!;
  // Only the site, in-page data, the model hosts, and (in this test build) the local test servers.
  for (const source of connect.split(' ').slice(1)) {
    expect(source).toMatch(/^('self'|data:|blob:|https:\/\/(\*\.)?[a-z.-]+\.[a-z]+|http:\/\/127\.0\.0\.1:\*)$/);
  }

  // The browser itself refuses a connection to any other host, from the page and from a worker.
  const refused = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.blockedURI));
    await fetch('https://collector.example/track', { method: 'POST', body: 'prompt' }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return violations;
  });
  expect(refused).toEqual(['https://collector.example/track']);
});

test('a custom model on a host outside the policy is refused up front, with the reason', async ({ page }) => {
  await openApp(page);
  await openCatalog(page);
  await page.getByTestId('tab-custom').click();
  await page.getByTestId('custom-weights-url').fill('https://models.unknown-host.example/m-q4f32_1-MLC/resolve/main/');
  await page.getByTestId('custom-library-url').fill('https://models.unknown-host.example/m.wasm');
  await page.getByTestId('custom-add').click();
  await expect(page.getByTestId('custom-model-problems')).toContainText("which this site's privacy policy does not allow");
  await expect(page.getByTestId('custom-model-problems')).toContainText('https://models.unknown-host.example');
  await expect(page.getByTestId('pane')).toHaveCount(2);
});
