// The built-in catalogue (assets/catalogue.json) read independently of the
// widget, and the contract's arithmetic worked out by hand, so specs can
// check the widget's answers instead of echoing them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CATALOGUE_FILE = path.resolve(here, '../../../assets/catalogue.json');

export class Catalogue {
  constructor(json = JSON.parse(fs.readFileSync(CATALOGUE_FILE, 'utf8'))) {
    this.json = json;
    this.plans = json.plans;
    this.byId = new Map(json.plans.map((p) => [p.id, p]));
  }

  plan(id) {
    const plan = this.byId.get(id);
    if (!plan) throw new Error(`plan ${id} is not in the catalogue`);
    return plan;
  }

  /** The plan's name as a reader of `lang` sees it. */
  name(plan, lang = 'en') {
    return typeof plan.name === 'string' ? plan.name : plan.name[lang] ?? plan.name.en;
  }

  /** The plan whose name in `lang` is `name`. */
  planNamed(name, lang = 'en') {
    const found = this.plans.filter((p) => this.name(p, lang) === name);
    if (found.length !== 1) throw new Error(`${found.length} plans are named “${name}”`);
    return found[0];
  }

  /** Countries where the plan's data works, zones expanded. */
  coverage(plan) {
    const set = new Set();
    for (const entry of plan.coverage) {
      if (entry.startsWith('@')) for (const c of this.json.zones[entry.slice(1)]) set.add(c);
      else set.add(entry);
    }
    return set;
  }

  covers(plan, country) {
    return this.coverage(plan).has(country);
  }

  /**
   * `amount` (a decimal in `from`) in hundredths of `to`, converted with
   * rates_per_eur and rounded half away from zero once, as the contract says.
   */
  toMinor(amount, from, to) {
    const rates = this.json.rates_per_eur;
    const micro = (c) => BigInt(Math.round(rates[c] * 1e6));
    const num = BigInt(Math.round(amount * 100)) * micro(to);
    const den = micro(from);
    return Number((2n * num + den) / (2n * den));
  }

  /**
   * What one purchase of `plan` costs to serve `days` consecutive days of a
   * single country at `mbPerDay` on that line, in the plan's currency
   * (top-ups included), or null when the plan alone cannot serve them.
   */
  singlePlanCost(plan, days, mbPerDay) {
    if (plan.daily_mb !== undefined && plan.daily_mb < mbPerDay) return null;
    if ((plan.billing ?? 'pass') === 'day') return plan.price * days;
    if (plan.validity_days < days) return null;
    const need = mbPerDay * days;
    if (plan.data_mb === undefined || plan.data_mb >= need) return plan.price;
    if (!plan.topup) return null;
    const topups = Math.ceil((need - plan.data_mb) / plan.topup.data_mb);
    return plan.price + topups * plan.topup.price;
  }

  /** Whether the plan lets one phone carry `mbPerDay` for others. */
  tethers(plan, mbPerDay) {
    return plan.hotspot === true || (Number.isInteger(plan.hotspot) && plan.hotspot >= mbPerDay);
  }
}
