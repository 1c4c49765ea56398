/** Messages of the "prompt" namespace: every key starts with "prompt.". */
export default {
  // The prompt form (PromptForm.svelte)
  'prompt.comparisonDone': 'Comparison done.',
  'prompt.promptLabel': 'Prompt',
  'prompt.promptPlaceholder': 'Ask something, e.g. Explain why the sky is blue in two sentences.',
  'prompt.settingsSummary': 'System prompt and settings',
  'prompt.systemPromptLabel': 'System prompt (optional)',
  'prompt.systemPromptPlaceholder': 'You are a helpful assistant.',
  'prompt.temperature': 'Temperature',
  'prompt.topP': 'Top p',
  'prompt.maxTokens': 'Max tokens',
  'prompt.seed': 'Seed (optional)',
  'prompt.seedPlaceholder': 'random',
  'prompt.thinking': 'Let reasoning models think',
  'prompt.thinkingNote': '(models that can switch it, such as Qwen3; off: they answer directly. Saved with the run and in share links)',
  'prompt.parallel': 'Run models in parallel',
  'prompt.parallelNote': '(faster overall, but they share the GPU: speed figures are no longer comparable, and all models must fit in GPU memory at once)',
  'prompt.stopAll': 'Stop all',
  'prompt.run': 'Run',
  'prompt.runShortcut': 'Ctrl+Enter to run',
  'prompt.overBudget':
    'The prompt (about {promptTokens} tokens) plus max tokens ({maxTokens}) exceeds the smallest context window in this line-up ({contextWindow} tokens). Shorten the prompt or lower max tokens.',

  // The prompt-set picker (PresetPicker.svelte)
  'prompt.setLabel': 'Prompt set',
  'prompt.userSetOption': '{title} (yours)',
  'prompt.nextTitle': 'Next prompt in this set (Alt+N)',
  'prompt.next': 'Next →',
  'prompt.manageSets': 'Manage sets',
  'prompt.manageFailed': 'Could not be loaded (offline?). Reload the page to try again.',
  'prompt.loading': 'Loading…',
  'prompt.showAnswer': 'Show answer',
  'prompt.hideAnswer': 'Hide answer',
  'prompt.forTeacher': '(for the teacher)',

  // The set editor's buttons (SetEditorLaunch.svelte: also in Graded sets, before the editor loads)
  'prompt.newSet': 'New set',
  'prompt.editSet': 'Edit this set',
  'prompt.copySet': 'Copy to my sets',
  'prompt.editorLoadFailed': 'The set editor could not be loaded: {reason}',

  // The prompt sets' store (presets.svelte.ts)
  'prompt.setsLoadFailed': 'The prompt sets could not be loaded: {reason}',
  'prompt.setsDamaged': '{count} saved prompt set(s) were damaged and have been skipped.',
  'prompt.importNotStored': 'The browser refused to store them: they last until you close this tab.',
  'prompt.imported': 'Imported {count} prompt set(s): {counts}',
  'prompt.nothingImportedCounts': 'Nothing imported: {counts}',
  'prompt.nothingImported': 'Nothing imported.',
  'prompt.setsNotLoaded': 'The prompt sets have not loaded yet.',
} as const;
