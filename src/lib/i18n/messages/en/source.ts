/** Messages of the "source" namespace: every key starts with "source.". */
export default {
  'source.legend': 'Download models from',
  'source.weights': 'Weights',
  'source.libraries': 'Model libraries',
  'source.applies': 'Applies to the next download. A model already downloaded from another source is loaded from the browser\'s cache, not downloaded again. The page may only connect to these hosts (its privacy policy).',
  // One line on when to pick each source (the names themselves are not translated).
  'source.hintHuggingface': 'huggingface.co, where the models are published',
  'source.hintHfMirror': 'a public mirror of Hugging Face, reachable where huggingface.co is blocked',
  'source.hintGithub': 'raw.githubusercontent.com, where web-llm publishes them',
  'source.hintJsdelivr': 'cdn.jsdelivr.net, a CDN that mirrors GitHub (files up to 20 MB)',
  'source.mirrorLabel': 'This site\'s mirror ({host})',
  'source.hintMirrorWeights': 'model weights copied to {host} by whoever built this site',
  'source.hintMirrorLibraries': 'model libraries copied to {host} by whoever built this site',
  // "hf-mirror.com (weights) and jsDelivr (libraries)": in the summary line and the notice.
  'source.choice': '{weights} (weights) and {libraries} (libraries)',
  'source.summary': 'downloads from {sources}',
  'source.notice': 'Now downloading from {sources}. Change it under Storage → Download models from.',
} as const;
