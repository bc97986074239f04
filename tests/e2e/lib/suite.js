// One static server for the release build and one Chromium for a spec file,
// started before its tests and closed after them.
import { before, after } from 'node:test';
import { serve } from './server.js';
import { launch, DIST } from './browser.js';

/**
 * Registers the file's before/after hooks; `ready(server, browser)` receives
 * them once started. `serveOptions` go to `serve` (routes, headers…).
 */
export function withWidget(ready, serveOptions = {}) {
  let server;
  let browser;
  before(async () => {
    server = await serve(DIST, serveOptions);
    browser = await launch();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
