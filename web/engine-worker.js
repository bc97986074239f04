// The engine worker (see engine-client.js): the same glue and wasm module as
// the page, used only for its `engine_job` and `engine_catalogue` exports.
// scripts/postbuild.mjs fills in this release's glue file name.
import init, { engine_job as engineJob, engine_catalogue as engineCatalogue } from './__ROAMPLAN_JS__';

let ready = null;
self.addEventListener('message', async ({ data }) => {
  if (data.start) {
    ready = init({ module_or_path: data.start });
    return;
  }
  if (data.load !== undefined) {
    // A catalogue read ahead of the jobs that will name it (engine-client.js:
    // the spare worker). A failure shows on those jobs.
    try {
      await ready;
      engineCatalogue(data.load, data.text);
    } catch (error) {
      // Nothing to answer: no job waits on this message.
    }
    return;
  }
  let reply;
  try {
    await ready;
    if (data.text !== undefined) engineCatalogue(data.catalogue, data.text);
    reply = { id: data.id, outcome: engineJob(data.job, data.catalogue ?? undefined) };
  } catch (error) {
    reply = { id: data.id, error: String(error) };
  }
  self.postMessage(reply);
});
