/** Share links: the panel, the notice and question on opening one, and why a link cannot open. */
export default {
  'share.confirmLabel': 'Shared comparison',
  'share.confirmText': 'A share link was opened in this tab. Replace your prompt with the shared comparison?',
  'share.applyLater': 'Apply becomes available when the run has finished.',
  'share.apply': 'Apply',
  'share.keepMine': 'Keep mine',
  'share.dismiss': 'Dismiss',
  'share.create': 'Share link',
  'share.includeOutputs': 'include outputs',
  'share.linkLabel': 'Share link',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.travels': 'The set-up travels in the link itself (after #), never through a server.',
} as const;
