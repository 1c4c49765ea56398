// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allModels, customModelEntry, toModelSpec } from '../../src/lib/catalog/catalog';
import { connectSources } from '../../src/lib/security/content-security-policy';
import {
  MAX_MODEL_ID_CHARS,
  MAX_MODEL_URL_CHARS,
  checkModelUrl,
  modelIdProblem,
  modelUrlProblem,
  type HostPolicy,
} from '../../src/lib/security/model-url-rules';
import { ModelNotAllowedError, assertModelSpecAllowed, validateModelSpec } from '../../src/lib/security/model-spec-policy';
import type { ModelSpec } from '../../src/lib/engine/protocol';

/** The policy of a build with one extra host (LINEUP_EXTRA_MODEL_HOSTS) and the local test servers. */
const POLICY: HostPolicy = {
  sources: connectSources(['https://models.school.example', 'http://127.0.0.1:*']),
  pageOrigin: 'https://lineup.example',
};
const LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/x-webgpu.wasm';
const WEIGHTS = 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/';

/** A URL of exactly `length` characters on an allowed host (padding in the path). */
function urlOfLength(length: number, prefix = 'https://huggingface.co/me/', suffix = '/resolve/main/'): string {
  const url = prefix + 'a'.repeat(length - prefix.length - suffix.length) + suffix;
  expect(url).toHaveLength(length);
  return url;
}

function spec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return { id: 'my-model', weightsUrl: WEIGHTS, libraryUrl: LIB, requiredFeatures: [], ...overrides };
}

describe('model URL rules', () => {
  it('accepts ordinary http(s) model URLs', () => {
    expect(modelUrlProblem(WEIGHTS)).toBeNull();
    expect(modelUrlProblem('http://127.0.0.1:4312/models/synth/resolve/main/')).toBeNull();
  });

  it('refuses a user name or password, saying why', () => {
    for (const url of ['https://user:pass@huggingface.co/m/', 'https://user@huggingface.co/m/', 'https://:secret@huggingface.co/m/']) {
      expect(modelUrlProblem(url)).toMatch(/must not contain a user name or password/);
    }
  });

  it('refuses "@" tricks that put the real host after a familiar name', () => {
    // The host here is evil.example; "huggingface.co" is only a user name.
    expect(new URL('https://huggingface.co@evil.example/').hostname).toBe('evil.example');
    expect(modelUrlProblem('https://huggingface.co@evil.example/m/')).toMatch(/user name or password/);
    expect(modelUrlProblem('https://huggingface.co%40evil.example/m/')).toMatch(/not a valid URL/);
  });

  it('has one length limit, counted exactly', () => {
    expect(modelUrlProblem(urlOfLength(MAX_MODEL_URL_CHARS))).toBeNull();
    expect(modelUrlProblem(urlOfLength(MAX_MODEL_URL_CHARS + 1))).toBe('is too long (2,049 characters; the limit is 2,048)');
    expect(modelUrlProblem(urlOfLength(5000))).toMatch(/too long \(5,000 characters/);
  });

  it('counts the length after the browser normalises the URL', () => {
    // Each "é" is one character typed but three (%C3%A9) once encoded.
    const typed = `https://huggingface.co/${'é'.repeat(700)}/`;
    expect(typed.length).toBeLessThan(MAX_MODEL_URL_CHARS);
    expect(modelUrlProblem(typed)).toMatch(/too long \(4,\d{3} characters/);
  });

  it.each([
    ['javascript:alert(1)', /must start with http:\/\/ or https:\/\/ \(got javascript:\/\/\)/],
    ['data:application/wasm;base64,AAAA', /got data:\/\//],
    ['file:///etc/passwd', /got file:\/\//],
    ['ftp://huggingface.co/m/', /got ftp:\/\//],
    ['blob:https://lineup.example/1234', /got blob:\/\//],
    ['huggingface.co/m/', /not a valid URL/],
    ['//huggingface.co/m/', /not a valid URL/],
    ['', /is required/],
  ])('refuses the scheme or shape of %s', (url, problem) => {
    expect(modelUrlProblem(url)).toMatch(problem);
  });

  it.each([
    ['https://huggingface.co\\@evil.example/m/', /backslash/],
    ['https:\\\\evil.example\\m\\', /backslash/],
    ['https://huggingface.co/m/\\..\\', /backslash/],
    [' https://huggingface.co/m/', /spaces or invisible/],
    ['https://huggingface.co/m /', /spaces or invisible/],
    ['https://huggingface.co/m/\n', /spaces or invisible/],
    ['https://hugging\tface.co/m/', /spaces or invisible/],
    ['https://huggingface.co\u200b/m/', /spaces or invisible/],
    ['https://huggingface.co/\u202eoc.elpmaxe-live/', /spaces or invisible/],
  ])('refuses backslashes and invisible characters in %j', (url, problem) => {
    expect(modelUrlProblem(url)).toMatch(problem);
  });

  it('refuses non-text values with a sentence, never a throw', () => {
    for (const value of [undefined, null, 42, {}, ['https://huggingface.co/'], Symbol('x')]) {
      expect(modelUrlProblem(value)).toBe('should be text');
    }
  });

  it('hands back the normalised URL', () => {
    const check = checkModelUrl('HTTPS://HuggingFace.CO/m/');
    expect(check.ok && check.url.href).toBe('https://huggingface.co/m/');
  });
});

describe('model id rule', () => {
  it('takes MLC-style ids up to the limit', () => {
    expect(modelIdProblem('Qwen2.5-0.5B-Instruct-q4f32_1-MLC')).toBeNull();
    expect(modelIdProblem('a'.repeat(MAX_MODEL_ID_CHARS))).toBeNull();
    expect(modelIdProblem('a'.repeat(MAX_MODEL_ID_CHARS + 1))).toBe('is longer than 256 characters');
  });

  it.each(['', 'has space', '../up', 'a/b', '-leading', 'é', '<script>', 'x\u0000'])('refuses %j', (id) => {
    expect(modelIdProblem(id)).not.toBeNull();
  });
});

describe('validateModelSpec', () => {
  it('passes every model of the catalog, as this build will load it', () => {
    const policy: HostPolicy = { sources: connectSources([]), pageOrigin: 'https://lineup.example' };
    const failing = allModels()
      .map((entry) => ({ id: entry.id, problems: validateModelSpec(toModelSpec(entry), policy) }))
      .filter((result) => result.problems.length > 0);
    expect(failing).toEqual([]);
  });

  it('names the foreign host in one sentence', () => {
    const problems = validateModelSpec(spec({ weightsUrl: 'https://evil.example/m/resolve/main/' }), POLICY);
    expect(problems).toEqual([
      expect.stringMatching(/^It downloads from https:\/\/evil\.example, which this site's privacy policy does not allow/),
    ]);
  });

  it('applies wildcard hosts to subdomains only, on the default port', () => {
    const at = (weightsUrl: string) => validateModelSpec(spec({ weightsUrl }), POLICY);
    expect(at('https://cdn-lfs.huggingface.co/m/resolve/main/')).toEqual([]);
    expect(at('https://cas-bridge.xethub.hf.co/m/resolve/main/')).toEqual([]);
    expect(at('https://evilhuggingface.co/m/resolve/main/')).toHaveLength(1);
    expect(at('https://huggingface.co.evil.example/m/resolve/main/')).toHaveLength(1);
    expect(at('https://cdn.huggingface.co:8443/m/resolve/main/')).toHaveLength(1);
    expect(at('http://cdn.huggingface.co/m/resolve/main/')).toHaveLength(1); // http is not https
    expect(at('https://models.school.example/m/resolve/main/')).toEqual([]);
    expect(at('https://sub.models.school.example/m/resolve/main/')).toHaveLength(1);
    expect(at('http://127.0.0.1:9999/m/resolve/main/')).toEqual([]);
    expect(at('https://lineup.example/mirror/m/resolve/main/')).toEqual([]); // the site itself
  });

  it('sees look-alike (IDN) hosts as the different hosts they are', () => {
    // Dotless ı and Cyrillic а: the browser turns them into punycode, which is not huggingface.co.
    for (const weightsUrl of ['https://huggıngface.co/m/resolve/main/', 'https://huggingfаce.co/m/resolve/main/']) {
      const problems = validateModelSpec(spec({ weightsUrl }), POLICY);
      expect(problems).toEqual([expect.stringMatching(/downloads from https:\/\/xn--/)]);
    }
    // Full-width letters are the same host once normalised: that is where the fetch would go.
    expect(validateModelSpec(spec({ weightsUrl: 'https://ｈｕｇｇｉｎｇｆａｃｅ.co/m/resolve/main/' }), POLICY)).toEqual([]);
  });

  it('lists every problem of a hostile spec, and never throws on junk', () => {
    const problems = validateModelSpec(
      spec({ id: '../x', weightsUrl: 'https://a:b@huggingface.co/m/?x=1', libraryUrl: 'https://evil.example/lib.js' }),
      POLICY,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Model id may only contain/),
      expect.stringMatching(/^Weights URL must not contain a user name or password/),
      'Library URL must point at the compiled model library, a file ending in .wasm',
      expect.stringMatching(/downloads from https:\/\/evil\.example/),
    ]);
    for (const junk of [null, undefined, {}, { id: 5, weightsUrl: [], libraryUrl: {} }]) {
      expect(validateModelSpec(junk as unknown as ModelSpec, POLICY).length).toBeGreaterThan(0);
    }
  });

  it('checks a manifest that points somewhere else', () => {
    expect(validateModelSpec(spec({ modelManifest: 'mlc-model-manifest.json' }), POLICY)).toEqual([]);
    expect(validateModelSpec(spec({ modelManifest: 'https://evil.example/manifest.json' }), POLICY)).toEqual([
      expect.stringMatching(/downloads from https:\/\/evil\.example/),
    ]);
  });

  it('refuses with an error that names the model and the reason', () => {
    expect(() => assertModelSpecAllowed(spec({ id: 'theirs', libraryUrl: 'https://evil.example/x.wasm' }), POLICY)).toThrow(
      /^Not loaded: model "theirs"\. It downloads from https:\/\/evil\.example/,
    );
    try {
      assertModelSpecAllowed(spec({ libraryUrl: 'https://evil.example/x.wasm' }), POLICY);
    } catch (error) {
      expect(error).toBeInstanceOf(ModelNotAllowedError);
      expect((error as Error).name).toBe('ModelNotAllowedError');
    }
  });
});

describe('the custom-model form applies the same rules', () => {
  const problemsOf = (weightsUrl: string, libraryUrl = LIB): string[] => {
    try {
      customModelEntry({ weightsUrl, libraryUrl }, POLICY);
      return [];
    } catch (error) {
      return (error as { problems: string[] }).problems;
    }
  };

  it('refuses credentials and over-long URLs up front', () => {
    expect(problemsOf('https://user:pass@huggingface.co/me/M-MLC/resolve/main/')).toEqual([
      expect.stringMatching(/^Weights URL must not contain a user name or password/),
    ]);
    expect(problemsOf(urlOfLength(5000))).toEqual([expect.stringMatching(/^Weights URL is too long \(5,000 characters/)]);
    expect(problemsOf(WEIGHTS, `https://raw.githubusercontent.com/${'a'.repeat(MAX_MODEL_URL_CHARS)}.wasm`)).toEqual([
      expect.stringMatching(/^Library URL is too long/),
    ]);
  });

  it('counts resolve/main/, which it adds, against the limit', () => {
    const bare = urlOfLength(MAX_MODEL_URL_CHARS - 5, 'https://huggingface.co/me/', '-MLC');
    expect(problemsOf(bare)).toEqual([expect.stringMatching(/^Weights URL is too long \(2,057 characters/)]);
  });

  it('refuses a foreign host, and a broken %-escape in the folder name does not crash it', () => {
    expect(problemsOf('https://huggingface.co@evil.example/m/resolve/main/')).toHaveLength(1);
    expect(problemsOf('https://huggingface.co/me/%E0%A4%A/resolve/main/')).toEqual([
      expect.stringMatching(/^The folder name "%E0%A4%A" cannot be the model id/),
    ]);
  });
});

describe('weights URLs with an empty query or fragment', () => {
  it('are refused, since web-llm would append file names after the "?" or "#"', () => {
    for (const weightsUrl of ['https://huggingface.co/me/M-MLC?', 'https://huggingface.co/me/M-MLC#', 'https://huggingface.co/me/M-MLC/resolve/main/?']) {
      expect(() => customModelEntry({ weightsUrl, libraryUrl: LIB }, POLICY)).toThrow(/must not have a \?query or #fragment/);
      expect(validateModelSpec(spec({ weightsUrl }), POLICY)).toEqual([expect.stringMatching(/must not have a \?query/)]);
    }
  });
});
