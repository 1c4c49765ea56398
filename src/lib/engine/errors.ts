/**
 * Errors as a person sees them. The worker's errors arrive with their original `name`
 * (web-llm's error classes, DOMException names, our own); this maps a name, or failing that a
 * recognisable message, to a plain explanation and one recovery action.
 */

import { i18n, t, type MessageKey, type MessageParams } from '../i18n/i18n.svelte';

/** What the UI offers to do about an error. */
export type RecoveryAction =
  | 'retry' // try the same thing again
  | 'pick-other-model' // this model cannot run here
  | 'free-space' // storage quota: delete cached models
  | 'clear-model-cache' // the cached copy is broken
  | 'restart-engine' // the worker or GPU died: a fresh worker is created
  | 'shorten-prompt'
  | 'fix-custom-model'
  | 'use-another-browser'
  | 'edit-custom-model' // open the custom model form on this model, its library field focused
  | 'remove-model' // take this model out of the line-up
  | 'delete-cached-library' // the cached model library fails: delete that file, download again
  | 'add-from-folder' // the download cannot get through: add the model from a folder (USB stick, shared folder)
  | 'try-other-source'; // the download cannot get through: switch to the next download source and try again (src/lib/download-source/recovery.ts)

export interface FriendlyError {
  name: string;
  /** In the current language (a getter from describeError: read it where it is shown). */
  title: string;
  detail: string;
  action: RecoveryAction;
  /** Further actions that help as much (e.g. edit the model, or remove it). */
  alsoOffer?: RecoveryAction[];
  /** The raw message, kept for people who want to report a bug. */
  technical: string;
  /**
   * What kind of failure this is, where the page words it further: `network` (a download did
   * not get through: errors-download.ts names the host), `cancelled` (the person stopped it: a
   * neutral outcome, not a red error).
   */
  cause?: 'network' | 'cancelled';
}

/** Errors we raise ourselves keep a stable `name` for the mapping below. */
export class EngineCrashedError extends Error {
  override name = 'EngineCrashedError';
}
export class LoadCancelledError extends Error {
  override name = 'LoadCancelledError';
  constructor() {
    super('Loading was cancelled.');
  }
}

/**
 * How one kind of error is worded: message keys, looked up when the notice is shown (so a
 * language switch rewords a notice already on screen). `workerWorded`: the error's own message
 * (written for people by the worker or the model rules, in English) is the detail in English;
 * in another language the catalogue's general detail is shown, and the message stays in the
 * technical details.
 */
interface Rule extends Omit<FriendlyError, 'name' | 'technical' | 'title' | 'detail'> {
  title: MessageKey;
  detail: MessageKey;
  params?: MessageParams;
  workerWorded?: boolean;
}

/** web-llm unloads itself when its GPU device is lost; later calls then report "not loaded". */
const MODEL_GONE: Rule = { title: 'errors.modelGoneTitle', detail: 'errors.modelGoneDetail', action: 'restart-engine' };

const LIBRARY_VERSION: Rule = {
  title: 'errors.libraryVersionTitle',
  detail: 'errors.libraryVersionDetail',
  workerWorded: true,
  action: 'edit-custom-model',
  alsoOffer: ['remove-model'],
};

const BY_NAME: Record<string, Rule> = {
  WebGPUNotAvailableError: { title: 'errors.noWebGpuTitle', detail: 'errors.noWebGpuDetail', action: 'use-another-browser' },
  WebGPUNotFoundError: { title: 'errors.noAdapterTitle', detail: 'errors.noAdapterDetail', action: 'use-another-browser' },
  ShaderF16SupportError: { title: 'errors.shaderF16Title', detail: 'errors.shaderF16Detail', action: 'pick-other-model' },
  FeatureSupportError: { title: 'errors.featureTitle', detail: 'errors.featureDetail', action: 'pick-other-model' },
  DeviceLostError: { title: 'errors.deviceLostTitle', detail: 'errors.deviceLostDetail', action: 'restart-engine' },
  EngineCrashedError: { title: 'errors.crashedTitle', detail: 'errors.crashedDetail', action: 'restart-engine' },
  QuotaExceededError: { title: 'errors.quotaTitle', detail: 'errors.quotaDetail', action: 'free-space' },
  ModelNotLoadedError: MODEL_GONE,
  EngineNotLoadedError: MODEL_GONE,
  ContextWindowSizeExceededError: { title: 'errors.contextTitle', detail: 'errors.contextDetail', action: 'shorten-prompt' },
  CustomModelError: { title: 'errors.customTitle', detail: 'errors.customDetail', action: 'fix-custom-model' },
  // Refused before any download (src/lib/security/model-spec-policy.ts); the message names the
  // model and the rule it breaks, so it is the detail (see describeError).
  ModelNotAllowedError: { title: 'errors.notAllowedTitle', detail: 'errors.notAllowedDetail', workerWorded: true, action: 'pick-other-model' },
  // A model library that cannot run on this runtime (workers/library-diagnosis.ts): trying again
  // would fail the same way. Their message's first line says why and what to use instead.
  ModelLibraryVersionError: LIBRARY_VERSION,
  ModelLibraryFormatError: { ...LIBRARY_VERSION, title: 'errors.libraryFormatTitle', detail: 'errors.libraryFormatDetail' },
  CachedModelLibraryError: {
    title: 'errors.cachedLibraryTitle',
    detail: 'errors.cachedLibraryDetail',
    workerWorded: true,
    action: 'delete-cached-library',
    alsoOffer: ['remove-model'],
  },
  // The same diagnosis when only web-llm's message says so (an unchecked runtime).
  library_link: { ...LIBRARY_VERSION, detail: 'errors.libraryLinkDetail', params: { version: __ENGINE_VERSION__ }, workerWorded: false },
  // A model file that failed its checks (workers/model-files/): the message names the file and
  // the host and says why; the bad copy is already out of the cache, so Try again starts over.
  ModelFileInvalidError: { title: 'errors.fileInvalidTitle', detail: 'errors.fileInvalidDetail', workerWorded: true, action: 'retry', alsoOffer: ['add-from-folder'] },
  ModelFileDamagedError: { title: 'errors.fileDamagedTitle', detail: 'errors.fileDamagedDetail', workerWorded: true, action: 'retry' },
  LoadCancelledError: { title: 'errors.cancelledTitle', detail: 'errors.cancelledDetail', action: 'retry', cause: 'cancelled' },
  TypeError_fetch: { title: 'errors.downloadTitle', detail: 'errors.downloadDetail', action: 'retry', alsoOffer: ['add-from-folder'], cause: 'network' },
  corrupt_cache: { title: 'errors.corruptTitle', detail: 'errors.corruptDetail', action: 'clear-model-cache' },
  out_of_memory: { title: 'errors.memoryTitle', detail: 'errors.memoryDetail', action: 'pick-other-model' },
};

/** Messages whose wording, not class, identifies the problem (web-llm raises plain Errors for these). */
const BY_MESSAGE: Array<[RegExp, keyof typeof BY_NAME]> = [
  [/function import requires a callable|WebAssembly\.(?:instantiate|compile)\(\)|\b(?:LinkError|CompileError)\b/, 'library_link'],
  // Most specific first: a lost device or an allocation failure can mention numbers that look
  // like HTTP status codes, and must not be taken for a network problem.
  [/device (was )?lost|device is lost/i, 'DeviceLostError'],
  [/out of memory|allocation failed|maxBufferSize|maxStorageBufferBindingSize|exceeds the max/i, 'out_of_memory'],
  [/quota/i, 'QuotaExceededError'],
  [/context window|exceed.*context|prompt.*too long|maximum context/i, 'ContextWindowSizeExceededError'],
  [/unexpected end of json|invalid json|not valid json|corrupt|checksum|integrity/i, 'corrupt_cache'],
  [/failed to fetch|networkerror|network error|load failed|request failed|cannot fetch|\b(?:status|http)\s*(?:code\s*)?[45]\d\d\b/i, 'TypeError_fetch'],
];

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  if (error === undefined || error === null) return 'No details were given.';
  return String(error);
}

/** Errors whose message's first line is written for people (workers/library-diagnosis.ts). */
const PLAIN_FIRST_LINE = new Set(['ModelLibraryVersionError', 'ModelLibraryFormatError', 'CachedModelLibraryError']);

/**
 * A notice whose title and detail are read in the current language each time they are read
 * (enumerable getters: a spread copies the words of that moment, inside the view's $derived).
 */
function worded(base: Omit<FriendlyError, 'title' | 'detail'>, title: () => string, detail: () => string): FriendlyError {
  return {
    ...base,
    get title() {
      return title();
    },
    get detail() {
      return detail();
    },
  };
}

/** Turn anything thrown (by the worker, comlink, or the page) into a message a person can act on. */
export function describeError(error: unknown): FriendlyError {
  const name = error instanceof Error || (typeof error === 'object' && error && 'name' in error)
    ? String((error as { name: unknown }).name)
    : 'Error';
  const technical = messageOf(error);
  const rule = BY_NAME[name] ?? BY_MESSAGE.find(([pattern]) => pattern.test(technical))?.[1];
  const resolved = typeof rule === 'string' ? BY_NAME[rule] : rule;
  const plain = PLAIN_FIRST_LINE.has(name) ? (technical.split('\n')[0] ?? technical) : technical;
  // The worker's own words are English: shown as the detail only to English readers.
  const english = () => i18n.locale === 'en';
  if (resolved) {
    const { title, detail, params, workerWorded, ...rest } = resolved;
    return worded(
      { name, technical, ...rest },
      () => t(title),
      () => (workerWorded && english() && plain ? plain : t(detail, params)),
    );
  }
  return worded(
    { name, technical, action: 'retry' },
    () => t('errors.unknownTitle'),
    () => (!technical ? t('errors.unknownDetail') : english() ? technical : t('errors.unknownDetailTechnical')),
  );
}

/** Errors after which the worker must be replaced (its GPU device or its thread is gone). */
export function needsFreshWorker(error: unknown): boolean {
  const action = describeError(error).action;
  return action === 'restart-engine';
}
