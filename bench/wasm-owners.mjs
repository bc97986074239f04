// Where the wasm's code bytes go, by owner: each function's body size,
// added up by the part of the project (or the crate) its name belongs to.
// Needs a wasm that kept its function names: `bash bench/named-build.sh`
// writes one (/tmp/roamplan-named/roamplan_bg.wasm). No twiggy needed.
//
// Usage: node bench/wasm-owners.mjs /tmp/roamplan-named/roamplan_bg.wasm [rows]
//
// A function generic over one of our types (a yew component's lifecycle, a
// drop of an engine type) is counted under our part, marked "(in yew)" or
// "(core generics)"; the rest under its crate. Raw sizes: brotli shrinks
// them all by about the same factor (3.2 for this wasm).
import fs from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/wasm-owners.mjs <wasm with names> [rows]');
  process.exit(2);
}
const bytes = fs.readFileSync(file);
let at = 8; // after the magic number and version
const leb = () => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return value;
  }
};
const name = () => {
  const length = leb();
  const text = bytes.toString('utf8', at, at + length);
  at += length;
  return text;
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: only imported functions take function indices.
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        imported++;
      } else if (kind === 1) {
        at++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        at += 2;
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  } else if (id === 11) {
    data = size;
  } else if (id === 0 && name() === 'name') {
    while (at < end) {
      const sub = bytes[at++];
      const subEnd = leb() + at;
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          names.set(index, name());
        }
      }
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: build it with bench/named-build.sh`);
  process.exit(1);
}

const owner = (fn) => {
  const ours = fn.match(/roamplan(?:\[[0-9a-f]+\])?::(ui::components::\w+|ui::\w+|core::engine|core::catalogue|core::\w+|i18n::\w+|\w+)/);
  if (ours) {
    const where = `roamplan::${ours[1]}`;
    if (/^<?yew/.test(fn)) return `${where} (in yew)`;
    if (/^<?(core|alloc)/.test(fn)) return `${where} (core generics)`;
    return where;
  }
  return fn.match(/^<?([a-z_0-9]+)/)?.[1] ?? 'other';
};
const totals = new Map();
bodies.forEach((size, i) => {
  const key = owner(names.get(i + imported) ?? '?');
  totals.set(key, (totals.get(key) ?? 0) + size);
});
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`${file}: code ${(code / 1024).toFixed(1)} KB in ${bodies.length} functions, data ${(data / 1024).toFixed(1)} KB (raw)`);
for (const [key, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg ?? 40))) {
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${((100 * size) / code).toFixed(1).padStart(5)} %  ${key}`);
}
