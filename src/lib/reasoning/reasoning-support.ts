import { reasoningKindOf } from '../catalog/reasoning-meta';
import type { GenerationSettings, ReasoningSupport } from '../engine/protocol';
import type { SplitOptions } from './think-splitter';

/**
 * What a pane's model does about reasoning. A catalog model is known (reasoning-meta.ts); a
 * custom model is named by whoever added it, so an id the table recognises (`Qwen3-…`) counts,
 * and any other is `unknown`: split only when its output holds the tags.
 */
export function reasoningSupportOf(modelId: string, custom: boolean): ReasoningSupport {
  const kind = reasoningKindOf(modelId);
  return kind === 'none' && custom ? 'unknown' : kind;
}

/** How to read the output: a model known not to reason keeps any `<think>` it writes as text. */
export function splitModeFor(support: ReasoningSupport | undefined): NonNullable<SplitOptions['mode']> {
  return support === 'none' ? 'off' : 'auto';
}

/**
 * web-llm's `extra_body.enable_thinking`, sent only to models whose reasoning is switchable
 * (web-llm documents it for the Qwen3 template only); undefined: send nothing.
 */
export function enableThinkingFor(support: ReasoningSupport | undefined, settings: GenerationSettings): boolean | undefined {
  return support === 'switchable' ? settings.thinking !== false : undefined;
}
