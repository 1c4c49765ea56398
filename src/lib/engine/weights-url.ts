/**
 * web-llm's own normalisation of a weights URL (cleanModelUrl in its support.ts): add a trailing
 * slash, then `resolve/main/` unless the URL already has `/resolve/<revision>/`. Shared by the
 * catalog (so a spec shows the URL really fetched) and the worker (to find the manifest), and
 * kept in its own module so the worker does not pull in the catalog data.
 */
export function normalizeWeightsUrl(url: string): string {
  let out = url.endsWith('/') ? url : `${url}/`;
  if (!/.+\/resolve\/.+\//.test(out)) out += 'resolve/main/';
  return new URL(out).href;
}
