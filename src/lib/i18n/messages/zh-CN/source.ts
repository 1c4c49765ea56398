import type en from '../en/source';

const zh: Record<keyof typeof en, string> = {
  'source.legend': '模型下载源',
  'source.weights': '权重',
  'source.libraries': '模型库文件',
  'source.applies': '从下一次下载起生效。已经从其他下载源下载过的模型会从浏览器缓存加载，不会重新下载。本页只能连接这些主机（这是它的隐私政策）。',
  'source.hintHuggingface': 'huggingface.co，模型的发布地',
  'source.hintHfMirror': 'Hugging Face 的公共镜像，在 huggingface.co 被屏蔽的地方也能访问',
  'source.hintGithub': 'raw.githubusercontent.com，web-llm 发布模型库文件的地方',
  'source.hintJsdelivr': 'cdn.jsdelivr.net，镜像 GitHub 的 CDN（单个文件最大 20 MB）',
  'source.mirrorLabel': '本站的镜像（{host}）',
  'source.hintMirrorWeights': '由本站搭建者复制到 {host} 的模型权重',
  'source.hintMirrorLibraries': '由本站搭建者复制到 {host} 的模型库文件',
  'source.choice': '{weights}（权重）和 {libraries}（模型库文件）',
  'source.summary': '下载源：{sources}',
  'source.notice': '现在从 {sources} 下载。可在“存储 → 模型下载源”中更改。',
};
export default zh;
