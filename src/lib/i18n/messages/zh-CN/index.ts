/** 简体中文 catalogue: the same keys as ../en, namespace by namespace (typed, so a missing key fails the build). */

import type { Catalogue } from '../en';
import app from './app';
import gpu from './gpu';
import share from './share';
import shareLink from './shareLink';
import glossary from './glossary';
import layout from './layout';
import boundary from './boundary';
import prompt from './prompt';
import presets from './presets';
import setEditor from './setEditor';
import pane from './pane';
import metrics from './metrics';
import units from './units';
import errors from './errors';
import catalog from './catalog';
import picker from './picker';
import history from './history';
import storage from './storage';
import source from './source';
import arena from './arena';
import benchmark from './benchmark';
import grading from './grading';
import device from './device';

export const zhCN: Catalogue = {
  ...app,
  ...gpu,
  ...share,
  ...shareLink,
  ...glossary,
  ...layout,
  ...boundary,
  ...prompt,
  ...presets,
  ...setEditor,
  ...pane,
  ...metrics,
  ...units,
  ...errors,
  ...catalog,
  ...picker,
  ...history,
  ...storage,
  ...source,
  ...arena,
  ...benchmark,
  ...grading,
  ...device,
};
