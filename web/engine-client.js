// The engine workers, on the page's side. The widget's wasm asks
// `__roamplanEngine` (src/ui/engine_client.rs) to work out large trips, so
// typing never waits for them: jobs run in module Web Workers (one, and a
// second when an answer would otherwise wait) that load the same glue and
// the same compiled wasm module (passed over, not fetched or compiled
// again). Each widget has its channels; a newer job on a channel replaces
// the older one, and answers go before charts. Where no worker can
// start (an old browser, a host's CSP), `available()` turns false and the
// widget calculates on the page as before.
// scripts/postbuild.mjs puts this into the page's later module (loaded with
// the widget's files, after the first answer) and into embed.js.
const engineClient = (() => {
  // A job still running this long when a newer one for the same widget
  // arrives is abandoned: its worker is restarted rather than waited for.
  const ABANDON_AFTER_MS = 150;
  // Answers never wait behind the slower carrier hints and chart, nor for a
  // worker to start: hints and charts run only while no other job does,
  // and once one runs a second worker is started and reads the catalogue
  // in advance, ready for the next answer. (Restarting the one worker for
  // each answer read the catalogue again: on 2,000 plans that cost about
  // as much as the answer itself.)
  const MAX_WORKERS = 2;
  let source = null; // { workerUrl, module, wasmUrl }
  let broken = false;
  let nextId = 1;
  // Each worker: { worker, running (the entry it is on, with its id), given
  // (catalogue addresses it has read) }.
  const slots = [];
  const waiting = new Map(); // channel -> entry, oldest first
  const catalogues = new Map(); // address -> text
  let lastKey = null; // the catalogue of the latest job (null: built in)

  /** The catalogue's text for a worker that has not read it yet (then it has). */
  const textFor = (slot, key) => {
    if (key == null || slot.given.has(key)) return undefined;
    slot.given.add(key);
    return catalogues.get(key) ?? '';
  };

  const settle = (entry, outcome, error) => (error === undefined ? entry.resolve(outcome) : entry.reject(error));

  const fail = (error) => {
    broken = true;
    console.info('roamplan: the engine worker is not available here; calculating on the page.', error);
    for (const slot of slots.splice(0)) {
      slot.worker.terminate();
      if (slot.running) settle(slot.running, undefined, 'unavailable');
    }
    for (const entry of waiting.values()) settle(entry, undefined, 'unavailable');
    waiting.clear();
  };

  const spawn = () => {
    const options = { type: 'module', name: 'roamplan-engine' };
    let worker;
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
        return null;
      }
    }
    const slot = { worker, running: null, given: new Set() };
    worker.addEventListener('error', (event) => { event.preventDefault(); fail(event.message || 'worker error'); });
    worker.addEventListener('messageerror', () => fail('message error'));
    worker.addEventListener('message', ({ data }) => {
      const entry = slot.running;
      if (!entry || !data || data.id !== entry.id) return;
      slot.running = null;
      settle(entry, data.outcome, data.error === undefined ? undefined : 'unavailable');
      pump();
    });
    worker.postMessage({ start: source.module || source.wasmUrl });
    // The catalogue in use is read now, not when a reader waits for it.
    const text = catalogues.has(lastKey) ? textFor(slot, lastKey) : undefined;
    if (text !== undefined) worker.postMessage({ load: lastKey, text });
    slots.push(slot);
    return slot;
  };

  /** Stops a worker's job for good; a new one starts when a job needs it. */
  const restart = (slot) => {
    slot.worker.terminate();
    slots.splice(slots.indexOf(slot), 1);
    if (slot.running) settle(slot.running, undefined, 'superseded');
  };

  /** Starts waiting jobs on idle workers, answers first. */
  const pump = () => {
    while (!broken && waiting.size > 0) {
      const entries = [...waiting.values()];
      const entry = entries.find((e) => !e.low) || entries[0];
      // Hints and charts wait while any job runs: beside an answer, on a
      // phone's few cores, they would slow it down; and the other worker
      // stays free for the next answer.
      if (entry.low && slots.some((s) => s.running)) return;
      const slot = slots.find((s) => !s.running) || (slots.length < MAX_WORKERS ? spawn() : null);
      if (!slot) return;
      waiting.delete(entry.channel);
      lastKey = entry.key ?? null;
      const message = { id: nextId++, job: entry.job, catalogue: entry.key ?? null };
      const text = textFor(slot, entry.key);
      if (text !== undefined) message.text = text;
      slot.running = { ...entry, id: message.id, started: performance.now() };
      slot.worker.postMessage(message);
      // The spare, for the next answer.
      if (entry.low && slots.length < MAX_WORKERS && !broken) spawn();
    }
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
      for (const slot of slots) slot.given.delete(key);
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
        const now = performance.now();
        // The same widget's older job, long running: its answer is not
        // wanted any more.
        const stale = slots.find((s) => s.running && s.running.channel === channel && now - s.running.started > ABANDON_AFTER_MS);
        if (stale) restart(stale);
        // An answer with every worker busy: a hint or chart gives way.
        if (!low && slots.every((s) => s.running)) {
          const yielding = slots.find((s) => s.running.low);
          if (yielding) restart(yielding);
        }
        pump();
      });
    },
  };
  globalThis.__roamplanEngine = client;
  return client;
})();
