import type { PresetSet } from '../presets';

const SYSTEM = 'Choose one option. End with a last line of the form "Answer: <letter>".';

type Row = [id: string, title: string, question: string, options: string[], answer: string, note: string];

const ROWS: Row[] = [
  ['sisters', 'Sisters', 'Ana has 4 brothers. Each brother has 2 sisters. How many sisters does Ana have?', ['0', '1', '2', '8'], 'B', 'The two sisters are Ana and one other girl.'],
  ['syllogism', 'Syllogism', 'All cats are animals. Some animals are black. Which must be true?', ['All cats are black', 'Some cats are black', 'No cats are black', 'None of these must be true'], 'D', 'The black animals need not include cats.'],
  ['race', 'Race', 'In a race you overtake the person in second place. Which place are you in now?', ['First', 'Second', 'Third', 'Last'], 'B', 'You take their place: second.'],
  ['knights', 'Knights and knaves', 'Knights always tell the truth; knaves always lie. A says: "We are both knaves." What are A and B?', ['A knight, B knight', 'A knight, B knave', 'A knave, B knight', 'A knave, B knave'], 'C', 'A cannot be a knight; so A lies and B is a knight.'],
  ['order', 'Heights', 'Tom is taller than Ivy. Ivy is taller than Raj. Who is the shortest?', ['Tom', 'Ivy', 'Raj', 'Cannot tell'], 'C', ''],
  ['days', 'Days', 'If the day after tomorrow is Saturday, what day was yesterday?', ['Tuesday', 'Wednesday', 'Thursday', 'Friday'], 'B', 'Today is Thursday.'],
  ['sequence', 'Sequence', 'What comes next: 2, 6, 12, 20, 30, ...?', ['36', '40', '42', '44'], 'C', 'Differences 4, 6, 8, 10, 12.'],
  ['socks', 'Socks', 'A drawer has 10 red and 10 blue socks. In the dark, how many must you take to be sure of a matching pair?', ['2', '3', '11', '20'], 'B', 'Pigeonhole: three socks, two colours.'],
  ['coins', 'Heavy coin', 'Among 9 coins one is heavier. With a balance scale, what is the fewest weighings that always finds it?', ['1', '2', '3', '4'], 'B', 'Weigh three against three, then one against one.'],
  ['converse', 'If it rains', '"If it rains, the ground is wet." The ground is wet. What follows?', ['It rained', 'It did not rain', 'Nothing certain about rain', 'The ground is dry'], 'C', 'Affirming the consequent is a fallacy.'],
  ['clock', 'Clock hands', 'At 3:00, what is the smaller angle between the hour and minute hands of a clock?', ['45°', '90°', '120°', '180°'], 'B', ''],
  ['family', 'Family', "Who is my mother's brother's daughter to me?", ['Sister', 'Niece', 'Cousin', 'Aunt'], 'C', ''],
  ['lilies', 'Lily pads', 'A patch of lily pads doubles every day and covers a lake in 30 days. On which day did it cover half the lake?', ['Day 15', 'Day 20', 'Day 29', 'Day 1'], 'C', 'Doubling: half the day before full.'],
  ['machines', 'Machines', 'Five machines make five widgets in five minutes. How long do 100 machines take to make 100 widgets?', ['5 minutes', '20 minutes', '100 minutes', '500 minutes'], 'A', 'Each machine makes one widget in five minutes.'],
  ['negation', 'Negation', 'Which statement is the opposite of "Every student passed"?', ['No student passed', 'At least one student did not pass', 'Every student failed', 'Some students passed'], 'B', 'The negation of "all" is "not all".'],
  ['boxes', 'Labelled boxes', 'Three boxes are labelled "apples", "oranges" and "mixed"; every label is wrong. You may take one fruit from one box. Which box should you pick from to label all three correctly?', ['"apples"', '"oranges"', '"mixed"', 'Any box'], 'C', 'The "mixed" box holds only one kind.'],
];

export const LOGIC_SET: PresetSet = {
  id: 'graded-logic',
  title: 'Graded: logic puzzles (multiple choice)',
  description: 'Puzzles with four options; graded by the letter the model chooses.',
  builtin: true,
  prompts: ROWS.map(([id, title, question, options, answer, note]) => ({
    id: `logic-${id}`,
    title,
    systemPrompt: SYSTEM,
    prompt: `${question}\n\n${options.map((option, index) => `${'ABCD'[index]}) ${option}`).join('\n')}`,
    note: `Correct: ${answer}.${note ? ` ${note}` : ''}`,
    check: { kind: 'choice', answer },
  })),
};
