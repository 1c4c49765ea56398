import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { describeChoice, sourceHint, sourceLabel } from '../../src/lib/download-source/source-text';
import { sourceCatalog } from '../../src/lib/download-source/sources';
import { describeCounts } from '../../src/lib/files/merge-by-id';

// Lane S of issue #15: the storage panel's words are produced in the interface language, and
// the English stays exactly what it was.
const MIRRORED = sourceCatalog({ modelBaseUrl: 'https://models.school.example/hf/', libBaseUrl: 'https://models.school.example/libs/' });

describe('storage and download source texts', () => {
  afterAll(() => i18n.use('en', false));

  it('read as before in English', async () => {
    await i18n.use('en', false);
    expect(describeChoice({ weights: 'hf-mirror', library: 'jsdelivr' }, MIRRORED)).toBe('hf-mirror.com (weights) and jsDelivr (libraries)');
    expect(sourceLabel(MIRRORED.weights.find((source) => source.id === 'mirror')!)).toBe("This site's mirror (models.school.example)");
    expect(sourceHint('libraries', MIRRORED.libraries.find((source) => source.id === 'mirror')!)).toBe('model libraries copied to models.school.example by whoever built this site');
    expect(describeCounts({ added: 2, skipped: 0, copied: 3 })).toBe('2 added, 0 skipped (identical to one already here), 3 kept as copies (same id as one here but different content, so added under a new id); nothing was replaced.');
  });

  it('follow a switch to Chinese, the source names unchanged', async () => {
    await i18n.use('zh-CN', false);
    expect(describeChoice({ weights: 'huggingface', library: 'github' }, MIRRORED)).toBe('Hugging Face（权重）和 GitHub（模型库文件）');
    expect(describeChoice({ weights: 'mirror', library: 'mirror' }, MIRRORED)).toBe('本站的镜像（models.school.example）（权重）和 本站的镜像（models.school.example）（模型库文件）');
    expect(describeCounts({ added: 1, skipped: 2, copied: 1 })).toBe('新增 1 条，跳过 2 条（与已有的完全相同），1 条另存为副本（编号与已有的相同但内容不同，因此以新编号添加）；没有替换任何内容。');
  });
});
