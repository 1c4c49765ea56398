/** Messages of the "presets" namespace: every key starts with "presets.". */
export default {
  // Why a prompt-set file (an import, or sets read back from storage) could not be read, or what was skipped.
  'presets.notText': 'Nothing to import: the file could not be read as text.',
  'presets.tooLarge': 'This file is larger than 2 MB, too large to be a preset file.',
  'presets.notJson': 'This file is not valid JSON, so it cannot be a preset file.',
  'presets.wrongVersion': 'This preset file is version {version}; this Lineup reads version {readable}.',
  'presets.notPresetFile': 'This JSON file is not a Lineup preset file (expected "format": "lineup-presets").',
  'presets.noSetList': 'The preset file has no list of sets.',
  'presets.tooManySets': 'Only the first {max} of {count} sets were read.',
  // {label} below is one of the labels that follow: where in the file the problem is.
  'presets.setLabel': 'Set {number}',
  'presets.setNamed': '{label} ("{title}")',
  'presets.promptLabel': '{set}, prompt {number}',
  'presets.notASet': '{label} is not a preset set; skipped.',
  'presets.noTitle': '{label} has no title; skipped.',
  'presets.noPromptList': '{label} has no list of prompts; skipped.',
  'presets.tooManyPrompts': '{label}: only the first {max} of {count} prompts were read.',
  'presets.noUsablePrompts': '{label} has no usable prompts; skipped.',
  'presets.noPromptText': '{label} has no prompt text; skipped.',
  'presets.tooLong': '{label} is longer than {max} characters; skipped.',
  'presets.badCheck': '{label}: {problem}; the prompt is kept without a check.',
} as const;
