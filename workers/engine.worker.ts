/**
 * The engine worker: web-llm runs here, off the main thread, so the page stays responsive
 * while a model downloads, compiles and decodes. The page talks to it through comlink with the
 * typed API in src/lib/engine/protocol.ts. No Svelte and no DOM in this folder.
 */
import * as Comlink from 'comlink';
import { EngineHost } from './engine-host';

Comlink.expose(new EngineHost());
