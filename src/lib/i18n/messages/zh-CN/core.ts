/** 首屏需要的命名空间（其余见 ../lazy-namespaces.ts）。 */
import app from './app';
import gpu from './gpu';
import share from './share';
import layout from './layout';
import prompt from './prompt';
import pane from './pane';
import units from './units';
import catalog from './catalog';

export const zhCore = {
  ...app,
  ...gpu,
  ...share,
  ...layout,
  ...prompt,
  ...pane,
  ...units,
  ...catalog,
};
