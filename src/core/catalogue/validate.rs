//! Reads a catalogue's JSON tree into typed plans, collecting every problem:
//! errors (the file breaks the contract and is not used) and advisories
//! (evidence and dates worth the author's attention; the file is used).

use super::evidence::{is_home_page, is_web_address, quote_contains_price};
use super::{
    Billing, Buyers, Catalogue, Confidence, Evidence, Expected, Hotspot, Inclusion, Issue,
    Megabytes, Plan, PlanKind, Pool, Problem, Problems, Provenance, Severity, Topup,
};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::json::{Json, JsonError};
use crate::core::lang::{Lang, LocalizedText};
use crate::core::money::{decimal_to_minor, has_at_most_decimals, Currency, Money, Rates};
use std::collections::BTreeSet;

/// Largest catalogue file accepted: ten times the built-in one, far more than
/// any blog needs, small enough to parse in a blink on a phone.
pub const MAX_CATALOGUE_BYTES: usize = 2 * 1024 * 1024;

/// Months after which a `checked` or `seen` date is old, counted back from
/// `as_of`, when the catalogue does not set `stale_after_months`.
pub const DEFAULT_STALE_AFTER_MONTHS: u32 = 12;

/// Days of a home plan's month: its allowances renew every 30 days of a trip.
pub const HOME_PLAN_DAYS: u32 = 30;

const KINDS: &[&str] = &["esim", "sim", "roaming", "plan"];
const BILLINGS: &[&str] = &["pass", "day"];
const CONFIDENCES: &[&str] = &["observed", "partial", "unverified"];
const BUYERS: &[&str] = &["anyone", "residents", "customers"];

/// Largest amount of data anywhere in a plan (a million terabytes).
const MAX_MEGABYTES: u64 = 1_000_000_000_000;
const MAX_MEGABYTES_F64: f64 = 1e12;
/// Largest price, as written: below 2^53 hundredths, where doubles stop
/// holding every whole number.
const MAX_AMOUNT: &str = "90071992547409.91";
/// The range `Rates` converts with (micro-units from 1 to 9 x 10^15).
const MIN_RATE: &str = "0.000001";
const MAX_RATE: &str = "9000000000";

/// Everything validation found: the plans that read without errors (all of
/// them when `errors` is empty) and the problems, each list kept to the
/// first `keep` in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    /// The catalogue, with only the plans that read cleanly.
    pub catalogue: Catalogue,
    /// Problems that make the file unusable.
    pub errors: Problems,
    /// Problems worth the author's attention that do not.
    pub advisories: Problems,
}

impl Validation {
    /// Whether the catalogue may be used: no errors at all.
    pub fn is_usable(&self) -> bool {
        self.errors.total() == 0
    }
}

/// A catalogue that may be used, with its advisories.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The catalogue.
    pub catalogue: Catalogue,
    /// The first [`Problems::SHOWN`] advisories, and how many more.
    pub advisories: Problems,
}

/// Loads a catalogue file's text: size check, JSON parsing by `parse_json`
/// (the browser's or `serde_json`), then validation. `today`, when known,
/// also dates the "in the future" advisories. `Err` holds the errors (the
/// first [`Problems::SHOWN`]) and only comes when there is at least one.
pub fn load(
    text: &str,
    today: Option<Date>,
    parse_json: impl FnOnce(&str) -> Result<Json, JsonError>,
) -> Result<Loaded, Problems> {
    into_result(validate_text(text, today, Problems::SHOWN, parse_json))
}

/// Validates a parsed catalogue, as [`load`] does after parsing.
pub fn from_json(json: &Json, today: Option<Date>) -> Result<Loaded, Problems> {
    into_result(validate(json, today, Problems::SHOWN))
}

fn into_result(validation: Validation) -> Result<Loaded, Problems> {
    if validation.is_usable() {
        Ok(Loaded {
            catalogue: validation.catalogue,
            advisories: validation.advisories,
        })
    } else {
        Err(validation.errors)
    }
}

/// Validates catalogue text, keeping up to `keep` errors and `keep`
/// advisories (`usize::MAX`: all of them, as the maintainer's report does).
pub fn validate_text(
    text: &str,
    today: Option<Date>,
    keep: usize,
    parse_json: impl FnOnce(&str) -> Result<Json, JsonError>,
) -> Validation {
    let unreadable = |issue: Issue| Validation {
        catalogue: Catalogue::default(),
        errors: Problems {
            shown: vec![file_problem(issue)],
            more: 0,
        },
        advisories: Problems::default(),
    };
    if text.len() > MAX_CATALOGUE_BYTES {
        return unreadable(Issue::TooLarge {
            bytes: text.len(),
            limit: MAX_CATALOGUE_BYTES,
        });
    }
    match parse_json(text) {
        Ok(json) => validate(&json, today, keep),
        Err(JsonError::TooDeep { limit }) => unreadable(Issue::TooDeep { limit }),
        Err(JsonError::Invalid(detail)) => unreadable(Issue::NotJson { detail }),
    }
}

fn file_problem(issue: Issue) -> Problem {
    Problem {
        plan: None,
        field: String::new(),
        issue,
    }
}

/// Where found problems go: the first `keep` of each severity, and a count
/// of the rest (a file of a quarter of a million broken plans must neither
/// fill the memory nor take long).
struct Sink {
    keep: usize,
    errors: Problems,
    advisories: Problems,
}

impl Sink {
    fn list(&mut self, severity: Severity) -> &mut Problems {
        match severity {
            Severity::Error => &mut self.errors,
            Severity::Advisory => &mut self.advisories,
        }
    }

    fn has_room(&self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.errors.shown.len() < self.keep,
            Severity::Advisory => self.advisories.shown.len() < self.keep,
        }
    }

    fn take(&mut self, fields: Fields<'_>) {
        let keep = self.keep;
        for problem in fields.problems {
            let list = self.list(problem.severity());
            if list.shown.len() < keep {
                list.shown.push(problem);
            } else {
                list.more += 1;
            }
        }
        self.errors.more += fields.dropped.errors;
        self.advisories.more += fields.dropped.advisories;
    }

    /// What a reader of one plan should still record in full.
    fn room(&self) -> Room {
        Room {
            errors: self.has_room(Severity::Error),
            advisories: self.has_room(Severity::Advisory),
        }
    }
}

/// Whether problems of each severity are still recorded in full, or only
/// counted.
#[derive(Clone, Copy)]
struct Room {
    errors: bool,
    advisories: bool,
}

#[derive(Clone, Copy, Default)]
struct Dropped {
    errors: usize,
    advisories: usize,
}

/// What every plan is read against.
struct Context<'a> {
    rates: &'a Rates,
    zones: ZoneMap<'a>,
    as_of: Option<Date>,
    today: Option<Date>,
    stale_after_months: u32,
}

/// Validates a parsed catalogue. Every problem is found, not just the first;
/// up to `keep` of each severity are kept.
pub fn validate(json: &Json, today: Option<Date>, keep: usize) -> Validation {
    let mut sink = Sink {
        keep,
        errors: Problems::default(),
        advisories: Problems::default(),
    };
    let mut top = Fields::new(json, None, String::new(), sink.room());
    let unusable = |mut sink: Sink, top: Fields<'_>| {
        sink.take(top);
        Validation {
            catalogue: Catalogue::default(),
            errors: sink.errors,
            advisories: sink.advisories,
        }
    };
    if !matches!(json, Json::Object(_)) {
        top.wrong_type("", Expected::Object, json);
        return unusable(sink, top);
    }
    match json.get("format") {
        Some(Json::Number(n)) if (*n - 1.0).abs() < f64::EPSILON => {}
        other => {
            let found = match other {
                None => String::new(),
                Some(Json::Number(n)) => echo_number(*n),
                Some(Json::String(s)) => format!("\"{s}\""),
                Some(v) => v.type_name().to_owned(),
            };
            // Another format may mean anything: say so and read no further.
            top.report("format", Issue::UnknownFormat { found });
            return unusable(sink, top);
        }
    }
    let as_of = top.optional_date("as_of");
    let rates = top.rates();
    let rates_source = top.optional_web_address("rates_source");
    let rates_date = top.optional_date("rates_date");
    let stale_after_months = top.optional_u32("stale_after_months", 1);
    let zones = top.zones();
    let plans_json = json.get("plans");
    match plans_json {
        Some(Json::Array(items)) if items.is_empty() => top.report("plans", Issue::NoPlans),
        Some(Json::Array(_)) => {}
        Some(other) => top.wrong_type("plans", Expected::List, other),
        None => top.report("plans", Issue::Missing),
    }
    sink.take(top);

    let context = Context {
        rates: &rates,
        zones: ZoneMap(&zones),
        as_of,
        today,
        stale_after_months: stale_after_months.unwrap_or(DEFAULT_STALE_AFTER_MONTHS),
    };
    let mut plans = Vec::new();
    if let Some(Json::Array(items)) = plans_json {
        let mut seen = BTreeSet::new();
        for (index, item) in items.iter().enumerate() {
            let (plan, fields) = read_plan(item, index, &context, &mut seen, sink.room());
            sink.take(fields);
            plans.extend(plan);
        }
    }

    Validation {
        catalogue: Catalogue {
            as_of,
            rates,
            zones,
            plans,
            rates_source,
            rates_date,
            stale_after_months,
        },
        errors: sink.errors,
        advisories: sink.advisories,
    }
}

fn read_plan<'a>(
    item: &'a Json,
    index: usize,
    context: &Context<'_>,
    seen_ids: &mut BTreeSet<String>,
    room: Room,
) -> (Option<Plan>, Fields<'a>) {
    let position = format!("#{}", index + 1);
    let usable_id = match item.get("id") {
        Some(Json::String(id)) if is_valid_id(id) => Some(id.clone()),
        _ => None,
    };
    // A plan is named by its id; a second plan with the same id also by its
    // position, so the blog owner can tell the two apart.
    let label = match usable_id {
        Some(id) if seen_ids.contains(&id) => format!("{id} {position}"),
        Some(id) => id,
        None => position,
    };
    let mut f = Fields::new(item, Some(label), String::new(), room);
    if !matches!(item, Json::Object(_)) {
        f.wrong_type("", Expected::Object, item);
        return (None, f);
    }

    let id = f.required_text("id");
    if let Some(id) = &id {
        if !is_valid_id(id) {
            f.report("id", Issue::BadId);
        } else if !seen_ids.insert(id.clone()) {
            f.report("id", Issue::DuplicateId);
        }
    }
    let name = f.localized("name");
    let provider_name = f.localized("provider");
    let kind = f.required_word("kind", KINDS).map(|k| match k {
        "sim" => PlanKind::Sim,
        "roaming" => PlanKind::Roaming,
        "plan" => PlanKind::HomePlan,
        _ => PlanKind::Esim,
    });
    let home = f.optional_country("home");
    if f.get("home").is_none() {
        match kind {
            Some(PlanKind::Roaming) => f.report("home", Issue::RoamingWithoutHome),
            Some(PlanKind::HomePlan) => f.report("home", Issue::HomePlanWithoutHome),
            _ => {}
        }
    }
    let home_plan = kind == Some(PlanKind::HomePlan);
    // A home plan works at home unless it says otherwise.
    let (coverage, coverage_as_written) = match (home_plan, f.get("coverage"), home) {
        (true, None, Some(home)) => (vec![home], vec![home.as_str().to_owned()]),
        (true, None, None) => (Vec::new(), Vec::new()),
        _ => f.coverage("coverage", &context.zones),
    };
    let currency = f.currency("currency", context.rates);
    let price = f.amount("price", currency, Amount::Positive);
    let billing = if home_plan {
        f.home_plan_billing()
    } else {
        f.billing(kind.is_some())
    };
    let data_mb = f.optional_megabytes("data_mb");
    if !home_plan && billing == Some(Billing::Day) && f.get("data_mb").is_some() {
        f.report("data_mb", Issue::DataWithDayBilling);
    }
    let daily_mb = f.optional_megabytes("daily_mb");
    let hotspot = f.hotspot("hotspot");
    let pool = f.pool("pool", currency);
    let topup = f.topup("topup", currency);
    let confidence = f.optional_word("confidence", CONFIDENCES).map(|c| match c {
        "observed" => Confidence::Observed,
        "partial" => Confidence::Partial,
        _ => Confidence::Unverified,
    });
    let provenance = Provenance {
        source: f.optional_text("source"),
        evidence: f.evidence("evidence"),
        buy_url: f.optional_web_address("buy_url"),
        checked: f.optional_date("checked"),
        notes: f
            .get("notes")
            .is_some()
            .then(|| f.localized("notes"))
            .flatten(),
        sold_at: f
            .get("sold_at")
            .is_some()
            .then(|| f.localized("sold_at"))
            .flatten(),
        confidence,
    };
    let buyers = f.buyers(kind, home);
    let carriers = f.carriers("carriers");
    let contract_months = f.optional_u32("contract_months", 1);
    let cards = f.cards();
    let breakout = f.optional_country("breakout");
    let roaming = f.inclusions("roaming", kind, &context.zones);
    let needs_activation = f.optional_bool("needs_activation");
    let real_name = f.optional_bool("real_name");

    f.check_evidence(&provenance, price);
    f.check_dates(&provenance, context);

    if f.errors > 0 {
        return (None, f);
    }
    let plan = (|| {
        let currency = currency?;
        let provider_name = provider_name?;
        let provider = provider_name.get(Lang::En).to_owned();
        Some(Plan {
            id: id?,
            name: name?,
            carriers: carriers.unwrap_or_else(|| vec![provider.clone()]),
            provider,
            provider_name,
            kind: kind?,
            home,
            buyers: buyers?,
            contract_months,
            cards,
            breakout,
            roaming,
            coverage,
            coverage_as_written,
            price: Money::new(price?, currency),
            billing: billing?,
            data_mb,
            daily_mb,
            hotspot,
            pool,
            topup,
            provenance,
            needs_activation,
            real_name,
        })
    })();
    (plan, f)
}

/// A number as a blog owner wrote it (to two decimals), without pulling
/// float formatting into the wasm.
fn echo_number(n: f64) -> String {
    match decimal_to_minor(n) {
        Some(minor) => {
            let text = echo_minor(minor);
            if text.contains('.') {
                text.trim_end_matches('0').to_owned()
            } else {
                text
            }
        }
        None => "number".to_owned(),
    }
}

/// Hundredths as the author would write the amount: `168`, `19.99`, `19.90`.
fn echo_minor(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (whole, cents) = (minor.unsigned_abs() / 100, minor.unsigned_abs() % 100);
    if cents == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{cents:02}")
    }
}

/// The catalogue's zones by name (a repeated name: the last one, as the
/// browser's `JSON.parse` keeps it).
struct ZoneMap<'a>(&'a [(String, Vec<CountryCode>)]);

impl ZoneMap<'_> {
    fn get(&self, name: &str) -> Option<&Vec<CountryCode>> {
        self.0.iter().rev().find(|(n, _)| n == name).map(|(_, c)| c)
    }
}

/// Sorted, each country once.
fn sorted_unique(mut countries: Vec<CountryCode>) -> Vec<CountryCode> {
    countries.sort_unstable();
    countries.dedup();
    countries
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Which amounts a price field accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Amount {
    /// Above zero (prices).
    Positive,
    /// Zero or more (a pool's extra line may be free).
    NonNegative,
}

/// Reads the fields of one JSON object, recording problems against a plan.
struct Fields<'a> {
    object: &'a Json,
    plan: Option<String>,
    prefix: String,
    /// Problems recorded in full.
    problems: Vec<Problem>,
    /// Errors found, recorded or not: a plan with any is not used.
    errors: usize,
    /// Problems only counted, the sink being full.
    dropped: Dropped,
    room: Room,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Json, plan: Option<String>, prefix: String, room: Room) -> Fields<'a> {
        Fields {
            object,
            plan,
            prefix,
            problems: Vec::new(),
            errors: 0,
            dropped: Dropped::default(),
            room,
        }
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.object.get(key)
    }

    fn report(&mut self, field: &str, issue: Issue) {
        let severity = issue.severity();
        let keep = match severity {
            Severity::Error => {
                self.errors += 1;
                self.room.errors
            }
            Severity::Advisory => self.room.advisories,
        };
        if !keep {
            match severity {
                Severity::Error => self.dropped.errors += 1,
                Severity::Advisory => self.dropped.advisories += 1,
            }
            return;
        }
        let field = if self.prefix.is_empty() {
            field.to_owned()
        } else if field.is_empty() {
            self.prefix.clone()
        } else {
            format!("{}.{field}", self.prefix)
        };
        self.problems.push(Problem {
            plan: self.plan.clone(),
            field,
            issue,
        });
    }

    fn wrong_type(&mut self, field: &str, expected: Expected, found: &Json) {
        self.report(
            field,
            Issue::WrongType {
                expected,
                found: found.type_name(),
            },
        );
    }

    /// A reader of a nested object (`pool`, `evidence.2`) for the same plan;
    /// its problems come back with [`Fields::absorb`].
    fn nested(&self, key: &str, object: &'a Json) -> Fields<'a> {
        let prefix = if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        };
        Fields::new(object, self.plan.clone(), prefix, self.room)
    }

    fn absorb(&mut self, mut nested: Fields<'_>) {
        self.problems.append(&mut nested.problems);
        self.errors += nested.errors;
        self.dropped.errors += nested.dropped.errors;
        self.dropped.advisories += nested.dropped.advisories;
    }

    fn optional_text(&mut self, key: &str) -> Option<String> {
        match self.get(key)? {
            Json::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(key, Expected::Text, other);
                None
            }
        }
    }

    fn required_text(&mut self, key: &str) -> Option<String> {
        if self.get(key).is_none() {
            self.report(key, Issue::Missing);
            return None;
        }
        let text = self.optional_text(key)?;
        if text.trim().is_empty() {
            self.report(key, Issue::Empty);
            return None;
        }
        Some(text)
    }

    /// An `http(s)` address (`buy_url`, `rates_source`, an evidence page).
    fn optional_web_address(&mut self, key: &str) -> Option<String> {
        let url = self.optional_text(key)?;
        if is_web_address(&url) {
            Some(url)
        } else {
            self.report(key, Issue::NotWebAddress);
            None
        }
    }

    fn optional_word(
        &mut self,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Option<&'static str> {
        let text = self.optional_text(key)?;
        let word = allowed.iter().copied().find(|w| *w == text);
        if word.is_none() {
            self.report(
                key,
                Issue::UnknownValue {
                    value: text,
                    allowed,
                },
            );
        }
        word
    }

    fn required_word(
        &mut self,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Option<&'static str> {
        if self.get(key).is_none() {
            self.report(key, Issue::Missing);
            return None;
        }
        self.optional_word(key, allowed)
    }

    fn optional_bool(&mut self, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(key, Expected::Boolean, other);
                false
            }
        }
    }

    /// A finite number. The browser reads `1e400` as infinity: that is a
    /// number too large to read, not "not a number".
    fn number(&mut self, key: &str) -> Option<f64> {
        match self.get(key)? {
            Json::Number(n) if n.is_finite() => Some(*n),
            Json::Number(_) => {
                self.report(key, Issue::NotFinite);
                None
            }
            other => {
                self.wrong_type(key, Expected::Number, other);
                None
            }
        }
    }

    /// A whole number from `min` to `max`. Below `min`: not positive (a
    /// minimum of 1), a pool too small (`max_lines`) or too small.
    fn optional_whole(&mut self, key: &str, min: u64, max: u64) -> Option<u64> {
        let n = self.number(key)?;
        if n.fract() != 0.0 {
            self.wrong_type(key, Expected::Integer, &Json::Number(n));
            return None;
        }
        #[allow(clippy::cast_precision_loss)]
        let (min_f, max_f) = (min as f64, max as f64);
        if n < min_f {
            let issue = if key == "max_lines" {
                #[allow(clippy::cast_possible_truncation)]
                let max_lines = n.max(-1e15) as i64;
                Issue::PoolTooSmall { max_lines }
            } else if min <= 1 {
                Issue::NotPositive
            } else {
                Issue::TooSmall {
                    min: i64::try_from(min).unwrap_or(i64::MAX),
                }
            };
            self.report(key, issue);
            return None;
        }
        if n > max_f {
            self.report(
                key,
                Issue::NumberTooLarge {
                    max: max.to_string(),
                },
            );
            return None;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(n as u64)
    }

    /// A whole number >= `min` that fits a `u32` (days, lines, months): a
    /// larger one is reported, not silently dropped.
    fn optional_u32(&mut self, key: &str, min: u32) -> Option<u32> {
        let n = self.optional_whole(key, u64::from(min), u64::from(u32::MAX))?;
        u32::try_from(n).ok()
    }

    fn optional_megabytes(&mut self, key: &str) -> Option<Megabytes> {
        self.optional_whole(key, 1, MAX_MEGABYTES)
    }

    /// A price in hundredths: present, finite, in range, with no more
    /// decimals than its currency has (never rounded).
    fn amount(&mut self, key: &str, currency: Option<Currency>, kind: Amount) -> Option<i64> {
        if self.get(key).is_none() {
            self.report(key, Issue::Missing);
            return None;
        }
        let n = self.number(key)?;
        match kind {
            Amount::Positive if n <= 0.0 => {
                self.report(key, Issue::NotPositive);
                return None;
            }
            Amount::NonNegative if n < 0.0 => {
                self.report(key, Issue::Negative);
                return None;
            }
            _ => {}
        }
        let Some(minor) = decimal_to_minor(n) else {
            self.report(
                key,
                Issue::NumberTooLarge {
                    max: MAX_AMOUNT.to_owned(),
                },
            );
            return None;
        };
        let allowed = currency.map_or(2, Currency::decimals);
        if !has_at_most_decimals(n, allowed) {
            self.report(
                key,
                Issue::TooManyDecimals {
                    currency: currency.map(|c| c.as_str().to_owned()).unwrap_or_default(),
                    allowed,
                },
            );
            return None;
        }
        Some(minor)
    }

    fn currency(&mut self, key: &str, rates: &Rates) -> Option<Currency> {
        let code = if self.get(key).is_none() {
            self.report(key, Issue::Missing);
            return None;
        } else {
            self.optional_text(key)?
        };
        match Currency::parse(&code) {
            Some(c) if rates.knows(c) => Some(c),
            _ => {
                self.report(key, Issue::UnknownCurrency { code });
                None
            }
        }
    }

    fn optional_date(&mut self, key: &str) -> Option<Date> {
        let text = self.optional_text(key)?;
        let date = Date::parse(&text);
        if date.is_none() {
            self.report(key, Issue::BadDate { value: text });
        }
        date
    }

    fn optional_country(&mut self, key: &str) -> Option<CountryCode> {
        let code = self.optional_text(key)?;
        let country = CountryCode::parse(&code);
        if country.is_none() {
            self.report(key, Issue::UnknownCountry { code });
        }
        country
    }

    fn localized(&mut self, key: &str) -> Option<LocalizedText> {
        match self.get(key) {
            None => {
                self.report(key, Issue::Missing);
                None
            }
            Some(Json::String(s)) if s.trim().is_empty() => {
                self.report(key, Issue::Empty);
                None
            }
            Some(Json::String(s)) => Some(LocalizedText::plain(s.clone())),
            Some(Json::Object(members)) => {
                let mut entries = Vec::new();
                for (code, value) in members {
                    // Languages the widget does not speak are allowed and ignored.
                    let Some(lang) = Lang::from_code(code) else {
                        continue;
                    };
                    match value {
                        Json::String(s) if !s.trim().is_empty() => entries.push((lang, s.clone())),
                        Json::String(_) => self.report(&format!("{key}.{code}"), Issue::Empty),
                        other => self.wrong_type(&format!("{key}.{code}"), Expected::Text, other),
                    }
                }
                if entries.is_empty() {
                    self.report(key, Issue::Empty);
                    return None;
                }
                Some(LocalizedText::translated(entries))
            }
            Some(other) => {
                self.wrong_type(key, Expected::TextOrTranslations, other);
                None
            }
        }
    }

    fn coverage(&mut self, key: &str, zones: &ZoneMap<'_>) -> (Vec<CountryCode>, Vec<String>) {
        let items = match self.get(key) {
            None => {
                self.report(key, Issue::Missing);
                return (Vec::new(), Vec::new());
            }
            Some(Json::Array(items)) if items.is_empty() => {
                self.report(key, Issue::Empty);
                return (Vec::new(), Vec::new());
            }
            Some(Json::Array(items)) => items,
            Some(other) => {
                self.wrong_type(key, Expected::List, other);
                return (Vec::new(), Vec::new());
            }
        };
        let mut countries = Vec::new();
        let mut written = Vec::new();
        for item in items {
            let Json::String(entry) = item else {
                self.wrong_type(key, Expected::Text, item);
                continue;
            };
            if let Some(zone) = entry.strip_prefix('@') {
                match zones.get(zone) {
                    Some(members) => countries.extend(members.iter().copied()),
                    None => self.report(
                        key,
                        Issue::UnknownZone {
                            name: zone.to_owned(),
                        },
                    ),
                }
            } else if let Some(country) = CountryCode::parse(entry) {
                countries.push(country);
            } else {
                self.report(
                    key,
                    Issue::UnknownCountry {
                        code: entry.clone(),
                    },
                );
            }
            written.push(entry.clone());
        }
        (sorted_unique(countries), written)
    }

    /// `billing` and `validity_days` of a plan that is bought. Whether a
    /// missing `validity_days` is a problem depends on `kind_known`: for a
    /// plan of unknown kind (maybe a home plan) it is not reported.
    fn billing(&mut self, kind_known: bool) -> Option<Billing> {
        // `None` for a billing word that was reported as unknown: then whether
        // `validity_days` is needed is unknown too, so its absence is not reported.
        let billing_word = if self.get("billing").is_some() {
            self.optional_word("billing", BILLINGS)
        } else {
            Some("pass")
        };
        let validity = self.optional_u32("validity_days", 1);
        match billing_word {
            Some("day") => Some(Billing::Day),
            Some(_) => match (validity, self.get("validity_days")) {
                (Some(validity_days), _) => Some(Billing::Pass { validity_days }),
                (None, None) => {
                    if kind_known {
                        self.report("validity_days", Issue::MissingValidity);
                    }
                    None
                }
                (None, Some(_)) => None,
            },
            None => None,
        }
    }

    /// A home plan is paid by the month: `validity_days` is not read, and a
    /// day billing contradicts the kind.
    fn home_plan_billing(&mut self) -> Option<Billing> {
        if self.get("billing").is_some() && self.optional_word("billing", BILLINGS) == Some("day") {
            self.report(
                "billing",
                Issue::NotForKind {
                    kind: PlanKind::HomePlan,
                },
            );
            return None;
        }
        Some(Billing::Pass {
            validity_days: HOME_PLAN_DAYS,
        })
    }

    fn hotspot(&mut self, key: &str) -> Hotspot {
        match self.get(key) {
            None | Some(Json::Null) => Hotspot::Unknown,
            Some(Json::Bool(true)) => Hotspot::Allowed,
            Some(Json::Bool(false)) => Hotspot::Blocked,
            Some(Json::Number(n)) if !n.is_finite() => {
                self.report(key, Issue::NotFinite);
                Hotspot::Unknown
            }
            Some(Json::Number(n)) if n.fract() == 0.0 && *n > MAX_MEGABYTES_F64 => {
                self.report(
                    key,
                    Issue::NumberTooLarge {
                        max: MAX_MEGABYTES.to_string(),
                    },
                );
                Hotspot::Unknown
            }
            Some(Json::Number(n)) if n.fract() == 0.0 && *n >= 0.0 => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let cap = *n as u64;
                if cap == 0 {
                    Hotspot::Blocked
                } else {
                    Hotspot::CappedPerDay(cap)
                }
            }
            Some(other) => {
                self.wrong_type(key, Expected::BooleanOrInteger, other);
                Hotspot::Unknown
            }
        }
    }

    fn sub_object(&mut self, key: &str) -> Option<&'a Json> {
        match self.get(key)? {
            object @ Json::Object(_) => Some(object),
            other => {
                self.wrong_type(key, Expected::Object, other);
                None
            }
        }
    }

    /// The items of an optional list; a non-list is reported.
    fn optional_list(&mut self, key: &str) -> Option<&'a [Json]> {
        match self.get(key)? {
            Json::Array(items) => Some(items),
            other => {
                self.wrong_type(key, Expected::List, other);
                None
            }
        }
    }

    fn pool(&mut self, key: &str, currency: Option<Currency>) -> Option<Pool> {
        let object = self.sub_object(key)?;
        let mut f = self.nested(key, object);
        let max_lines = if f.get("max_lines").is_none() {
            f.report("max_lines", Issue::Missing);
            None
        } else {
            f.optional_u32("max_lines", 2)
        };
        let extra = f.amount("extra_line_price", currency, Amount::NonNegative);
        self.absorb(f);
        Some(Pool {
            max_lines: max_lines?,
            extra_line_price: Money::new(extra?, currency?),
        })
    }

    fn topup(&mut self, key: &str, currency: Option<Currency>) -> Option<Topup> {
        let object = self.sub_object(key)?;
        let mut f = self.nested(key, object);
        let data = if f.get("data_mb").is_none() {
            f.report("data_mb", Issue::Missing);
            None
        } else {
            f.optional_megabytes("data_mb")
        };
        let price = f.amount("price", currency, Amount::Positive);
        self.absorb(f);
        Some(Topup {
            data_mb: data?,
            price: Money::new(price?, currency?),
        })
    }

    /// `evidence`: a list of `{ url, quote, seen }`, each entry's problems
    /// located as `evidence.1.url` (counted from 1, as plans are).
    fn evidence(&mut self, key: &str) -> Vec<Evidence> {
        let Some(items) = self.optional_list(key) else {
            return Vec::new();
        };
        let mut evidence = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let at = format!("{key}.{}", index + 1);
            let Json::Object(_) = item else {
                self.wrong_type(&at, Expected::Object, item);
                continue;
            };
            let mut f = self.nested(&at, item);
            let url = if f.get("url").is_none() {
                f.report("url", Issue::Missing);
                None
            } else {
                f.optional_web_address("url")
            };
            let quote = f.required_text("quote");
            let seen = f.optional_date("seen");
            self.absorb(f);
            if let (Some(url), Some(quote)) = (url, quote) {
                evidence.push(Evidence { url, quote, seen });
            }
        }
        evidence
    }

    /// `buyers`, by default anyone for cards and eSIMs, the carrier's
    /// customers for roaming passes, residents for home plans. Residents of
    /// where: `home` is needed.
    fn buyers(&mut self, kind: Option<PlanKind>, home: Option<CountryCode>) -> Option<Buyers> {
        let buyers = if self.get("buyers").is_some() {
            match self.optional_word("buyers", BUYERS)? {
                "residents" => Buyers::Residents,
                "customers" => Buyers::Customers,
                _ => Buyers::Anyone,
            }
        } else {
            match kind? {
                PlanKind::Esim | PlanKind::Sim => Buyers::Anyone,
                PlanKind::Roaming => Buyers::Customers,
                PlanKind::HomePlan => Buyers::Residents,
            }
        };
        if buyers == Buyers::Residents && home.is_none() && self.get("home").is_none() {
            // A home plan without home is already reported as such.
            if kind != Some(PlanKind::HomePlan) {
                self.report("buyers", Issue::ResidentsWithoutHome);
            }
        }
        Some(buyers)
    }

    /// `carriers`: a non-empty list of carrier names; `None` when absent
    /// (the provider alone).
    fn carriers(&mut self, key: &str) -> Option<Vec<String>> {
        let items = self.optional_list(key)?;
        if items.is_empty() {
            self.report(key, Issue::Empty);
            return None;
        }
        let mut carriers = Vec::new();
        for item in items {
            match item {
                Json::String(s) if s.trim().is_empty() => self.report(key, Issue::Empty),
                Json::String(s) => carriers.push(s.clone()),
                other => self.wrong_type(key, Expected::Text, other),
            }
        }
        Some(carriers)
    }

    /// `cards`, or its older name `account_lines`: SIM cards in one purchase.
    fn cards(&mut self) -> Option<u32> {
        let cards = self.optional_u32("cards", 2);
        let account_lines = self.optional_u32("account_lines", 2);
        match (cards, account_lines) {
            (Some(cards), Some(account_lines)) if cards != account_lines => {
                self.report(
                    "cards",
                    Issue::CardsDisagree {
                        cards,
                        account_lines,
                    },
                );
                None
            }
            (cards, account_lines) => cards.or(account_lines),
        }
    }

    /// A home plan's `roaming` inclusions; on any other kind, a mistake.
    fn inclusions(
        &mut self,
        key: &str,
        kind: Option<PlanKind>,
        zones: &ZoneMap<'_>,
    ) -> Vec<Inclusion> {
        if self.get(key).is_none() {
            return Vec::new();
        }
        match kind {
            Some(PlanKind::HomePlan) | None => {}
            Some(other) => {
                self.report(key, Issue::NotForKind { kind: other });
                return Vec::new();
            }
        }
        let Some(items) = self.optional_list(key) else {
            return Vec::new();
        };
        let mut inclusions = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let at = format!("{key}.{}", index + 1);
            let Json::Object(_) = item else {
                self.wrong_type(&at, Expected::Object, item);
                continue;
            };
            let mut f = self.nested(&at, item);
            let errors_before = f.errors;
            let (coverage, coverage_as_written) = f.coverage("coverage", zones);
            let data_mb = f.optional_megabytes("data_mb");
            let clean = f.errors == errors_before;
            self.absorb(f);
            if clean {
                inclusions.push(Inclusion {
                    coverage,
                    coverage_as_written,
                    data_mb,
                });
            }
        }
        inclusions
    }

    /// Advisory (issue 11): an "observed" plan needs a page that shows its
    /// price: an evidence entry whose address is a specific page and whose
    /// quote contains the price.
    fn check_evidence(&mut self, provenance: &Provenance, price: Option<i64>) {
        let (Some(Confidence::Observed), Some(price)) = (provenance.confidence, price) else {
            return;
        };
        if provenance.evidence.is_empty() {
            // Entries that could not be read are errors already.
            let none_given = match self.get("evidence") {
                None => true,
                Some(Json::Array(items)) => items.is_empty(),
                Some(_) => false,
            };
            if none_given {
                self.report("evidence", Issue::ObservedWithoutEvidence);
            }
            return;
        }
        let backs = |e: &Evidence| !is_home_page(&e.url) && quote_contains_price(&e.quote, price);
        if provenance.evidence.iter().any(backs) {
            return;
        }
        for (index, entry) in provenance.evidence.iter().enumerate() {
            let at = format!("evidence.{}", index + 1);
            if is_home_page(&entry.url) {
                self.report(
                    &format!("{at}.url"),
                    Issue::HomePageOnly {
                        url: entry.url.clone(),
                    },
                );
            }
            if !quote_contains_price(&entry.quote, price) {
                self.report(
                    &format!("{at}.quote"),
                    Issue::QuoteWithoutPrice {
                        price: echo_minor(price),
                    },
                );
            }
        }
    }

    /// Advisory (issue 11): `checked` and each evidence's `seen` neither in
    /// the future (after today, or after the catalogue's own date) nor older
    /// than the staleness limit before `as_of`.
    fn check_dates(&mut self, provenance: &Provenance, context: &Context<'_>) {
        let dates = provenance
            .checked
            .map(|d| ("checked".to_owned(), d))
            .into_iter()
            .chain(
                provenance
                    .evidence
                    .iter()
                    .enumerate()
                    .filter_map(|(i, e)| Some((format!("evidence.{}.seen", i + 1), e.seen?))),
            );
        let dates: Vec<(String, Date)> = dates.collect();
        for (field, date) in dates {
            if let Some(today) = context.today.filter(|today| date > *today) {
                self.report(&field, Issue::InTheFuture { today });
            } else if let Some(as_of) = context.as_of {
                if date > as_of {
                    self.report(&field, Issue::AfterAsOf { as_of });
                } else {
                    let months = date.months_until(as_of);
                    if months >= context.stale_after_months {
                        self.report(
                            &field,
                            Issue::Stale {
                                months,
                                limit: context.stale_after_months,
                            },
                        );
                    }
                }
            }
        }
    }

    fn rates(&mut self) -> Rates {
        let mut rates = Rates::default();
        let members = match self.get("rates_per_eur") {
            None => {
                self.report("rates_per_eur", Issue::Missing);
                return rates;
            }
            Some(Json::Object(members)) => members,
            Some(other) => {
                self.wrong_type("rates_per_eur", Expected::Object, other);
                return rates;
            }
        };
        for (code, value) in members {
            let field = format!("rates_per_eur.{code}");
            let Some(currency) = Currency::parse(code) else {
                self.report(&field, Issue::UnknownCurrency { code: code.clone() });
                continue;
            };
            match value {
                Json::Number(n) if !n.is_finite() => self.report(&field, Issue::NotFinite),
                // Rates are per euro: the euro's own rate can only be 1.
                Json::Number(n) if currency == Currency::EUR && (*n - 1.0).abs() > f64::EPSILON => {
                    self.report(&field, Issue::EuroRateNotOne);
                }
                Json::Number(n) if *n <= 0.0 => self.report(&field, Issue::NotPositive),
                Json::Number(n) => {
                    if !rates.insert(currency, *n) {
                        self.report(
                            &field,
                            Issue::RateOutOfRange {
                                min: MIN_RATE,
                                max: MAX_RATE,
                            },
                        );
                    }
                }
                other => self.wrong_type(&field, Expected::Number, other),
            }
        }
        rates
    }

    fn zones(&mut self) -> Vec<(String, Vec<CountryCode>)> {
        let members = match self.get("zones") {
            None => return Vec::new(),
            Some(Json::Object(members)) => members,
            Some(other) => {
                self.wrong_type("zones", Expected::Object, other);
                return Vec::new();
            }
        };
        let mut zones = Vec::new();
        for (name, value) in members {
            let field = format!("zones.{name}");
            let Json::Array(items) = value else {
                self.wrong_type(&field, Expected::List, value);
                continue;
            };
            let mut countries = Vec::new();
            for item in items {
                match item {
                    Json::String(code) => match CountryCode::parse(code) {
                        Some(c) => countries.push(c),
                        None => self.report(&field, Issue::UnknownCountry { code: code.clone() }),
                    },
                    other => self.wrong_type(&field, Expected::Text, other),
                }
            }
            zones.push((name.clone(), sorted_unique(countries)));
        }
        zones
    }
}
