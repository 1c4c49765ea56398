import type { AnswerCheck } from '../../grading/check-types';
import type { JsonSchema } from '../../grading/json-schema';
import type { PresetSet } from '../presets';

const SYSTEM = 'Reply with JSON only: one object, no explanation.';

const PERSON: JsonSchema = { type: 'object', required: ['name', 'age'], properties: { name: { type: 'string' }, age: { type: 'integer' } } };
const EVENT: JsonSchema = { type: 'object', required: ['event', 'date'], properties: { event: { type: 'string' }, date: { type: 'string' } } };
const ORDER: JsonSchema = { type: 'object', required: ['item', 'quantity'], properties: { item: { type: 'string' }, quantity: { type: 'integer' } } };
const PLACE: JsonSchema = { type: 'object', required: ['city', 'country'], properties: { city: { type: 'string' }, country: { type: 'string' } } };
const LIST: JsonSchema = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'string' } } } };
const SENTIMENT: JsonSchema = { type: 'object', required: ['sentiment'], properties: { sentiment: { enum: ['positive', 'negative', 'neutral'] } } };

type Row = [id: string, title: string, text: string, fields: string, schema: JsonSchema, expected: string];

const ROWS: Row[] = [
  ['person-1', 'Name and age', 'Maria Lopez, 34, joined the chess club last spring.', '"name" (string) and "age" (integer)', PERSON, '{"name": "Maria Lopez", "age": 34}'],
  ['person-2', 'Name and age (Chinese)', '王小明今年十二岁，在北京上学。', '"name" (string) and "age" (integer)', PERSON, '{"name": "王小明", "age": 12}'],
  ['person-3', 'Name and age, spelled out', 'The winner was Sam Okafor, who is twenty-one years old.', '"name" (string) and "age" (integer)', PERSON, '{"name": "Sam Okafor", "age": 21}'],
  ['event-1', 'Event and date', 'The school concert takes place on 14 March 2025 in the main hall.', '"event" (string) and "date" (string, YYYY-MM-DD)', EVENT, '{"event": "school concert", "date": "2025-03-14"}'],
  ['event-2', 'Event and date, US style', 'Reminder: the science fair is on 10/02/2026 (October 2).', '"event" and "date" (YYYY-MM-DD)', EVENT, '{"event": "science fair", "date": "2026-10-02"}'],
  ['order-1', 'Order', 'Please send me three boxes of blue pens.', '"item" (string) and "quantity" (integer)', ORDER, '{"item": "blue pens", "quantity": 3}'],
  ['order-2', 'Order with noise', 'Hi! Hope you are well. We need 12 folding chairs for Friday, thanks.', '"item" and "quantity" (integer)', ORDER, '{"item": "folding chairs", "quantity": 12}'],
  ['order-3', 'Order (Chinese)', '我想订五本数学练习册。', '"item" and "quantity" (integer)', ORDER, '{"item": "数学练习册", "quantity": 5}'],
  ['place-1', 'City and country', 'Our exchange partner school is in Lyon, France.', '"city" and "country"', PLACE, '{"city": "Lyon", "country": "France"}'],
  ['place-2', 'City and country (Chinese)', '她出生在日本大阪。', '"city" and "country"', PLACE, '{"city": "大阪", "country": "日本"}'],
  ['list-1', 'Shopping list', 'We still need flour, eggs and a bag of sugar.', '"items" (a list of strings)', LIST, '{"items": ["flour", "eggs", "sugar"]}'],
  ['list-2', 'Subjects', 'On Tuesday we have maths, history, art and PE.', '"items" (a list of strings)', LIST, '{"items": ["maths", "history", "art", "PE"]}'],
  ['sentiment-1', 'Sentiment: positive', 'Review: "Fast delivery and the shoes fit perfectly. Love them!"', '"sentiment": "positive", "negative" or "neutral"', SENTIMENT, '{"sentiment": "positive"}'],
  ['sentiment-2', 'Sentiment: negative', 'Review: "The lamp arrived broken and nobody answered my emails."', '"sentiment": "positive", "negative" or "neutral"', SENTIMENT, '{"sentiment": "negative"}'],
  ['sentiment-3', 'Sentiment: neutral', 'Review: "The package came on Tuesday."', '"sentiment": "positive", "negative" or "neutral"', SENTIMENT, '{"sentiment": "neutral"}'],
];

export const JSON_SET: PresetSet = {
  id: 'graded-json',
  title: 'Graded: JSON extraction',
  description: 'Pull fields out of a sentence as JSON; graded as valid JSON that fits a small schema (the values are for you to judge).',
  builtin: true,
  prompts: ROWS.map(([id, title, text, fields, schema, expected]) => {
    const check: AnswerCheck = { kind: 'json', schema };
    return {
      id: `json-${id}`,
      title,
      systemPrompt: SYSTEM,
      prompt: `Extract ${fields} from this text as a JSON object.\n\nText: ${text}`,
      note: `Expected about: ${expected}. The check only proves the shape; read the values (and look for invented fields).`,
      check,
    };
  }),
};
