/**
 * Errors as a person sees them. The worker's errors arrive with their original `name`
 * (web-llm's error classes, DOMException names, our own); this maps a name, or failing that a
 * recognisable message, to a plain explanation and one recovery action.
 */

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

type Rule = Omit<FriendlyError, 'name' | 'technical'>;

/** web-llm unloads itself when its GPU device is lost; later calls then report "not loaded". */
const MODEL_GONE: Rule = {
  title: 'The model is no longer loaded',
  detail: 'The engine lost its model (often after the GPU device was reset). The engine has been restarted; try again.',
  action: 'restart-engine',
};

const BY_NAME: Record<string, Rule> = {
  WebGPUNotAvailableError: {
    title: 'WebGPU is not available',
    detail: 'This browser does not expose WebGPU. Use a recent Chrome or Edge (113+) on desktop, or enable WebGPU in your browser settings.',
    action: 'use-another-browser',
  },
  WebGPUNotFoundError: {
    title: 'No WebGPU adapter found',
    detail: 'The browser supports WebGPU but found no usable GPU. Update your graphics driver, or check chrome://gpu for a blocklisted GPU.',
    action: 'use-another-browser',
  },
  ShaderF16SupportError: {
    title: 'This model needs shader-f16',
    detail: 'Your GPU or browser does not support 16-bit float shaders. Pick the q4f32 variant of this model instead.',
    action: 'pick-other-model',
  },
  FeatureSupportError: {
    title: 'A required GPU feature is missing',
    detail: 'This model needs a WebGPU feature your device does not offer. Pick another model or variant.',
    action: 'pick-other-model',
  },
  DeviceLostError: {
    title: 'The GPU stopped responding',
    detail: 'The GPU device was lost (often: out of GPU memory, or the driver reset). The engine has been restarted; try again, or pick a smaller model.',
    action: 'restart-engine',
  },
  EngineCrashedError: {
    title: 'The engine crashed',
    detail: 'The model worker stopped unexpectedly. A fresh one has been started; try again.',
    action: 'restart-engine',
  },
  QuotaExceededError: {
    title: 'Not enough storage space',
    detail: 'The browser refused to store the model files: the storage quota is full. Delete cached models you no longer need, or free disk space, then retry.',
    action: 'free-space',
  },
  ModelNotLoadedError: MODEL_GONE,
  EngineNotLoadedError: MODEL_GONE,
  ContextWindowSizeExceededError: {
    title: 'Prompt too long for this model',
    detail: "The prompt and the requested answer do not fit in this model's context window. Shorten the prompt or lower max tokens.",
    action: 'shorten-prompt',
  },
  CustomModelError: {
    title: 'Custom model is not valid',
    detail: 'Check the weights URL (an MLC model folder, ending in /resolve/main/) and the model library URL (.wasm).',
    action: 'fix-custom-model',
  },
  // Refused before any download (src/lib/security/model-spec-policy.ts); the message names the
  // model and the rule it breaks, so it is the detail (see describeError).
  ModelNotAllowedError: {
    title: 'This model is not allowed here',
    detail: '',
    action: 'pick-other-model',
  },
  // A model library that cannot run on this runtime (workers/library-diagnosis.ts): trying again
  // would fail the same way. Their message's first line says why and what to use instead.
  ModelLibraryVersionError: {
    title: 'This model library is for another version of web-llm',
    detail: '',
    action: 'edit-custom-model',
    alsoOffer: ['remove-model'],
  },
  ModelLibraryFormatError: {
    title: 'The model library is not a WebAssembly file',
    detail: '',
    action: 'edit-custom-model',
    alsoOffer: ['remove-model'],
  },
  CachedModelLibraryError: {
    title: 'The cached model library no longer matches',
    detail: '',
    action: 'delete-cached-library',
    alsoOffer: ['remove-model'],
  },
  // The same diagnosis when only web-llm's message says so (an unchecked runtime).
  library_link: {
    title: 'This model library is for another version of web-llm',
    detail: `The model library does not fit this app's engine (${__ENGINE_VERSION__}): it was built for another web-llm version, or it is not a WebAssembly file. Edit the model and use a library built for this version.`,
    action: 'edit-custom-model',
    alsoOffer: ['remove-model'],
  },
  // A model file that failed its checks (workers/model-files/): the message names the file and
  // the host and says why; the bad copy is already out of the cache, so Try again starts over.
  ModelFileInvalidError: {
    title: 'A model file is not usable',
    detail: '',
    action: 'retry',
    alsoOffer: ['add-from-folder'],
  },
  ModelFileDamagedError: {
    title: 'A downloaded model file was damaged',
    detail: '',
    action: 'retry',
  },
  LoadCancelledError: {
    title: 'Loading cancelled',
    detail: 'You cancelled this download. Files already downloaded stay cached for next time.',
    action: 'retry',
    cause: 'cancelled',
  },
  TypeError_fetch: {
    title: 'Download failed',
    detail: 'A model file could not be downloaded. Check your connection (or whether a network filter blocks the model host) and retry; finished files stay cached.',
    action: 'retry',
    alsoOffer: ['add-from-folder'],
    cause: 'network',
  },
  corrupt_cache: {
    title: 'The cached model looks damaged',
    detail: 'A cached model file could not be read. Delete this model from the cache and download it again.',
    action: 'clear-model-cache',
  },
  out_of_memory: {
    title: 'Model too big for this GPU',
    detail: 'The GPU ran out of memory or hit a buffer limit while loading. Pick a smaller model or a lower-bit quantization, and close other GPU-heavy tabs.',
    action: 'pick-other-model',
  },
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

/** Turn anything thrown (by the worker, comlink, or the page) into a message a person can act on. */
export function describeError(error: unknown): FriendlyError {
  const name = error instanceof Error || (typeof error === 'object' && error && 'name' in error)
    ? String((error as { name: unknown }).name)
    : 'Error';
  const technical = messageOf(error);
  const rule = BY_NAME[name] ?? BY_MESSAGE.find(([pattern]) => pattern.test(technical))?.[1];
  const resolved = typeof rule === 'string' ? BY_NAME[rule] : rule;
  const plain = PLAIN_FIRST_LINE.has(name) ? (technical.split('\n')[0] ?? technical) : technical;
  if (resolved) return { name, technical, ...resolved, detail: resolved.detail || plain };
  return {
    name,
    technical,
    title: 'Something went wrong',
    detail: technical || 'An unknown error happened in the engine.',
    action: 'retry',
  };
}

/** Errors after which the worker must be replaced (its GPU device or its thread is gone). */
export function needsFreshWorker(error: unknown): boolean {
  const action = describeError(error).action;
  return action === 'restart-engine';
}
