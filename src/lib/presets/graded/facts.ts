import type { PresetSet } from '../presets';

const SYSTEM = 'Answer with the name or number only, no sentence.';

type Row = [id: string, prompt: string, answers: string[], note: string];

const ROWS: Row[] = [
  ['capital-australia', 'What is the capital city of Australia?', ['Canberra'], 'Sydney is the common wrong answer.'],
  ['capital-canada', 'What is the capital city of Canada?', ['Ottawa'], 'Toronto is the common wrong answer.'],
  ['planet-largest', 'Which planet in our solar system is the largest?', ['Jupiter'], ''],
  ['element-o', 'Which chemical element has the symbol O?', ['Oxygen'], ''],
  ['element-fe', 'Which chemical element has the symbol Fe?', ['Iron'], 'From the Latin ferrum.'],
  ['ocean-largest', 'What is the largest ocean on Earth?', ['Pacific', 'Pacific Ocean', 'the Pacific Ocean'], ''],
  ['author-hamlet', 'Who wrote the play Hamlet?', ['Shakespeare', 'William Shakespeare'], ''],
  ['bones', 'How many bones are in the adult human body?', ['206'], ''],
  ['continent-egypt', 'On which continent is Egypt mostly located?', ['Africa'], 'Sinai is in Asia; most of Egypt is in Africa.'],
  ['river-longest-china', 'What is the longest river in China?', ['Yangtze', 'Yangtze River', 'Chang Jiang', '长江'], 'Aliases in English and Chinese are accepted.'],
  ['painter-mona-lisa', 'Who painted the Mona Lisa?', ['Leonardo da Vinci', 'Leonardo', 'da Vinci'], ''],
  ['speed-light', 'Roughly how many kilometres per second does light travel in a vacuum: 300, 3,000, 300,000 or 3,000,000?', ['300000', '300,000', '300 000'], 'Normalisation keeps the digits: "300,000" and "300 000" are both accepted aliases.'],
  ['boiling', 'At sea level, at what temperature in degrees Celsius does water boil?', ['100', '100 °C', '100°C', '100 degrees'], ''],
  ['currency-japan', 'What is the currency of Japan called?', ['yen', 'Japanese yen'], ''],
  ['first-moon', 'Who was the first person to walk on the Moon?', ['Neil Armstrong', 'Armstrong'], ''],
  ['capital-china', '中国的首都是哪个城市？', ['北京', 'Beijing'], 'A question in Chinese; either script is accepted.'],
  ['sides-hexagon', 'How many sides does a hexagon have?', ['6', 'six'], ''],
];

export const FACTS_SET: PresetSet = {
  id: 'graded-facts',
  title: 'Graded: short factual recall',
  description: 'One-word facts, graded by exact match against a list of accepted answers (case, punctuation and width ignored).',
  builtin: true,
  prompts: ROWS.map(([id, prompt, answers, note]) => ({
    id: `fact-${id}`,
    title: prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt,
    systemPrompt: SYSTEM,
    prompt,
    note: `Accepted: ${answers.join(' / ')}.${note ? ` ${note}` : ''} A model that answers in a full sentence fails the exact check: a point to discuss.`,
    check: { kind: 'exact', answers },
  })),
};
