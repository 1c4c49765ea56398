// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAll } from '../../scripts/runtime-abi.mjs';
import { compareAbi, runtimeAbiFor } from '../../workers/library-abi';
import { inspectLibrary, libraryErrorFrom, type LibraryRuntime } from '../../workers/library-diagnosis';
import { sniffLibraryFormat } from '../../workers/library-format';
import { describeError } from '../../src/lib/engine/errors';
import { fixtureDir, fixturePresent, repoRoot, WASM_NAME } from '../support/fixture.mjs';
import committedAbi from '../../workers/runtime-abi.json';

const PROD = runtimeAbiFor('v0_2_86/base')!;
const COMPAT = runtimeAbiFor('v0_2_48')!;
const prod: LibraryRuntime = { label: 'web-llm 0.2.86', modelVersion: 'v0_2_86/base', abi: PROD };
const compat: LibraryRuntime = { label: 'web-llm 0.2.79', modelVersion: 'v0_2_48', abi: COMPAT };
const OLD_URL = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_48/Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('the runtime ABI table', () => {
  it("matches what the installed web-llm packages' tvmjs provides (regenerate: node scripts/extract-runtime-abi.mjs)", () => {
    expect(extractAll(repoRoot)).toEqual(committedAbi);
  });

  it('knows both runtimes this app builds with, and nothing else', () => {
    expect(PROD.webllmVersion).toBe('0.2.86');
    expect(COMPAT.webllmVersion).toBe('0.2.79');
    expect(runtimeAbiFor('fake-engine')).toBeNull();
    expect(runtimeAbiFor('__proto__')).toBeNull();
  });
});

describe('compareAbi', () => {
  const fn = (module: string, name: string) => ({ module, name, kind: 'function' as const });
  const exportsOf = (names: string[]) => names.map((name) => ({ name, kind: 'function' as const }));

  it('lists each import the runtime does not provide, by module', () => {
    const result = compareAbi([fn('env', 'TVMFFIWasmSafeCall'), fn('env', 'proc_exit'), fn('wasi_snapshot_preview1', '__console_log'), fn('other', 'x')], exportsOf(PROD.requiresExports), PROD);
    // __console_log is added to env only, not to wasi_snapshot_preview1.
    expect(result).toEqual({ missingImports: ['wasi_snapshot_preview1.__console_log', 'other.x'], missingExports: [] });
  });

  it('counts a non-function import as missing, and lists missing exports', () => {
    const result = compareAbi([{ module: 'env', name: 'memory', kind: 'memory' }], exportsOf(['TVMWasmAllocSpace']), PROD);
    expect(result.missingImports).toEqual(['env.memory']);
    expect(result.missingExports).toContain('TVMFFIFunctionCall');
    expect(result.missingExports).not.toContain('TVMWasmAllocSpace');
  });
});

describe('sniffLibraryFormat', () => {
  it('tells WebAssembly from the pages hosts send instead', () => {
    expect(sniffLibraryFormat(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBe('wasm');
    expect(sniffLibraryFormat(new Uint8Array(bytes('\uFEFF  <!DOCTYPE html><html>…')))).toBe('html');
    expect(sniffLibraryFormat(new Uint8Array(bytes('{"error":"not found"}')))).toBe('json');
    expect(sniffLibraryFormat(new Uint8Array(bytes('version https://git-lfs.github.com/spec/v1\noid sha256:…')))).toBe('text');
    expect(sniffLibraryFormat(new Uint8Array())).toBe('empty');
    expect(sniffLibraryFormat(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]))).toBe('binary');
  });
});

describe('inspectLibrary', () => {
  it('rejects an HTML page saved as .wasm with ModelLibraryFormatError (a cached one with CachedModelLibraryError)', async () => {
    const page = bytes('<!doctype html><title>404</title>');
    const fresh = await failure(inspectLibrary(page, 'https://example.org/lib.wasm', prod, false));
    expect(fresh.name).toBe('ModelLibraryFormatError');
    expect(fresh.message.split('\n')[0]).toContain('a web page (HTML)');
    const cached = await failure(inspectLibrary(page, 'https://example.org/lib.wasm', prod, true));
    expect(cached.name).toBe('CachedModelLibraryError');
  });

  it('rejects truncated WebAssembly as damaged', async () => {
    const truncated = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x7f]).buffer;
    const error = await failure(inspectLibrary(truncated, 'https://example.org/lib.wasm', prod, false));
    expect(error.name).toBe('ModelLibraryFormatError');
    expect(error.message).toContain('WebAssembly.compile');
  });

  describe.skipIf(!fixturePresent())('with the offline fixture library (built for web-llm 0.2.79, folder v0_2_48)', () => {
    const library = () => readFileSync(path.join(fixtureDir, WASM_NAME)).buffer as ArrayBuffer;

    it('passes on the runtime it was built for', async () => {
      await expect(inspectLibrary(library(), OLD_URL, compat, false)).resolves.toBeUndefined();
    });

    it("fails on 0.2.86: its four TVM runtime imports are gone (tvm-ffi's TVMFFIWasm* replaced them)", async () => {
      const module = await WebAssembly.compile(library());
      const result = compareAbi(WebAssembly.Module.imports(module), WebAssembly.Module.exports(module), PROD);
      expect(result.missingImports.sort()).toEqual([
        'env.TVMWasmPackedCFunc',
        'env.TVMWasmPackedCFuncFinalizer',
        'env._ZN3tvm7runtime9threading10NumThreadsEv',
        'env._ZN3tvm7runtime9threading15ResetThreadPoolEv',
      ]);
      expect(result.missingExports).toContain('TVMFFIFunctionCall');

      const error = await failure(inspectLibrary(library(), OLD_URL, prod, false));
      expect(error.name).toBe('ModelLibraryVersionError');
      const friendly = describeError({ name: error.name, message: error.message });
      expect(friendly.detail).toContain('web-llm 0.2.86');
      expect(friendly.detail).toContain('v0_2_86/base');
      expect(friendly.detail).toContain('v0_2_48');
      expect(friendly.detail).not.toContain('_ZN3tvm'); // the import names stay in the technical details
      expect(friendly.technical).toContain('env._ZN3tvm7runtime9threading15ResetThreadPoolEv');
      expect([friendly.action, ...(friendly.alsoOffer ?? [])]).toEqual(['edit-custom-model', 'remove-model']);
    });

    it('a cached copy that no longer fits offers to delete that copy', async () => {
      const error = await failure(inspectLibrary(library(), OLD_URL, prod, true));
      expect(error.name).toBe('CachedModelLibraryError');
      expect(describeError({ name: error.name, message: error.message }).action).toBe('delete-cached-library');
    });
  });
});

describe('libraryErrorFrom (a failure that slipped past the check)', () => {
  const runtime = { label: 'web-llm 0.2.86', modelVersion: 'v0_2_86/base' };

  it("turns web-llm's LinkError into the version diagnosis", () => {
    const link = Object.assign(new Error('WebAssembly.instantiate(): Import #0 "env" "_ZN3tvm7runtime9threading15ResetThreadPoolEv": function import requires a callable'), { name: 'LinkError' });
    const error = libraryErrorFrom(link, OLD_URL, runtime);
    expect(error?.name).toBe('ModelLibraryVersionError');
    expect(error?.message).toContain('its folder is v0_2_48');
  });

  it('turns a CompileError into the format diagnosis, and leaves other errors alone', () => {
    const compile = Object.assign(new Error('WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 64 6f @+0'), { name: 'CompileError' });
    expect(libraryErrorFrom(compile, OLD_URL, runtime)?.name).toBe('ModelLibraryFormatError');
    expect(libraryErrorFrom(new TypeError('Failed to fetch'), OLD_URL, runtime)).toBeNull();
  });
});

describe('describeError for library problems', () => {
  it('never offers "Try again" for a library that cannot run, even when only the message says so', () => {
    const raw = describeError(new Error('WebAssembly.instantiate(): Import #0 "env" "x": function import requires a callable'));
    expect(raw.title).toContain('another version of web-llm');
    expect([raw.action, ...(raw.alsoOffer ?? [])]).not.toContain('retry');
  });
});
