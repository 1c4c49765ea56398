import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A scripted-engine model's files, as a person would copy them to a USB stick (the layout "Save to folder" writes). */
export const FAKE_CONFIG = {
  model_type: 'qwen2', quantization: 'q4f32_1', tokenizer_files: ['tokenizer.json'],
  context_window_size: 2048, sliding_window_size: -1, prefill_chunk_size: 512, attention_sink_size: -1,
  vocab_size: 1000, conv_template: { name: 'qwen2' },
};
export const FAKE_SHARDS: Record<string, number> = { 'params_shard_0.bin': 300_000, 'params_shard_1.bin': 120_000 };

/**
 * Writes `<parent>/<name>/` with config, manifest, tokenizer, shards and library; `changes` drops
 * (null) or resizes a shard. Returns the folder.
 */
export function writeFakeModelFolder(parent: string, name: string, libraryName: string, changes: Record<string, number | null> = {}): string {
  const dir = path.join(parent, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const records = Object.entries(FAKE_SHARDS).map(([dataPath, nbytes]) => ({ dataPath, nbytes, records: [] }));
  writeFileSync(path.join(dir, 'mlc-chat-config.json'), JSON.stringify(FAKE_CONFIG));
  writeFileSync(path.join(dir, 'tensor-cache.json'), JSON.stringify({ metadata: {}, records }));
  writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify({ model: { vocab: {} } }));
  writeFileSync(path.join(dir, libraryName), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  for (const [shard, size] of Object.entries(FAKE_SHARDS)) {
    const actual = shard in changes ? changes[shard] : size;
    if (actual !== null && actual !== undefined) writeFileSync(path.join(dir, shard), Buffer.alloc(actual, shard.length));
  }
  return dir;
}
