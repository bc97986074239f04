// After `trunk build`: replaces Trunk's inline loader with a hashed file (the
// page then runs under a strict CSP with no inline script) that shows a
// fallback when the widget cannot start, adds the page glue (service worker,
// iframe height), the <noscript> message, writes the service worker with this
// release's file list and version, and a CSP meta tag as a safe default.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] || 'dist');
// The first-answer module as wasm-bindgen and wasm-opt left it
// (scripts/build.sh): copied in under hashed names.
const firstDir = process.argv[3] && path.resolve(process.argv[3]);
if (!firstDir) throw new Error('postbuild: usage: postbuild.mjs <dist> <first-answer module dir>');
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

// The fallback's strings, read from src/i18n (every string the reader sees
// lives there), as `{ lang: { key: text } }`.
const i18n = path.resolve(web, '../src/i18n');
const LANGS = { en: 'en.rs', 'zh-Hans': 'zh_hans.rs', 'zh-Hant': 'zh_hant.rs', fr: 'fr.rs' };
const strings = (lang) => {
  const source = fs.readFileSync(path.join(i18n, LANGS[lang]), 'utf8');
  const table = {};
  for (const [, key, value] of source.matchAll(/^\s*([a-z_0-9]+):\s*"((?:[^"\\]|\\.)*)",\s*$/gm)) {
    table[key] = value
      .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/\\(["\\'])/g, '$1');
  }
  for (const key of ['fallback_failed', 'fallback_open', 'fallback_no_script', 'fallback_loading']) {
    if (!table[key]) throw new Error(`postbuild: ${key} missing from src/i18n/${LANGS[lang]}`);
  }
  return table;
};
const texts = Object.fromEntries(Object.keys(LANGS).map((lang) => [lang, strings(lang)]));
const fallbackTexts = Object.fromEntries(Object.entries(texts).map(([lang, t]) => [lang, { failed: t.fallback_failed, open: t.fallback_open, loading: t.fallback_loading }]));
const fallbackCode = fs.readFileSync(path.join(web, 'fallback.js'), 'utf8')
  .replace('__ROAMPLAN_FALLBACK_TEXTS__', () => JSON.stringify(fallbackTexts));
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type=["']?module["']?>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('postbuild: Trunk loader script not found in index.html');
// Trunk's loader is replaced by ours (same files, same start event) that
// catches a failed load; the page glue runs after it either way.
const name = (re) => {
  const m = html.match(re);
  if (!m) throw new Error(`postbuild: ${re} not found in index.html`);
  return m[1];
};
const JS = name(/(roamplan-[0-9a-f]+\.js)/);
const WASM = name(/(roamplan-[0-9a-f]+_bg\.wasm)/);
const CSS = name(/(style-[0-9a-f]+\.css)/);
const firstWasmBytes = fs.readFileSync(path.join(firstDir, 'roamplan-first_bg.wasm'));
const FIRST_WASM = `roamplan-first-${hash(firstWasmBytes)}_bg.wasm`;
fs.writeFileSync(path.join(dist, FIRST_WASM), firstWasmBytes);
const firstJsCode = fs.readFileSync(path.join(firstDir, 'roamplan-first.js'), 'utf8');
const FIRST_JS = `roamplan-first-${hash(firstJsCode)}.js`;
fs.writeFileSync(path.join(dist, FIRST_JS), firstJsCode);
// The engine worker: the same glue and wasm, for large calculations.
const workerCode = fs.readFileSync(path.join(web, 'engine-worker.js'), 'utf8').replace('__ROAMPLAN_JS__', JS);
const WORKER = `engine-worker-${hash(workerCode)}.js`;
fs.writeFileSync(path.join(dist, WORKER), workerCode);
const engineClientCode = fs.readFileSync(path.join(web, 'engine-client.js'), 'utf8');
// What the page needs only once the widget starts: the engine client and
// the page glue, a module the loader fetches with the widget's files.
const later = `${engineClientCode}\n${fs.readFileSync(path.join(web, 'boot-extra.js'), 'utf8')}\nexport { engineClient, afterStart };\n`;
const LATER = `boot-later-${hash(later)}.js`;
fs.writeFileSync(path.join(dist, LATER), later);
const start = fs.readFileSync(path.join(web, 'boot-start.js'), 'utf8')
  .replace('__ROAMPLAN_JS__', JS)
  .replace('__ROAMPLAN_WASM__', WASM)
  .replace('__ROAMPLAN_WORKER__', WORKER)
  .replace('__ROAMPLAN_FIRST_JS__', FIRST_JS)
  .replace('__ROAMPLAN_FIRST_WASM__', FIRST_WASM)
  .replace('__ROAMPLAN_LATER__', LATER);
const boot = `${fallbackCode}\n${start}`;
const bootName = `boot-${hash(boot)}.js`;
fs.writeFileSync(path.join(dist, bootName), boot);
html = html.replace(inline[0], `<script type=module src="./${bootName}"></script>`);
// The first bytes a slow network carries are the first-answer module's:
// preloaded with the page, while Trunk's preloads of the widget's own
// module go (the loader fetches it once the first module is in, so the two
// never share the line).
const trunkPreloads = html.match(/<link[^>]*href=["']?\.\/roamplan-[0-9a-f]+(?:_bg\.wasm|\.js)["']?[^>]*>/g) || [];
if (trunkPreloads.length !== 2) throw new Error(`postbuild: expected Trunk's two preloads, found ${trunkPreloads.length}`);
for (const link of trunkPreloads) html = html.replace(link, '');
html = html.replace(
  `<script type=module src="./${bootName}"></script>`,
  `<link rel=modulepreload href="./${FIRST_JS}"><link rel=preload as=fetch crossorigin href="./${FIRST_WASM}" type=application/wasm><script type=module src="./${bootName}"></script>`,
);
// JavaScript off: the message in every language (the reader's is not known
// without a script), and a link to the calculator's own page.
const noscript = html.match(/<noscript[^>]*\bid=["']?rp-noscript["']?[^>]*>\s*<\/noscript>/);
if (!noscript) throw new Error('postbuild: <noscript id="rp-noscript"> not found in index.html');
const noscriptBody = Object.entries(texts)
  .map(([lang, t]) => `<p lang="${lang}">${escapeHtml(t.fallback_no_script)} <a href="" target="_blank" rel="noopener">${escapeHtml(t.fallback_open)}</a></p>`)
  .join('');
html = html.replace(noscript[0], `<noscript><div class="rp-fallback" data-testid="no-script">${noscriptBody}</div></noscript>`);
// The stylesheet carries an integrity hash: a page in a sandbox without
// same origin (WordPress embeds) may only check it over CORS, so it is
// requested that way (same-origin pages are unaffected).
html = html.replace(/<link (href=[^ >]+\.css) integrity=/, '<link crossorigin $1 integrity=');
html = html.replace('<head>', '<head>').replace(/<meta charset=["']?utf-8["']?>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
fs.writeFileSync(indexPath, html);

// embed.js learns this release's file names and gets the fallback.
const embedPath = path.join(dist, 'embed.js');
const embed = fs.readFileSync(embedPath, 'utf8');
if (!embed.includes('/* __ROAMPLAN_FALLBACK__ */')) throw new Error('postbuild: fallback placeholder not found in embed.js');
fs.writeFileSync(embedPath, embed
  .replace('__ROAMPLAN_JS__', JS)
  .replace('__ROAMPLAN_WASM__', WASM)
  .replace('__ROAMPLAN_CSS__', CSS)
  .replace('__ROAMPLAN_WORKER__', WORKER)
  .replace('/* __ROAMPLAN_FALLBACK__ */', () => fallbackCode)
  .replace('/* __ROAMPLAN_ENGINE_CLIENT__ */', () => engineClientCode));

// Every file of the release except the worker itself, relative to dist.
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name !== 'sw.js' && !entry.name.startsWith('.') && !/\.(gz|br)$/.test(entry.name)) files.push(path.relative(dist, full).split(path.sep).join('/'));
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

// Compressed copies beside each text and wasm file, for hosts that serve a
// precompressed file when the browser accepts it (README: "Serving the
// compressed files"). Written last, so the service worker's list (which
// fetches through the host, compressed or not) holds only the originals.
const zlib = await import('node:zlib');
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|txt)$/;
let plain = 0, gzipped = 0, brotli = 0;
for (const file of [...files, 'sw.js']) {
  if (!COMPRESSIBLE.test(file)) continue;
  const full = path.join(dist, file);
  const data = fs.readFileSync(full);
  const gz = zlib.gzipSync(data, { level: 9 });
  const br = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  fs.writeFileSync(`${full}.gz`, gz);
  fs.writeFileSync(`${full}.br`, br);
  plain += data.length; gzipped += gz.length; brotli += br.length;
}
console.log(`postbuild: compressed copies written (${plain} B plain, ${gzipped} B gzip, ${brotli} B brotli)`);
