// Seeded generators for the fuzz suites: link settings, saved entries,
// catalogues (random, mutated from the built-in one, deep, huge) and the
// text a reader might type. The same seed gives the same inputs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BUILT_IN = JSON.parse(fs.readFileSync(path.resolve(here, '../../../assets/catalogue.json'), 'utf8'));

/** mulberry32: a small, fast, seeded PRNG (the same one runs in the page for UI actions). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    /** A child generator, so that one case's size does not shift the next case's inputs. */
    fork: () => prng(Math.floor(next() * 2 ** 32)),
  };
  return r;
}

const COUNTRIES = ['HK', 'MO', 'CN', 'TW', 'JP', 'KR', 'SG', 'TH', 'FR', 'IT', 'CH', 'DE', 'ES', 'GB', 'US', 'AD', 'MC', 'IS'];
const CURRENCIES = Object.keys(BUILT_IN.rates_per_eur);
const LANGS = ['en', 'zh-Hans', 'zh-Hant', 'fr'];

/** Text readers (and attackers) type or put in links. */
export const HOSTILE = [
  '', ' ', '0', '-1', '1', '12', '13', '1e400', '-0', '2.5', '1,5', '1,500', '1.500,00', '1 500', '1\u202f500',
  '9007199254740993', '18446744073709551616', '99999999999999999999999999', 'NaN', 'Infinity', '0x10',
  '１２', '٣', '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)',
  '%', '%zz', '%E4%B8', '%00', '\u0000', '\u202e', '😀', '香港', 'Hong Kong', 'hk', 'ZZ', 'HK:3', 'HK:0',
  '2026-02-30', '2022-06-30', '2022-07-01', '2032-06-30', '2032-07-01', '1900-01-01', '2200-12-31', '9999-99-99',
  'true', 'false', 'null', '[]', '{}', 'a'.repeat(81), 'é'.repeat(200),
];

// Now and then a long one (links stay under Chromium's 2 MB: 9 bytes a `香` encoded).
const hostile = (r) => (r.chance(0.04) ? r.pick(['X', '9', '香', '%41']).repeat(r.int(1000, 50_000)) : r.pick(HOSTILE));

const count = (r) => (r.chance(0.6) ? String(r.int(-3, 200)) : hostile(r));

const trip = (r) => {
  const legs = r.int(1, r.chance(0.1) ? 30 : 6);
  const parts = [];
  for (let i = 0; i < legs; i++) {
    const code = r.chance(0.85) ? r.pick(COUNTRIES) : hostile(r);
    const days = r.chance(0.8) ? String(r.int(1, 40)) : count(r);
    parts.push(r.chance(0.95) ? `${code}:${days}` : `${code}${days}`);
  }
  return parts.join(r.chance(0.95) ? ',' : ', ');
};

const date = (r) => (r.chance(0.6)
  ? `${r.int(2021, 2034)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 31)).padStart(2, '0')}`
  : hostile(r));

const price = (r) => r.pick([
  () => String(r.int(1, 2_000_000)),
  () => `${r.int(0, 999)},${String(r.int(0, 999)).padStart(3, '0')}`,
  () => `${r.int(0, 9999)}.${String(r.int(0, 99)).padStart(2, '0')}`,
  () => `${r.int(1, 999)}.${String(r.int(0, 999)).padStart(3, '0')},${String(r.int(0, 99)).padStart(2, '0')}`,
  () => hostile(r),
])();

/** Values for each link key: mostly plausible, often hostile. */
const VALUES = {
  trip,
  people: count,
  together: (r) => r.pick(['0', '1', 'true', 'false', 'yes', '']),
  mb: (r) => (r.chance(0.5) ? String(r.int(1, 200_000)) : count(r)),
  home: (r) => (r.chance(0.7) ? r.pick(COUNTRIES) : hostile(r)),
  esim: (r) => r.pick(['0', '1', 'true', '2', '']),
  cur: (r) => (r.chance(0.7) ? r.pick(CURRENCIES) : r.pick(['XYZ', 'eur', '€', 'XOF', hostile(r)])),
  lang: (r) => (r.chance(0.7) ? r.pick(LANGS) : r.pick(['de', 'zh', 'ZH-HANT', 'fr-CA', hostile(r)])),
  start: date,
  hp_price: price,
  hp_cur: (r) => (r.chance(0.7) ? r.pick(CURRENCIES) : hostile(r)),
  hp_gb: count,
  catalogue: (r) => r.pick([
    'catalogue.json', '/catalogue.json', 'nothing-here.json', '\\\\localhost\\plans.json', '/\\localhost/plans.json',
    '//localhost/plans.json', 'javascript:alert(1)', 'data:application/json,{}', 'https://127.0.0.1:1/plans.json',
    hostile(r),
  ]),
  theme: (r) => r.pick(['auto', 'light', 'dark', 'neon', hostile(r)]),
  focus: (r) => Array.from({ length: r.int(0, 30) }, () => (r.chance(0.9) ? r.pick(COUNTRIES) : hostile(r))).join(','),
  carrier: (r) => r.pick(['SmarTone', 'CSL', '3', 'China Mobile Hong Kong', hostile(r)]),
};
const KEYS = Object.keys(VALUES);

/** A link query: 1–10 settings, encoded (sometimes left raw, broken escapes and all). */
export function linkQuery(r) {
  const parts = [];
  for (let i = 0, n = r.int(1, 10); i < n; i++) {
    const key = r.chance(0.93) ? r.pick(KEYS) : hostile(r).slice(0, 20);
    const value = (VALUES[key] ?? hostile)(r);
    parts.push(`${encodeURIComponent(key)}=${r.chance(0.9) ? encodeURIComponent(value) : value.replace(/[&#]/g, '')}`);
  }
  return parts.join('&');
}

/** Any JSON value, up to `depth` levels. */
export function randomJson(r, depth = 4) {
  const kind = depth <= 0 ? r.int(0, 3) : r.int(0, 5);
  switch (kind) {
    case 0: return r.pick([null, true, false]);
    case 1: return r.pick([0, -1, 1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, r.int(-1000, 100_000)]);
    case 2: return hostile(r).slice(0, 5000);
    case 3: return r.pick(KEYS);
    case 4: return Array.from({ length: r.int(0, 5) }, () => randomJson(r, depth - 1));
    default: {
      const object = {};
      for (let i = 0, n = r.int(0, 6); i < n; i++) object[r.chance(0.5) ? r.pick(['v', 'query', 'format', 'plans', 'rates_per_eur', 'price', 'id']) : hostile(r).slice(0, 30)] = randomJson(r, depth - 1);
      return object;
    }
  }
}

/** `[[[…]]]` nested `depth` times as text (never built as an object). */
export const nested = (depth, inner = '0') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** A saved entry (localStorage['roamplan.trip']) as text. */
export function savedEntry(r) {
  return r.pick([
    () => JSON.stringify({ v: 1, query: linkQuery(r) }),
    () => JSON.stringify({ v: r.pick([0, 2, '1', null, 1.0000001]), query: linkQuery(r) }),
    () => JSON.stringify({ v: 1, query: randomJson(r, 2) }),
    () => JSON.stringify(randomJson(r, 4)),
    () => `{"v":1,"query":"trip=FR:3","x":${nested(r.int(1000, 60_000))}}`,
    () => nested(r.int(10, 20_000)),
    () => hostile(r),
    () => JSON.stringify({ v: 1, query: linkQuery(r) }).slice(0, r.int(0, 40)),
  ])();
}

/** Mutates a JSON tree in place at a random spot. */
function mutate(r, root) {
  const path = [];
  let node = root;
  while (node && typeof node === 'object' && r.chance(0.75)) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = r.pick(keys);
    path.push([node, key]);
    node = node[key];
  }
  if (path.length === 0) return;
  const [parent, key] = path[path.length - 1];
  r.pick([
    () => { if (Array.isArray(parent)) parent.splice(key, 1); else delete parent[key]; },
    () => { parent[key] = randomJson(r, 2); },
    () => { parent[key] = r.pick([0, -1, 1e308, 5e-324, 2 ** 53 + 2, 1e12, '12', '', null, [], {}]); },
    () => { if (Array.isArray(parent)) parent.push(structuredClone(parent[key])); else parent[`${key}_`] = parent[key]; },
    () => { parent[key] = r.pick(['XYZ', 'hk', 'ZZ', '@NOWHERE', '2026-02-30', 'plan', hostile(r)]); },
  ])();
}

/** A catalogue file as text, and what kind it is. */
export function catalogueFile(r, { parserLimits = false } = {}) {
  const kinds = ['mutated', 'mutated', 'mutated', 'random', 'huge', 'deep'];
  if (parserLimits) kinds.push('deep-limit', 'huge-problems');
  const kind = r.pick(kinds);
  switch (kind) {
    case 'mutated': {
      const c = structuredClone(BUILT_IN);
      for (let i = 0, n = r.int(1, 8); i < n; i++) mutate(r, c);
      return { kind, text: JSON.stringify(c) };
    }
    case 'random':
      return { kind, text: r.chance(0.8) ? JSON.stringify({ format: 1, ...randomJson(r, 4) }) : hostile(r) };
    case 'huge': {
      // Up to about 1,000 valid plans (a catalogue a blog might really ship),
      // or a few hundred broken ones (each problem listed).
      const c = structuredClone(BUILT_IN);
      const copies = r.int(1, 9);
      c.plans = Array.from({ length: copies }, (_, k) => BUILT_IN.plans.map((p) => ({ ...p, id: `${p.id}-${k}` }))).flat();
      if (r.chance(0.3)) c.plans = Array.from({ length: r.int(50, 300) }, () => ({}));
      return { kind, text: JSON.stringify(c) };
    }
    case 'deep': {
      // Nesting a catalogue may have without harm on any branch.
      const c = structuredClone(BUILT_IN);
      c.plans[r.int(0, c.plans.length - 1)].extra = JSON.parse(nested(r.int(10, 1000)));
      return { kind, text: JSON.stringify(c) };
    }
    case 'deep-limit': {
      // Needs the JSON depth limit (catalogue/JSON branch): 5,000+ levels.
      const depth = r.int(5000, 50_000);
      return { kind, text: r.chance(0.5) ? nested(depth) : `{"format":1,"rates_per_eur":{"EUR":1},"zones":{},"plans":[${nested(depth, '{}')}]}` };
    }
    default: {
      // Needs the problem-list cap (catalogue/JSON branch): 100,000 × {}
      // (37 s and gigabytes without it).
      return { kind, text: `{"format":1,"rates_per_eur":{"EUR":1},"zones":{},"plans":[${Array(100_000).fill('{}').join(',')}]}` };
    }
  }
}
