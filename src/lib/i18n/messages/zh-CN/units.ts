import type en from '../en/units';

const zh: Record<keyof typeof en, string> = {
  'units.ms': '{value} 毫秒',
  'units.seconds': '{value} 秒',
  'units.minutesSeconds': '{minutes} 分 {seconds} 秒',
  'units.rate': '{value} 词元/秒',
  'units.aboutUnknown': '时间未知',
  'units.aboutUnderSecond': '不到 1 秒',
  'units.aboutSeconds.one': '约 {count} 秒',
  'units.aboutSeconds.other': '约 {count} 秒',
  'units.aboutHalfMinute': '约半分钟',
  'units.aboutMinute': '约 1 分钟',
  'units.aboutMinutes.one': '约 {count} 分钟',
  'units.aboutMinutes.other': '约 {count} 分钟',
  'units.aboutHour': '约 1 小时',
  'units.aboutHours.one': '约 {count} 小时',
  'units.aboutHours.other': '约 {count} 小时',
  'units.aboutDays.one': '约 {count} 天',
  'units.aboutDays.other': '约 {count} 天',
};
export default zh;
