// Dev measurement (figures for the notes, not a test): the standalone page's
// height and where the best total sits, on a phone and a desktop, for the
// reference trips; and the sample article's iframe and script embed heights.
// Usage: node scripts/dev/heights.mjs   (after scripts/build.sh)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const e2e = path.resolve(here, '../../tests/e2e/lib');
const { serve } = await import(path.join(e2e, 'server.js'));
const { launch, DIST } = await import(path.join(e2e, 'browser.js'));

const TRIPS = {
  'HK3+CN2+MO1, HK csl, 2 people': 'trip=HK:3,CN:2,MO:1&home=HK&carrier=csl&people=2&cur=HKD',
  'FR5+GB3+CH2, Free': 'trip=FR:5,GB:3,CH:2&home=FR&carrier=Free&plan=free-forfait-5g',
  'HK4, family of 4': 'trip=HK:4&people=4&cur=HKD',
};
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const server = await serve(DIST);
const browser = await launch();
for (const lang of ['zh-Hans', 'en']) {
  for (const [name, query] of Object.entries(TRIPS)) {
    for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/?lang=${lang}&${query}`);
      await page.waitForSelector('[data-testid="option"], [data-testid="no-option"]');
      await page.waitForTimeout(300);
      const m = await page.evaluate(() => {
        // Where the best total first shows: the summary card on a phone,
        // else the best option's total.
        const summary = document.querySelector('[data-testid="summary"]');
        const total = summary && summary.offsetParent ? summary : document.querySelector('[data-testid="option"] .rp-total, [data-testid="option"]');
        const r = total?.getBoundingClientRect();
        return { height: document.documentElement.scrollHeight, bestTop: r ? Math.round(r.top + scrollY) : null };
      });
      console.log(`${lang} | ${name} | ${vp} | page ${m.height} px | best total at ${m.bestTop} px`);
      await page.close();
    }
  }
}
for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}/demo/article.html`);
  await page.locator('#frame-embed').scrollIntoViewIfNeeded();
  await page.locator('#script-embed').scrollIntoViewIfNeeded();
  await page.waitForTimeout(2500);
  const h = await page.evaluate(() => ({
    iframe: Math.round(document.querySelector('#frame-embed').getBoundingClientRect().height),
    script: Math.round(document.querySelector('#script-embed').getBoundingClientRect().height),
  }));
  console.log(`article | ${vp} | iframe ${h.iframe} px | script embed ${h.script} px`);
  await page.close();
}
await browser.close();
process.exit(0);
