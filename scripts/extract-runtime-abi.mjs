#!/usr/bin/env node
// Writes workers/runtime-abi.json: per web-llm model version, what its runtime provides to a
// model library and which exports it needs (see scripts/runtime-abi.mjs). Run after upgrading web-llm.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll } from './runtime-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'workers/runtime-abi.json');
writeFileSync(out, `${JSON.stringify(extractAll(root), null, 2)}\n`);
console.log(`wrote ${path.relative(root, out)}`);
