// After `trunk build`: moves Trunk's inline loader into a hashed file (the
// page then runs under a strict CSP with no inline script), adds the page
// glue (service worker, iframe height), writes the service worker with this
// release's file list and version, and a CSP meta tag as a safe default.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] || 'dist');
const web = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../web');
const hash = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type=["']?module["']?>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('postbuild: Trunk loader script not found in index.html');
const boot = `${inline[1].trim()}\n\n${fs.readFileSync(path.join(web, 'boot-extra.js'), 'utf8')}`;
const bootName = `boot-${hash(boot)}.js`;
fs.writeFileSync(path.join(dist, bootName), boot);
html = html.replace(inline[0], `<script type=module src="./${bootName}"></script>`);
html = html.replace('<head>', '<head>').replace(/<meta charset=["']?utf-8["']?>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
fs.writeFileSync(indexPath, html);

// embed.js learns this release's file names.
const name = (re) => {
  const m = html.match(re);
  if (!m) throw new Error(`postbuild: ${re} not found in index.html`);
  return m[1];
};
const embedPath = path.join(dist, 'embed.js');
fs.writeFileSync(embedPath, fs.readFileSync(embedPath, 'utf8')
  .replace('__ROAMPLAN_JS__', name(/(roamplan-[0-9a-f]+\.js)/))
  .replace('__ROAMPLAN_WASM__', name(/(roamplan-[0-9a-f]+_bg\.wasm)/))
  .replace('__ROAMPLAN_CSS__', name(/(style-[0-9a-f]+\.css)/)));

// Every file of the release except the worker itself, relative to dist.
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name !== 'sw.js' && !entry.name.startsWith('.')) files.push(path.relative(dist, full).split(path.sep).join('/'));
  }
};
walk(dist);
files.sort();
const version = hash(files.map((f) => f + hash(fs.readFileSync(path.join(dist, f)))).join('\n'));
const worker = fs.readFileSync(path.join(web, 'sw.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(files));
fs.writeFileSync(path.join(dist, 'sw.js'), worker);
console.log(`postbuild: ${bootName}, service worker ${version} precaching ${files.length} files`);
