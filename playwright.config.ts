import { defineConfig } from '@playwright/test';

/**
 * Two builds of the same app, served side by side (vite.config.ts picks the engine):
 * - `ui`: LINEUP_ENGINE=fake — the app's real worker with a scripted engine from tests/fake, for
 *   fast UI flows;
 * - `real-engine`: LINEUP_ENGINE=compat — real web-llm (0.2.79) loading the synthetic Qwen2 model
 *   from a local model server, on WebGPU via SwiftShader.
 * - `prod-engine`: LINEUP_ENGINE=webllm — the production engine (web-llm 0.2.86) with the local
 *   model server allowed by the page's policy (LINEUP_EXTRA_MODEL_HOSTS); no 0.2.86 model library
 *   exists offline, so it checks what users see when a library does not fit (model-library spec).
 * Browser: Debian's Chromium (never downloaded by Playwright), WebGPU forced on the CPU.
 */
export const PORTS = { fake: 4310, compat: 4311, models: 4312, webllm: 4313 } as const;

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const build = (engine: string, port: number, env = '') =>
  `${env}LINEUP_ENGINE=${engine} LINEUP_OUT_DIR=dist-${engine} npx vite build --logLevel warn && ` +
  `npx vite preview --outDir dist-${engine} --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1, // 2-core CI machine; the real-engine test needs every cycle SwiftShader can get
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    // English unless a test asks for another language (the app follows the browser's language).
    locale: 'en-US',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'ui', testMatch: /ui\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORTS.fake}/` } },
    { name: 'real-engine', testMatch: /real-engine\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORTS.compat}/` } },
    { name: 'prod-engine', testMatch: /prod-engine\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORTS.webllm}/` } },
  ],
  // LINEUP_E2E_SERVERS=ui starts only the scripted-engine build and the model server (a quick
  // local run of ui specs); unset, every server starts.
  webServer: [
    { command: build('fake', PORTS.fake), url: `http://127.0.0.1:${PORTS.fake}/`, timeout: 180_000, reuseExistingServer: !process.env.CI },
    { command: build('compat', PORTS.compat), url: `http://127.0.0.1:${PORTS.compat}/`, timeout: 180_000, reuseExistingServer: !process.env.CI },
    {
      command: build('webllm', PORTS.webllm, `LINEUP_EXTRA_MODEL_HOSTS=http://127.0.0.1:${PORTS.models} `),
      url: `http://127.0.0.1:${PORTS.webllm}/`,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `npm run --silent fixture:weights && node tests/support/model-server.mjs --port ${PORTS.models}`,
      url: `http://127.0.0.1:${PORTS.models}/__control`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
    },
  ].filter((server) => process.env.LINEUP_E2E_SERVERS !== 'ui' || server.url.includes(`:${PORTS.fake}/`) || server.url.includes(`:${PORTS.models}/`)),
});
