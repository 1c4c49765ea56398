/**
 * Unit tests read messages synchronously: load every lazy namespace first (in the app, views
 * load theirs with their code).
 */
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { LAZY_NAMESPACES } from '../../../src/lib/i18n/messages/lazy-namespaces';

await i18n.need(Object.keys(LAZY_NAMESPACES));
