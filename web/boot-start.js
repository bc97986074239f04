// The page's loader, in place of Trunk's inline one (scripts/postbuild.mjs
// fills in this release's file names): loads the JavaScript glue and the
// wasm, and when either fails shows the fallback instead of a blank page.
const FILES = { js: '__ROAMPLAN_JS__', wasm: '__ROAMPLAN_WASM__', worker: '__ROAMPLAN_WORKER__' };
const lang = fallbackLang([new URLSearchParams(window.location.search).get('lang'), ...(navigator.languages || []), navigator.language]);
// No blank box while the wasm travels: a line in the reader's language.
const loading = showLoading(document.getElementById('roamplan') || document.body, lang);
try {
  const wasmUrl = new URL(`./${FILES.wasm}`, import.meta.url);
  const [bindings, module] = await Promise.all([import(`./${FILES.js}`), compileWasm(wasmUrl)]);
  // Before the widget starts: its first answer may already be a large one.
  engineClient.configure({ workerUrl: new URL(`./${FILES.worker}`, import.meta.url).href, module, wasmUrl: wasmUrl.href });
  const wasm = await bindings.default({ module_or_path: module });
  loading.remove();
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // In a frame, the link opens the calculator in a tab of its own.
  showFallback(document.getElementById('roamplan') || document.body, lang, window.location.href, window.parent !== window);
  console.warn('roamplan could not start:', error);
}
