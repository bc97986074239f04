//! Engine benchmark: how long `engine::compute` takes natively (release
//! profile) on a large generated catalogue and on the built-in one.
//!
//! Run with `cargo bench --bench engine` (or `bash scripts/bench.sh`, which
//! also measures the browser build). Prints a table, writes the figures to
//! `bench/results/engine.json` and the generated 1,000-plan catalogue to
//! `bench/results/generated-1000.json` (format 1, loaded by the browser part;
//! the end-to-end tests load the committed copy in `tests/e2e/fixtures`).
//!
//! No criterion: a plain `std::time::Instant` loop (warm-up, then many timed
//! runs, median and p90) is all these figures need, and criterion would add a
//! heavy dev-dependency tree (plotters, rayon, clap, ciborium…)
//! to every `cargo test` build of a project that otherwise has three
//! dev-dependencies. The numbers are for trend-watching, not for statistics.

#![allow(clippy::print_stdout)]

use roamplan::core::catalogue::{load_native, Catalogue, BUILT_IN_JSON};
use roamplan::core::country::CountryCode;
use roamplan::core::date::Date;
use roamplan::core::engine::{compute, compute_options, Answer, Request};
use roamplan::core::money::Currency;
use roamplan::core::trip::{Leg, Trip};
use serde_json::{json, Map, Value};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The headline budget for one `compute` (1,000 plans, 30 days, 6 people).
const HEADLINE_BUDGET_US: f64 = 5_000.0;
/// Warm-up before timing each case.
const WARM_UP: Duration = Duration::from_millis(150);
/// Time spent timing each case (at least `MIN_RUNS` runs, at most `MAX_RUNS`).
const MEASURE: Duration = Duration::from_millis(700);
const MIN_RUNS: usize = 30;
const MAX_RUNS: usize = 5_000;
/// Seed of the catalogue generator: the same catalogue on every run.
const SEED: u64 = 0x726f_616d_706c_616e; // "roamplan"

/// The trip the browser part measures too (`?trip=...&people=6`).
const ASIA_TRIP: [(&str, u32); 10] = [
    ("HK", 3),
    ("MO", 2),
    ("CN", 3),
    ("TW", 3),
    ("JP", 4),
    ("KR", 3),
    ("SG", 3),
    ("TH", 3),
    ("HK", 3),
    ("MO", 3),
];

// ---------------------------------------------------------------------------
// A deterministic pseudo-random catalogue
// ---------------------------------------------------------------------------

/// `SplitMix64`: tiny, fast, good enough to vary plans; not for cryptography.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0; the modulo bias is irrelevant here).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    /// A uniform amount in `0.00..n/100`, in hundredths.
    fn hundredths(&mut self, n: u32) -> f64 {
        f64::from(u32::try_from(self.next() % u64::from(n)).unwrap_or(0)) / 100.0
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The 40 countries plans are generated for.
const COUNTRIES: [&str; 40] = [
    "CN", "HK", "MO", "TW", "JP", "KR", "SG", "TH", "MY", "ID", "PH", "VN", "KH", "IN", "FR", "DE",
    "IT", "ES", "PT", "NL", "BE", "AT", "CH", "GB", "IE", "GR", "SE", "NO", "PL", "CZ", "TR", "US",
    "CA", "MX", "BR", "AU", "NZ", "AE", "ZA", "EG",
];

/// Named zones over those countries (format 1 `zones`).
const ZONES: [(&str, &[&str]); 7] = [
    ("GREATER_CHINA", &["CN", "HK", "MO", "TW"]),
    ("CN_HK_MO", &["CN", "HK", "MO"]),
    ("EAST_ASIA", &["CN", "HK", "MO", "TW", "JP", "KR"]),
    (
        "SOUTHEAST_ASIA",
        &["SG", "TH", "MY", "ID", "PH", "VN", "KH"],
    ),
    (
        "ASIA",
        &[
            "CN", "HK", "MO", "TW", "JP", "KR", "SG", "TH", "MY", "ID", "PH", "VN", "KH", "IN",
        ],
    ),
    (
        "EUROPE",
        &[
            "FR", "DE", "IT", "ES", "PT", "NL", "BE", "AT", "CH", "GB", "IE", "GR", "SE", "NO",
            "PL", "CZ", "TR",
        ],
    ),
    ("AMERICAS", &["US", "CA", "MX", "BR"]),
];

/// Currencies plans are priced in, with units per euro.
const CURRENCIES: [(&str, f64); 8] = [
    ("EUR", 1.0),
    ("USD", 1.08),
    ("HKD", 8.45),
    ("CNY", 8.2),
    ("JPY", 162.0),
    ("GBP", 0.85),
    ("SGD", 1.45),
    ("THB", 38.0),
];

const PROVIDERS: [&str; 10] = [
    "Airalo", "Holafly", "Nomad", "Ubigi", "CMHK", "CSL", "3HK", "Docomo", "Truemove", "Orange",
];

/// Rounds a euro amount converted to `rate` to two decimals (whole units
/// for currencies with small units, as their sellers price).
fn price_in(euros: f64, rate: f64) -> f64 {
    let amount = euros * rate;
    if rate >= 30.0 {
        amount.round().max(1.0)
    } else {
        ((amount * 100.0).round() / 100.0).max(0.01)
    }
}

/// One generated plan as format 1 JSON.
fn generated_plan(rng: &mut Rng, index: usize) -> Value {
    let mut plan = Map::new();
    plan.insert("id".into(), json!(format!("gen-{index:04}")));
    plan.insert("name".into(), json!(format!("Generated plan {index}")));
    plan.insert("provider".into(), json!(*rng.pick(&PROVIDERS)));

    // Coverage: one country, a few countries, a zone, or everywhere.
    let coverage: Vec<String> = match rng.below(100) {
        0..=34 => vec![(*rng.pick(&COUNTRIES)).to_owned()],
        35..=54 => {
            let mut some: Vec<String> = Vec::new();
            for _ in 0..2 + rng.below(3) {
                let c = (*rng.pick(&COUNTRIES)).to_owned();
                if !some.contains(&c) {
                    some.push(c);
                }
            }
            some
        }
        55..=89 => vec![format!("@{}", rng.pick(&ZONES).0)],
        _ => vec!["@GLOBAL".to_owned()],
    };
    let width = match coverage.first().map(String::as_str) {
        Some("@GLOBAL") => 3.0,
        Some(zone) if zone.starts_with('@') => 1.8,
        _ => 1.0,
    };
    plan.insert("coverage".into(), json!(coverage));

    // Kind: mostly eSIMs, some cards, a few roaming passes for GB lines.
    let kind = match rng.below(100) {
        0..=59 => "esim",
        60..=89 => "sim",
        _ => "roaming",
    };
    plan.insert("kind".into(), json!(kind));
    if kind == "roaming" {
        plan.insert("home".into(), json!("GB"));
        plan.insert("needs_activation".into(), json!(true));
    }

    let (currency, rate) = *rng.pick(&CURRENCIES);
    plan.insert("currency".into(), json!(currency));
    let day_billed = rng.chance(20);
    if day_billed {
        plan.insert("billing".into(), json!("day"));
        let euros = (1.0 + rng.hundredths(900)) * width;
        plan.insert("price".into(), json!(price_in(euros, rate)));
        if rng.chance(60) {
            plan.insert(
                "daily_mb".into(),
                json!(*rng.pick(&[512, 1024, 2048, 3072])),
            );
        }
    } else {
        plan.insert("billing".into(), json!("pass"));
        let validity = *rng.pick(&[1_u32, 3, 5, 7, 8, 10, 15, 30]);
        plan.insert("validity_days".into(), json!(validity));
        let capped = rng.chance(75);
        let gb = *rng.pick(&[1_u32, 2, 3, 5, 10, 20, 50]);
        if capped {
            plan.insert("data_mb".into(), json!(gb * 1024));
        }
        if !capped || rng.chance(15) {
            plan.insert(
                "daily_mb".into(),
                json!(*rng.pick(&[500, 1024, 2048, 5120])),
            );
        }
        let volume = if capped { f64::from(gb) } else { 15.0 };
        let euros =
            (2.0 + volume * (0.8 + rng.hundredths(300)) + f64::from(validity) * 0.3) * width;
        plan.insert("price".into(), json!(price_in(euros, rate)));
        if capped && rng.chance(30) {
            let topup_mb = *rng.pick(&[1024_u32, 3072, 5120]);
            let euros = f64::from(topup_mb / 1024) * (1.5 + rng.hundredths(300));
            plan.insert(
                "topup".into(),
                json!({ "data_mb": topup_mb, "price": price_in(euros, rate) }),
            );
        }
        if rng.chance(15) {
            let extra = price_in(1.0 + rng.hundredths(800), rate);
            plan.insert(
                "pool".into(),
                json!({ "max_lines": 2 + rng.below(9), "extra_line_price": extra }),
            );
        }
    }
    // Hotspot: unknown (absent), blocked, allowed, or capped per day.
    match rng.below(100) {
        0..=19 => {}
        20..=39 => {
            plan.insert("hotspot".into(), json!(false));
        }
        40..=74 => {
            plan.insert("hotspot".into(), json!(true));
        }
        _ => {
            plan.insert(
                "hotspot".into(),
                json!(*rng.pick(&[1024, 3072, 5120, 10240])),
            );
        }
    }
    if rng.chance(20) {
        plan.insert("real_name".into(), json!(true));
    }
    plan.insert("checked".into(), json!("2026-10-01"));
    plan.insert(
        "confidence".into(),
        json!(*rng.pick(&["observed", "partial", "unverified"])),
    );
    Value::Object(plan)
}

/// A format 1 catalogue of `plans` generated plans; the first `n` plans are
/// the same for every size, so the scaling table grows one catalogue.
fn generated_catalogue_json(plans: usize) -> Value {
    let mut rng = Rng(SEED);
    let mut rates = Map::new();
    for (code, rate) in CURRENCIES {
        rates.insert(code.into(), json!(rate));
    }
    let mut zones = Map::new();
    for (name, members) in ZONES {
        zones.insert(name.into(), json!(members));
    }
    zones.insert("GLOBAL".into(), json!(COUNTRIES.as_slice()));
    json!({
        "format": 1,
        "as_of": "2026-11-01",
        "rates_per_eur": rates,
        "zones": zones,
        "plans": (0..plans).map(|i| generated_plan(&mut rng, i)).collect::<Vec<_>>(),
    })
}

fn load(text: &str, what: &str) -> Result<Catalogue, String> {
    load_native(text)
        .map(|loaded| loaded.catalogue)
        .map_err(|problems| {
            let first: Vec<String> = problems.iter().take(5).map(|p| format!("{p:?}")).collect();
            format!(
                "{what} fails validation ({} problems): {}",
                problems.total(),
                first.join("; ")
            )
        })
}

// ---------------------------------------------------------------------------
// Trips
// ---------------------------------------------------------------------------

fn country(code: &str) -> Result<CountryCode, String> {
    CountryCode::parse(code).ok_or_else(|| format!("unknown country {code}"))
}

/// The 10-leg Asia trip with its days rescaled to `days` in all (each leg
/// keeps at least one day; the remainder goes to the first legs).
fn asia_trip(days: u32, people: u32) -> Result<Trip, String> {
    let legs = u32::try_from(ASIA_TRIP.len()).unwrap_or(10);
    let base_total: u32 = ASIA_TRIP.iter().map(|(_, d)| d).sum();
    let mut out = Vec::new();
    if days == base_total {
        for (code, d) in ASIA_TRIP {
            out.push(Leg {
                country: country(code)?,
                days: d,
            });
        }
    } else {
        let (each, extra) = (days / legs, days % legs);
        for (i, (code, _)) in (0..).zip(ASIA_TRIP) {
            out.push(Leg {
                country: country(code)?,
                days: (each + u32::from(i < extra)).max(1),
            });
        }
    }
    let mut trip = Trip::uniform(out, people, 1024, Date::new(2026, 12, 1).ok_or("bad date")?);
    trip.home = Some(country("GB")?);
    Ok(trip)
}

/// Family trips the widget answers on the page: the browser bench's trip
/// first.
const FAMILY_TRIPS: [(&str, &[(&str, u32)]); 5] = [
    (
        "HK 3 · JP 4 · HK 2 (the browser bench's)",
        &[("HK", 3), ("JP", 4), ("HK", 2)],
    ),
    (
        "HK 6 · JP 4 · HK 2 (its longest edit)",
        &[("HK", 6), ("JP", 4), ("HK", 2)],
    ),
    ("HK 7", &[("HK", 7)]),
    ("HK 14", &[("HK", 14)]),
    ("FR 5 · GB 3 · CH 2", &[("FR", 5), ("GB", 3), ("CH", 2)]),
];

/// Two adults at 2 GB a day with eSIM phones, two children at 300 MB
/// without, on `legs`.
fn family_trip(legs: &[(&str, u32)]) -> Result<Trip, String> {
    let legs = legs
        .iter()
        .map(|&(code, days)| {
            Ok(Leg {
                country: country(code)?,
                days,
            })
        })
        .collect::<Result<Vec<Leg>, String>>()?;
    let mut trip = Trip::uniform(legs, 4, 2048, Date::new(2026, 12, 1).ok_or("bad date")?);
    for child in &mut trip.travellers[2..] {
        child.mb_per_day = 300;
        child.esim = false;
    }
    Ok(trip)
}

/// 20 legs of 6 days over the Asia trip's countries (the form's limits),
/// 12 travellers.
fn worst_trip(mixed: bool) -> Result<Trip, String> {
    let mut legs = Vec::new();
    for i in 0..20 {
        let (code, _) = ASIA_TRIP[i % ASIA_TRIP.len()];
        legs.push(Leg {
            country: country(code)?,
            days: 6,
        });
    }
    let mut trip = Trip::uniform(legs, 12, 1024, Date::new(2026, 12, 1).ok_or("bad date")?);
    trip.home = Some(country("GB")?);
    if mixed {
        for (i, t) in trip.travellers.iter_mut().enumerate() {
            t.mb_per_day = [2048, 1024, 500, 300][i % 4];
            t.esim = i % 2 == 0;
        }
    }
    Ok(trip)
}

// ---------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------

struct Timing {
    median_us: f64,
    p90_us: f64,
    min_us: f64,
    runs: usize,
    options: usize,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn time_compute(catalogue: &Catalogue, trip: &Trip, currency: Currency, today: Date) -> Timing {
    time_with(compute, catalogue, trip, currency, today)
}

/// Times `engine` (the whole answer, or its options without carrier hints,
/// as the engine worker sends them first).
fn time_with(
    engine: fn(Request<'_>) -> Answer,
    catalogue: &Catalogue,
    trip: &Trip,
    currency: Currency,
    today: Date,
) -> Timing {
    let request = Request {
        catalogue,
        trip,
        currency,
        today,
    };
    let run = || -> Answer { engine(black_box(request)) };
    let answer = run();
    let warm_until = Instant::now() + WARM_UP;
    while Instant::now() < warm_until {
        black_box(run());
    }
    let mut samples: Vec<f64> = Vec::new();
    let start = Instant::now();
    while samples.len() < MAX_RUNS && (samples.len() < MIN_RUNS || start.elapsed() < MEASURE) {
        let t = Instant::now();
        black_box(run());
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    samples.sort_by(f64::total_cmp);
    Timing {
        median_us: percentile(&samples, 50.0),
        p90_us: percentile(&samples, 90.0),
        min_us: samples.first().copied().unwrap_or(0.0),
        runs: samples.len(),
        options: answer.options.len(),
    }
}

fn timing_json(label: &str, plans: usize, days: u32, people: u32, t: &Timing) -> Value {
    json!({
        "case": label, "plans": plans, "days": days, "people": people,
        "median_us": round1(t.median_us), "p90_us": round1(t.p90_us), "min_us": round1(t.min_us),
        "runs": t.runs, "options": t.options,
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn row(label: &str, t: &Timing) {
    println!(
        "| {label:<38} | {:>10.1} | {:>10.1} | {:>6} | {:>7} |",
        t.median_us, t.p90_us, t.runs, t.options
    );
}

fn header(title: &str) {
    println!();
    println!("{title}");
    println!(
        "| {:<38} | {:>10} | {:>10} | {:>6} | {:>7} |",
        "case", "median µs", "p90 µs", "runs", "options"
    );
    println!(
        "|{:-<40}|{:->12}|{:->12}|{:->8}|{:->9}|",
        "", "", "", "", ""
    );
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let results = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/results");
    let today = Date::new(2026, 11, 23).ok_or("bad date")?;
    let eur = Currency::EUR;
    let hkd = Currency::parse("HKD").ok_or("bad currency")?;

    // The generated catalogues, validated exactly as a blog owner's would be.
    let mut catalogues: Vec<(usize, Catalogue)> = Vec::new();
    let mut generated_1000 = String::new();
    for plans in [100, 250, 500, 1000, 2000] {
        let text = generated_catalogue_json(plans).to_string();
        let catalogue = load(&text, &format!("generated {plans}-plan catalogue"))?;
        if plans == 1000 {
            generated_1000 = text;
        } else if plans == 2000 {
            // The browser bench's worst trip runs on this one.
            write(&results.join("generated-2000.json"), &text)?;
        }
        catalogues.push((plans, catalogue));
    }
    let file = results.join("generated-1000.json");
    write(&file, &generated_1000)?;
    // The end-to-end tests load a committed copy (CI does not run this
    // bench); say so when the generator has moved on from it.
    let fixture = Path::new("tests/e2e/fixtures/generated-1000.json");
    if std::fs::read_to_string(fixture).ok().as_deref() != Some(generated_1000.as_str()) {
        eprintln!(
            "note: {} differs from the generated catalogue; copy {} over it",
            fixture.display(),
            file.display()
        );
    }
    let by_size = |n: usize| -> Result<&Catalogue, String> {
        catalogues
            .iter()
            .find(|(p, _)| *p == n)
            .map(|(_, c)| c)
            .ok_or_else(|| format!("no {n}-plan catalogue"))
    };
    let c1000 = by_size(1000)?;
    println!(
        "engine bench: generated 1,000-plan catalogue written to {} ({} bytes)",
        file.display(),
        generated_1000.len()
    );

    let mut json_cases: Vec<Value> = Vec::new();

    // Family trips on the built-in catalogue: the widget's everyday work,
    // regrouping at every day boundary included.
    let built_in = load(BUILT_IN_JSON, "built-in catalogue")?;
    header(
        "Built-in catalogue, family trips (two adults 2 GB with eSIM, two children 300 MB without)",
    );
    let mut family_json = Vec::new();
    // `ROAMPLAN_FAMILY=HK 6` times only the trips whose label starts so.
    let only = std::env::var("ROAMPLAN_FAMILY").unwrap_or_default();
    for (label, legs) in FAMILY_TRIPS.iter().filter(|(l, _)| l.starts_with(&only)) {
        let t = time_compute(&built_in, &family_trip(legs)?, hkd, today);
        row(label, &t);
        family_json.push(
            json!({ "trip": label, "median_us": round1(t.median_us), "p90_us": round1(t.p90_us) }),
        );
    }
    if std::env::var("ROAMPLAN_BENCH_ONLY").is_ok_and(|v| v == "family") {
        return Ok(());
    }

    // The worst trip the form allows: 20 legs, 120 days, 12 travellers, on
    // the 2,000-plan catalogue; once with everyone alike, once with four
    // kinds of traveller (2 GB / 1 GB / 500 MB / 300 MB, half without eSIM).
    header("Worst case: 2,000 plans, 20 legs / 120 days, 12 travellers");
    let c2000 = by_size(2000)?;
    let worst_alike = worst_trip(false)?;
    let worst_mixed = worst_trip(true)?;
    // `ROAMPLAN_BENCH_ONLY=worst-answer` times only the answer (profiling).
    if std::env::var("ROAMPLAN_BENCH_ONLY").is_ok_and(|v| v == "worst-answer") {
        let alike_first = time_with(compute_options, c2000, &worst_alike, eur, today);
        row("12 alike, answer before hints", &alike_first);
        return Ok(());
    }
    let alike = time_compute(c2000, &worst_alike, eur, today);
    row("12 alike", &alike);
    let alike_first = time_with(compute_options, c2000, &worst_alike, eur, today);
    row("12 alike, answer before hints", &alike_first);
    let mixed = time_compute(c2000, &worst_mixed, eur, today);
    row("12 of 4 kinds", &mixed);
    let worst_json = json!({
        "alike": timing_json("worst-alike", 2000, 120, 12, &alike),
        "alike_answer_first": timing_json("worst-alike-answer-first", 2000, 120, 12, &alike_first),
        "mixed": timing_json("worst-mixed", 2000, 120, 12, &mixed),
    });
    if std::env::var("ROAMPLAN_BENCH_ONLY").is_ok_and(|v| v == "worst") {
        return Ok(());
    }

    // Headline.
    let trip = asia_trip(30, 6)?;
    let headline = time_compute(c1000, &trip, eur, today);
    header(
        "Headline: one compute, 1,000 plans, 30 days / 10 legs, 6 travellers together, 1 GB/day",
    );
    row("1000 plans · 30 days · 6 people", &headline);
    let ok = headline.median_us <= HEADLINE_BUDGET_US;
    println!(
        "headline median {:.1} µs (p90 {:.1} µs), budget {:.0} µs: {}",
        headline.median_us,
        headline.p90_us,
        HEADLINE_BUDGET_US,
        if ok { "OK" } else { "MISSED" }
    );
    let headline_json = timing_json("headline", 1000, 30, 6, &headline);

    header("Scaling with plans (30 days, 6 people)");
    for (plans, catalogue) in &catalogues {
        let t = time_compute(catalogue, &trip, eur, today);
        row(&format!("{plans} plans"), &t);
        json_cases.push(timing_json("plans", *plans, 30, 6, &t));
    }

    header("Scaling with days (1,000 plans, 6 people, 10 legs)");
    for days in [10, 30, 60, 90, 120] {
        let t = time_compute(c1000, &asia_trip(days, 6)?, eur, today);
        row(&format!("{days} days"), &t);
        json_cases.push(timing_json("days", 1000, days, 6, &t));
    }

    header("Scaling with travellers (1,000 plans, 30 days)");
    for people in [1, 2, 4, 6, 12] {
        let t = time_compute(c1000, &asia_trip(30, people)?, eur, today);
        row(&format!("{people} travellers"), &t);
        json_cases.push(timing_json("people", 1000, 30, people, &t));
    }

    header("Built-in catalogue, same Asia trip (HKD)");
    let mut built_in_json = Vec::new();
    for people in [1, 6] {
        let t = time_compute(&built_in, &asia_trip(30, people)?, hkd, today);
        row(
            &format!("{} plans · 30 days · {people} people", built_in.plans.len()),
            &t,
        );
        built_in_json.push(timing_json(
            "built-in",
            built_in.plans.len(),
            30,
            people,
            &t,
        ));
    }
    // What one recalculation costs in the widget: the answer plus the usage
    // chart's 8 grid points, each a full compute (src/ui/components/widget.rs).
    println!();
    println!(
        "note: the widget runs compute 9 times per change (answer + 8-point usage chart): \
         ≈ {:.0} µs natively on 1,000 plans, ≈ {:.0} µs on the built-in catalogue",
        headline.median_us * 9.0,
        built_in_json
            .last()
            .and_then(|v| v["median_us"].as_f64())
            .unwrap_or(0.0)
            * 9.0
    );

    let out = json!({
        "headline": headline_json,
        "headline_budget_us": HEADLINE_BUDGET_US,
        "headline_ok": ok,
        "scaling": json_cases,
        "built_in": built_in_json,
        "worst": worst_json,
        "family": family_json,
        "generated_catalogue": { "file": "bench/results/generated-1000.json", "bytes": generated_1000.len(), "seed": format!("{SEED:#x}") },
    });
    write(
        &results.join("engine.json"),
        &serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?,
    )?;
    Ok(())
}

fn main() {
    if let Err(message) = run() {
        eprintln!("engine bench failed: {message}");
        std::process::exit(1);
    }
}
