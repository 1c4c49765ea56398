import type { PresetSet } from '../presets';

type Row = [id: string, direction: 'zh-en' | 'en-zh', source: string, references: string[]];

/** chrF of 0.45 or more counts as a pass: close to a reference, not word for word. */
const THRESHOLD = 0.45;

const ROWS: Row[] = [
  ['weather', 'zh-en', '今天天气很好，我们去公园散步吧。', ["The weather is nice today, let's go for a walk in the park.", "The weather is great today; let's take a walk in the park."]],
  ['library', 'zh-en', '图书馆每天早上八点开门。', ['The library opens at eight every morning.', 'The library opens at 8 a.m. every day.']],
  ['train', 'zh-en', '火车晚点了半个小时。', ['The train was half an hour late.', 'The train was delayed by thirty minutes.']],
  ['tea', 'zh-en', '你想喝茶还是咖啡？', ['Would you like tea or coffee?', 'Do you want to drink tea or coffee?']],
  ['homework', 'zh-en', '他昨天晚上没有做作业。', ["He didn't do his homework last night.", 'He did not do his homework yesterday evening.']],
  ['rain', 'zh-en', '明天可能会下雨，记得带伞。', ['It might rain tomorrow, remember to bring an umbrella.', 'It may rain tomorrow, so remember to take an umbrella.']],
  ['doctor', 'zh-en', '我姐姐是一名医生，她在医院工作。', ['My older sister is a doctor; she works in a hospital.', 'My sister is a doctor and works at a hospital.']],
  ['mountain', 'zh-en', '这座山比那座山高得多。', ['This mountain is much higher than that one.', 'This mountain is much taller than that mountain.']],
  ['breakfast', 'en-zh', 'I usually eat breakfast at seven.', ['我通常七点吃早饭。', '我一般七点吃早餐。']],
  ['station', 'en-zh', 'Excuse me, where is the train station?', ['请问，火车站在哪里？', '打扰一下，火车站在哪儿？']],
  ['book', 'en-zh', 'This book is very interesting.', ['这本书很有意思。', '这本书非常有趣。']],
  ['friends', 'en-zh', 'We have been friends for ten years.', ['我们是十年的朋友了。', '我们已经做了十年朋友。']],
  ['window', 'en-zh', 'Please close the window, it is cold.', ['请关上窗户，很冷。', '请把窗户关上，天冷了。']],
  ['learn', 'en-zh', 'She is learning to play the piano.', ['她在学弹钢琴。', '她正在学习弹钢琴。']],
  ['market', 'en-zh', 'The market is closed on Sundays.', ['市场星期天不开门。', '市场周日关门。']],
  ['bicycle', 'en-zh', 'My bicycle is broken, so I walked to school.', ['我的自行车坏了，所以我走路去学校。', '我的自行车坏了，所以我是走着去上学的。']],
];

export const TRANSLATION_SET: PresetSet = {
  id: 'graded-translation',
  title: 'Graded: Chinese ↔ English translation (chrF)',
  description: `Short sentences both ways, scored by chrF (character n-gram F-score) against two references; ${THRESHOLD * 100} or more passes.`,
  builtin: true,
  prompts: ROWS.map(([id, direction, source, references]) => ({
    id: `translate-${id}`,
    title: `${direction === 'zh-en' ? '中→EN' : 'EN→中'}: ${source.slice(0, 40)}`,
    systemPrompt: 'You are a translator. Reply with the translation only.',
    prompt: direction === 'zh-en' ? `Translate into English:\n${source}` : `Translate into Simplified Chinese:\n${source}`,
    note: `References: ${references.join(' | ')}. chrF rewards shared character sequences, so a correct paraphrase can score lower than a literal one: look at the answers, not only the number.`,
    check: { kind: 'chrf', references, threshold: THRESHOLD },
  })),
};
