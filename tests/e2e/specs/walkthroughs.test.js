// Readers who say who they are, typed and clicked through the form as they
// would (issue 10's walkthroughs, and the articles' three questions). The
// expected answers are worked out here from assets/catalogue.json and the
// contract's rules in words, not copied from the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { Catalogue } from '../lib/catalogue.js';
import { texts, fill, templateRegex } from '../lib/i18n.js';

const catalogue = new Catalogue();

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

/** Who may buy a plan, in the contract's words. */
function mayBuy(plan, { home, carrier }) {
  if (plan.kind === 'plan') return false;
  const buyers = plan.buyers ?? 'anyone';
  if (buyers === 'residents') return plan.home === home;
  if (buyers === 'customers') return (plan.carriers ?? []).includes(carrier);
  return true;
}

/** Every plan in every option shown. */
async function plansShown(widget) {
  return [...new Set((await widget.options()).flatMap((o) => o.plans))].filter((id) => id !== 'home');
}

/** Waits until the link carries `key=value` (the form has taken the edit). */
async function linkSays(page, key, value) {
  await page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value]);
}

/** The carrier menu as a reader sees it: [{ value, label }]. */
async function carrierMenu(page) {
  return page.locator('#rp-carrier option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })));
}

test('a Free customer going to London and Zurich: their own line serves every day abroad, for nothing', async () => {
  const t = texts('fr');
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=fr`);
  const widget = new Widget(page);
  await widget.ready();
  // Typed as a French reader writes the places: cities, not ISO names.
  await widget.setTrip([['France', 5], ['Londres', 3], ['Zurich', 2]]);
  await widget.setMbPerDay(1536);
  await linkSays(page, 'trip', 'FR:5,GB:3,CH:2');
  await widget.setHome('FR');
  await widget.setCarrier('Free');
  await widget.pickPlan('free-forfait-5g');
  await linkSays(page, 'plan', 'free-forfait-5g');

  // Forfait Free 5G includes the UK and Switzerland (35 GB a month); 5 days
  // abroad at 1.5 GB are 7.5 GB, inside it: nothing to buy.
  const plan = catalogue.plan('free-forfait-5g');
  const inclusion = plan.roaming.find((r) => r.coverage.includes('GB') && r.coverage.includes('CH'));
  assert.ok(inclusion.data_mb >= 5 * 1536, 'the inclusion covers the days abroad');
  const best = await widget.best();
  assert.equal(best.totalMinor, 0);
  assert.deepEqual(best.plans, ['home']);
  const ownLine = await page.locator('[data-testid="option"] .rp-own-line').first().innerText();
  assert.match(ownLine, templateRegex(t.own_line_covers));
  assert.match(ownLine, /6\D+10/, 'the days abroad, 6 to 10, are named');

  // The question in words names what the plan includes.
  const own = await widget.questionLines('own');
  const uk = await widget.intlRegion('fr-FR', 'GB');
  const ch = await widget.intlRegion('fr-FR', 'CH');
  assert.ok(own.some((line) => line.includes(uk) && line.includes(ch)), JSON.stringify(own));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a mainland China Mobile customer: only China Mobile passes and cards anyone can buy', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=zh-Hans&cur=CNY`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['香港', 3], ['日本', 3]]);
  await linkSays(page, 'trip', 'HK:3,JP:3');
  await widget.setHome('CN');
  // The menu names mainland carriers as a mainland reader does.
  const menu = await carrierMenu(page);
  assert.ok(menu.some((o) => o.value === 'China Mobile' && o.label === '中国移动'), JSON.stringify(menu));
  assert.ok(menu.some((o) => o.value === 'China Unicom' && o.label === '中国联通'), JSON.stringify(menu));
  await widget.setCarrier('China Mobile');
  await linkSays(page, 'carrier', 'China Mobile');

  const reader = { home: 'CN', carrier: 'China Mobile' };
  const shown = await plansShown(widget);
  assert.ok(shown.length > 0);
  for (const id of shown) assert.ok(mayBuy(catalogue.plan(id), reader), `${id} cannot be bought by a China Mobile customer`);
  // Its own carrier's Japan day pass is among them; China Unicom's pack is not.
  assert.ok(shown.includes('cmcc-world-day'), shown.join());
  assert.ok(!shown.includes('cucc-hk-mo-day'), shown.join());

  // The same trip for a China Unicom customer: its pack may appear, China Mobile's may not.
  await widget.setCarrier('China Unicom');
  await linkSays(page, 'carrier', 'China Unicom');
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="option"]')].some((o) => o.dataset.plans.includes('cmcc-world-day')));
  const unicom = await plansShown(widget);
  for (const id of unicom) assert.ok(mayBuy(catalogue.plan(id), { home: 'CN', carrier: 'China Unicom' }), id);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Hong Kong resident going to Macau for a day buys for that day only', async () => {
  const t = texts('zh-Hant');
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=zh-Hant&cur=HKD`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['香港', 3], ['澳門', 1]]);
  await linkSays(page, 'trip', 'HK:3,MO:1');
  await widget.setHome('HK');
  await widget.setCarrier('3HK');
  await linkSays(page, 'carrier', '3HK');

  // The cheapest 3HK pass for one day in Macau, from the catalogue.
  const reader = { home: 'HK', carrier: '3HK' };
  const macauOneDay = catalogue.plans
    .filter((p) => mayBuy(p, reader) && catalogue.covers(p, 'MO'))
    .map((p) => catalogue.toMinor(p.price, p.currency, 'HKD'));
  const expected = Math.min(...macauOneDay);
  const best = await widget.best();
  assert.equal(best.totalMinor, expected);
  const blocks = await widget.bestBlocks();
  assert.ok(blocks.length > 0 && blocks.every((b) => b.first === 4 && b.last === 4), JSON.stringify(blocks));
  // Home days are said to need nothing.
  const own = await widget.questionLines('own');
  assert.ok(own.some((line) => templateRegex(t.q_own_home_days).test(line)), JSON.stringify(own));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a visiting family with two phones without eSIM: nothing residents-only, and only an eSIM phone hosts an eSIM', async () => {
  const t = texts('en');
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=CNY`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['Japan', 5]]);
  await widget.setTravellers(4);
  await widget.setTraveller(0, 2048, 'yes');
  await widget.setTraveller(1, 2048, 'yes');
  await widget.setTraveller(2, 300, 'no');
  await widget.setTraveller(3, 300, 'no');
  await linkSays(page, 'mb', '2048,2048,300,300');
  await linkSays(page, 'esim', '1,1,0,0');
  await widget.setHome('CN');
  await linkSays(page, 'home', 'CN');

  const reader = { home: 'CN', carrier: '' };
  const options = await widget.options();
  assert.ok(options.length > 0);
  for (const id of options.flatMap((o) => o.plans)) {
    const plan = catalogue.plan(id);
    assert.ok(mayBuy(plan, reader), `${id} cannot be bought by a visiting family`);
  }
  // Japan is covered only by eSIMs here: the children's phones can be hotspot
  // guests but never carry one, so every phone named first in a sharing line
  // is Traveller 1 or 2.
  const sharing = templateRegex(t.hotspot_for);
  const lines = await page.locator('[data-testid="option"] .rp-block-meta span').evaluateAll((spans) => spans.map((s) => s.textContent));
  const hosts = lines.filter((l) => sharing.test(l));
  assert.ok(hosts.length > 0, `one phone shares with the others: ${JSON.stringify(lines)}`);
  for (const line of hosts) assert.match(line, /^Traveller [12]’s phone/, line);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the border question for a Hong Kong csl customer: the cross-border package, mainland and Macau days only', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=zh-Hans&cur=HKD`);
  const widget = new Widget(page);
  await widget.ready();
  // Readers type the cities and everyday names.
  await widget.setTrip([['香港', 3], ['深圳', 2], ['澳门', 1]]);
  await linkSays(page, 'trip', 'HK:3,CN:2,MO:1');
  // A visitor: nothing anyone can buy here covers the mainland or Macau.
  assert.deepEqual(await widget.uncovered(), ['CN', 'MO']);
  const noOption = await page.locator('[data-testid="no-option"]').innerText();
  assert.match(noOption, /中国内地/, 'the mainland is named as the articles name it');

  await widget.setHome('HK');
  await widget.setCarrier('csl');
  await linkSays(page, 'carrier', 'csl');
  const reader = { home: 'HK', carrier: 'csl' };
  const cheapest = Math.min(
    ...catalogue.plans
      .filter((p) => mayBuy(p, reader) && catalogue.covers(p, 'CN') && catalogue.covers(p, 'MO') && p.validity_days >= 3)
      .map((p) => catalogue.toMinor(p.price, p.currency, 'HKD')),
  );
  const best = await widget.best();
  assert.equal(best.totalMinor, cheapest);
  const blocks = await widget.bestBlocks();
  assert.ok(blocks.every((b) => b.first >= 4 && b.last <= 6), JSON.stringify(blocks));
  // A 24-month contract is said as such before the reader buys it.
  const contract = catalogue.plan(best.plans[0]).contract_months;
  if (contract) assert.match(best.text, new RegExp(String(contract)));
  const borders = await widget.questionLines('borders');
  assert.ok(borders.some((l) => l.includes('中国内地') || l.includes('澳门')), JSON.stringify(borders));
  assert.ok(!borders.some((l) => /、中国、/.test(l)), JSON.stringify(borders));
  assert.deepEqual(errors, []);
  await context.close();
});

test('can a family share one Hong Kong card? A family of four is told which card, if any, lets them', async () => {
  const t = texts('zh-Hant');
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=zh-Hant&cur=HKD`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['香港', 4]]);
  await widget.setTravellers(4);
  await linkSays(page, 'people', '4');
  // No Hong Kong card anyone can buy is known to allow tethering or a shared
  // pool: the answer says so and prices a line each.
  const sharable = catalogue.plans.filter((p) => mayBuy(p, { home: '', carrier: '' }) && catalogue.covers(p, 'HK') && (p.hotspot === true || p.max_lines > 1));
  assert.deepEqual(sharable.map((p) => p.id), [], 'the catalogue still has no sharable Hong Kong card for visitors');
  const family = await widget.questionLines('family');
  assert.ok(family.some((l) => templateRegex(t.q_family_separate).test(l)), JSON.stringify(family));
  const best = await widget.best();
  assert.equal(best.strategy, 'separate');
  assert.deepEqual(errors, []);
  await context.close();
});
