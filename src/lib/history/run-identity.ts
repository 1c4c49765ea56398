import { canonicalJson, type Identity } from '../files/merge-by-id';
import type { RunRecord } from './run-record';

/** How runs are told apart when merging (imports, storage read back): by id, then by content. */
export const RUN_IDENTITY: Identity<RunRecord> = {
  id: (run) => run.id,
  withId: (run, id) => ({ ...run, id }),
  content: canonicalJson,
  // Run ids are free text up to 4096 characters; the prefix keeps the copy recognisable.
  copyId: (id, hash) => `${id.slice(0, 200)}~copy-${hash}`,
};
