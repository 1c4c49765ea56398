import type en from '../en/share';

const zh: Record<keyof typeof en, string> = {
  'share.confirmLabel': '分享的对比',
  'share.confirmText': '这个标签页打开了一个分享链接。要用分享的对比替换你现在的提示词吗？',
  'share.applyLater': '运行结束后才能应用。',
  'share.apply': '应用',
  'share.keepMine': '保留我的',
  'share.dismiss': '关闭',
  'share.create': '分享链接',
  'share.includeOutputs': '包含回答',
  'share.linkLabel': '分享链接',
  'share.copy': '复制',
  'share.copied': '已复制',
  'share.travels': '设置内容直接保存在链接里（# 之后的部分），从不经过服务器。',
};
export default zh;
