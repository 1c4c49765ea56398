/** The namespaces the first screen needs, bundled with the page (the rest: ../lazy-namespaces.ts). */
import app from './app';
import gpu from './gpu';
import share from './share';
import layout from './layout';
import prompt from './prompt';
import pane from './pane';
import units from './units';
import catalog from './catalog';

export const enCore = {
  ...app,
  ...gpu,
  ...share,
  ...layout,
  ...prompt,
  ...pane,
  ...units,
  ...catalog,
};
