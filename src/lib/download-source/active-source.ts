/**
 * The download sources in effect on this page, for the engine client, which moves each model
 * spec onto them just before a load (so every path that loads a model, compare, arena,
 * benchmark and graded sets, follows the setting without carrying it around). Set by the
 * storage state when preferences are read back and whenever the person changes the setting.
 */
import type { ModelSpec } from '../engine/protocol';
import { defaultSourceChoice, specOnSource, type SourceChoice } from './choice';

let active: SourceChoice = defaultSourceChoice();

export function activeSourceChoice(): SourceChoice {
  return active;
}

export function setActiveSourceChoice(choice: SourceChoice): void {
  active = { ...choice };
}

/** The spec as it will be downloaded now. */
export function onActiveSource(spec: ModelSpec): ModelSpec {
  return specOnSource(spec, active);
}
