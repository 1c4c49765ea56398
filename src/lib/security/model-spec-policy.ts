/**
 * validateModelSpec: the check a model spec passes before it may be loaded, wherever it came
 * from (catalog, custom-model form, preferences, a history file someone else made). The engine
 * client runs it before every load and the worker again inside, so a spec that slipped past an
 * earlier path (a bug, a new import format) still never reaches the network.
 */
import type { ModelSpec } from '../engine/protocol';
import { checkModelUrl, hostProblem, modelIdProblem, pageHostPolicy, say, type HostPolicy } from './model-url-rules';

/** web-llm appends file names to the weights URL, so a query or fragment would break every fetch. */
export function weightsUrlProblem(url: URL): string | null {
  // An empty "?" or "#" leaves url.search and url.hash empty but is still in the href, where the
  // appended "resolve/main/" would land after it (found by tests/unit/model-url-properties.test.ts).
  return /[?#]/.test(url.href) ? say('catalog.urlWeightsQuery') : null;
}

export function libraryUrlProblem(url: URL): string | null {
  return url.pathname.toLowerCase().endsWith('.wasm')
    ? null
    : say('catalog.urlNotWasm');
}

/** "Weights URL" + " is required": the field's name, then the phrase (see model-url-rules). */
export function field(label: 'catalog.fieldModelId' | 'catalog.fieldWeightsUrl' | 'catalog.fieldLibraryUrl' | 'catalog.fieldManifest', problem: string): string {
  return say('catalog.fieldProblem', { field: say(label), problem });
}

/** Every problem with this spec, one sentence each; empty when it may be loaded. */
export function validateModelSpec(spec: ModelSpec, policy: HostPolicy = pageHostPolicy()): string[] {
  const problems: string[] = [];
  const idProblem = modelIdProblem(spec?.id);
  if (idProblem) problems.push(field('catalog.fieldModelId', idProblem));
  const urls: URL[] = [];
  const weights = checkModelUrl(spec?.weightsUrl);
  if (!weights.ok) problems.push(field('catalog.fieldWeightsUrl', weights.problem));
  else {
    const problem = weightsUrlProblem(weights.url);
    if (problem) problems.push(field('catalog.fieldWeightsUrl', problem));
    urls.push(weights.url);
  }
  const library = checkModelUrl(spec?.libraryUrl);
  if (!library.ok) problems.push(field('catalog.fieldLibraryUrl', library.problem));
  else {
    const problem = libraryUrlProblem(library.url);
    if (problem) problems.push(field('catalog.fieldLibraryUrl', problem));
    urls.push(library.url);
  }
  if (spec?.modelManifest !== undefined && weights.ok) {
    // Normally a file name next to the weights; an absolute URL must follow the same rules.
    const manifest = typeof spec.modelManifest === 'string' ? resolve(spec.modelManifest, weights.url) : null;
    const check = checkModelUrl(manifest);
    if (!check.ok) problems.push(field('catalog.fieldManifest', check.problem));
    else urls.push(check.url);
  }
  const hosts = hostProblem(urls, policy);
  if (hosts) problems.push(hosts);
  return problems;
}

/** A spec refused by validateModelSpec; the message says which model and why. */
export class ModelNotAllowedError extends Error {
  override name = 'ModelNotAllowedError';
  constructor(readonly problems: string[], modelId: unknown) {
    super(say('catalog.notLoaded', { id: describeId(modelId), problems: problems.join(' ') }));
  }
}

/** @throws ModelNotAllowedError when the spec breaks a rule. */
export function assertModelSpecAllowed(spec: ModelSpec, policy: HostPolicy = pageHostPolicy()): void {
  const problems = validateModelSpec(spec, policy);
  if (problems.length > 0) throw new ModelNotAllowedError(problems, spec?.id);
}

function resolve(reference: string, base: URL): string | null {
  try {
    return new URL(reference, base).href;
  } catch {
    return null;
  }
}

/** A hostile id could be huge or hold line breaks: show a bounded, quoted form. */
function describeId(id: unknown): string {
  return typeof id === 'string' ? JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id) : say('catalog.noId');
}
