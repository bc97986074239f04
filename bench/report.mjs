// Last step of `scripts/bench.sh`: gzip sizes of the two builds, then one
// table on stdout (each figure, its budget, OK/MISSED) and
// bench/results/bench.json with everything measured.
//
// Usage: node bench/report.mjs --shipped-dist DIR --shipped-level z
//          --other-dist DIR --other-level s --results bench/results
//          --seconds N --load-before "a b c"
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const RESULTS = path.resolve(args.results ?? 'bench/results');
const KB = 1024;

// Budgets from issue 7.
const BUDGET = {
  engineHeadlineMedianUs: 5000,
  transferTotalBytes: 150 * KB,
  firstAnswerMedianMs: 250,
  recalcBuiltInP95Ms: 16,
  // Issue 12: the worst trip's answer follows the last keystroke within this.
  worstAnswerMs: 100,
  // Issue 14: on an emulated phone (Slow 4G + 4x CPU), the first answer's
  // median and the bytes transferred before it (brotli, as served).
  phoneFirstAnswerMs: 1200,
  transferTotalBrotliBytes: 125 * KB,
};

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
const engine = readJson(path.join(RESULTS, 'engine.json'));
const browser = readJson(path.join(RESULTS, 'browser.json'));

/** gzip -9 bytes of a file, with the gzip tool a web host would use. */
const gzipBytes = (file) => execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 1024 * 1024 }).length;

/**
 * The files a reader's browser needs for the first answer: the page, the
 * loader (boot-*.js, written by scripts/postbuild.mjs), the first-answer
 * module's JS glue and wasm (engine and catalogue, no Yew: src/first) and
 * the stylesheet. The widget's own glue and wasm load after it (`after`).
 */
function sizes(dist) {
  if (!dist || !fs.existsSync(dist)) return null;
  const names = fs.readdirSync(dist);
  const role = (name) => {
    if (name === 'index.html') return 'page (index.html)';
    if (/^boot-[0-9a-f]+\.js$/.test(name)) return 'loader (boot-*.js)';
    if (/^roamplan-first-[0-9a-f]+_bg\.wasm$/.test(name)) return 'first-answer wasm (engine, catalogue; no Yew)';
    if (/^roamplan-first-[0-9a-f]+\.js$/.test(name)) return 'first-answer JS glue';
    if (/\.css$/.test(name)) return 'stylesheet';
    return null;
  };
  const later = (name) => {
    if (/^roamplan-[0-9a-f]+_bg\.wasm$/.test(name)) return 'widget wasm (Yew app, engine, catalogue)';
    if (/^roamplan-[0-9a-f]+\.js$/.test(name)) return 'widget JS glue';
    if (/^boot-later-[0-9a-f]+\.js$/.test(name)) return 'engine client and page glue (boot-later-*.js)';
    return null;
  };
  const measure = (of) => names
    .filter((n) => of(n))
    .map((n) => {
      const file = path.join(dist, n);
      const br = fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : null;
      return { file: n, role: of(n), raw: fs.statSync(file).size, gzip: gzipBytes(file), br };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const files = measure(role);
  const after = measure(later);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const totalBr = files.every((f) => f.br != null) ? files.reduce((s, f) => s + f.br, 0) : null;
  const wasm = files.find((f) => f.file.endsWith('_bg.wasm'));
  const catalogueFile = path.join(dist, 'catalogue.json');
  const catalogue = fs.existsSync(catalogueFile)
    ? { file: 'catalogue.json', role: 'catalogue (reference copy, not loaded)', raw: fs.statSync(catalogueFile).size, gzip: gzipBytes(catalogueFile) }
    : null;
  return { files, after, total, totalBr, wasm: wasm ?? null, catalogue };
}

const shipped = sizes(args['shipped-dist']);
const other = sizes(args['other-dist']);
const shippedLevel = args['shipped-level'] ?? 'z';
const otherLevel = args['other-level'] ?? 's';

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

const rows = [];
const verdicts = [];
/** OK, or MISSED with how far over (in the figure's own unit, and in %). */
const verdict = (name, value, budget, format) => {
  if (value == null) return 'n/a';
  const ok = value <= budget;
  const over = value - budget;
  verdicts.push({ name, value, budget, ok, over: ok ? 0 : over, overPercent: ok ? 0 : Math.round((over / budget) * 100) });
  return ok ? 'OK' : `MISSED by ${format(over)} (+${Math.round((over / budget) * 100)}%)`;
};
const row = (what, value, budget = '', status = '') => rows.push([what, value, budget, status]);
const section = (title) => rows.push([`**${title}**`, '', '', '']);
const kb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / KB).toFixed(1)} KB`);
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} ms`);
const us = (x) => (x == null ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);
const mb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

section('Engine, native (cargo bench --bench engine, release profile)');
if (engine) {
  const h = engine.headline;
  row(
    'compute: 1,000 plans, 30 days/10 legs, 6 people — median (p90)',
    `${us(h.median_us)} (${us(h.p90_us)})`,
    `median ≤ ${us(BUDGET.engineHeadlineMedianUs)}`,
    verdict('engine headline median', h.median_us, BUDGET.engineHeadlineMedianUs, us),
  );
  const table = (kind, label, unit) =>
    engine.scaling
      .filter((c) => c.case === kind)
      .map((c) => `${c[label]}${unit}: ${us(c.median_us)}`)
      .join(' · ');
  row('  by plans (30 d, 6 p), median', table('plans', 'plans', ''));
  row('  by days (1,000 plans, 6 p), median', table('days', 'days', ' d'));
  row('  by travellers (1,000 plans, 30 d), median', table('people', 'people', ' p'));
  // The widget computes the answer on every change, then the usage chart's
  // 8 points with the lighter totals-only search, after the answer is shown
  // (src/ui/components/widget.rs): 9 full computes are an upper bound.
  const builtIn6 = engine.built_in.find((c) => c.people === 6);
  row(
    '  per change, upper bound: answer + 8 chart points as 9 full computes',
    `≈ ${us(9 * h.median_us)} (1,000 plans) · ≈ ${us(9 * (builtIn6?.median_us ?? 0))} (built-in), natively`,
  );
  for (const c of engine.built_in) {
    row(`  built-in catalogue (${c.plans} plans), 30 d, ${c.people} p — median (p90)`, `${us(c.median_us)} (${us(c.p90_us)})`);
  }
} else {
  row('engine results', 'missing (bench/results/engine.json)');
}

section(`Transfer size for the first answer (gzip -9), opt-level "${shippedLevel}" (shipped)`);
if (shipped) {
  for (const f of shipped.files) row(`  ${f.role}: ${f.file}`, `${kb(f.gzip)} (brotli ${kb(f.br)}, raw ${kb(f.raw)})`);
  row('total', kb(shipped.total), `≤ ${kb(BUDGET.transferTotalBytes)}`, verdict('transfer total (gzip)', shipped.total, BUDGET.transferTotalBytes, kb));
  row('total, brotli (the .br copies)', kb(shipped.totalBr), `≤ ${kb(BUDGET.transferTotalBrotliBytes)}`, verdict('transfer total (brotli)', shipped.totalBr, BUDGET.transferTotalBrotliBytes, kb));
  row('first-answer wasm alone', kb(shipped.wasm?.gzip));
  for (const f of shipped.after) row(`  after the first answer: ${f.role}: ${f.file}`, `${kb(f.gzip)} (brotli ${kb(f.br)}, raw ${kb(f.raw)})`);
  if (shipped.catalogue) row(`  ${shipped.catalogue.role}`, `${kb(shipped.catalogue.gzip)} (raw ${kb(shipped.catalogue.raw)})`);
}
if (other) {
  row(`opt-level "${otherLevel}" for comparison: total (wasm)`, `${kb(other.total)} (${kb(other.wasm?.gzip)})`);
  row(
    `"${shippedLevel}" vs "${otherLevel}"`,
    `${shipped.total <= other.total ? `"${shippedLevel}" smaller by` : `"${shippedLevel}" LARGER by`} ${kb(Math.abs(other.total - shipped.total))}`,
    '',
    `ships "${shippedLevel}"`,
  );
}

if (browser) {
  section(`Time to first answer, headless Chromium, ${browser.loads} cold loads (fresh context each)`);
  const cold = (label, r, budgeted) => {
    if (!r) return;
    row(
      `${label} — median (p90)`,
      `${ms(r.firstAnswerMs.median)} (${ms(r.firstAnswerMs.p90)})`,
      budgeted ? `median ≤ ${BUDGET.firstAnswerMedianMs} ms` : '',
      budgeted ? verdict(`first answer median: ${label}`, r.firstAnswerMs.median, BUDGET.firstAnswerMedianMs, ms) : '',
    );
  };
  cold('widget, 10-leg 6-person trip link', browser.coldLoad, true);
  // Issue 14: an emulated phone, the build served compressed.
  for (const [name, label] of [['slow-4g', 'Slow 4G + 4x CPU'], ['fast-4g', 'Fast 4G + 2x CPU']]) {
    const r = browser.phone?.[name];
    if (!r) continue;
    const budgeted = name === 'slow-4g';
    row(
      `phone 390x844, ${label}: first answer, median (p90) of ${r.firstAnswerMs.n}`,
      `${ms(r.firstAnswerMs.median)} (${ms(r.firstAnswerMs.p90)})`,
      budgeted ? `median ≤ ${BUDGET.phoneFirstAnswerMs} ms` : '',
      budgeted ? verdict(`phone first answer (${label})`, r.firstAnswerMs.median, BUDGET.phoneFirstAnswerMs, ms) : '',
    );
    row(
      `  bytes transferred before it (${r.encodings.join(', ') || 'uncompressed'})`,
      kb(r.bytesBeforeFirstAnswer.median),
      budgeted ? `≤ ${kb(BUDGET.transferTotalBrotliBytes)}` : '',
      budgeted ? verdict(`phone bytes before the first answer (${label})`, r.bytesBeforeFirstAnswer.median, BUDGET.transferTotalBrotliBytes, kb) : '',
    );
  }
  cold('widget, no settings (/)', browser.coldLoadDefault, true);
  if (browser.article) {
    cold('demo/article.html, widget in the iframe', browser.article, true);
    if (browser.article.scriptEmbedMs) {
      row(
        '  demo/article.html, script-mounted widget — median (p90)',
        `${ms(browser.article.scriptEmbedMs.median)} (${ms(browser.article.scriptEmbedMs.p90)})`,
      );
    }
  } else {
    row('demo/article.html', 'not in dist/: not measured');
  }
  if (browser.coldLoad?.resources?.length) {
    const last = Math.max(...browser.coldLoad.resources.map((r) => r.end));
    row('  all files fetched by', `${ms(last)} (then: compile, start-up, first render)`);
  }

  section(`Recalculation: first stop's days changed, input event → options updated (${browser.changes} changes)`);
  const recalc = (label, r, budgeted) => {
    if (!r) return;
    row(
      `${label} — p50 / p95 (next frame p95)`,
      `${ms(r.domMs.median)} / ${ms(r.domMs.p95)} (${ms(r.frameMs.p95)})`,
      budgeted ? `p95 ≤ ${BUDGET.recalcBuiltInP95Ms} ms` : '',
      budgeted ? verdict(`recalculation p95: ${label}`, r.domMs.p95, BUDGET.recalcBuiltInP95Ms, ms) : '',
    );
  };
  recalc('built-in catalogue, 10 legs, 6 people', browser.recalcBuiltIn, true);
  recalc('generated 1,000-plan catalogue (?catalogue=)', browser.recalcGenerated, false);
  if (browser.worstCase) {
    const plans = browser.worstCatalogue === '/bench-2000.json' ? '2,000' : '1,000';
    section(`Worst trip the form allows (20 stops, 120 days, 12 travellers), ${plans} plans: last keystroke → answer shown`);
    const worst = (label, r, budgeted) => {
      const answer = r.answerAfterLastKeyMs;
      row(
        `  ${label}: median (max), longest main-thread task`,
        `${ms(answer.median)} (${ms(answer.max)}), ${ms(r.longestTaskMs)}`,
        budgeted ? `median ≤ ${BUDGET.worstAnswerMs} ms` : '',
        budgeted ? verdict(`worst trip answer median: ${label}`, answer.median, BUDGET.worstAnswerMs, ms) : '',
      );
    };
    worst('engine worker', browser.worstCase, true);
    if (browser.worstCaseOnPage) worst('on the page (no worker)', browser.worstCaseOnPage, false);
  }

  section('Memory: wasm linear memory');
  row('after the first answer (trip link)', mb(browser.coldLoad?.memoryBytes));
  row(`after ${browser.changes + 10} recalculations, built-in catalogue`, mb(browser.recalcBuiltIn?.memoryAfterBytes));
  if (browser.recalcGenerated) row(`after ${browser.changes + 10} recalculations, 1,000-plan catalogue`, mb(browser.recalcGenerated.memoryAfterBytes));
} else {
  section('Browser');
  row('browser results', 'missing (bench/results/browser.json)');
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['figure', 'value', 'budget', 'status'][i].length));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  loadBefore: args['load-before'] ?? null,
  loadAfter: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  node: process.version,
};
console.log('');
console.log(`roamplan bench — ${new Date().toISOString()} — ${machine.cores} cores (${machine.cpu}), load ${machine.loadBefore ?? '?'} → ${machine.loadAfter}`);
console.log('');
console.log(line(['figure', 'value', 'budget', 'status']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
const missed = verdicts.filter((v) => !v.ok);
console.log('');
console.log(missed.length ? `budgets missed: ${missed.map((v) => v.name).join('; ')}` : 'every budget met');
if (args.seconds) console.log(`bench run time: ${args.seconds} s`);

const out = {
  date: new Date().toISOString(),
  machine,
  runSeconds: args.seconds ? Number(args.seconds) : null,
  budgets: BUDGET,
  verdicts,
  engine,
  sizes: { shippedLevel, shipped, otherLevel, other },
  browser,
};
fs.writeFileSync(path.join(RESULTS, 'bench.json'), JSON.stringify(out, null, 2));
console.log(`figures written to ${path.relative(process.cwd(), path.join(RESULTS, 'bench.json'))}`);
