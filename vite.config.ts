/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The one place where the engine behind the app's worker is chosen (LINEUP_ENGINE):
 * - `webllm` (default): @mlc-ai/web-llm 0.2.86, what users get;
 * - `compat`: web-llm 0.2.79 (npm alias), the newest runtime whose model library exists offline,
 *   used by the real-engine end-to-end test;
 * - `fake`: a scripted engine from tests/, for fast UI tests. Never part of a user build.
 */
const ENGINE_RUNTIMES = {
  webllm: { module: '@mlc-ai/web-llm', pkg: 'node_modules/@mlc-ai/web-llm/package.json' },
  compat: { module: 'web-llm-compat', pkg: 'node_modules/web-llm-compat/package.json' },
  fake: { module: here('./tests/fake/fake-webllm.ts'), pkg: null },
} as const;
type EngineChoice = keyof typeof ENGINE_RUNTIMES;

const choice = (process.env.LINEUP_ENGINE ?? 'webllm') as EngineChoice;
if (!(choice in ENGINE_RUNTIMES)) {
  throw new Error(`LINEUP_ENGINE must be one of ${Object.keys(ENGINE_RUNTIMES).join(', ')}; got "${choice}"`);
}
const runtime = ENGINE_RUNTIMES[choice];
const engineVersion = runtime.pkg
  ? `web-llm ${JSON.parse(readFileSync(here(runtime.pkg), 'utf8')).version}`
  : 'test engine';
const appVersion = JSON.parse(readFileSync(here('./package.json'), 'utf8')).version as string;

export default defineConfig({
  // Relative base: the built site works from any sub-path (GitHub Pages project sites included).
  base: './',
  plugins: [svelte()],
  resolve: {
    alias: {
      $lib: here('./src/lib'),
      '#engine-runtime': runtime.module,
    },
    // Component tests render Svelte's client build in jsdom (the default would be its server build).
    ...(process.env.VITEST ? { conditions: ['browser'] } : {}),
  },
  define: {
    __ENGINE_VERSION__: JSON.stringify(engineVersion),
    __ENGINE_CHOICE__: JSON.stringify(choice),
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: process.env.LINEUP_OUT_DIR ?? 'dist',
    chunkSizeWarningLimit: 8000,
  },
  preview: { host: '127.0.0.1', strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'jsdom',
  },
});
