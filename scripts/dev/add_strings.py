#!/usr/bin/env python3
"""Adds strings to the four language tables and the Texts struct.

Usage: add_strings.py FILE.json where FILE holds a list of
{"name": ..., "doc": ..., "en": ..., "zh-Hans": ..., "zh-Hant": ..., "fr": ...}.
Each string is appended at the end of each table (before the closing brace).
"""
import json, re, sys, pathlib

root = pathlib.Path(__file__).resolve().parents[2] / "src" / "i18n"
files = {"en": "en.rs", "zh-Hans": "zh_hans.rs", "zh-Hant": "zh_hant.rs", "fr": "fr.rs"}

def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def append_before_last_brace(path, text):
    src = path.read_text()
    i = src.rstrip().rfind("}")
    path.write_text(src[:i] + text + src[i:])

entries = json.load(open(sys.argv[1]))
mod = root / "mod.rs"
src = mod.read_text()
m = re.search(r"pub struct Texts \{", src)
start = m.end()
depth, j = 1, start
while depth:
    if src[j] == "{": depth += 1
    elif src[j] == "}": depth -= 1
    j += 1
fields = "".join(f"    /// {e['doc']}\n    pub {e['name']}: &'static str,\n" for e in entries)
src = src[: j - 1] + fields + src[j - 1 :]
mod.write_text(src)
for lang, fname in files.items():
    p = root / fname
    text = "".join(f"    {e['name']}: {rust_str(e[lang])},\n" for e in entries)
    append_before_last_brace(p, text)
print(f"added {len(entries)} strings")
