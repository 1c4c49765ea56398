/// <reference types="vite-plugin-pwa/client" />
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');

export default mount(App, { target });

// Offline support (vite.config.ts). Only in builds: a service worker in `npm run dev` would serve
// stale modules over hot reload. Imported lazily: Workbox stays out of the first-load JavaScript.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
