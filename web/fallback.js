// What a reader sees when the widget cannot start: its JavaScript or wasm did
// not load (missing, truncated, blocked by CORS), the page's CSP refuses wasm,
// or it stopped while starting. A short message in the reader's language and
// a link to the calculator on its own page, never a blank space.
// Also how the loaders compile a wasm file. scripts/postbuild.mjs puts this
// into the page loader and into embed.js, with the strings of src/i18n
// (fallback_failed, fallback_open, fallback_loading).
const FALLBACK_TEXTS = __ROAMPLAN_FALLBACK_TEXTS__;

/** The widget language named by the first usable tag (`fr-CA`, `zh-TW`, `zh-Hans`…), else English. */
function fallbackLang(tags) {
  for (const raw of tags) {
    if (!raw) continue;
    const [primary, ...rest] = String(raw).toLowerCase().split(/[-_]/);
    if (primary === 'en') return 'en';
    if (primary === 'fr') return 'fr';
    if (primary === 'zh') {
      const traditional = rest.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p));
      const simplified = rest.some((p) => ['hans', 'cn', 'sg'].includes(p));
      return traditional && !simplified ? 'zh-Hant' : 'zh-Hans';
    }
  }
  return 'en';
}

/** An empty box in `lang` for the loader's messages. */
function loaderBox(lang, className, role, testid) {
  const box = document.createElement('div');
  box.className = className;
  box.lang = lang;
  box.setAttribute('role', role);
  box.dataset.testid = testid;
  return box;
}

/** A placeholder where the widget will be, until it starts; returns it. */
function showLoading(container, lang) {
  const t = FALLBACK_TEXTS[lang] || FALLBACK_TEXTS.en;
  const box = loaderBox(lang, 'rp-loading', 'status', 'loading');
  box.textContent = t.loading;
  container.append(box);
  return box;
}

/**
 * Replaces what `container` holds with the message and a link to `href`;
 * with `keep`, puts the message above it instead (an answer already shown).
 */
function showFallback(container, lang, href, newTab, keep = false) {
  const t = FALLBACK_TEXTS[lang] || FALLBACK_TEXTS.en;
  const box = loaderBox(lang, 'rp-fallback', 'alert', 'load-failed');
  const message = document.createElement('p');
  message.textContent = t.failed;
  const link = document.createElement('a');
  link.href = href;
  link.textContent = t.open;
  if (newTab) {
    link.target = '_blank';
    link.rel = 'noopener';
  }
  const action = document.createElement('p');
  action.append(link);
  box.append(message, action);
  if (keep) container.prepend(box);
  else container.replaceChildren(box);
}

/** Compiles the wasm while it downloads (the module then also goes to the engine worker). */
async function compileWasm(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch (streamingFailed) {
    // A host that serves wasm with another MIME type: compile the bytes.
    const response = await fetch(url);
    if (!response.ok) throw new Error(`failed to fetch ${url}: ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}
