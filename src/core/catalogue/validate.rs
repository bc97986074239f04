//! Reads a catalogue's JSON tree into typed plans, collecting every problem.

use super::{
    Billing, Buyers, Catalogue, Confidence, Expected, Hotspot, Issue, Megabytes, Plan, PlanKind,
    Pool, Problem, Provenance, Topup,
};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::json::Json;
use crate::core::lang::{Lang, LocalizedText};
use crate::core::money::{decimal_to_minor, Currency, Money, Rates};
use std::collections::BTreeSet;

/// Largest catalogue file accepted: ten times the built-in one, far more than
/// any blog needs, small enough to parse in a blink on a phone.
pub const MAX_CATALOGUE_BYTES: usize = 2 * 1024 * 1024;

const KINDS: &[&str] = &["esim", "sim", "roaming"];
const BILLINGS: &[&str] = &["pass", "day"];
const CONFIDENCES: &[&str] = &["observed", "partial", "unverified"];

/// Loads a catalogue file's text: size check, JSON parsing by `parse_json`
/// (the browser's or `serde_json`), then validation.
pub fn load(
    text: &str,
    parse_json: impl FnOnce(&str) -> Result<Json, String>,
) -> Result<Catalogue, Vec<Problem>> {
    if text.len() > MAX_CATALOGUE_BYTES {
        return Err(vec![file_problem(Issue::TooLarge {
            bytes: text.len(),
            limit: MAX_CATALOGUE_BYTES,
        })]);
    }
    let json = parse_json(text).map_err(|detail| vec![file_problem(Issue::NotJson { detail })])?;
    from_json(&json)
}

fn file_problem(issue: Issue) -> Problem {
    Problem {
        plan: None,
        field: String::new(),
        issue,
    }
}

/// Validates a parsed catalogue. Every problem is reported, not just the first.
pub fn from_json(json: &Json) -> Result<Catalogue, Vec<Problem>> {
    let mut top = Fields::new(json, None, String::new());
    if !matches!(json, Json::Object(_)) {
        top.report(
            "",
            Issue::WrongType {
                expected: Expected::Object,
                found: json.type_name(),
            },
        );
        return Err(top.problems);
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
            return Err(top.problems);
        }
    }
    let as_of = top.optional_date("as_of");
    let rates = top.rates();
    let zones = top.zones();
    let zone_map = ZoneMap(&zones);
    let mut problems = top.problems;

    let mut plans = Vec::new();
    match json.get("plans") {
        Some(Json::Array(items)) if items.is_empty() => problems.push(Problem {
            plan: None,
            field: "plans".into(),
            issue: Issue::NoPlans,
        }),
        Some(Json::Array(items)) => {
            let mut seen = BTreeSet::new();
            for (index, item) in items.iter().enumerate() {
                let (plan, plan_problems) = read_plan(item, index, &rates, &zone_map, &mut seen);
                problems.extend(plan_problems);
                plans.extend(plan);
            }
        }
        Some(other) => problems.push(Problem {
            plan: None,
            field: "plans".into(),
            issue: Issue::WrongType {
                expected: Expected::List,
                found: other.type_name(),
            },
        }),
        None => problems.push(Problem {
            plan: None,
            field: "plans".into(),
            issue: Issue::Missing,
        }),
    }

    if problems.is_empty() {
        Ok(Catalogue {
            as_of,
            rates,
            zones,
            plans,
            rates_source: None,
            rates_date: None,
        })
    } else {
        Err(problems)
    }
}

fn read_plan(
    item: &Json,
    index: usize,
    rates: &Rates,
    zones: &ZoneMap<'_>,
    seen_ids: &mut BTreeSet<String>,
) -> (Option<Plan>, Vec<Problem>) {
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
    let mut f = Fields::new(item, Some(label), String::new());
    if !matches!(item, Json::Object(_)) {
        f.report(
            "",
            Issue::WrongType {
                expected: Expected::Object,
                found: item.type_name(),
            },
        );
        return (None, f.problems);
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
    let provider = f.required_text("provider");
    let kind = f.required_word("kind", KINDS).map(|k| match k {
        "sim" => PlanKind::Sim,
        "roaming" => PlanKind::Roaming,
        _ => PlanKind::Esim,
    });
    let home = f.optional_country("home");
    if kind == Some(PlanKind::Roaming) && home.is_none() && f.get("home").is_none() {
        f.report("home", Issue::RoamingWithoutHome);
    }
    let (coverage, coverage_as_written) = f.coverage("coverage", zones);
    let currency = f.currency("currency", rates);
    let price = f.positive_amount("price");
    // `None` for a billing word that was reported as unknown: then whether
    // `validity_days` is needed is unknown too, so its absence is not reported.
    let billing_word = if f.get("billing").is_some() {
        f.optional_word("billing", BILLINGS)
    } else {
        Some("pass")
    };
    let validity = f.optional_u32("validity_days", 1);
    let billing = match billing_word {
        Some("day") => Some(Billing::Day),
        Some(_) => match (validity, f.get("validity_days")) {
            (Some(validity_days), _) => Some(Billing::Pass { validity_days }),
            (None, None) => {
                f.report("validity_days", Issue::MissingValidity);
                None
            }
            (None, Some(_)) => None,
        },
        None => None,
    };
    let data_mb = f.optional_megabytes("data_mb");
    if billing_word == Some("day") && f.get("data_mb").is_some() {
        f.report("data_mb", Issue::DataWithDayBilling);
    }
    let daily_mb = f.optional_megabytes("daily_mb");
    let hotspot = f.hotspot("hotspot");
    let pool = f.pool("pool", currency);
    let topup = f.topup("topup", currency);
    let provenance = Provenance {
        source: f.optional_text("source"),
        checked: f.optional_date("checked"),
        notes: f.optional_text("notes"),
        confidence: f.optional_word("confidence", CONFIDENCES).map(|c| match c {
            "observed" => Confidence::Observed,
            "partial" => Confidence::Partial,
            _ => Confidence::Unverified,
        }),
        ..Provenance::default()
    };
    let needs_activation = f.optional_bool("needs_activation");
    let real_name = f.optional_bool("real_name");
    let cards = f.optional_u32("account_lines", 2);

    if !f.problems.is_empty() {
        return (None, f.problems);
    }
    let plan = (|| {
        let currency = currency?;
        let provider = provider?;
        let kind = kind?;
        Some(Plan {
            id: id?,
            name: name?,
            provider_name: LocalizedText::plain(provider.clone()),
            carriers: vec![provider.clone()],
            provider,
            buyers: if kind == PlanKind::Roaming {
                Buyers::Customers
            } else {
                Buyers::Anyone
            },
            contract_months: None,
            cards,
            breakout: None,
            roaming: Vec::new(),
            kind,
            home,
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
    (plan, f.problems)
}

/// A number as a blog owner wrote it (to two decimals), without pulling
/// float formatting into the wasm.
fn echo_number(n: f64) -> String {
    match decimal_to_minor(n) {
        Some(h) => {
            let sign = if h < 0 { "-" } else { "" };
            let (whole, cents) = (h.unsigned_abs() / 100, h.unsigned_abs() % 100);
            let fraction = format!("{cents:02}");
            let fraction = fraction.trim_end_matches('0');
            if fraction.is_empty() {
                format!("{sign}{whole}")
            } else {
                format!("{sign}{whole}.{fraction}")
            }
        }
        None => "number".to_owned(),
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

/// Reads the fields of one JSON object, recording problems against a plan.
struct Fields<'a> {
    object: &'a Json,
    plan: Option<String>,
    prefix: String,
    problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Json, plan: Option<String>, prefix: String) -> Fields<'a> {
        Fields {
            object,
            plan,
            prefix,
            problems: Vec::new(),
        }
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.object.get(key)
    }

    fn report(&mut self, field: &str, issue: Issue) {
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

    /// A nested object's reader, sharing this one's plan and problems later.
    fn nested(&self, key: &str, object: &'a Json) -> Fields<'a> {
        let prefix = if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        };
        Fields::new(object, self.plan.clone(), prefix)
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

    fn number(&mut self, key: &str) -> Option<f64> {
        match self.get(key)? {
            Json::Number(n) if n.is_finite() => Some(*n),
            other => {
                self.wrong_type(key, Expected::Number, other);
                None
            }
        }
    }

    /// A whole number >= `min`.
    fn optional_integer(&mut self, key: &str, min: i64) -> Option<i64> {
        let n = self.number(key)?;
        if n.fract() != 0.0 || n.abs() > 1e12 {
            self.report(
                key,
                Issue::WrongType {
                    expected: Expected::Integer,
                    found: "number",
                },
            );
            return None;
        }
        #[allow(clippy::cast_possible_truncation)]
        let n = n as i64;
        if n < min {
            let issue = match (key, min) {
                ("max_lines", _) => Issue::PoolTooSmall { max_lines: n },
                (_, 1) if n <= 0 => Issue::NotPositive,
                _ => Issue::NotPositive,
            };
            self.report(key, issue);
            return None;
        }
        Some(n)
    }

    /// A whole number >= `min` that fits a `u32` (days, lines): a larger one
    /// is reported, not silently dropped.
    fn optional_u32(&mut self, key: &str, min: i64) -> Option<u32> {
        let n = u32::try_from(self.optional_integer(key, min)?).ok();
        if n.is_none() {
            self.report(
                key,
                Issue::WrongType {
                    expected: Expected::Integer,
                    found: "number",
                },
            );
        }
        n
    }

    fn optional_megabytes(&mut self, key: &str) -> Option<Megabytes> {
        self.optional_integer(key, 1)
            .and_then(|n| Megabytes::try_from(n).ok())
    }

    /// A price > 0, as hundredths.
    fn positive_amount(&mut self, key: &str) -> Option<i64> {
        if self.get(key).is_none() {
            self.report(key, Issue::Missing);
            return None;
        }
        let minor = decimal_to_minor(self.number(key)?);
        match minor {
            Some(m) if m > 0 => Some(m),
            _ => {
                self.report(key, Issue::NotPositive);
                None
            }
        }
    }

    /// A price >= 0, as hundredths.
    fn non_negative_amount(&mut self, key: &str) -> Option<i64> {
        if self.get(key).is_none() {
            self.report(key, Issue::Missing);
            return None;
        }
        match decimal_to_minor(self.number(key)?) {
            Some(m) if m >= 0 => Some(m),
            _ => {
                self.report(key, Issue::Negative);
                None
            }
        }
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

    fn hotspot(&mut self, key: &str) -> Hotspot {
        match self.get(key) {
            None | Some(Json::Null) => Hotspot::Unknown,
            Some(Json::Bool(true)) => Hotspot::Allowed,
            Some(Json::Bool(false)) => Hotspot::Blocked,
            Some(Json::Number(n)) if n.fract() == 0.0 && *n >= 0.0 && *n < 1e12 => {
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

    fn pool(&mut self, key: &str, currency: Option<Currency>) -> Option<Pool> {
        let object = self.sub_object(key)?;
        let mut f = self.nested(key, object);
        let max_lines = if f.get("max_lines").is_none() {
            f.report("max_lines", Issue::Missing);
            None
        } else {
            f.optional_u32("max_lines", 2)
        };
        let extra = f.non_negative_amount("extra_line_price");
        self.problems.append(&mut f.problems);
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
        let price = f.positive_amount("price");
        self.problems.append(&mut f.problems);
        Some(Topup {
            data_mb: data?,
            price: Money::new(price?, currency?),
        })
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
                // Rates are per euro: the euro's own rate can only be 1.
                Json::Number(n) if currency == Currency::EUR && (*n - 1.0).abs() > f64::EPSILON => {
                    self.report(&field, Issue::EuroRateNotOne);
                }
                Json::Number(n) => {
                    if !rates.insert(currency, *n) {
                        self.report(&field, Issue::NotPositive);
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
