/**
 * The reference side of `npm run bench`: web-llm 0.2.79 (`web-llm-compat`, the runtime the
 * offline model library is built for) used the plainest way, on the page's main thread, with no
 * app around it. scripts/bench.mjs loads the same model and sends the same request as it does
 * through Lineup's UI, and compares the two.
 */
import { MLCEngine, type CompletionUsage } from 'web-llm-compat';

export interface BareModel {
  id: string;
  weightsUrl: string;
  libraryUrl: string;
  contextWindowSize: number;
}

export interface BareRequest {
  prompt: string;
  maxTokens: number;
  temperature: number;
  topP: number;
  seed: number;
}

export interface BareResult {
  text: string;
  /** Wall clock in this page: create() called → first chunk with text. */
  wallTtftMs: number;
  /** web-llm's own usage figures. */
  ttftEngineMs: number;
  decodeTokensPerSecond: number;
  completionTokens: number;
}

let engine: MLCEngine | null = null;

async function load(model: BareModel): Promise<number> {
  const started = performance.now();
  engine = new MLCEngine({
    appConfig: {
      model_list: [
        {
          model: model.weightsUrl,
          model_id: model.id,
          model_lib: model.libraryUrl,
          required_features: [],
          overrides: { context_window_size: model.contextWindowSize },
        },
      ],
    },
  });
  await engine.reload(model.id, { context_window_size: model.contextWindowSize });
  return performance.now() - started;
}

async function generate(request: BareRequest): Promise<BareResult> {
  if (!engine) throw new Error('load() first');
  await engine.resetChat(); // like the app: a fresh conversation per run
  const started = performance.now();
  const stream = await engine.chat.completions.create({
    messages: [{ role: 'user', content: request.prompt }],
    stream: true,
    stream_options: { include_usage: true },
    temperature: request.temperature,
    top_p: request.topP,
    max_tokens: request.maxTokens,
    seed: request.seed,
  });
  let text = '';
  let firstAt: number | null = null;
  let usage: CompletionUsage | undefined;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) {
      firstAt ??= performance.now();
      text += delta;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  if (!usage || firstAt === null) throw new Error('web-llm produced no text or no usage');
  return {
    text,
    wallTtftMs: firstAt - started,
    ttftEngineMs: usage.extra.time_to_first_token_s * 1000,
    decodeTokensPerSecond: usage.extra.decode_tokens_per_s,
    completionTokens: usage.completion_tokens,
  };
}

(globalThis as unknown as { bench: object }).bench = { load, generate };
