/// <reference types="svelte" />
/// <reference types="vite/client" />

/** Which engine runtime this build's worker uses, e.g. "web-llm 0.2.86" (set in vite.config.ts). */
declare const __ENGINE_VERSION__: string;
declare const __APP_VERSION__: string;
/** Hosts the page's Content-Security-Policy lets it download models from (vite.config.ts). */
declare const __CONNECT_SOURCES__: string[];
/** Whether ?lang=pseudo is accepted: the scripted-engine test build only (vite.config.ts). */
declare const __PSEUDO_LOCALE__: boolean;
