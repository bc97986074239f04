// roamplan embed script for host pages. Load it once, with `defer`:
//   <script src="https://your.host/roamplan/embed.js" defer></script>
// 1. <iframe data-roamplan src=".../index.html?..."> frames are sized to the
//    widget's height (messages are accepted only from those frames, from
//    their own origin, and only as a bounded number).
// 2. <div data-roamplan-mount data-trip="HK:3,CN:4" data-lang="zh-Hant"> is
//    replaced by the widget itself, in a shadow root: the page's CSS does not
//    reach it and its CSS does not leak out. Attributes are the share-link keys.
//    When the widget's files live on another site that does not allow this
//    page to load them (no CORS headers: a common WordPress + CDN set-up),
//    an iframe of the widget's own page takes its place, and the console says
//    why. When it cannot start otherwise (files missing, wasm refused by the
//    page's CSP), a message and a link to the calculator on its own page do.
// One tag serves any number of widgets on a page; a second tag does nothing.
// scripts/postbuild.mjs fills in this release's file names and the fallback.
(() => {
  'use strict';
  if (window.__roamplanEmbed) return;
  window.__roamplanEmbed = true;
  const FILES = { js: '__ROAMPLAN_JS__', wasm: '__ROAMPLAN_WASM__', css: '__ROAMPLAN_CSS__', worker: '__ROAMPLAN_WORKER__' };
  const base = new URL('./', (document.currentScript && document.currentScript.src) || window.location.href);

  /* __ROAMPLAN_FALLBACK__ */

  /* __ROAMPLAN_ENGINE_CLIENT__ */

  // Iframes this script put in a mount's shadow root (the CORS fallback),
  // which document.querySelectorAll cannot see.
  const framesMade = [];

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'roamplan:height' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    const frame = [...document.querySelectorAll('iframe[data-roamplan]'), ...framesMade].find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== new URL(frame.src, window.location.href).origin) return;
    frame.style.height = `${Math.min(Math.max(Math.round(data.height), 200), 20000)}px`;
  });

  let loading = null;
  const load = () => {
    loading ??= Promise.all([import(new URL(FILES.js, base).href), compileWasm(new URL(FILES.wasm, base))]).then(async ([widget, module]) => {
      engineClient.configure({ workerUrl: new URL(FILES.worker, base).href, module, wasmUrl: new URL(FILES.wasm, base).href });
      await widget.default({ module_or_path: module });
      return widget;
    });
    return loading;
  };
  // Inherited properties cross into a shadow root through the element it is
  // attached to, and page rules on that element (`.entry-content *`,
  // `#mount`) beat `:host`. So everything is reset on the shadow root's top
  // element, which no page rule can match; the widget then sets its own.
  const reset = new CSSStyleSheet();
  reset.replaceSync(':host { all: initial; display: block; } .rp-shadow-top { all: initial; display: block; }');

  const settingsOf = (element) => {
    const settings = new URLSearchParams();
    for (const [key, value] of Object.entries(element.dataset)) {
      if (key !== 'roamplanMount') settings.set(key, value);
    }
    return settings;
  };

  /** The shadow root's top element (created once), under the reset. */
  const topOf = (element) => {
    if (element.shadowRoot) return element.shadowRoot.querySelector('.rp-shadow-top');
    const shadow = element.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [reset];
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = new URL(FILES.css, base).href;
    const top = document.createElement('div');
    top.className = 'rp-shadow-top';
    shadow.append(stylesheet, top);
    return top;
  };

  const failed = (element) => {
    const top = topOf(element);
    if (!top) return;
    const lang = langOf(element);
    const own = new URL('index.html', base);
    own.search = settingsOf(element).toString();
    showFallback(top, lang, own.href, true);
  };

  /** The widget's own page in an iframe, sized by the listener above. */
  const framed = (element) => {
    const own = new URL('index.html', base);
    own.search = settingsOf(element).toString();
    const frame = document.createElement('iframe');
    frame.src = own.href;
    frame.title = element.getAttribute('title') || 'roamplan';
    frame.setAttribute('data-roamplan', '');
    frame.setAttribute('loading', 'lazy');
    frame.style.cssText = 'width:100%;border:0;height:900px;display:block';
    framesMade.push(frame);
    topOf(element).replaceChildren(frame);
  };

  const langOf = (element) => fallbackLang([element.dataset.lang, element.closest('[lang]')?.lang, document.documentElement.lang, ...(navigator.languages || []), navigator.language]);

  const mount = async (targets) => {
    if (targets.length === 0) return;
    // No blank space while the wasm travels: a line in the reader's language.
    const placeholders = targets.filter((el) => !el.shadowRoot).map((el) => showLoading(topOf(el), langOf(el)));
    let widget;
    try {
      widget = await load();
    } catch (error) {
      placeholders.forEach((p) => p.remove());
      if (base.origin !== window.location.origin) {
        // Most likely the widget's host sends no Access-Control-Allow-Origin
        // for this page: a module and a fetch need it, an iframe does not.
        console.info(`roamplan: the widget's files on ${base.origin} could not be loaded into this page (its server must allow ${window.location.origin} with CORS headers); showing it in an iframe instead.`, error);
        targets.forEach(framed);
        return;
      }
      console.warn('roamplan could not start:', error);
      targets.forEach(failed);
      return;
    }
    placeholders.forEach((p) => p.remove());
    for (const element of targets) {
      const top = topOf(element);
      if (top.querySelector('.rp')) continue;
      const root = document.createElement('div');
      top.append(root);
      try {
        widget.mount(root, settingsOf(element).toString(), new URL('index.html', base).href);
      } catch (error) {
        console.warn('roamplan could not start:', error);
        failed(element);
      }
    }
  };
  // Widgets further down the article load when the reader nears them, so
  // they do not slow the page (or an iframe widget above) at first.
  const mountAll = () => {
    const targets = [...document.querySelectorAll('[data-roamplan-mount]')].filter((el) => !el.shadowRoot);
    if (!('IntersectionObserver' in window)) {
      mount(targets);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
      near.forEach((el) => observer.unobserve(el));
      mount(near);
    }, { rootMargin: '300px 0px' });
    targets.forEach((el) => observer.observe(el));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
