import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelSpec } from '../../src/lib/engine/protocol';
import {
  DEFAULT_HOSTS,
  HUGGING_FACE_PREFIX,
  MODEL_LIB_PREFIX,
  modelHostsFromEnv,
  parseBaseUrl,
  rewriteModelHosts,
} from '../../src/lib/catalog/model-hosts';

const spec: ModelSpec = {
  id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  weightsUrl: `${HUGGING_FACE_PREFIX}mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/`,
  libraryUrl: `${MODEL_LIB_PREFIX}web-llm-models/v0_2_80/Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm`,
  requiredFeatures: [],
  vramRequiredMB: 1060,
};

describe('parseBaseUrl', () => {
  it('is null when unset or blank', () => {
    expect(parseBaseUrl('X', undefined)).toBeNull();
    expect(parseBaseUrl('X', '  ')).toBeNull();
  });

  it('adds the trailing slash so path segments are not glued together', () => {
    expect(parseBaseUrl('X', 'https://models.school.example/hf')).toBe('https://models.school.example/hf/');
    expect(parseBaseUrl('X', ' https://models.school.example/hf/ ')).toBe('https://models.school.example/hf/');
  });

  it('refuses relative URLs, other schemes and queries, naming the variable', () => {
    expect(() => parseBaseUrl('VITE_MODEL_BASE_URL', '/models/')).toThrow(/VITE_MODEL_BASE_URL must be an absolute URL/);
    expect(() => parseBaseUrl('VITE_MODEL_BASE_URL', 'ftp://host/models/')).toThrow(/must start with https:\/\//);
    expect(() => parseBaseUrl('VITE_MODEL_LIB_BASE_URL', 'https://host/libs/?token=1')).toThrow(/VITE_MODEL_LIB_BASE_URL must not have a \?query/);
  });
});

describe('modelHostsFromEnv', () => {
  it('reads both variables and ignores everything else', () => {
    expect(modelHostsFromEnv({ MODE: 'production', PROD: true })).toEqual(DEFAULT_HOSTS);
    expect(
      modelHostsFromEnv({
        VITE_MODEL_BASE_URL: 'https://mirror.example/hf',
        VITE_MODEL_LIB_BASE_URL: 'https://mirror.example/libs/',
      }),
    ).toEqual({ modelBaseUrl: 'https://mirror.example/hf/', libBaseUrl: 'https://mirror.example/libs/' });
  });
});

describe('rewriteModelHosts', () => {
  it('changes nothing without configured hosts', () => {
    expect(rewriteModelHosts(spec, DEFAULT_HOSTS)).toEqual(spec);
  });

  it('moves weights and library to the mirror, keeping the folder layout', () => {
    const out = rewriteModelHosts(spec, { modelBaseUrl: 'https://mirror.example/hf/', libBaseUrl: 'https://mirror.example/libs/' });
    expect(out.weightsUrl).toBe('https://mirror.example/hf/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/');
    expect(out.libraryUrl).toBe('https://mirror.example/libs/web-llm-models/v0_2_80/Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm');
    expect({ ...out, weightsUrl: spec.weightsUrl, libraryUrl: spec.libraryUrl }).toEqual(spec);
    expect(spec.weightsUrl.startsWith(HUGGING_FACE_PREFIX)).toBe(true); // input untouched
  });

  it('each host is independent', () => {
    const weightsOnly = rewriteModelHosts(spec, { modelBaseUrl: 'https://m.example/', libBaseUrl: null });
    expect(weightsOnly.weightsUrl).toBe('https://m.example/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/');
    expect(weightsOnly.libraryUrl).toBe(spec.libraryUrl);
  });

  it('leaves URLs on other hosts alone', () => {
    const elsewhere = { ...spec, weightsUrl: 'https://cdn.example/m/resolve/main/', libraryUrl: 'https://cdn.example/m.wasm' };
    expect(rewriteModelHosts(elsewhere, { modelBaseUrl: 'https://x.example/', libBaseUrl: 'https://y.example/' })).toEqual(elsewhere);
  });
});

describe('toModelSpec with a mirror configured at build time', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('rewrites catalog models but keeps the URLs of custom models', async () => {
    vi.stubEnv('VITE_MODEL_BASE_URL', 'https://mirror.example/hf');
    vi.stubEnv('VITE_MODEL_LIB_BASE_URL', 'https://mirror.example/libs');
    vi.resetModules();
    const catalog = await import('../../src/lib/catalog/catalog');
    const prebuilt = catalog.allModels()[0]!;
    const out = catalog.toModelSpec(prebuilt);
    expect(out.weightsUrl.startsWith('https://mirror.example/hf/mlc-ai/')).toBe(true);
    expect(out.weightsUrl.endsWith('/resolve/main/')).toBe(true);
    expect(out.libraryUrl.startsWith('https://mirror.example/libs/web-llm-models/')).toBe(true);

    const custom = catalog.customModelEntry({
      weightsUrl: `${HUGGING_FACE_PREFIX}someone/Their-Model-q4f32_1-MLC/resolve/main/`,
      libraryUrl: `${MODEL_LIB_PREFIX}web-llm-models/v0_2_80/x-webgpu.wasm`,
    });
    expect(catalog.toModelSpec(custom).weightsUrl.startsWith(HUGGING_FACE_PREFIX)).toBe(true);
  });
});
