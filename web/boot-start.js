// The page's loader, in place of Trunk's inline one (scripts/postbuild.mjs
// fills in this release's file names): loads the JavaScript glue and the
// wasm, and when either fails shows the fallback instead of a blank page.
const FILES = { js: '__ROAMPLAN_JS__', wasm: '__ROAMPLAN_WASM__' };
const lang = fallbackLang([new URLSearchParams(window.location.search).get('lang'), ...(navigator.languages || []), navigator.language]);
// No blank box while the wasm travels: a line in the reader's language.
const loading = showLoading(document.getElementById('roamplan') || document.body, lang);
try {
  const bindings = await import(`./${FILES.js}`);
  const wasm = await bindings.default({ module_or_path: new URL(`./${FILES.wasm}`, import.meta.url) });
  loading.remove();
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // In a frame, the link opens the calculator in a tab of its own.
  showFallback(document.getElementById('roamplan') || document.body, lang, window.location.href, window.parent !== window);
  console.warn('roamplan could not start:', error);
}
