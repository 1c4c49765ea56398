// @vitest-environment node
// The synthetic weights must reproduce the fixture's reference layout byte-for-byte in structure:
// the real-engine e2e test trusts them, and a layout drift would only show up there as an obscure
// GPU/engine failure minutes into the run.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MANIFEST_FILES,
  MAX_SHARD_BYTES,
  buildManifest,
  compareManifests,
  makeSyntheticWeights,
  readReferenceManifest,
  shardBytes,
} from '../../scripts/make-synthetic-weights.mjs';
import { fixtureDir, fixturePresent, isCI } from '../support/fixture.mjs';

const present = fixturePresent();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

if (!present && isCI()) {
  // In CI a missing fixture is a broken setup, not a reason to skip silently.
  describe('synthetic weights', () => {
    it('needs the offline fixture', () => {
      throw new Error(`fixture missing at ${fixtureDir} (set LINEUP_FIXTURE_DIR); required when CI=true`);
    });
  });
} else if (!present) {
  console.warn(`[synthetic-weights] SKIPPED: fixture not found at ${fixtureDir} (set LINEUP_FIXTURE_DIR).`);
}

describe.skipIf(!present)('synthetic weights', () => {
  it('has the exact reference layout (names, shapes, dtypes, nbytes, offsets, shards)', () => {
    const manifest = buildManifest();
    const reference = readReferenceManifest();
    expect(compareManifests(manifest, reference)).toEqual([]);
    expect(manifest).toEqual(reference); // nothing extra either
  });

  it('keeps shards within 32 MiB, except a lone tensor that is larger on its own', () => {
    for (const shard of buildManifest().records) {
      if (shard.records.length > 1) expect(shard.nbytes).toBeLessThanOrEqual(MAX_SHARD_BYTES);
      const sum = shard.records.reduce((n, r) => n + r.nbytes, 0);
      expect(shard.nbytes).toBe(sum); // contiguous, no padding
    }
  });

  it('is deterministic and fills tensors as the README says', () => {
    const last = buildManifest().records.at(-1)!; // 10 MB: every tensor kind, cheap to build twice
    const a = shardBytes(last);
    const b = shardBytes(last);
    expect(sha256(a)).toBe(sha256(b));
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    for (const rec of last.records) {
      const first = rec.dtype === 'uint32' ? view.getUint32(rec.byteOffset, true) : view.getFloat32(rec.byteOffset, true);
      if (rec.name.endsWith('.q_scale')) expect(first).toBeCloseTo(0.02, 6);
      else if (rec.name.endsWith('.bias')) expect(first).toBe(0);
      else if (rec.name.endsWith('.weight')) expect(first).toBe(1);
      else expect(rec.dtype).toBe('uint32'); // q_weight: pseudo-random
    }
    const qw = last.records.find((r) => r.name.endsWith('.q_weight'))!;
    const words = new Uint32Array(a.buffer, a.byteOffset + qw.byteOffset, 64);
    expect(new Set(words).size).toBeGreaterThan(60); // not constant
  });

  it('writes both manifests and all shards, and is idempotent', { timeout: 60_000 }, () => {
    const first = makeSyntheticWeights();
    const again = makeSyntheticWeights();
    expect(again.status).toBe('up-to-date');
    const json = JSON.stringify(first.manifest);
    for (const f of MANIFEST_FILES) {
      expect(JSON.stringify(JSON.parse(readFileSync(path.join(first.outDir, f), 'utf8')))).toBe(json);
    }
    for (const shard of first.manifest.records) {
      expect(statSync(path.join(first.outDir, shard.dataPath)).size).toBe(shard.nbytes);
    }
    const last = first.manifest.records.at(-1)!;
    expect(sha256(readFileSync(path.join(first.outDir, last.dataPath)))).toBe(sha256(shardBytes(last)));
  });
});
