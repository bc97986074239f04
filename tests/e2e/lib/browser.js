// Headless Debian Chromium driven by playwright-core (no downloaded browser).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../../dist');
export const ARTIFACTS = path.resolve(here, '../artifacts');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh context and page; console errors and page errors are collected. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, locale = 'en-GB', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, locale, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are reported below with their address.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  return { context, page, errors };
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * An init script counting the Web Workers a page starts
 * (`window.__workersMade`) and the jobs it sends them (`window.__jobsSent`).
 */
export const COUNT_WORKERS = () => {
  window.__workersMade = 0;
  window.__workersEnded = 0;
  window.__jobsSent = 0;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      window.__workersMade += 1;
    }

    postMessage(message, ...rest) {
      if (message && message.job !== undefined) window.__jobsSent += 1;
      return super.postMessage(message, ...rest);
    }

    terminate() {
      window.__workersEnded += 1;
      return super.terminate();
    }
  };
};
