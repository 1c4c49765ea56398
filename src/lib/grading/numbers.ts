import { foldWidth } from './normalise';

/**
 * Numbers in an answer: "1,234", "1 234" (thousands separated by a space, as in French and ISO
 * style), "-3.5", and optionally Chinese numerals ("一百", "三千零五", "两万"). Returned in the
 * order they appear, so a check can take the first or the last (the final answer after working).
 */

// A digit group with thousands separators (comma, space, no-break or narrow no-break space) or plain digits.
// A minus sign only when it is not a hyphen or dash after a word or number ("2025-03-14", "168−59").
const DIGITS = String.raw`(?:(?<![\p{L}\p{N}])[-−])?(?:\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3}(?!\d))+|\d+)(?:\.\d+)?`;
const HAN = '[零〇一二两三四五六七八九十百千万亿]+';

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const HAN_BIG: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export function extractNumbers(text: string, options: { chineseNumerals?: boolean } = {}): number[] {
  const source = foldWidth(text);
  const pattern = new RegExp(options.chineseNumerals ? `${DIGITS}|${HAN}` : DIGITS, 'gu');
  const found: number[] = [];
  for (const match of source.matchAll(pattern)) {
    const token = match[0];
    const value = /\d/.test(token) ? Number(token.replace(/[,\s\u00a0\u202f]/g, '').replace('−', '-')) : parseChineseNumeral(token);
    // A lone "一" inside a word (一个, 一样) is a number too: Chinese answers write "一个" for "one".
    if (value !== null && Number.isFinite(value)) found.push(value);
  }
  return found;
}

/**
 * A Chinese numeral in the usual form (十 = 10, 十二 = 12, 二十 = 20, 一百零五 = 105, 三千 = 3000,
 * 两万五千 = 25000, 一亿 = 100000000), or a digit-by-digit one (二〇二四 = 2024). Null if not a number.
 */
export function parseChineseNumeral(token: string): number | null {
  if (!token) return null;
  const chars = [...token];
  if (chars.every((char) => char in HAN_DIGITS) && chars.length > 1) {
    return Number(chars.map((char) => HAN_DIGITS[char]).join(''));
  }
  let total = 0; // completed 万/亿 sections
  let section = 0; // below 万
  let digit: number | null = null;
  for (const char of chars) {
    if (char in HAN_DIGITS) {
      digit = HAN_DIGITS[char]!;
    } else if (char in HAN_UNITS) {
      section += (digit ?? 1) * HAN_UNITS[char]!; // 十二: a unit with no digit before it means one
      digit = null;
    } else if (char in HAN_BIG) {
      total = (total + section + (digit ?? 0)) * HAN_BIG[char]!;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}
