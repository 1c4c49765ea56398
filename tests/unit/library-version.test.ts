import { describe, expect, it } from 'vitest';
import {
  libraryVersionWarning,
  matchingFolderUrl,
  namesOtherVersion,
  versionFolderOf,
  versionMismatchText,
} from '../../src/lib/engine/library-version';

const LIBS = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models';
const OLD = `${LIBS}/v0_2_48/Qwen2-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm`;
const CURRENT = `${LIBS}/v0_2_86/base/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm`;

describe('versionFolderOf', () => {
  it('reads a bare version folder and one with a sub-folder', () => {
    expect(versionFolderOf(OLD)).toBe('v0_2_48');
    expect(versionFolderOf(CURRENT)).toBe('v0_2_86/base');
    expect(versionFolderOf('http://127.0.0.1:4312/libs/v0_2_48/model.wasm')).toBe('v0_2_48');
  });

  it('is null for URLs without a version folder, and for garbage', () => {
    expect(versionFolderOf('https://example.org/libs/model-webgpu.wasm')).toBeNull();
    expect(versionFolderOf('https://example.org/v0_2/model.wasm')).toBeNull();
    expect(versionFolderOf('not a url')).toBeNull();
    // A file named like a version is not a folder.
    expect(versionFolderOf('https://example.org/libs/v0_2_48')).toBe('v0_2_48');
  });
});

describe('namesOtherVersion', () => {
  it('compares the vX_Y_Z part with the runtime modelVersion', () => {
    expect(namesOtherVersion(OLD, 'v0_2_86/base')).toBe(true);
    expect(namesOtherVersion(CURRENT, 'v0_2_86/base')).toBe(false);
    expect(namesOtherVersion(OLD, 'v0_2_48')).toBe(false);
    expect(namesOtherVersion(CURRENT, 'v0_2_48')).toBe(true);
    expect(namesOtherVersion('https://example.org/model.wasm', 'v0_2_86/base')).toBe(false);
  });
});

describe('matchingFolderUrl', () => {
  it("points at the runtime's folder next to the given one", () => {
    expect(matchingFolderUrl(OLD, 'v0_2_86/base')).toBe(`${LIBS}/v0_2_86/base/`);
    expect(matchingFolderUrl(`${CURRENT}?x=1#y`, 'v0_2_48')).toBe(`${LIBS}/v0_2_48/`);
    expect(matchingFolderUrl('https://example.org/model.wasm', 'v0_2_86/base')).toBeNull();
  });
});

describe('libraryVersionWarning (the custom model form)', () => {
  it('warns for another version folder, naming both folders and the fix', () => {
    const warning = libraryVersionWarning(OLD, 'v0_2_86/base');
    expect(warning).toContain('v0_2_48');
    expect(warning).toContain('v0_2_86/base');
    expect(warning).toContain(`${LIBS}/v0_2_86/base/`);
  });

  it('stays quiet for the matching folder, no folder, or an unfinished URL', () => {
    expect(libraryVersionWarning(CURRENT, 'v0_2_86/base')).toBeNull();
    expect(libraryVersionWarning('https://example.org/model.wasm', 'v0_2_86/base')).toBeNull();
    expect(libraryVersionWarning('https://raw.githu', 'v0_2_86/base')).toBeNull();
  });
});

describe('versionMismatchText (the pane message)', () => {
  const runtime = { label: 'web-llm 0.2.86', modelVersion: 'v0_2_86/base' };

  it("names the app's engine and modelVersion, the library's folder and the fix", () => {
    const text = versionMismatchText(OLD, runtime);
    expect(text).toContain('web-llm 0.2.86');
    expect(text).toContain('v0_2_86/base');
    expect(text).toContain('its folder is v0_2_48');
    expect(text).toContain(`${LIBS}/v0_2_86/base/`);
  });

  it('does not claim a folder when the URL has none, or names the right one', () => {
    expect(versionMismatchText('https://example.org/model.wasm', runtime)).not.toContain('its folder is');
    expect(versionMismatchText(CURRENT, runtime)).not.toContain('its folder is');
  });
});
