// The page's loader, in place of Trunk's inline one (scripts/postbuild.mjs
// fills in this release's file names): loads the JavaScript glue and the
// wasm, and when either fails shows the fallback instead of a blank page.
//
// On a slow network the widget's module takes seconds. So the loader first
// fetches the first-answer module (src/first: the same engine and catalogue
// without Yew, a third of the size), shows its answer, and only then lets
// the widget's module have the line. The widget replaces that answer when
// it starts (Yew empties its root as it mounts).
const FILES = {
  js: '__ROAMPLAN_JS__',
  wasm: '__ROAMPLAN_WASM__',
  worker: '__ROAMPLAN_WORKER__',
  firstJs: '__ROAMPLAN_FIRST_JS__',
  firstWasm: '__ROAMPLAN_FIRST_WASM__',
  // The engine client and the page glue (web/engine-client.js,
  // web/boot-extra.js): needed only once the widget starts.
  later: '__ROAMPLAN_LATER__',
};
const params = new URLSearchParams(window.location.search);
const lang = fallbackLang([params.get('lang'), ...(navigator.languages || []), navigator.language]);
const root = document.getElementById('roamplan') || document.body;
// No blank box while the wasm travels: a line in the reader's language.
const loading = showLoading(root, lang);

/** The first-answer module, compiled; `null` when it has nothing to give. */
async function loadFirstAnswer() {
  // A blog owner's catalogue: no answer from the built-in plans, even for a
  // moment (the contract's test hooks). The widget loads that catalogue.
  if (params.has('catalogue')) return null;
  try {
    const url = new URL(`./${FILES.firstWasm}`, import.meta.url);
    const [glue, module] = await Promise.all([import(`./${FILES.firstJs}`), compileWasm(url)]);
    return { glue, module };
  } catch (error) {
    console.warn('roamplan: no first answer:', error);
    return null;
  }
}

/** Shows the first answer in place of the loading line; whether it did. */
async function showFirstAnswer(first) {
  try {
    await first.glue.default({ module_or_path: first.module });
    const markup = first.glue.first_answer();
    if (!markup || !loading.isConnected) return false;
    const template = document.createElement('template');
    template.innerHTML = markup;
    loading.replaceWith(template.content);
    return true;
  } catch (error) {
    console.warn('roamplan: no first answer:', error);
    return false;
  }
}

/**
 * While the wasm travels the page's thread is idle: open the browser's
 * number formatting for the reader's language now (the first use loads its
 * locale data: ~50 ms on an emulated phone), not when the answer is drawn.
 * The locales are the ones src/i18n/format.rs asks for.
 */
function warmFormats() {
  const locale = { en: 'en', 'zh-Hans': 'zh-Hans-CN', 'zh-Hant': 'zh-Hant-HK', fr: 'fr-FR' }[lang];
  try {
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(1);
  } catch {
    // Only a head start: the answer formats its own numbers either way.
  }
}

const firstLoad = loadFirstAnswer();
setTimeout(warmFormats, 0);
const first = await firstLoad;
// Its bytes are in: the widget's module has the line from here on.
const wasmUrl = new URL(`./${FILES.wasm}`, import.meta.url);
const widget = Promise.all([import(`./${FILES.js}`), compileWasm(wasmUrl), import(`./${FILES.later}`)]);
const firstShown = first ? await showFirstAnswer(first) : false;
let later = null;
try {
  const [bindings, module, loaded] = await widget;
  later = loaded;
  // Before the widget starts: its first answer may already be a large one.
  later.engineClient.configure({ workerUrl: new URL(`./${FILES.worker}`, import.meta.url).href, module, wasmUrl: wasmUrl.href });
  const wasm = await bindings.default({ module_or_path: module });
  loading.remove();
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // In a frame, the link opens the calculator in a tab of its own. A first
  // answer already shown stays, under the message.
  showFallback(root, lang, window.location.href, window.parent !== window, firstShown);
  console.warn('roamplan could not start:', error);
}
// The page glue (offline copy, the frame's height, the summary bar),
// whether or not the widget started.
try {
  (later ?? (await import(`./${FILES.later}`))).afterStart();
} catch (error) {
  console.warn('roamplan: no page glue:', error);
}
