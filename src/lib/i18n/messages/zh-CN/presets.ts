import type en from '../en/presets';

const zh: Record<keyof typeof en, string> = {
  'presets.notText': '无法导入：这个文件不能作为文本读取。',
  'presets.tooLarge': '这个文件超过 2 MB，太大了，不可能是提示词集文件。',
  'presets.notJson': '这个文件不是有效的 JSON，所以不是提示词集文件。',
  'presets.wrongVersion': '这个提示词集文件是第 {version} 版；当前的 Lineup 只能读取第 {readable} 版。',
  'presets.notPresetFile': '这个 JSON 文件不是 Lineup 提示词集文件（应包含 "format": "lineup-presets"）。',
  'presets.noSetList': '这个提示词集文件里没有提示词集列表。',
  'presets.tooManySets': '共 {count} 个提示词集，只读取了前 {max} 个。',
  'presets.setLabel': '第 {number} 个提示词集',
  'presets.setNamed': '{label}（“{title}”）',
  'presets.promptLabel': '{set}的第 {number} 条提示词',
  'presets.notASet': '{label}不是提示词集，已跳过。',
  'presets.noTitle': '{label}没有标题，已跳过。',
  'presets.noPromptList': '{label}没有提示词列表，已跳过。',
  'presets.tooManyPrompts': '{label}：共 {count} 条提示词，只读取了前 {max} 条。',
  'presets.noUsablePrompts': '{label}没有可用的提示词，已跳过。',
  'presets.noPromptText': '{label}没有提示词文本，已跳过。',
  'presets.tooLong': '{label}超过 {max} 个字符，已跳过。',
  'presets.badCheck': '{label}：{problem}；提示词已保留，但去掉了评分检查。',
};
export default zh;
