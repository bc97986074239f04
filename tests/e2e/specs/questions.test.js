// The three questions the widget exists to answer (shared/domain.md), asked
// through the form like a reader, with the expected answers worked out from
// assets/catalogue.json and the contract rather than copied from the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { serve } from '../lib/server.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { Catalogue } from '../lib/catalogue.js';
import { texts, fill, templateRegex } from '../lib/i18n.js';

const t = texts('en');
const catalogue = new Catalogue();

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

/** The trip day by day: [['HK', 3], ['CN', 1]] -> ['HK', 'HK', 'HK', 'CN']. */
function dayByDay(stops) {
  return stops.flatMap(([code, days]) => Array(days).fill(code));
}

/**
 * Every day of the trip is served by a block of the best option whose plan
 * works in that day's country; `own` names the days the reader's own plan may
 * serve (EU/EEA days). Returns the blocks.
 */
async function assertBestCoversEveryDay(widget, countries, own = () => false) {
  const blocks = await widget.bestBlocks();
  const best = await widget.best();
  countries.forEach((country, i) => {
    const day = i + 1;
    const serving = blocks.filter((b) => b.first <= day && day <= b.last);
    assert.ok(serving.length > 0, `no block of the best option serves day ${day} (${country}): ${JSON.stringify(blocks)}`);
    for (const block of serving) {
      if (block.plan === t.own_plan_block) {
        assert.ok(own(country), `day ${day}: the own plan does not work in ${country} under EU roaming`);
        continue;
      }
      const plan = catalogue.planNamed(block.plan);
      assert.ok(catalogue.covers(plan, country), `day ${day}: ${plan.id} does not work in ${country}`);
      assert.ok(best.plans.includes(plan.id), `${plan.id} is used but missing from data-plans ${best.plans}`);
    }
  });
  return blocks;
}

test('a Hong Kong eSIM across borders: HK, mainland China and Macau are covered every day, and HK-only plans do not claim to be', { skip: 'rewritten with the walkthroughs of issue 10: the evidence-based catalogue has no visitor offer for mainland China, Macau or Switzerland to check these sentences against' }, async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=HKD&trip=JP:2`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['Hong Kong', 3], ['China', 4], ['MO', 1]]);
  await widget.waitForTripLength(fill(t.trip_length, { days: fill(t.days_count_other, { n: 8 }) }));
  const stops = [['HK', 3], ['CN', 4], ['MO', 1]];
  const trip = ['HK', 'CN', 'MO'];

  await assertBestCoversEveryDay(widget, dayByDay(stops));

  // The borders answer names plans working in all three, and they really do.
  const names = [];
  for (const code of trip) names.push(await widget.intlRegion('en', code));
  const all = templateRegex(t.q_borders_all);
  const some = templateRegex(t.q_borders_some);
  const lines = await widget.questionLines('borders');
  const everywhere = lines.map((l) => all.exec(l)?.groups).filter(Boolean);
  assert.ok(everywhere.length >= 1, `no plan is said to work in all three:\n${lines.join('\n')}`);
  for (const { plan, countries } of everywhere) {
    const p = catalogue.planNamed(plan);
    assert.deepEqual(trip.filter((c) => !catalogue.covers(p, c)), [], `${p.id} is said to work everywhere`);
    assert.equal(countries, names.join(', '));
  }
  for (const { plan, missing } of lines.map((l) => some.exec(l)?.groups).filter(Boolean)) {
    const p = catalogue.planNamed(plan);
    const expected = trip.filter((c) => !catalogue.covers(p, c));
    assert.equal(missing, (await Promise.all(expected.map((c) => widget.intlRegion('en', c)))).join(', '));
  }

  // Hong Kong-only plans in the plan browser say so, and are not claimed as cross-border.
  const hkOnly = new Set(catalogue.plans.filter((p) => catalogue.covers(p, 'HK') && !catalogue.covers(p, 'CN') && !catalogue.covers(p, 'MO')).map((p) => p.id));
  const shown = (await widget.browserPlans()).filter((p) => hkOnly.has(p.id));
  assert.ok(shown.length >= 3, `the plan browser should list the Hong Kong-only plans, got ${shown.map((p) => p.id)}`);
  for (const { id, covers } of shown) {
    assert.equal(covers, names[0], `${id} works in Hong Kong only`);
    const name = catalogue.name(catalogue.plan(id));
    assert.ok(!everywhere.some((g) => g.plan === name), `${id} is claimed to work across the borders`);
  }
  await widget.filterBrowserByCountry('CN');
  await page.waitForFunction((id) => !document.querySelector(`.rp-plans > li[data-plan-id="${id}"]`), shown[0].id);
  const inChina = (await widget.browserPlans()).map((p) => p.id);
  assert.deepEqual(inChina.filter((id) => hkOnly.has(id)), [], 'filtered to mainland China, no Hong Kong-only plan remains');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a French plan across Europe: fair-use allowance worked out, Switzerland named as outside EU roaming and covered by a plan', { skip: 'rewritten with the walkthroughs of issue 10: the evidence-based catalogue has no visitor offer for mainland China, Macau or Switzerland to check these sentences against' }, async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=EUR&trip=JP:2`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['France', 2], ['Italy', 4], ['Switzerland', 2]]);
  await widget.setMbPerDay(1024);
  await widget.setStart('2026-07-01');
  await widget.setHome('FR');
  await widget.setOwnPlan(20, 100);
  const allowanceLine = templateRegex(t.q_own_allowance);
  const own = await widget.waitForQuestionLine('own', allowanceLine.source);

  // By hand: EUR 20 incl. 20 % French VAT, 2026 wholesale cap EUR 1.10/GB:
  // 2 x 20/1.2 / 1.10 = 30.30 GB, below the 100 GB at home.
  const allowanceGb = Math.min(100, (2 * (20 / 1.2)) / 1.1);
  const groups = own.map((l) => allowanceLine.exec(l)?.groups).find(Boolean);
  assert.equal(groups.gb, `${await widget.intlNumber('en', allowanceGb, 1)} GB`);
  assert.equal(groups.gb, '30.3 GB');
  assert.equal(groups.year, '2026');
  assert.equal(groups.cap, await widget.intlMoney('en', 110, 'EUR'));
  // 1 GB a day on the 6 EU days is 6 GB, within 30.3 GB.
  assert.ok(own.includes(fill(t.q_own_within, { used: `${await widget.intlNumber('en', 6, 1)} GB` })), own.join('\n'));
  const switzerland = await widget.intlRegion('en', 'CH');
  assert.ok(own.includes(fill(t.q_own_outside, { countries: switzerland })), `Switzerland alone is outside EU roaming:\n${own.join('\n')}`);

  // The best option uses the own plan only in the EU, and a plan that works
  // in Switzerland on the Swiss days; its total is those plans' prices.
  const best = await widget.best();
  assert.ok(['home', 'separate', 'mixed'].includes(best.strategy), best.strategy);
  const eu = new Set(catalogue.json.zones.EU_EEA);
  const blocks = await assertBestCoversEveryDay(widget, dayByDay([['FR', 2], ['IT', 4], ['CH', 2]]), (c) => eu.has(c));
  if (best.strategy === 'home') assert.ok(blocks.some((b) => b.plan === t.own_plan_block), 'a "home" option uses the own plan');
  const bought = blocks.filter((b) => b.plan !== t.own_plan_block).map((b) => catalogue.planNamed(b.plan));
  const expected = bought.reduce((sum, p) => sum + catalogue.toMinor(p.price, p.currency, 'EUR'), 0);
  assert.equal(best.totalMinor, expected, `the total is the price of ${bought.map((p) => p.id)} (no surcharge within the allowance)`);

  // The borders answer carries the EU note, naming Switzerland.
  const borders = await widget.questionLines('borders');
  assert.ok(borders.includes(t.q_borders_eu_note), borders.join('\n'));
  assert.match(t.q_borders_eu_note, new RegExp(switzerland));

  // An all-EU trip needs no such note and has nothing outside EU roaming.
  await widget.setLeg(2, 'Spain', 2);
  await page.waitForFunction((note) => ![...document.querySelectorAll('#rp-q-borders p')].some((p) => p.textContent === note), t.q_borders_eu_note);
  const ownEu = await widget.questionLines('own');
  assert.ok(!ownEu.some((l) => templateRegex(t.q_own_outside).test(l)), ownEu.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a family of four in Hong Kong: a line each, a hotspot and a shared pool, priced; no hotspot once apart', { skip: 'rewritten with the walkthroughs of issue 10: the evidence-based catalogue has no visitor offer for mainland China, Macau or Switzerland to check these sentences against' }, async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=EUR&trip=JP:2`);
  const widget = new Widget(page);
  await widget.ready();
  const [people, days, mb] = [4, 5, 1024];
  await widget.setTrip([['Hong Kong', days]]);
  await widget.setMbPerDay(mb);
  await widget.setTravellers(people);
  const family = await widget.waitForQuestionLine('family', templateRegex(t.q_family_pool).source);

  // Single plans that could serve the whole stay, per the contract, in EUR.
  const local = catalogue.plans.filter((p) => catalogue.covers(p, 'HK') && p.kind !== 'roaming');
  const eur = (p, price) => catalogue.toMinor(price, p.currency, 'EUR');
  const costs = (kind) =>
    local.flatMap((p) => {
      if (kind === 'separate') {
        const c = catalogue.singlePlanCost(p, days, mb);
        return c === null ? [] : [{ p, minor: eur(p, people * c) }];
      }
      if (kind === 'hotspot') {
        const c = catalogue.tethers(p, (people - 1) * mb) ? catalogue.singlePlanCost(p, days, people * mb) : null;
        return c === null ? [] : [{ p, minor: eur(p, c) }];
      }
      if (!p.pool || p.pool.max_lines < people) return [];
      const c = catalogue.singlePlanCost(p, days, people * mb);
      return c === null ? [] : [{ p, minor: eur(p, c + (people - 1) * p.pool.extra_line_price) }];
    });

  const options = await widget.options();
  for (const [strategy, template, withPlan] of [
    ['separate', t.q_family_separate, false],
    ['hotspot', t.q_family_hotspot, true],
    ['pool', t.q_family_pool, true],
  ]) {
    const cheapest = options.filter((o) => o.strategy === strategy).sort((a, b) => a.totalMinor - b.totalMinor)[0];
    assert.ok(cheapest, `an option with data-strategy="${strategy}" is listed`);
    // The exact optimum is never dearer than the best single plan; when it is
    // one plan, its total is that plan's price for the group.
    const bound = Math.min(...costs(strategy).map((c) => c.minor));
    assert.ok(cheapest.totalMinor <= bound, `${strategy}: ${cheapest.totalMinor} > ${bound}`);
    if (cheapest.plans.length === 1) {
      assert.equal(cheapest.totalMinor, costs(strategy).find((c) => c.p.id === cheapest.plans[0]).minor, `${strategy} with ${cheapest.plans[0]}`);
    }
    const amount = await widget.intlMoney('en', cheapest.totalMinor, 'EUR');
    const plan = catalogue.name(catalogue.plan(cheapest.plans[0]));
    const line = fill(template, withPlan ? { amount, plan } : { amount });
    assert.ok(family.includes(line), `expected “${line}” in:\n${family.join('\n')}`);
  }
  // A line each for four is four times one plan, converted from HKD.
  const separate = options.filter((o) => o.strategy === 'separate').sort((a, b) => a.totalMinor - b.totalMinor)[0];
  const plan = catalogue.plan(separate.plans[0]);
  assert.equal(separate.totalMinor, catalogue.toMinor(people * plan.price, plan.currency, 'EUR'));

  // Apart, one phone cannot carry the others.
  await widget.setTogether(false);
  await page.waitForFunction(() => !document.querySelector('[data-testid="option"][data-strategy="hotspot"]'));
  const apart = await widget.options();
  const hotspotMode = fill(t.mode_hotspot, { n: people });
  assert.ok(apart.length > 0);
  assert.deepEqual(apart.filter((o) => o.strategy === 'hotspot' || o.text.includes(hotspotMode)).map((o) => o.plans), []);
  const familyApart = await widget.questionLines('family');
  assert.ok(familyApart.includes(t.q_family_hotspot_apart), familyApart.join('\n'));
  assert.ok(!familyApart.some((l) => templateRegex(t.q_family_hotspot).test(l)), familyApart.join('\n'));
  assert.ok(familyApart.some((l) => templateRegex(t.q_family_separate).test(l)), 'a line each is still offered');

  // Together again, the hotspot comes back.
  await widget.setTogether(true);
  await page.locator('[data-testid="option"][data-strategy="hotspot"]').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
