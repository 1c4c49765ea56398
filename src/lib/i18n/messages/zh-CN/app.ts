import type en from '../en/app';

const zh: Record<keyof typeof en, string> = {
  'app.documentTitle': 'Lineup：在你自己的 GPU 上比较大语言模型',
  'app.tagline': '在你的浏览器里、用你自己的 GPU，把开源语言模型放在一起比较。',
  'app.privacy': '你输入的内容不会离开这台设备。',
  'app.privacyMore': '唯一的下载是模型文件。',
  'app.language': '语言',
  'app.arenaDone': '两个回答都出来了。请投票选出更好的一个。',
  'app.compareDone': '比较完成。',
  'app.loadingArena': '正在加载竞技场…',
  'app.loadingGrading': '正在加载评分题集…',
  'app.loadingBenchmark': '正在加载基准测试…',
  'app.catalogTitle': '模型',
  'app.catalogFailed': '无法加载模型目录（是否离线？）。请刷新页面重试。',
  'app.catalogLoading': '正在加载模型目录…',
  'app.close': '关闭',
  'app.footerEngine': '引擎：{engine}',
  'app.footerSpeeds': '速度来源：引擎或实际耗时',
  'app.footerSourceLabel': '速度数据从哪里来？',
  'app.footerSource': '“引擎”数据是 web-llm 自己的用量统计；“实际耗时”数据由本页面测量，即你实际等待的时间。',
};
export default zh;
