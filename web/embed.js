// roamplan embed script for host pages. Load it once, with `defer`:
//   <script src="https://your.host/roamplan/embed.js" defer></script>
// 1. <iframe data-roamplan src=".../index.html?..."> frames are sized to the
//    widget's height (messages are accepted only from those frames, from
//    their own origin, and only as a bounded number).
// 2. <div data-roamplan-mount data-trip="HK:3,CN:4" data-lang="zh-Hant"> is
//    replaced by the widget itself, in a shadow root: the page's CSS does not
//    reach it and its CSS does not leak out. Attributes are the share-link keys.
// scripts/postbuild.mjs fills in this release's file names.
(() => {
  'use strict';
  const FILES = { js: '__ROAMPLAN_JS__', wasm: '__ROAMPLAN_WASM__', css: '__ROAMPLAN_CSS__' };
  const base = new URL('./', (document.currentScript && document.currentScript.src) || window.location.href);

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'roamplan:height' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    const frame = [...document.querySelectorAll('iframe[data-roamplan]')].find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== new URL(frame.src, window.location.href).origin) return;
    frame.style.height = `${Math.min(Math.max(Math.round(data.height), 200), 20000)}px`;
  });

  let loading = null;
  const load = () => {
    loading ??= import(new URL(FILES.js, base).href).then(async (widget) => {
      await widget.default({ module_or_path: new URL(FILES.wasm, base) });
      return widget;
    });
    return loading;
  };
  const mount = async (targets) => {
    if (targets.length === 0) return;
    const widget = await load();
    const reset = new CSSStyleSheet();
    reset.replaceSync(':host { all: initial; display: block; }');
    for (const element of targets) {
      if (element.shadowRoot) continue;
      const shadow = element.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [reset];
      const stylesheet = document.createElement('link');
      stylesheet.rel = 'stylesheet';
      stylesheet.href = new URL(FILES.css, base).href;
      const root = document.createElement('div');
      shadow.append(stylesheet, root);
      const settings = new URLSearchParams();
      for (const [key, value] of Object.entries(element.dataset)) {
        if (key !== 'roamplanMount') settings.set(key, value);
      }
      widget.mount(root, settings.toString(), new URL('index.html', base).href);
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
