/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelHostsFromEnv } from './src/lib/catalog/model-hosts.ts';
import { buildContentSecurityPolicy, connectSources } from './src/lib/security/content-security-policy.ts';
import { sourceCatalog, sourceCspList } from './src/lib/download-source/sources.ts';
import type { Plugin } from 'vite';

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

/**
 * Installable, offline-capable app. The service worker precaches the app shell, the engine
 * worker chunk included (~6 MB), so a visit without network still opens and runs cached models.
 * Model weights and libraries are NOT its business: web-llm keeps them in its own Cache API
 * storage, so there is deliberately no runtimeCaching (a second copy of gigabytes otherwise), and
 * requests the service worker does not precache go to the network untouched.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false, // src/main.ts registers it, in production builds only
  includeManifestIcons: false, // globPatterns below already list them (duplicates otherwise)
  manifest: {
    name: 'Lineup',
    short_name: 'Lineup',
    description: 'Compare open LLMs side by side, running in your browser on your own GPU.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d4ed8',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png}'], // the plugin adds manifest.webmanifest itself
    // A model mirror copied next to the site (README: "Mirror the models") must not be precached.
    globIgnores: ['**/resolve/**', '**/web-llm-models/**'],
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024, // the engine worker chunk is ~6 MB
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first visit is controlled at once (offline from then on). A new version does NOT take
    // over an open tab (that would reload it mid-comparison): it waits until the tabs are closed.
    skipWaiting: false,
    clientsClaim: true,
  },
});

/**
 * Hosts the built page may connect to besides itself: the download sources (and mirrors), extra ones
 * a self-hoster lists in LINEUP_EXTRA_MODEL_HOSTS (comma-separated, for custom models), and for
 * test builds only, the local model server.
 */
function allowedModelHosts(mode: string): string[] {
  // A mistyped mirror URL must fail the build, not every model download at a school later on.
  const hosts = modelHostsFromEnv(loadEnv(mode, process.cwd(), 'VITE_MODEL_'));
  const extra = (process.env.LINEUP_EXTRA_MODEL_HOSTS ?? '').split(',').map((host) => host.trim()).filter(Boolean);
  return [
    // Every download source the setting offers, this build's mirrors included: the same list
    // the model URL rules accept (__CONNECT_SOURCES__ below).
    ...sourceCspList(sourceCatalog(hosts)),
    ...extra,
    ...(choice === 'webllm' ? [] : ['http://127.0.0.1:*']),
  ];
}

/** Puts the Content-Security-Policy <meta> tag into the built page (not the dev server's). */
function contentSecurityPolicy(hosts: string[]): Plugin {
  return {
    name: 'lineup-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildContentSecurityPolicy(hosts) }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig(({ mode }) => {
  const modelHosts = allowedModelHosts(mode);
  return {
    // Relative base: the built site works from any sub-path (GitHub Pages project sites included).
    base: './',
    plugins: [svelte(), pwa, contentSecurityPolicy(modelHosts)],
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
      __APP_VERSION__: JSON.stringify(appVersion),
      __CONNECT_SOURCES__: JSON.stringify(connectSources(modelHosts)),
      // The pseudo-locale (src/lib/i18n/pseudo.ts) exists only in the scripted-engine test build and unit tests.
      __PSEUDO_LOCALE__: JSON.stringify(choice === 'fake' || Boolean(process.env.VITEST)),
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
      // Every message namespace loaded before a test reads one (src/lib/i18n).
      setupFiles: ['tests/unit/support/i18n-setup.ts'],
      environment: 'jsdom',
    },
  };
});
