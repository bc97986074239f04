// The widget's own strings, read from src/i18n/*.rs, so that specs check the
// message the widget is meant to show without copying its wording.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const I18N = path.resolve(here, '../../../src/i18n');

export const LANGS = ['en', 'zh-Hans', 'zh-Hant', 'fr'];

/** The `Intl` locale each language formats with (the contract of src/i18n/format.rs). */
export const LOCALES = { en: 'en', 'zh-Hans': 'zh-Hans-CN', 'zh-Hant': 'zh-Hant-HK', fr: 'fr-FR' };

/** Each language's default display currency (src/ui/state.rs). */
export const DEFAULT_CURRENCY = { en: 'EUR', 'zh-Hans': 'CNY', 'zh-Hant': 'HKD', fr: 'EUR' };

const FILES = { en: 'en.rs', 'zh-Hans': 'zh_hans.rs', 'zh-Hant': 'zh_hant.rs', fr: 'fr.rs' };
const cache = new Map();

function unescape(text) {
  return text
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\n/g, '\n')
    .replace(/\\(["\\'])/g, '$1');
}

/** Every `key: "text",` of one language's `Texts`. */
export function texts(lang) {
  if (!cache.has(lang)) {
    const source = fs.readFileSync(path.join(I18N, FILES[lang]), 'utf8');
    const table = {};
    for (const [, key, value] of source.matchAll(/^\s*([a-z_0-9]+):\s*"((?:[^"\\]|\\.)*)",\s*$/gm)) {
      table[key] = unescape(value);
    }
    if (!table.app_title) throw new Error(`no strings found in ${FILES[lang]}`);
    cache.set(lang, table);
  }
  return cache.get(lang);
}

/** Fills `{name}` placeholders, as `crate::i18n::fill` does. */
export function fill(template, values = {}) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * A regular expression matching a filled template; each placeholder becomes a
 * named group, e.g. templateRegex('{plan} works in {countries}.').exec(line).groups.plan
 */
export function templateRegex(template) {
  const parts = template.split(/(\{[a-z_]+\})/);
  const source = parts
    .map((part) => {
      const m = /^\{([a-z_]+)\}$/.exec(part);
      return m ? `(?<${m[1]}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 's');
}
