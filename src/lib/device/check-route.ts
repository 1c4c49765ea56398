/**
 * The readiness check is linkable as "#check". Share links also live in the fragment
 * ("#share=…"), so both sides ask here: the share reader leaves this fragment alone.
 */
export const CHECK_FRAGMENT = '#check';

export function isCheckFragment(hash: string): boolean {
  return hash === CHECK_FRAGMENT;
}
