import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/lib/i18n/i18n.svelte';
import { formatCount, formatDuration, formatRate } from '../../src/lib/metrics/format';
import { formatSeconds, unitLine, plainMetric } from '../../src/lib/metrics/plain-metrics';
import { rankText } from '../../src/lib/metrics/ranking';
import { CHART_METRICS } from '../../src/lib/metrics/chart-series';
import { plainDuration } from '../../src/lib/metrics/plain-duration';
import { describeError, EngineCrashedError } from '../../src/lib/engine/errors';
import { explainDownloadFailure } from '../../src/lib/engine/errors-download';
import { STATUS_LABEL } from '../../src/lib/engine/status';
import { paneResultMessage } from '../../src/lib/a11y/pane-announcement';
import { emptyMetrics } from '../../src/lib/metrics/run-metrics';

// Issue #15, the panes' words: the same figures and errors, in Chinese, and back in English.

describe('panes, figures and errors in Chinese', () => {
  beforeAll(() => i18n.use('zh-CN', false));
  afterAll(() => i18n.use('en', false));

  it('puts Chinese units after the figures', () => {
    expect(formatDuration(420)).toBe('420 毫秒');
    expect(formatDuration(12_300)).toBe('12.3 秒');
    expect(formatDuration(125_000)).toBe('2 分 5 秒');
    expect(formatSeconds(420)).toBe('0.42 秒');
    expect(formatRate(61.34)).toBe('61.3 词元/秒');
    expect(formatCount(1024)).toBe('1,024');
    expect(plainDuration(240)).toBe('约 4 分钟');
  });

  it('words the table, the ranks and the chart in Chinese', () => {
    expect(unitLine(plainMetric('decode'))).toBe('词元/秒 · 越高越好');
    expect(rankText('best')).toBe('★ 最佳');
    expect(rankText('tie')).toBe('≈ 并列最佳');
    expect(CHART_METRICS.decode.label).toBe('生成速度（解码）');
    expect(STATUS_LABEL.generating).toBe('正在生成');
  });

  it('explains an error from its name, and follows a language switch', async () => {
    const error = describeError(new EngineCrashedError('worker died'));
    expect(error.title).toBe('引擎崩溃了');
    await i18n.use('en', false);
    expect(error.title).toBe('The engine crashed'); // the same notice, reworded
    await i18n.use('zh-CN', false);
  });

  it('names the hosts of a failed download inside the Chinese sentence', () => {
    const failed = describeError(new TypeError('Failed to fetch'));
    const explained = explainDownloadFailure(failed, { urls: ['https://huggingface.co/a', 'https://raw.githubusercontent.com/b'], online: true });
    expect(explained.title).toBe('下载失败：无法连接 huggingface.co或raw.githubusercontent.com');
    expect(explained.detail).toContain('请让网络管理员放行 huggingface.co和raw.githubusercontent.com');
  });

  it('announces a finished pane in Chinese', () => {
    const metrics = { ...emptyMetrics(), completionTokens: 26, decodeTokensPerSecond: 65.2 };
    expect(paneResultMessage('Qwen3', 'finished', metrics, true)).toBe('Qwen3 已完成：26 个词元，每秒 65 个词元。');
  });
});
