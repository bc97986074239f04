// The engine worker, on the page's side. The widget's wasm asks
// `__roamplanEngine` (src/ui/engine_client.rs) to work out large trips, so
// typing never waits for them: jobs run in a module Web Worker that loads the
// same glue and the same compiled wasm module (passed over, not fetched or
// compiled again). Each widget has its channels; a newer job on a channel
// replaces the older one, and answers go before charts. Where no worker can
// start (an old browser, a host's CSP), `available()` turns false and the
// widget calculates on the page as before.
// scripts/postbuild.mjs puts this into the page loader and into embed.js.
const engineClient = (() => {
  // A job still running this long when a newer one for the same widget
  // arrives is abandoned: the worker is restarted rather than waited for.
  const ABANDON_AFTER_MS = 150;
  let source = null; // { workerUrl, module, wasmUrl }
  let worker = null;
  let broken = false;
  let running = null; // the entry the worker is on, with its id
  let nextId = 1;
  const waiting = new Map(); // channel -> entry, oldest first
  const catalogues = new Map(); // address -> text
  const given = new Set(); // addresses this worker has read

  const settle = (entry, outcome, error) => (error === undefined ? entry.resolve(outcome) : entry.reject(error));

  const fail = (error) => {
    broken = true;
    console.info('roamplan: the engine worker is not available here; calculating on the page.', error);
    if (worker) worker.terminate();
    worker = null;
    if (running) settle(running, undefined, 'unavailable');
    running = null;
    for (const entry of waiting.values()) settle(entry, undefined, 'unavailable');
    waiting.clear();
  };

  const spawn = () => {
    const options = { type: 'module', name: 'roamplan-engine' };
    try {
      worker = new Worker(source.workerUrl, options);
    } catch (sameOriginOnly) {
      // Widget files on another site (a script embed): a worker's own
      // address must be the page's, so a one-line module imports it.
      try {
        const shim = new Blob([`import ${JSON.stringify(source.workerUrl)};`], { type: 'text/javascript' });
        worker = new Worker(URL.createObjectURL(shim), options);
      } catch (error) {
        fail(error);
        return false;
      }
    }
    worker.addEventListener('error', (event) => { event.preventDefault(); fail(event.message || 'worker error'); });
    worker.addEventListener('messageerror', () => fail('message error'));
    worker.addEventListener('message', ({ data }) => {
      if (!running || !data || data.id !== running.id) return;
      const entry = running;
      running = null;
      settle(entry, data.outcome, data.error === undefined ? undefined : 'unavailable');
      pump();
    });
    given.clear();
    worker.postMessage({ start: source.module || source.wasmUrl });
    return true;
  };

  const restart = () => {
    if (worker) worker.terminate();
    worker = null;
    if (running) settle(running, undefined, 'superseded');
    running = null;
  };

  const pump = () => {
    if (running || broken || waiting.size === 0) return;
    const entries = [...waiting.values()];
    const entry = entries.find((e) => !e.low) || entries[0];
    waiting.delete(entry.channel);
    if (!worker && !spawn()) return;
    const message = { id: nextId++, job: entry.job, catalogue: entry.key ?? null };
    if (entry.key != null && !given.has(entry.key)) {
      message.text = catalogues.get(entry.key) ?? '';
      given.add(entry.key);
    }
    running = { ...entry, id: message.id, started: performance.now() };
    worker.postMessage(message);
  };

  const client = {
    /** The loader hands over the worker's address and the compiled module. */
    configure(files) {
      source = files;
    },
    available() {
      return !broken && source !== null && typeof Worker === 'function';
    },
    setCatalogue(key, text) {
      catalogues.set(key, text);
      given.delete(key);
    },
    compute(channel, job, key, low) {
      return new Promise((resolve, reject) => {
        if (!client.available()) {
          reject('unavailable');
          return;
        }
        const queued = waiting.get(channel);
        if (queued) {
          waiting.delete(channel);
          settle(queued, undefined, 'superseded');
        }
        waiting.set(channel, { channel, job, key, low, resolve, reject });
        if (running && ((running.channel === channel && performance.now() - running.started > ABANDON_AFTER_MS) || (running.low && !low))) restart();
        pump();
      });
    },
  };
  globalThis.__roamplanEngine = client;
  return client;
})();

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
