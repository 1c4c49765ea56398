import type en from '../en/boundary';

const zh: Record<keyof typeof en, string> = {
  'boundary.crashTitle': 'Lineup 的这一部分出现了意外错误',
  'boundary.crashRest': '（{part}）。应用的其他部分仍可正常使用，已保存的内容没有改动。',
  'boundary.copyDetails': '复制详情',
  'boundary.tryAgain': '重试',
  'boundary.copied': '已复制。',
  'boundary.details': '详情',
  'boundary.partPromptSets': '提示词集',
  'boundary.partCompare': '对比视图',
  'boundary.partArena': '竞技场',
  'boundary.partGrading': '评分题集',
  'boundary.partBenchmark': '基准测试',
  'boundary.partShare': '分享面板',
  'boundary.partHistory': '历史记录面板',
  'boundary.partStorage': '存储面板',
  'boundary.partReadiness': '设备检查',
};
export default zh;
