// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, connectSources, isAllowedModelUrl } from '../../src/lib/security/content-security-policy';

describe('Content-Security-Policy', () => {
  const policy = buildContentSecurityPolicy(['https://models.school.example/hf/']);
  const directive = (name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

  it('lets the page connect only to itself and the model hosts', () => {
    expect(directive('connect-src')).toBe(
      "connect-src 'self' data: blob: https://huggingface.co https://*.huggingface.co https://*.hf.co https://hf-mirror.com https://*.hf-mirror.com https://raw.githubusercontent.com https://cdn.jsdelivr.net https://models.school.example",
    );
  });

  it('allows no third-party script and no JavaScript eval, only WebAssembly compilation', () => {
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(directive('font-src')).toBe("font-src 'self'");
  });

  it('lets workers start only from the site and blob: (which inherit this policy)', () => {
    expect(directive('worker-src')).toBe("worker-src 'self' blob:");
  });

  it('checks a custom model URL against the same list', () => {
    const sources = connectSources(['http://127.0.0.1:*']);
    const page = 'https://me.github.io';
    expect(isAllowedModelUrl('https://huggingface.co/mlc-ai/x/resolve/main/', sources, page)).toBe(true);
    expect(isAllowedModelUrl('https://cdn-lfs.huggingface.co/file', sources, page)).toBe(true);
    expect(isAllowedModelUrl('http://127.0.0.1:4312/models/synth/', sources, page)).toBe(true);
    expect(isAllowedModelUrl('https://me.github.io/models/x/', sources, page)).toBe(true);
    expect(isAllowedModelUrl('https://evil.example/x.wasm', sources, page)).toBe(false);
    expect(isAllowedModelUrl('https://huggingface.co.evil.example/x', sources, page)).toBe(false);
    expect(isAllowedModelUrl('not a url', sources, page)).toBe(false);
  });
});
