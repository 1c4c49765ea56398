import type { PresetSet } from '../presets';

const SYSTEM = 'Solve the problem. End with a last line of the form "Answer: <number>", using digits only.';

type Row = [id: string, title: string, prompt: string, value: number, note: string];

// Wording is ours; every answer is a whole number or a short decimal, checked as the last number.
const ROWS: Row[] = [
  ['apples', 'Apples in crates', 'A shop has 7 crates with 24 apples each. It sells 59 apples. How many apples are left?', 109, '7 × 24 = 168, minus 59.'],
  ['bus', 'Bus passengers', 'A bus starts with 18 passengers. At the first stop 5 get off and 9 get on. At the second stop half of the passengers get off. How many are left on the bus?', 11, '18 − 5 + 9 = 22, half of 22.'],
  ['pencils', 'Pencils shared', 'Four friends share 150 pencils equally and give the remainder to their teacher. How many pencils does the teacher get?', 2, '150 = 4 × 37 + 2: the remainder, not the share.'],
  ['speed', 'Average speed', 'A cyclist rides 45 km in 1.5 hours. What is her average speed in km/h?', 30, 'Distance over time; small models sometimes multiply.'],
  ['discount', 'Discount', 'A jacket costs 80 dollars. It is reduced by 25 percent. What does it cost now, in dollars?', 60, 'A quarter of 80 is 20.'],
  ['ages', 'Ages', 'Mia is 3 times as old as her brother. In 4 years their ages will add up to 32. How old is Mia now?', 18, 'b + 3b + 8 = 32, so b = 6 and Mia is 18.'],
  ['rectangle', 'Fence', 'A rectangular garden is 12 m long and 7 m wide. How many metres of fence go all the way around it?', 38, 'Perimeter 2 × (12 + 7), not the area 84.'],
  ['minutes', 'Minutes', 'A film starts at 18:45 and ends at 21:10. How many minutes long is it?', 145, 'Time arithmetic across the hour: 2 h 25 min.'],
  ['eggs', 'Egg boxes', 'Eggs are packed in boxes of 6. How many boxes are needed for 100 eggs?', 17, 'Round up: 16 boxes hold only 96 eggs.'],
  ['savings', 'Savings', 'Leo saves 15 dollars every week. He already has 40 dollars. After how many weeks will he have 250 dollars?', 14, '(250 − 40) / 15.'],
  ['percent', 'Test score', 'A test has 40 questions. Sam answers 85 percent of them correctly. How many questions did he get right?', 34, '0.85 × 40.'],
  ['stairs', 'Stairs', 'A building has 9 floors above the ground floor and 16 steps between floors. How many steps from the ground floor to the top floor?', 144, '9 flights, not 10: a fencepost problem.'],
  ['mixture', 'Juice', 'A jug holds 2 litres of juice. Glasses hold 250 ml. How many glasses can be filled?', 8, 'Units: 2000 ml / 250 ml.'],
  ['workers', 'Painters', 'Three painters paint a fence in 6 hours. How many hours would 2 painters take, working at the same rate?', 9, 'Work is 18 painter-hours; more painters, less time.'],
  ['change', 'Change', 'You pay for 3 notebooks at 2.40 dollars each with a 10 dollar note. How much change do you get, in dollars?', 2.8, 'Decimal answer 2.80; a model writing "2.80" passes too.'],
  ['legs', 'Farm legs', 'A farm has chickens and cows: 20 heads and 56 legs in all. How many cows are there?', 8, 'c + h = 20, 4c + 2h = 56, so c = 8.'],
];

export const ARITHMETIC_SET: PresetSet = {
  id: 'graded-arithmetic',
  title: 'Graded: arithmetic word problems',
  description: 'Word problems with one number as the answer; graded by the last number in the answer.',
  builtin: true,
  prompts: ROWS.map(([id, title, prompt, value, note]) => ({
    id: `arith-${id}`,
    title,
    systemPrompt: SYSTEM,
    prompt,
    note: `Correct: ${value}. ${note}`,
    check: { kind: 'number', value, position: 'last', tolerance: 0.001 },
  })),
};
