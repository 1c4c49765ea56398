/// <reference types="vite-plugin-pwa/client" />
import { mount } from 'svelte';
import App from './App.svelte';
import { isFramedByAnotherOrigin } from './lib/security/framing';
import { showFramedNotice } from './lib/security/framed-notice';
import { startLocale } from './lib/i18n/i18n.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');

// Inside another site's page nothing starts (no engine, no prompts, no service worker).
if (isFramedByAnotherOrigin(window)) void startLocale().then(() => showFramedNotice(target, location.href));
else void startLocale().then(() => start(target));

function start(target: HTMLElement): void {
  mount(App, { target });
  // Offline support (vite.config.ts). Only in builds: a service worker in `npm run dev` would serve
  // stale modules over hot reload. Imported lazily: Workbox stays out of the first-load JavaScript.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  }
}
