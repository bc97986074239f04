// The release build as a host receives it: each text and wasm file has a
// gzip and a brotli copy beside it that decompress to the same bytes, and the
// service worker's list names only the plain files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from '../lib/browser.js';

const files = fs.readdirSync(DIST, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(DIST, f)).isFile());

test('every text and wasm file has gzip and brotli copies with the same content', () => {
  const originals = files.filter((f) => /\.(html|js|css|wasm|json|webmanifest)$/.test(f));
  assert.ok(originals.some((f) => f.endsWith('.wasm')), 'the wasm is among them');
  for (const file of originals) {
    const data = fs.readFileSync(path.join(DIST, file));
    assert.ok(files.includes(`${file}.gz`) && files.includes(`${file}.br`), `${file} has both copies`);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${file}.gz`))), data, `${file}.gz`);
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(DIST, `${file}.br`))), data, `${file}.br`);
  }
  const wasm = originals.find((f) => f.endsWith('.wasm'));
  const size = (suffix) => fs.statSync(path.join(DIST, wasm + suffix)).size;
  assert.ok(size('.br') < size('.gz') && size('.gz') < size(''), 'brotli is smaller than gzip, gzip than the file');
});

test('the service worker precaches the plain files only', () => {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/\[(?:"[^"]*",?)*\]/)[0]);
  assert.ok(list.length > 5);
  assert.ok(list.every((f) => !/\.(gz|br)$/.test(f)), JSON.stringify(list));
});
