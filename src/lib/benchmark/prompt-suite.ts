import type { GenerationSettings } from '../engine/protocol';

/**
 * The fixed prompts of Benchmark mode. Results are only comparable across devices and over time
 * when every device runs exactly the same text with the same settings, so the suite is frozen:
 * any change to a prompt, a token limit or a setting must come with a new `id`, which is saved in
 * every report (a report made with another suite is then visibly not comparable).
 *
 * Three lengths, because they stress different things: a short prompt is dominated by fixed
 * overheads (TTFT), a medium one is a typical chat turn, and a long one (~400 words, ~500 tokens)
 * mostly measures prefill speed.
 */

export interface BenchmarkPrompt {
  id: string;
  label: string;
  prompt: string;
  /** Fixed, so every model decodes about the same number of tokens (temperature 0 limits drift). */
  maxTokens: number;
}

export interface BenchmarkSuite {
  id: string;
  prompts: readonly BenchmarkPrompt[];
  /** 0 = greedy: the same model gives the same tokens each run, so runs measure the same work. */
  temperature: number;
  topP: number;
  seed: number;
}

const SHORT = 'Explain in two sentences how photosynthesis turns sunlight into energy a plant can use.';

const MEDIUM = [
  'You are helping a small bakery write to its customers. The bakery opens at seven in the morning,',
  'closes at six in the evening, and is closed on Mondays. From next month it will also sell',
  'gluten-free bread on Fridays. Prices stay the same, and orders can now be placed by phone the',
  'day before. Write a short, friendly notice for the shop window that announces these changes.',
  'Use plain language, keep it under one hundred words, and end with an invitation to ask the',
  'staff about the new bread.',
].join(' ');

/** Original text (not copied from any source), so it can be shipped and quoted freely. */
const LONG_TEXT = [
  'Lighthouses were for centuries the only reliable way to warn ships of dangerous coasts at night.',
  'The earliest known examples were simple fires kept burning on hilltops or towers, tended by',
  'watchmen who had to carry wood or coal up long stairways every evening. These fires were weak',
  'and smoky, and in bad weather they could barely be seen from a ship a few miles away. Sailors',
  'often confused them with the lights of houses or with other fires along the shore, which led to',
  'wrecks rather than preventing them.',
  'The first great improvement came with oil lamps and polished metal reflectors. A reflector',
  'gathered light that would otherwise have spread in every direction and sent it out towards the',
  'sea in a narrower beam. Keepers now had to trim wicks, clean soot from the glass and polish the',
  'reflectors daily, and the quality of their work decided how far the light could reach. Careful',
  'keepers were valued, and many families passed the job from one generation to the next.',
  'In the early nineteenth century a French engineer designed a new kind of lens made of many',
  'rings of glass prisms arranged around a central lamp. Instead of one thick and heavy lens, the',
  'design used thin sections that each bent the light by the right amount, so that almost all of',
  'it left the lantern as a single strong beam. Lighthouses fitted with these lenses could be seen',
  'more than twenty miles out to sea, and the design spread quickly to coasts around the world.',
  'Each lighthouse also needed to be recognised. Engineers gave them different patterns of flashes,',
  'produced by rotating the lens on a bed of mercury or on rollers driven by clockwork. A sailor',
  'who counted three flashes every fifteen seconds could look at a chart and know exactly which',
  'headland lay ahead. Some towers were painted with stripes or bands so that they could also be',
  'identified during the day.',
  'Electric lamps replaced oil during the twentieth century, and later automatic equipment made',
  'resident keepers unnecessary. Radio beacons and then satellite navigation took over much of the',
  'work of guiding ships, so many lighthouses were switched off or turned into museums and holiday',
  'homes. Yet a good number still shine every night, because electronic systems can fail, and a',
  'bright light on a known rock remains a simple check that any sailor can understand. The towers',
  'themselves have become symbols of safety and patience, and many coastal towns now care for',
  'them as part of their history and identity.',
].join(' ');

export const BENCHMARK_SUITE: BenchmarkSuite = {
  id: 'lineup-suite-1',
  temperature: 0,
  topP: 1,
  seed: 1,
  prompts: [
    { id: 'short', label: 'Short question', prompt: SHORT, maxTokens: 64 },
    { id: 'medium', label: 'Writing task', prompt: MEDIUM, maxTokens: 128 },
    {
      id: 'long',
      label: 'Long summary (prefill)',
      prompt: `Summarise the following text in three sentences.\n\n${LONG_TEXT}`,
      maxTokens: 96,
    },
  ],
};

/** The generation settings for one prompt of a suite, in the shape the engine takes. */
export function promptSettings(suite: BenchmarkSuite, prompt: BenchmarkPrompt): GenerationSettings {
  return { temperature: suite.temperature, topP: suite.topP, maxTokens: prompt.maxTokens, seed: suite.seed };
}

/** A suite prompt by id, or undefined (e.g. a step from an imported plan naming an unknown prompt). */
export function findPrompt(suite: BenchmarkSuite, promptId: string): BenchmarkPrompt | undefined {
  return suite.prompts.find((prompt) => prompt.id === promptId);
}
