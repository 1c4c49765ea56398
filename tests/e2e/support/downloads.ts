import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

/** The text of the file a click downloads (an export button, a device card). */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await download.path())!, 'utf8');
}
