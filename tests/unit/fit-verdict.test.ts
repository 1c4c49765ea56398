// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allEntries, assessEntry, customModelEntry, findModel, type CatalogEntry } from '../../src/lib/catalog/catalog';
import { assessFit, type GpuCapabilities } from '../../src/lib/catalog/fit';
import { fitVerdict } from '../../src/lib/catalog/fit-verdict';

const GPU: GpuCapabilities = { available: true, shaderF16: true, maxBufferSize: 4294967296, maxStorageBufferBindingSize: 2147483644 };

function model(id: string): CatalogEntry {
  const entry = findModel(id, allEntries());
  if (!entry) throw new Error(`${id} missing from the catalog`);
  return entry;
}

const verdictOf = (entry: CatalogEntry, gpu: GpuCapabilities = GPU) => fitVerdict(entry, assessEntry(entry, gpu, allEntries()));

describe('fitVerdict', () => {
  it('says "Fits" for a small model on a capable GPU, with no reasons', () => {
    expect(verdictOf(model('Qwen3-0.6B-q4f16_1-MLC'))).toEqual({ state: 'fits', headline: 'Fits', reasons: [], pageWide: false });
  });

  it('says "Might not fit" with the memory reason for a model over 4 GB', () => {
    const verdict = verdictOf(model('Llama-3.1-8B-Instruct-q4f32_1-MLC'));
    expect(verdict.state).toBe('might-not-fit');
    expect(verdict.headline).toBe('Might not fit');
    expect(verdict.reasons[0]).toMatch(/^Needs about [\d.]+ GB of GPU memory/);
  });

  it('says "Won\'t run here" with the reason when a hard rule fails', () => {
    const verdict = verdictOf(model('Qwen3-0.6B-q4f16_1-MLC'), { ...GPU, shaderF16: false });
    expect(verdict.state).toBe('wont-run');
    expect(verdict.headline).toBe("Won't run here");
    expect(verdict.reasons).toEqual(['Needs shader-f16, which this GPU/browser does not offer — pick the q4f32_1 variant (Qwen3-0.6B-q4f32_1-MLC)']);
  });

  it('leaves the no-WebGPU reason to the top of the page instead of every card', () => {
    const entry = model('Qwen3-0.6B-q4f32_1-MLC');
    const none = { ...GPU, available: false };
    expect(fitVerdict(entry, assessFit(entry, none))).toEqual({ state: 'wont-run', headline: "Won't run here", reasons: [], pageWide: true });
  });

  it('calls a custom model of unknown size "unknown", never "fits"', () => {
    const entry = customModelEntry({
      weightsUrl: 'https://huggingface.co/someone/MyModel-q4f32_1-MLC',
      libraryUrl: 'https://raw.githubusercontent.com/someone/libs/main/MyModel-q4f32_1-webgpu.wasm',
    });
    const verdict = fitVerdict(entry, assessFit(entry, GPU));
    expect(verdict.state).toBe('unknown');
    expect(verdict.headline).toBe('Fit unknown');
    expect(verdict.reasons[0]).toContain('This custom model does not say how much GPU memory it needs');
  });
});
