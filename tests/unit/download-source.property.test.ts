// @vitest-environment node
/**
 * Property tests of the download-source rewrite: moving a URL to another source and back is the
 * identity, the part below a source's base is never changed, a URL on no known source is never
 * moved, and whatever is moved stays a valid URL on an allowed host.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFileUrl, libraryUrlOn, locateLibrary, type RepoFile } from '../../src/lib/download-source/library-urls';
import { sourceCatalog, sourceCspList, type LibrarySourceId, type WeightsSourceId } from '../../src/lib/download-source/sources';
import { locateWeights, weightsBase, weightsUrlOn } from '../../src/lib/download-source/weights-urls';
import { connectSources, isAllowedModelUrl } from '../../src/lib/security/content-security-policy';

const CATALOG = sourceCatalog({ modelBaseUrl: 'https://models.school.example/hf/', libBaseUrl: 'https://models.school.example/libs/' });
const SOURCES_CSP = connectSources(sourceCspList(CATALOG));
const WEIGHTS: WeightsSourceId[] = ['huggingface', 'hf-mirror', 'mirror'];
const LIBRARIES: LibrarySourceId[] = ['github', 'jsdelivr', 'mirror'];

const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,24}$/).filter((text) => text !== '.' && text !== '..');
// Below the base anything URL-safe may follow, escapes and odd characters included.
const pathChar = fc.constantFrom(...'abcXYZ019-._~%20/@:+=,;!$&\'()*'.split(''));
const tail = fc.string({ unit: pathChar, minLength: 1, maxLength: 60 });
const weightsPath = fc.tuple(segment, segment, segment, tail).map(([org, repo, rev, rest]) => `${org}/${repo}/resolve/${rev}/${rest}`);
const repoFile = fc.record({ owner: segment, repo: segment, ref: segment.filter((ref) => !ref.includes('@')), path: fc.tuple(segment, fc.array(segment, { maxLength: 4 })).map(([first, more]) => [first, ...more].join('/')) });

describe('weights URLs', () => {
  it('move between any two sources and back unchanged, keeping the path below the base', () => {
    fc.assert(
      fc.property(weightsPath, fc.constantFrom(...WEIGHTS), fc.constantFrom(...WEIGHTS), (path, from, to) => {
        const url = weightsBase(from, CATALOG)! + path;
        const moved = weightsUrlOn(url, to, CATALOG);
        expect(locateWeights(moved, CATALOG)).toEqual({ source: to, path });
        expect(weightsUrlOn(moved, from, CATALOG)).toBe(url);
        expect(() => new URL(moved)).not.toThrow();
        expect(isAllowedModelUrl(moved, SOURCES_CSP, 'https://lineup.example')).toBe(true);
      }),
    );
  });

  it('never move a URL on another host, whatever it looks like', () => {
    const foreign = fc.tuple(fc.constantFrom('https://evil.example/', 'https://huggingface.co.evil.example/', 'http://huggingface.co/', 'https://hf-mirror.com.example/', 'https://models.school.example/other/'), tail);
    fc.assert(
      fc.property(foreign, fc.constantFrom(...WEIGHTS), ([base, rest], to) => {
        expect(weightsUrlOn(base + rest, to, CATALOG)).toBe(base + rest);
      }),
    );
  });
});

describe('library URLs', () => {
  it('of any repository file move between GitHub and jsDelivr and back unchanged', () => {
    fc.assert(
      fc.property(repoFile, (file: RepoFile) => {
        const raw = libraryFileUrl(file, 'github', CATALOG)!;
        const cdn = libraryUrlOn(raw, 'jsdelivr', CATALOG);
        expect(cdn).toBe(`https://cdn.jsdelivr.net/gh/${file.owner}/${file.repo}@${file.ref}/${file.path}`);
        expect(locateLibrary(cdn, CATALOG)).toEqual({ source: 'jsdelivr', file });
        expect(libraryUrlOn(cdn, 'github', CATALOG)).toBe(raw);
        expect(isAllowedModelUrl(cdn, SOURCES_CSP, 'https://lineup.example')).toBe(true);
      }),
    );
  });

  it('of the mirrored repository move through all three sources and back', () => {
    const mirrored = repoFile.map((file) => ({ ...file, owner: 'mlc-ai', repo: 'binary-mlc-llm-libs', ref: 'main' }));
    fc.assert(
      fc.property(mirrored, fc.constantFrom(...LIBRARIES), fc.constantFrom(...LIBRARIES), (file, from, to) => {
        const url = libraryFileUrl(file, from, CATALOG)!;
        const moved = libraryUrlOn(url, to, CATALOG);
        expect(locateLibrary(moved, CATALOG)?.source).toBe(to);
        expect(libraryUrlOn(moved, from, CATALOG)).toBe(url);
      }),
    );
  });

  it('of another repository stay on GitHub when the mirror is chosen (it holds the catalog\'s libraries only)', () => {
    fc.assert(
      fc.property(repoFile.filter((file) => file.owner !== 'mlc-ai'), (file) => {
        const raw = libraryFileUrl(file, 'github', CATALOG)!;
        expect(libraryUrlOn(raw, 'mirror', CATALOG)).toBe(raw);
        expect(libraryUrlOn(libraryUrlOn(raw, 'jsdelivr', CATALOG), 'mirror', CATALOG)).toBe(raw);
      }),
    );
  });
});
