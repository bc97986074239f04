// Page glue, in the page's later module (scripts/postbuild.mjs: with the
// engine client, loaded with the widget's files once the first answer is
// drawn); the loader runs it once the widget has started or failed to
// (so the page needs no inline script under a strict CSP).
function afterStart() {
  // Offline: a service worker precaches this release. A newer release waits
  // until the reader agrees to reload, so old JS never meets new wasm.
  // In a sandbox without same origin (WordPress embeds) even reading
  // navigator.serviceWorker throws: no offline support there, nothing else lost.
  const serviceWorkers = (() => {
    try {
      return 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    } catch {
      return null;
    }
  })();
  if (serviceWorkers && window.isSecureContext && !window.__roamplanNoServiceWorker) {
    const announce = () => window.dispatchEvent(new CustomEvent('roamplan:update-ready'));
    serviceWorkers.register('./sw.js').then((registration) => {
      if (registration.waiting && serviceWorkers.controller) announce();
      registration.addEventListener('updatefound', () => {
        const incoming = registration.installing;
        incoming?.addEventListener('statechange', () => {
          if (incoming.state === 'installed' && serviceWorkers.controller) announce();
        });
      });
      window.addEventListener('roamplan:apply-update', () => {
        if (!registration.waiting) return;
        let reloaded = false;
        serviceWorkers.addEventListener('controllerchange', () => {
          if (!reloaded) {
            reloaded = true;
            window.location.reload();
          }
        });
        registration.waiting.postMessage({ type: 'skip-waiting' });
      });
    }).catch(() => { /* no offline support here (e.g. private mode); the widget works online */ });
  }

  // Embedded in an iframe: tell the host page how tall the widget is, so the
  // embed script can size the frame. Only a number is sent.
  if (window.parent !== window) {
    // The style sheet hides the sticky best-total bar in a frame.
    document.documentElement.classList.add('rp-framed');
    let last = 0;
    const post = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: 'roamplan:height', height }, '*');
      }
    };
    new ResizeObserver(post).observe(document.documentElement);
    post();
  }

  // On a phone the best total shows in the summary card above the form; the
  // sticky bar repeats it only once the card has scrolled away (it would
  // otherwise cover the form's first buttons).
  {
    let queued = false;
    const check = () => {
      queued = false;
      const card = document.querySelector('[data-testid="summary"]');
      const box = card && card.offsetParent ? card.getBoundingClientRect() : null;
      document.documentElement.classList.toggle('rp-summary-in-view', !!box && box.bottom > 0 && box.top < innerHeight);
    };
    const queue = () => {
      if (!queued) {
        queued = true;
        requestAnimationFrame(check);
      }
    };
    addEventListener('scroll', queue, { passive: true });
    addEventListener('resize', queue, { passive: true });
    addEventListener('input', queue, { passive: true });
    // The card also comes and goes by itself (an answer from the engine
    // worker arrives after the keystroke).
    const root = document.getElementById('roamplan');
    if (root && 'MutationObserver' in window) new MutationObserver(queue).observe(root, { childList: true, subtree: true });
    check();
  }
}
