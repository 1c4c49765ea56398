/** What a view that broke says (ViewBoundary.svelte): rare, so loaded when the page is idle. */
export default {
  'boundary.crashTitle': 'This part of Lineup hit an unexpected error',
  'boundary.crashRest': '({part}). The rest of the app keeps working, and nothing saved was changed.',
  'boundary.copyDetails': 'Copy details',
  'boundary.tryAgain': 'Try again',
  'boundary.copied': 'Copied.',
  'boundary.details': 'Details',
  'boundary.partPromptSets': 'prompt sets',
  'boundary.partCompare': 'compare view',
  'boundary.partArena': 'arena',
  'boundary.partGrading': 'graded sets',
  'boundary.partBenchmark': 'benchmark',
  'boundary.partShare': 'share panel',
  'boundary.partHistory': 'history panel',
  'boundary.partStorage': 'storage panel',
  'boundary.partReadiness': 'readiness check',
} as const;
