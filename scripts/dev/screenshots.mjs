// The README's screenshots: the sample article with both embeds in Simplified
// and Traditional Chinese, on a 390 px phone and a 1280 px desktop.
// Usage: node scripts/dev/screenshots.mjs   (after scripts/build.sh)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const lib = path.resolve(here, '../../tests/e2e/lib');
const { serve } = await import(path.join(lib, 'server.js'));
const { launch, DIST } = await import(path.join(lib, 'browser.js'));
const out = path.resolve(here, '../../docs/screenshots');
fs.mkdirSync(out, { recursive: true });

const article = fs.readFileSync(path.join(DIST, 'demo', 'article.html'), 'utf8');
const CURRENCY = { 'zh-Hans': 'CNY', 'zh-Hant': 'HKD' };
const routes = {};
for (const lang of ['zh-Hans', 'zh-Hant']) {
  routes[`/demo/article-${lang}.html`] = {
    type: 'text/html; charset=utf-8',
    body: article
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replaceAll('lang=en&amp;cur=HKD', `lang=${lang}&amp;cur=${CURRENCY[lang]}`)
      .replace('data-lang="fr" data-cur="EUR"', `data-lang="${lang}" data-cur="${CURRENCY[lang]}"`),
  };
}
const server = await serve(DIST, { routes });
const browser = await launch();
for (const lang of ['zh-Hans', 'zh-Hant']) {
  for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/demo/article-${lang}.html`);
    await page.locator('#frame-embed').scrollIntoViewIfNeeded();
    await page.frameLocator('#frame-embed').locator('[data-testid="option"]').first().waitFor();
    await page.locator('#script-embed').scrollIntoViewIfNeeded();
    await page.locator('#script-embed [data-testid="option"], #script-embed [data-testid="no-option"]').first().waitFor();
    await page.waitForTimeout(800);
    await page.evaluate(() => scrollTo(0, 0));
    for (const [part, selector] of [['iframe', '#frame-embed'], ['script', '#script-embed']]) {
      const file = path.join(out, `article-${lang}-${name}-${part}.png`);
      await page.locator(selector).screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
