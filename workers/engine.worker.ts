/**
 * The engine worker: web-llm runs here, off the main thread, so the page stays responsive
 * while a model downloads, compiles and decodes. The page talks to it through comlink with the
 * typed API in src/lib/engine/protocol.ts. No Svelte and no DOM in this folder.
 */
import * as Comlink from 'comlink';
import { EngineHost } from './engine-host';

// The page's privacy policy (a <meta> tag) binds this worker only when it was started from a
// blob: URL (src/lib/security/policy-bound-worker.ts); started from its own URL it would be bound
// by nothing, so it refuses to run.
if (self.location.protocol !== 'blob:') {
  throw new Error('The engine worker must be started through the page (blob: URL), where the privacy policy binds it.');
}
Comlink.expose(new EngineHost());
