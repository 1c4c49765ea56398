/**
 * A real server on another origin, for the privacy and framing tests: it records every request
 * (WebSocket upgrades included) and answers each kind generously (CORS open, a WebSocket
 * handshake, an event stream, a JavaScript module), so that a channel the page's policy failed to
 * block would visibly reach it. It also serves a page that frames a given URL.
 *
 * It listens on 127.0.0.1 but is addressed as `localhost`: a different origin from the app
 * (127.0.0.1:4310) and outside the test build's extra `http://127.0.0.1:*` connect-src source.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignOrigin {
  readonly origin: string;
  /** Method and path (with query) of every request received, CORS preflights included. */
  readonly hits: string[];
  close(): Promise<void>;
}

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function answer(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Allow-Headers', '*');
  if (url.pathname === '/frame') {
    const src = url.searchParams.get('src') ?? '';
    response.setHeader('Content-Type', 'text/html');
    response.end(`<!doctype html><title>Another site</title><h1>Another site</h1>
      <iframe id="framed" src="${src.replace(/[^\w:/.?=&%#-]/g, '')}" width="900" height="600"></iframe>`);
  } else if (url.pathname.includes('EventSource')) {
    response.setHeader('Content-Type', 'text/event-stream');
    response.end('data: reached\n\n');
  } else if (url.pathname.includes('import')) {
    response.setHeader('Content-Type', 'text/javascript');
    response.end('export default "reached";');
  } else {
    response.setHeader('Content-Type', 'text/plain');
    response.end('reached');
  }
}

export async function startForeignOrigin(): Promise<ForeignOrigin> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url ?? '/'}`);
    answer(request, response);
  });
  server.on('upgrade', (request: IncomingMessage, socket) => {
    hits.push(`UPGRADE ${request.url ?? '/'}`);
    const key = String(request.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
    socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
