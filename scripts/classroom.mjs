#!/usr/bin/env node
// npm run classroom -- --from <folder of saved models> | --models <id,id,...> [--host <address>]
//                      [--port 8080] [--cert cert.pem --key key.pem] [--no-build]
//
// One computer downloads the models once; the class loads them over the LAN. This builds the app
// with both model base URLs pointing at this server (VITE_MODEL_BASE_URL, VITE_MODEL_LIB_BASE_URL,
// README "Mirror the models"), serves it and the model files (scripts/classroom/server.mjs), and
// prints the address and a QR code for the students.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createClassroomServer } from './classroom/server.mjs';
import { isLoopback, lanAddress } from './classroom/lan-address.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run classroom -- --from <folder> | --models <id,id,...> [--host <address>] [--port 8080] [--cert cert.pem --key key.pem] [--no-build]';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    models: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string', default: '8080' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'dist-classroom' },
    log: { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(message);
  process.exit(1);
}

const host = values.host ?? lanAddress() ?? fail('No network address found: connect to the class network, or pass --host <address>.');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);
if (!values.from && !values.models) fail(USAGE);
if (Boolean(values.cert) !== Boolean(values.key)) fail('--cert and --key go together (PEM files for HTTPS).');
const tls = values.cert ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;
const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
const modelsDir = path.resolve(values.from ?? path.join(root, 'classroom-models'));

if (values.models) {
  // Only here is the internet needed: the models come from the hub once, into the folder.
  const { downloadModels } = await import('./classroom/hub-download.mjs');
  mkdirSync(modelsDir, { recursive: true });
  await downloadModels(values.models.split(',').map((id) => id.trim()).filter(Boolean), modelsDir).catch((error) => fail(`Download failed: ${error.message}`));
}

const outDir = path.resolve(root, values.out);
if (!values['no-build']) {
  console.log(`Building the app for ${origin} …`);
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_MODEL_BASE_URL: `${origin}/hf/`, VITE_MODEL_LIB_BASE_URL: `${origin}/lib/`, LINEUP_OUT_DIR: outDir },
  });
  if (build.status !== 0) fail('The build failed (see above).');
}

const { server, models } = createClassroomServer({
  appDir: outDir,
  modelsDir,
  tls,
  log: values.log ? (line) => console.log(line) : undefined,
});
if (models.length === 0) console.warn(`Warning: no model folders (with mlc-chat-config.json) in ${modelsDir}.`);

server.on('error', (error) => fail(`Cannot serve on ${origin}: ${error.message}`));
server.listen(port, host, async () => {
  console.log(`\nLineup for the class: ${origin}/`);
  console.log(`Models served (${models.length}): ${models.join(', ') || 'none'}`);
  if (!tls && !isLoopback(host)) {
    console.log('\nNote: browsers allow WebGPU only on https:// pages (or on this computer itself). For the');
    console.log('students\' laptops, run with --cert/--key (a certificate their browsers trust), see README "Classroom server".');
  }
  try {
    const { default: QRCode } = await import('qrcode');
    console.log(`\n${await QRCode.toString(`${origin}/`, { type: 'terminal', small: true })}`);
  } catch {
    // The QR code is a convenience: the address above is enough.
  }
  console.log('ready'); // tests wait for this line
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.closeAllConnections?.(); // browsers keep connections open; do not wait for them
    server.close(() => process.exit(0));
  });
}
