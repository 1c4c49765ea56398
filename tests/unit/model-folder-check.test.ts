// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkModelFolder, type FolderTarget } from '../../src/lib/model-folder/folder-check';
import type { PickedFolder } from '../../src/lib/model-folder/folder-files';

const CONFIG = {
  model_type: 'qwen2',
  quantization: 'q4f32_1',
  tokenizer_files: ['tokenizer.json', 'tokenizer_config.json'],
  context_window_size: 4096,
  sliding_window_size: -1,
  prefill_chunk_size: 1024,
  attention_sink_size: -1,
  vocab_size: 1000,
  conv_template: { name: 'qwen2' },
};
const MANIFEST = {
  metadata: {},
  records: [
    { dataPath: 'params_shard_0.bin', nbytes: 1000, records: [] },
    { dataPath: 'params_shard_1.bin', nbytes: 2000, records: [] },
  ],
};
const TARGET: FolderTarget = {
  id: 'Qwen2-0.5B-Instruct-q4f32_1-MLC',
  weightsUrl: 'https://huggingface.co/mlc-ai/Qwen2-0.5B-Instruct-q4f32_1-MLC/resolve/main/',
  libraryUrl: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm',
  quantization: 'q4f32_1',
};
const OTHER: FolderTarget = {
  id: 'SmolLM2-135M-Instruct-q0f32-MLC',
  weightsUrl: 'https://huggingface.co/mlc-ai/SmolLM2-135M-Instruct-q0f32-MLC/resolve/main/',
  libraryUrl: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/SmolLM2-135M-Instruct-q0f32-ctx2k_cs1k-webgpu.wasm',
  quantization: 'q0f32',
};

const json = (value: unknown) => new Blob([JSON.stringify(value)]);
const sized = (bytes: number) => new Blob([new Uint8Array(bytes)]);

function modelFiles(changes: Record<string, Blob | null> = {}): Record<string, Blob> {
  const files: Record<string, Blob | null> = {
    'mlc-chat-config.json': json(CONFIG),
    'tensor-cache.json': json(MANIFEST),
    'params_shard_0.bin': sized(1000),
    'params_shard_1.bin': sized(2000),
    'tokenizer.json': json({ model: {} }),
    'tokenizer_config.json': json({}),
    'Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm': sized(300),
    'README.md': new Blob(['# not part of the model']),
    ...changes,
  };
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, Blob] => entry[1] !== null));
}

function folder(files: Record<string, Blob>, name = 'Qwen2-0.5B-Instruct-q4f32_1-MLC', prefix = ''): PickedFolder {
  return { name, files: Object.entries(files).map(([path, file]) => ({ path: prefix + path, file })) };
}

async function problemsOf(picked: PickedFolder, wanted: FolderTarget | null = null): Promise<string[]> {
  const verdict = await checkModelFolder(picked, [OTHER, TARGET], wanted);
  expect(verdict.ok).toBe(false);
  return verdict.ok ? [] : verdict.problems;
}

describe('checkModelFolder', () => {
  it('matches a complete folder to the model whose library it holds, and plans the URLs web-llm will ask for', async () => {
    const verdict = await checkModelFolder(folder(modelFiles()), [OTHER, TARGET]);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.plan.target.id).toBe(TARGET.id);
    const stored = verdict.plan.files.map((file) => `${file.scope} ${file.url.replace(TARGET.weightsUrl, '<weights>/')}`);
    expect(stored.sort()).toEqual([
      'webllm/config <weights>/mlc-chat-config.json',
      'webllm/model <weights>/params_shard_0.bin',
      'webllm/model <weights>/params_shard_1.bin',
      'webllm/model <weights>/tensor-cache.json',
      'webllm/model <weights>/tokenizer.json',
      'webllm/model <weights>/tokenizer_config.json',
      `webllm/wasm ${TARGET.libraryUrl}`,
    ]);
    // README.md is not a model file and is left out; the total is what gets stored.
    const sizes = await Promise.all(verdict.plan.files.map((file) => file.file.size));
    expect(verdict.plan.totalBytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(verdict.plan.totalBytes).toBeGreaterThan(3300);
  });

  it('names a missing shard and a short one, with their sizes, and says which model the folder looks like', async () => {
    const picked = folder(modelFiles({ 'params_shard_0.bin': null, 'params_shard_1.bin': sized(1500) }));
    const verdict = await checkModelFolder(picked, [TARGET]);
    expect(verdict).toEqual({
      ok: false,
      looksLike: 'Qwen2-0.5B-Instruct-q4f32_1-MLC (qwen2, q4f32_1)',
      problems: [
        'params_shard_0.bin is missing (tensor-cache.json lists it, 1,000 bytes).',
        'params_shard_1.bin is 1,500 bytes, but tensor-cache.json says 2,000 bytes: the copy is cut short.',
      ],
    });
  });

  it('refuses a folder without a config, or a web page saved as the config', async () => {
    expect(await problemsOf(folder(modelFiles({ 'mlc-chat-config.json': null }), 'Downloads'))).toEqual([
      'There is no mlc-chat-config.json in "Downloads": this is not an MLC model folder (pick the folder that holds the model\'s files).',
    ]);
    const [problem] = await problemsOf(folder(modelFiles({ 'mlc-chat-config.json': new Blob(['<!doctype html><title>Blocked</title>']) })));
    expect(problem).toBe('mlc-chat-config.json cannot be used: a web page (HTML) came instead of the file.');
  });

  it('refuses a folder whose library no model uses, and one for another variant than the model asked for', async () => {
    const unknown = modelFiles({ 'Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm': null, 'mystery-webgpu.wasm': sized(10) });
    expect(await problemsOf(folder(unknown))).toEqual([
      'No model in the catalog or your custom models uses the library mystery-webgpu.wasm. Add it as a custom model first, then add the folder.',
    ]);
    const problems = await problemsOf(folder(modelFiles()), OTHER);
    expect(problems).toEqual([
      'SmolLM2-135M-Instruct-q0f32-MLC needs the model library SmolLM2-135M-Instruct-q0f32-ctx2k_cs1k-webgpu.wasm, and it is not in the folder (it has Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm).',
      'mlc-chat-config.json is for quantization q4f32_1, but SmolLM2-135M-Instruct-q0f32-MLC is q0f32: these are another variant\'s files.',
    ]);
  });

  it('finds the model in the one subfolder of a picked folder, and asks to pick one when there are several', async () => {
    const usb = folder(modelFiles(), 'USB', 'Qwen2-0.5B-Instruct-q4f32_1-MLC/');
    const verdict = await checkModelFolder(usb, [TARGET]);
    expect(verdict.ok && verdict.plan.files.length).toBe(7);
    const two: PickedFolder = { name: 'USB', files: [...usb.files, ...folder(modelFiles(), 'x', 'Other-MLC/').files] };
    expect(await problemsOf(two)).toEqual(['"USB" holds 2 models (Qwen2-0.5B-Instruct-q4f32_1-MLC, Other-MLC): pick one of them.']);
  });

  it('stores the manifest under the name this build\'s web-llm reads too (ndarray-cache.json before 0.2.80)', async () => {
    const verdict = await checkModelFolder(folder(modelFiles()), [TARGET], null, 'ndarray-cache.json');
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    const manifests = verdict.plan.files.filter((file) => file.role === 'manifest').map((file) => file.name);
    expect(manifests.sort()).toEqual(['ndarray-cache.json', 'tensor-cache.json']);
  });

  it('refuses a manifest that lists a shard outside the model folder', async () => {
    const hostile = { records: [{ dataPath: '../../etc/passwd', nbytes: 5, records: [] }] };
    const [problem] = await problemsOf(folder(modelFiles({ 'tensor-cache.json': json(hostile) })));
    expect(problem).toMatch(/^tensor-cache\.json cannot be used: records\[0\]\.dataPath must be a file name in the model folder/);
  });
});
