import type en from '../en/prompt';

const zh: Record<keyof typeof en, string> = {
  'prompt.comparisonDone': '对比完成。',
  'prompt.promptLabel': '提示词',
  'prompt.promptPlaceholder': '问点什么，例如：用两句话解释天空为什么是蓝色的。',
  'prompt.settingsSummary': '系统提示词和设置',
  'prompt.systemPromptLabel': '系统提示词（可选）',
  'prompt.systemPromptPlaceholder': '你是一个乐于助人的助手。',
  'prompt.temperature': '温度',
  'prompt.topP': 'top-p',
  'prompt.maxTokens': '最大词元数',
  'prompt.seed': '随机种子（可选）',
  'prompt.seedPlaceholder': '随机',
  'prompt.thinking': '让推理模型先思考',
  'prompt.thinkingNote': '（适用于可以切换思考的模型，例如 Qwen3；关闭后它们直接回答。此设置随运行记录和分享链接一起保存）',
  'prompt.parallel': '并行运行模型',
  'prompt.parallelNote': '（总体更快，但它们共用 GPU：速度数据不再可比，而且所有模型必须同时装进 GPU 显存）',
  'prompt.stopAll': '全部停止',
  'prompt.run': '运行',
  'prompt.runShortcut': '按 Ctrl+Enter 运行',
  'prompt.overBudget':
    '提示词（约 {promptTokens} 个词元）加上最大词元数（{maxTokens}）超过了当前模型组合中最小的上下文窗口（{contextWindow} 个词元）。请缩短提示词或调低最大词元数。',

  'prompt.setLabel': '提示词集',
  'prompt.userSetOption': '{title}（我的）',
  'prompt.nextTitle': '本题集的下一个提示词（Alt+N）',
  'prompt.next': '下一个 →',
  'prompt.manageSets': '管理提示词集',
  'prompt.manageFailed': '无法加载（是否离线？）。请刷新页面后重试。',
  'prompt.loading': '正在加载…',
  'prompt.showAnswer': '显示答案',
  'prompt.hideAnswer': '隐藏答案',
  'prompt.forTeacher': '（供教师查看）',

  'prompt.newSet': '新建提示词集',
  'prompt.editSet': '编辑此提示词集',
  'prompt.copySet': '复制到我的提示词集',
  'prompt.editorLoadFailed': '无法加载提示词集编辑器：{reason}',

  'prompt.setsLoadFailed': '无法加载提示词集：{reason}',
  'prompt.setsDamaged': '有 {count} 个已保存的提示词集已损坏，已跳过。',
  'prompt.importNotStored': '浏览器拒绝保存它们：关闭此标签页后就会消失。',
  'prompt.imported': '已导入 {count} 个提示词集：{counts}',
  'prompt.nothingImportedCounts': '未导入任何内容：{counts}',
  'prompt.nothingImported': '未导入任何内容。',
  'prompt.setsNotLoaded': '提示词集尚未加载完成。',
};
export default zh;
