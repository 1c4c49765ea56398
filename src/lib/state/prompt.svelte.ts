import type { GenerateRequest, GenerationSettings } from '../engine/protocol';
import { DEFAULT_SETTINGS, normaliseSettings } from '../prompt/settings';

/** Longest prompt the form accepts (characters). Far above any small model's context window. */
export const MAX_PROMPT_CHARS = 60_000;

/** The prompt form: what is typed, and the sampling settings, bound straight to the inputs. */
export class PromptState {
  systemPrompt = $state('');
  prompt = $state('');
  temperature = $state(DEFAULT_SETTINGS.temperature);
  topP = $state(DEFAULT_SETTINGS.topP);
  maxTokens = $state(DEFAULT_SETTINGS.maxTokens);
  /** Kept as typed (may be empty): only a whole number is sent as a seed. */
  seed = $state('');
  /** Models whose reasoning is switchable (Qwen3) think before answering; off: they answer directly. */
  thinking = $state(true);

  settings = $derived<GenerationSettings>(
    normaliseSettings({ temperature: this.temperature, topP: this.topP, maxTokens: this.maxTokens, seed: this.seed, thinking: this.thinking }),
  );

  get isEmpty(): boolean {
    return this.prompt.trim().length === 0;
  }

  /** A plain object (no reactive proxies), ready to be posted to a worker. */
  request(): GenerateRequest {
    return $state.snapshot({ systemPrompt: this.systemPrompt, prompt: this.prompt, settings: this.settings });
  }

  apply(values: { systemPrompt: string; prompt: string; settings: GenerationSettings }): void {
    this.systemPrompt = values.systemPrompt;
    this.prompt = values.prompt;
    this.temperature = values.settings.temperature;
    this.topP = values.settings.topP;
    this.maxTokens = values.settings.maxTokens;
    this.seed = values.settings.seed === undefined ? '' : String(values.settings.seed);
    this.thinking = values.settings.thinking !== false;
  }
}
