/**
 * The English catalogue: every namespace merged. Keys are prefixed by their namespace
 * ("app.", "pane.", …) so two files can never define the same key. The Chinese catalogue
 * (../zh-CN) has exactly these keys, each with the same placeholders (tests/unit/i18n-catalogue.test.ts).
 */

import app from './app';
import gpu from './gpu';
import share from './share';
import glossary from './glossary';
import layout from './layout';
import prompt from './prompt';
import presets from './presets';
import setEditor from './setEditor';
import pane from './pane';
import metrics from './metrics';
import errors from './errors';
import catalog from './catalog';
import history from './history';
import storage from './storage';
import source from './source';
import arena from './arena';
import benchmark from './benchmark';
import grading from './grading';
import device from './device';

export const en = {
  ...app,
  ...gpu,
  ...share,
  ...glossary,
  ...layout,
  ...prompt,
  ...presets,
  ...setEditor,
  ...pane,
  ...metrics,
  ...errors,
  ...catalog,
  ...history,
  ...storage,
  ...source,
  ...arena,
  ...benchmark,
  ...grading,
  ...device,
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
