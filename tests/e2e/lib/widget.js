// Page object: what a reader does with the widget, in words.
export class Widget {
  constructor(page) {
    this.page = page;
  }

  /** Waits until the widget shows an answer (options or no-option). */
  async ready() {
    await this.page.waitForSelector('[data-testid="option"], [data-testid="no-option"]');
  }

  legRows() {
    return this.page.locator('li.rp-leg');
  }

  /** Sets stop `index` (0-based) to a country (name or code) and days. */
  async setLeg(index, country, days) {
    const row = this.legRows().nth(index);
    await row.locator('input[list]').fill(country);
    await row.locator('input[inputmode="numeric"]').fill(String(days));
  }

  async addLeg() {
    await this.page.locator('button.rp-add').click();
  }

  /** Makes the trip exactly these stops: [['HK', 3], ['CN', 4]]. */
  async setTrip(stops) {
    while ((await this.legRows().count()) < stops.length) await this.addLeg();
    while ((await this.legRows().count()) > stops.length) {
      await this.legRows().last().locator('button.rp-icon').last().click();
    }
    for (const [i, [country, days]] of stops.entries()) await this.setLeg(i, country, days);
  }

  travellerRows() {
    return this.page.locator('li.rp-traveller');
  }

  /** Makes the group `n` travellers (copies of the last one). */
  async setTravellers(n) {
    while ((await this.travellerRows().count()) < n) {
      await this.page.locator('#rp-add-traveller').click();
    }
    while ((await this.travellerRows().count()) > n) {
      await this.travellerRows().last().locator('.rp-traveller-remove').click();
    }
  }

  /** Sets traveller `index` (0-based): MB a day, and whether the phone takes an eSIM. */
  async setTraveller(index, mb, esim = 'yes') {
    const row = this.travellerRows().nth(index);
    await row.locator('.rp-traveller-unit').selectOption('mb');
    await row.locator('.rp-traveller-mb').fill(String(mb));
    await row.locator('.rp-traveller-esim').selectOption(esim === true ? 'yes' : esim === false ? 'no' : esim);
  }

  /** The travellers as typed: [{ mb, unit, esim }]. */
  async travellerValues() {
    return this.travellerRows().evaluateAll((rows) =>
      rows.map((r) => ({
        mb: r.querySelector('.rp-traveller-mb').value,
        unit: r.querySelector('.rp-traveller-unit').value,
        esim: r.querySelector('.rp-traveller-esim').value,
      })),
    );
  }

  async setTogether(on) {
    await this.page.locator('#rp-together').setChecked(on);
  }

  /** Sets every traveller's data a day, in MB. */
  async setMbPerDay(mb) {
    const n = await this.travellerRows().count();
    for (let i = 0; i < n; i++) {
      const row = this.travellerRows().nth(i);
      await row.locator('.rp-traveller-unit').selectOption('mb');
      await row.locator('.rp-traveller-mb').fill(String(mb));
    }
  }

  async setHome(code) {
    await this.page.locator('#rp-home').selectOption(code);
  }

  /** Picks the home carrier ('' = I don't know, 'other' = another carrier). */
  async setCarrier(name) {
    await this.page.locator('#rp-carrier').selectOption(name);
  }

  /** Picks the own plan by catalogue id. */
  async pickPlan(id) {
    await this.page.locator('#rp-own-plan').selectOption(id);
  }

  /** Describes another plan by price and domestic GB (EU/EEA homes). */
  async setOwnPlan(price, gb) {
    await this.page.locator('#rp-own-plan').selectOption('custom');
    await this.page.locator('#rp-own-price').fill(String(price));
    await this.page.locator('#rp-own-gb').fill(gb == null ? '' : String(gb));
  }

  async setCurrency(code) {
    await this.page.locator('#rp-currency').selectOption(code);
  }

  async setLanguage(code) {
    await this.page.locator('#rp-lang').selectOption(code);
  }

  /** The ranked options as the test hooks describe them. */
  async options() {
    await this.ready();
    return this.page.locator('[data-testid="option"]').evaluateAll((nodes) =>
      nodes.map((n) => ({
        totalMinor: Number(n.dataset.totalMinor),
        currency: n.dataset.currency,
        strategy: n.dataset.strategy,
        plans: n.dataset.plans.split(','),
        reasons: (n.dataset.reasons || '').split(' ').filter(Boolean),
        text: n.innerText,
      })),
    );
  }

  async best() {
    return (await this.options())[0];
  }

  /** Waits until the best option's total changes from `before`. */
  async bestChangedFrom(before) {
    await this.page.waitForFunction(
      (b) => document.querySelector('[data-testid="option"]')?.dataset.totalMinor !== String(b),
      before,
    );
    return this.best();
  }

  async uncovered() {
    const el = this.page.locator('[data-testid="no-option"]');
    await el.waitFor();
    return (await el.getAttribute('data-uncovered')).split(',');
  }

  async question(id) {
    return this.page.locator(`#rp-q-${id}`).innerText();
  }

  /** The paragraphs of one answer (`borders`, `family`, `own`), as written. */
  async questionLines(id) {
    return this.page.locator(`#rp-q-${id} p`).evaluateAll((ps) => ps.map((p) => p.textContent));
  }

  /** Waits until an answer has a paragraph for which `test(text)` holds; returns all its lines. */
  async waitForQuestionLine(id, source) {
    await this.page.waitForFunction(
      ([qid, src]) => [...document.querySelectorAll(`#rp-q-${qid} p`)].some((p) => new RegExp(src).test(p.textContent)),
      [id, source],
    );
    return this.questionLines(id);
  }

  /** The best option's blocks of days: [{ first, last, plan }] (days 1-based, plan as named). */
  async bestBlocks() {
    await this.ready();
    return this.page.locator('[data-testid="option"]').first().locator('.rp-block').evaluateAll((items) =>
      items.map((li) => {
        const [first, last = first] = li.querySelector('.rp-days').textContent.match(/\d+/g).map(Number);
        return { first, last, plan: li.querySelector('.rp-plan-name').textContent };
      }),
    );
  }

  async setStart(date) {
    await this.page.locator('#rp-start').fill(date);
  }

  /** Waits for the "n days in all" line to read `text`. */
  async waitForTripLength(text) {
    await this.page.locator('.rp-trip .rp-row .rp-muted', { hasText: text }).waitFor();
  }

  async openEstimator() {
    await this.page.locator('.rp-disclosure').click();
    await this.page.locator('#rp-estimator').waitFor();
  }

  async title() {
    return this.page.locator('.rp h1').textContent();
  }

  /** The countries and days of each stop as they read in the form. */
  async legValues() {
    return this.legRows().evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('input[list]').value, r.querySelector('input[inputmode="numeric"]').value]),
    );
  }

  /** Opens a section that opens on demand (`.rp-browser`, `.rp-share`, `.rp-chart`). */
  async openFold(selector) {
    const fold = this.page.locator(`details.rp-fold${selector}`);
    if (!(await fold.evaluate((d) => d.open))) await fold.locator('summary').click();
  }

  /** Opens the plan browser's whole list when it shows only the first plans. */
  async showAllPlans() {
    await this.openFold('.rp-browser');
    const more = this.page.locator('.rp-browser button[aria-controls][aria-expanded="false"]');
    if (await more.count()) {
      await more.click();
      await this.page.locator('.rp-browser button[aria-controls][aria-expanded="true"]').waitFor();
    }
  }

  /** The plan browser's whole list: [{ id, covers }] with the "works in" text as shown. */
  async browserPlans() {
    await this.showAllPlans();
    return this.page.locator('.rp-plans > li[data-plan-id]').evaluateAll((items) =>
      items.map((li) => ({ id: li.dataset.planId, covers: [...li.querySelectorAll('.rp-terms dd')].at(-1).textContent })),
    );
  }

  /**
   * Presses Tab (Shift+Tab when `backwards`) until the focused element matches
   * `selector`; fails when it is not reached within `max` presses.
   */
  async tabTo(selector, { backwards = false, max = 60 } = {}) {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      if (await this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i + 1;
    }
    throw new Error(`${selector} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
  }

  /** An amount as the browser's Intl writes it for `locale` (what the widget must show). */
  async intlMoney(locale, minor, currency) {
    return this.page.evaluate(
      ([l, m, c]) => new Intl.NumberFormat(l, { style: 'currency', currency: c }).format(m / 100),
      [locale, minor, currency],
    );
  }

  /** A number with at most `maxFraction` decimals as Intl writes it for `locale`. */
  async intlNumber(locale, value, maxFraction) {
    return this.page.evaluate(
      ([l, v, f]) => new Intl.NumberFormat(l, { maximumFractionDigits: f }).format(v),
      [locale, value, maxFraction],
    );
  }

  /** A country's name as Intl writes it for `locale`. */
  async intlRegion(locale, code) {
    return this.page.evaluate(([l, c]) => new Intl.DisplayNames([l], { type: 'region' }).of(c), [locale, code]);
  }

  async filterBrowserByCountry(code) {
    await this.openFold('.rp-browser');
    await this.page.locator('#rp-filter-country').selectOption(code);
  }
}
