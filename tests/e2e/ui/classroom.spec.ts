import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openApp, pane, typePrompt } from '../support/lineup';
import { writeFakeModelFolder } from '../support/fake-model-folder';

// `npm run classroom`: one command builds the app pointed at this computer and serves it with a
// folder of saved models. Tested on 127.0.0.1 only. The scripted engine downloads a catalog model's
// config, manifest and a shard for real when its URL is under /hf/mlc-ai/ (tests/fake/fake-webllm.ts),
// so the app built for the server really fetches the model from it, across origins.

const PORT = 4314;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CATALOG = JSON.parse(readFileSync(path.resolve('src/lib/catalog/prebuilt-models.json'), 'utf8')) as {
  models: Array<{ model_id: string; model: string; model_lib: string }>;
};

let server: ChildProcess | null = null;
let output = '';
/** The server's output lines so far (requests are logged with --log). */
const log = () => output.split('\n');

test.afterEach(() => {
  server?.kill('SIGTERM');
  server = null;
});

function startClassroom(modelsDir: string, outDir: string): Promise<void> {
  server = spawn(process.execPath, ['scripts/classroom.mjs', '--from', modelsDir, '--host', '127.0.0.1', '--port', String(PORT), '--out', outDir, '--log'], {
    env: { ...process.env, LINEUP_ENGINE: 'fake' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (log().includes('ready')) resolve();
    });
    server!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server!.on('exit', (code) => reject(new Error(`classroom server exited with ${code}:\n${output}`)));
  });
}

test('the classroom server builds the app for itself, serves it, and the app loads a catalog model from it', async ({ page }, testInfo) => {
  test.setTimeout(6 * 60_000);
  // The line-up the app starts with on this browser (same catalog, same GPU as the classroom build).
  await openApp(page);
  const id = (await page.getByTestId('pane').first().getAttribute('data-model-id'))!;
  const record = CATALOG.models.find((model) => model.model_id === id)!;
  const repo = /([^/]+)\/?$/.exec(record.model.replace(/\/resolve\/main\/?$/, ''))![1]!;
  const modelsDir = testInfo.outputPath('saved-models');
  writeFakeModelFolder(modelsDir, repo, path.basename(new URL(record.model_lib).pathname));

  await startClassroom(modelsDir, testInfo.outputPath('dist-classroom'));
  expect(log()).toContain(`Lineup for the class: ${ORIGIN}/`);
  expect(log()).toContain(`Models served (1): ${repo}`);

  await page.goto(`${ORIGIN}/`);
  await expect(page.locator('main')).toHaveAttribute('data-restored', 'true');
  const others = page.locator(`[data-testid="pane"]:not([data-model-id="${id}"]) [data-testid="pane-remove"]`);
  while ((await others.count()) > 0) await others.first().click();
  await typePrompt(page, 'hello class');
  await page.getByTestId('run').click();
  await expect(pane(page, id).getByTestId('pane-status')).toHaveText('Finished');
  await expect(pane(page, id).getByTestId('pane-output')).toContainText('hello class');

  // The files came from the classroom server, under the URLs the build points the catalog at.
  const stored = await page.evaluate(async () => (await (await caches.open('webllm/model')).keys()).map((request) => request.url));
  expect(stored).toContain(`${ORIGIN}/hf/mlc-ai/${repo}/resolve/main/params_shard_1.bin`); // the smaller shard
  expect(log()).toContain(`GET /hf/mlc-ai/${repo}/resolve/main/mlc-chat-config.json 200`);
  expect(log()).toContain(`GET /hf/mlc-ai/${repo}/resolve/main/params_shard_1.bin 200`);

  // Only the app and the model files: the repository, the sources and folders are not served.
  for (const other of ['/package.json', '/src/App.svelte', '/assets/', `/hf/mlc-ai/${repo}/resolve/main/`, '/scripts/classroom.mjs']) {
    expect([other, (await page.request.get(ORIGIN + other)).status()]).toEqual([other, 404]);
  }
});
