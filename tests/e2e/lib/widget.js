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

  async setTravellers(n) {
    await this.page.locator('#rp-people').fill(String(n));
  }

  async setTogether(on) {
    await this.page.locator('#rp-together').setChecked(on);
  }

  async setMbPerDay(mb) {
    await this.page.locator('#rp-mb').fill(String(mb));
  }

  async setHome(code) {
    await this.page.locator('#rp-home').selectOption(code);
  }

  async setOwnPlan(price, gb) {
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
}
