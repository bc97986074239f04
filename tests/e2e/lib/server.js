// A small static file server for the release build: what a blog's web host
// does, on 127.0.0.1 only. Tests may add response headers (e.g. a CSP).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` (a folder, or a function returning one, so tests can switch
 * releases) on a free port of 127.0.0.1.
 * options.headers: extra headers for every response (or a function of the path).
 * options.onRequest: called with each request (tests inspect headers).
 * options.port: a fixed port (default: any free one).
 * options.routes: { '/path': { status, body, type, headers, delay } } answered instead of files
 *   (after `delay` ms, for a slow network).
 * options.compressed: serve the build's precompressed copies (`.br`, then
 *   `.gz`) when the browser accepts them, as a blog host configured per
 *   README does.
 */
export async function serve(root, options = {}) {
  // Links of up to a few megabytes (Chromium's limit is 2 MB): tests open
  // links carrying 100 KB values.
  const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024 }, async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    options.onRequest?.(req);
    const route = options.routes?.[url.pathname];
    const extra = typeof options.headers === 'function' ? options.headers(url.pathname) : options.headers || {};
    if (route) {
      if (route.delay) await new Promise((r) => setTimeout(r, route.delay));
      res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/json', ...extra, ...route.headers });
      res.end(route.body ?? '');
      return;
    }
    const folder = typeof root === 'function' ? root() : root;
    let file = path.join(folder, decodeURIComponent(url.pathname));
    if (!file.startsWith(folder)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let encoding = null;
      let body;
      if (options.compressed) {
        for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
          if (!accepts.includes(name)) continue;
          body = await fs.readFile(file + suffix).catch(() => null);
          if (body) {
            encoding = name;
            break;
          }
        }
      }
      body ??= await fs.readFile(file);
      const headers = { 'content-type': type, ...extra };
      if (options.compressed) headers.vary = 'accept-encoding';
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
