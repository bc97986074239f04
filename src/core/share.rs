//! Share-link keys and embed settings (the contract's table): reading each
//! value with a reason when it is bad, and writing the current trip back.
//!
//! A bad value never throws away the others: the caller shows the problem
//! next to its input and keeps the default for that key only.

use crate::core::catalogue::Megabytes;
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::money::Currency;
use std::fmt::Write;

use crate::core::trip::{Leg, MAX_LEGS, MAX_MB_PER_DAY, MAX_PEOPLE, MAX_TRIP_DAYS};

/// Why a typed or linked value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Not a whole number.
    NotANumber,
    /// Below the smallest allowed value.
    TooSmall {
        /// Smallest allowed.
        min: u64,
    },
    /// Above the largest allowed value.
    TooLarge {
        /// Largest allowed.
        max: u64,
    },
    /// Not a known country code or name.
    UnknownCountry {
        /// As written.
        text: String,
    },
    /// Not a currency the catalogue has a rate for.
    UnknownCurrency {
        /// As written.
        text: String,
    },
    /// Not one of the widget's languages.
    UnknownLanguage {
        /// As written.
        text: String,
    },
    /// Not a `YYYY-MM-DD` date.
    BadDate,
    /// Not `0` or `1`.
    NotAFlag,
    /// Not `auto`, `light` or `dark`.
    NotATheme,
    /// An empty or overlong carrier name.
    NotACarrier,
    /// A trip leg not written `CC:days`.
    BadLeg {
        /// The leg as written.
        text: String,
    },
    /// More legs than allowed.
    TooManyLegs {
        /// Largest allowed.
        max: usize,
    },
    /// Trip longer than allowed in all.
    TripTooLong {
        /// Largest allowed.
        max: u32,
    },
    /// Not a price (a positive decimal number).
    NotAPrice,
    /// A catalogue address that is not http(s).
    BadAddress,
    /// A first day outside the dates the rules are known for.
    OutsideRules {
        /// First day allowed.
        first: Date,
        /// Last day allowed.
        last: Date,
    },
    /// More countries than a trip has stops: only the first `max` are used.
    TooManyCountries {
        /// Countries used.
        max: usize,
    },
    /// A plan id that is not `[a-z0-9-]+`.
    NotAPlanId,
    /// A per-traveller list longer than the travellers allowed.
    TooManyTravellers {
        /// Largest allowed.
        max: u32,
    },
}

/// Reads one value or a comma-separated list of them, one per traveller.
pub fn parse_list<T>(
    text: &str,
    item: impl Fn(&str) -> Result<T, InputError>,
) -> Result<Vec<T>, InputError> {
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() > MAX_PEOPLE as usize {
        return Err(InputError::TooManyTravellers { max: MAX_PEOPLE });
    }
    parts.into_iter().map(item).collect()
}

/// Settings read from a share link or an embed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkSettings {
    /// `trip`
    pub legs: Option<Vec<Leg>>,
    /// `people`
    pub people: Option<u32>,
    /// `together`
    pub together: Option<bool>,
    /// `mb`: one value for everyone, or one per traveller
    pub mb: Option<Vec<Megabytes>>,
    /// `home`
    pub home: Option<CountryCode>,
    /// `esim`: one flag for everyone, or one per traveller
    pub esim: Option<Vec<bool>>,
    /// `cur`
    pub currency: Option<Currency>,
    /// `lang`
    pub lang: Option<Lang>,
    /// `start`
    pub start: Option<Date>,
    /// `hp_price`, hundredths
    pub hp_price_minor: Option<i64>,
    /// `hp_cur`
    pub hp_currency: Option<Currency>,
    /// `hp_gb`
    pub hp_gb: Option<u32>,
    /// `catalogue`
    pub catalogue: Option<String>,
    /// `theme` (embed setting)
    pub theme: Option<Theme>,
    /// `focus`: countries the blog is about, offered first (embed setting)
    pub focus: Option<Vec<CountryCode>>,
    /// `debug=1`: a blog owner checking their catalogue sees its problems
    /// listed in full (readers get one quiet line)
    pub debug: Option<bool>,
    /// `carrier`: the travellers' home carrier, as catalogues name it
    pub carrier: Option<String>,
    /// `plan`: the travellers' own home plan (a catalogue id)
    pub plan: Option<String>,
}

impl LinkSettings {
    /// Whether any setting describes a trip (then a saved trip is not used).
    pub fn describes_a_trip(&self) -> bool {
        self.legs.is_some() || self.people.is_some() || self.mb.is_some() || self.home.is_some()
    }
}

/// A refused value, with its key and the raw text (kept for the reader).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// The contract key (`people`).
    pub key: &'static str,
    /// The value as given.
    pub value: String,
    /// Why it was refused.
    pub error: InputError,
}

/// The keys of the contract, in the order links are written, then the
/// embed settings (`theme`, `focus`, `debug`).
pub const KEYS: [&str; 18] = [
    "trip",
    "people",
    "together",
    "mb",
    "home",
    "esim",
    "carrier",
    "plan",
    "cur",
    "lang",
    "start",
    "hp_price",
    "hp_cur",
    "hp_gb",
    "catalogue",
    "theme",
    "focus",
    "debug",
];

/// Colour theme of an embed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The setting's word.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Reads a whole number in `min..=max`.
pub fn parse_count(text: &str, min: u64, max: u64) -> Result<u64, InputError> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(
            if text.starts_with('-')
                && text[1..].bytes().all(|b| b.is_ascii_digit())
                && text.len() > 1
            {
                InputError::TooSmall { min }
            } else {
                InputError::NotANumber
            },
        );
    }
    let n: u64 = text.parse().map_err(|_| InputError::TooLarge { max })?;
    if n < min {
        Err(InputError::TooSmall { min })
    } else if n > max {
        Err(InputError::TooLarge { max })
    } else {
        Ok(n)
    }
}

/// Reads a 0/1 flag (also accepts true/false).
pub fn parse_flag(text: &str) -> Result<bool, InputError> {
    match text.trim() {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err(InputError::NotAFlag),
    }
}

/// Reads a country code, any case.
pub fn parse_country(text: &str) -> Result<CountryCode, InputError> {
    CountryCode::parse(&text.trim().to_ascii_uppercase()).ok_or_else(|| {
        InputError::UnknownCountry {
            text: shorten(text),
        }
    })
}

/// Longest echo of a refused value, in characters.
pub const ECHO_CHARS: usize = 60;

/// A value as echoed back to the reader: at most [`ECHO_CHARS`] characters,
/// then `…` (a refused 100 KB link value must not be laid out in full).
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(ECHO_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The first and last day the rules this widget applies are known for: the
/// EU roaming regulation (2022/612) runs from 1 July 2022 to 30 June 2032.
pub fn rules_span() -> (Date, Date) {
    (
        Date::new(2022, 7, 1).unwrap_or(Date::EPOCH),
        Date::new(2032, 6, 30).unwrap_or(Date::EPOCH),
    )
}

/// `date`, or the nearest day the rules are known for.
pub fn within_rules(date: Date) -> Date {
    let (first, last) = rules_span();
    date.clamp(first, last)
}

/// Reads a first day `YYYY-MM-DD` within [`rules_span`].
pub fn parse_start(text: &str) -> Result<Date, InputError> {
    let date = Date::parse(text.trim()).ok_or(InputError::BadDate)?;
    let (first, last) = rules_span();
    if (first..=last).contains(&date) {
        Ok(date)
    } else {
        Err(InputError::OutsideRules { first, last })
    }
}

/// Longest carrier name, in bytes.
const MAX_CARRIER_BYTES: usize = 80;

/// Reads a home carrier's name (as the catalogue names providers).
pub fn parse_carrier(text: &str) -> Result<String, InputError> {
    let name = text.trim();
    if name.is_empty() || name.len() > MAX_CARRIER_BYTES {
        Err(InputError::NotACarrier)
    } else {
        Ok(name.to_owned())
    }
}

/// Reads the countries a blog is about (`HK,MO`). Only the first
/// [`MAX_LEGS`] are kept (the trip they start has one stop each); the second
/// value says whether some were left out.
pub fn parse_focus(text: &str) -> Result<(Vec<CountryCode>, bool), InputError> {
    let mut codes = Vec::new();
    for code in text.split(',').filter(|c| !c.trim().is_empty()) {
        if codes.len() == MAX_LEGS {
            return Ok((codes, true));
        }
        codes.push(parse_country(code)?);
    }
    Ok((codes, false))
}

/// Characters put between groups of thousands besides `.` and `,`:
/// spaces (`Intl` writes U+202F in French, U+00A0 elsewhere) and apostrophes.
fn is_group_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}'
    )
}

/// Largest price accepted, in whole units.
pub const MAX_PRICE: u64 = 999_999;

/// Reads a positive price as hundredths, exact (no float on the way), as
/// readers and `Intl` write it: `20`, `19.99`, `19,99`, `.5`, and with
/// groups of thousands `1,500`, `1 500`, `1.500,00`, `1,500.00`.
///
/// With both `.` and `,`, the last one is the decimal mark. With one of them
/// alone, once, followed by exactly three digits, it groups thousands
/// (`1,500`, `19.999`), unless the number starts with `0` (`0.500` is
/// refused: no fractions of a cent); otherwise it is the decimal mark.
pub fn parse_price(text: &str) -> Result<i64, InputError> {
    let text = text.trim();
    if text.len() > 40 {
        return Err(InputError::NotAPrice);
    }
    // Digit runs and the separators between them.
    let mut runs: Vec<&str> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut run_start = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        if c != '.' && c != ',' && !is_group_space(c) {
            return Err(InputError::NotAPrice);
        }
        runs.push(&text[run_start..i]);
        seps.push(c);
        run_start = i + c.len_utf8();
    }
    runs.push(&text[run_start..]);
    let count = |mark: char| seps.iter().filter(|c| **c == mark).count();
    let (dots, commas) = (count('.'), count(','));
    let last_mark = seps.iter().rposition(|c| *c == '.' || *c == ',');
    let decimal_at = match last_mark {
        None => None,
        Some(i) if dots > 0 && commas > 0 => {
            // The last mark is the decimal one: once, and last of all.
            if count(seps[i]) != 1 || i + 1 != seps.len() {
                return Err(InputError::NotAPrice);
            }
            Some(i)
        }
        Some(i) => {
            let after = runs[i + 1];
            let groups_thousands = count(seps[i]) > 1
                || (after.len() == 3
                    && i + 1 == seps.len()
                    && !runs[0].is_empty()
                    && !runs[0].starts_with('0'));
            (!groups_thousands).then_some(i)
        }
    };
    let (whole_runs, fraction) = match decimal_at {
        Some(i) if i + 1 == seps.len() => (&runs[..=i], runs[i + 1]),
        Some(_) => return Err(InputError::NotAPrice),
        None => (&runs[..], ""),
    };
    // Groups after the first are three digits each.
    if whole_runs.len() > 1
        && (whole_runs[0].is_empty()
            || whole_runs[0].len() > 3
            || whole_runs[1..].iter().any(|r| r.len() != 3))
    {
        return Err(InputError::NotAPrice);
    }
    let whole: String = whole_runs.concat();
    if (whole.is_empty() && fraction.is_empty()) || fraction.len() > 2 {
        return Err(InputError::NotAPrice);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 6 {
        return Err(InputError::TooLarge { max: MAX_PRICE });
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| InputError::NotAPrice)?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| InputError::NotAPrice)? * 10,
        _ => fraction.parse().map_err(|_| InputError::NotAPrice)?,
    };
    let minor = whole * 100 + cents;
    if minor > 0 {
        Ok(minor)
    } else {
        Err(InputError::NotAPrice)
    }
}

/// Reads a trip `HK:3,CN:4,MO:1`.
pub fn parse_trip(text: &str) -> Result<Vec<Leg>, InputError> {
    let mut legs = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if legs.len() == MAX_LEGS {
            return Err(InputError::TooManyLegs { max: MAX_LEGS });
        }
        let bad = || InputError::BadLeg {
            text: shorten(part),
        };
        let (code, days) = part.split_once(':').ok_or_else(bad)?;
        let country = parse_country(code).map_err(|_| bad())?;
        let days = parse_count(days, 1, u64::from(MAX_TRIP_DAYS)).map_err(|_| bad())?;
        legs.push(Leg {
            country,
            days: u32::try_from(days).map_err(|_| bad())?,
        });
    }
    if legs.is_empty() {
        return Err(InputError::BadLeg {
            text: shorten(text),
        });
    }
    if legs.iter().map(|l| l.days).sum::<u32>() > MAX_TRIP_DAYS {
        return Err(InputError::TripTooLong { max: MAX_TRIP_DAYS });
    }
    Ok(legs)
}

/// Writes legs as `HK:3,CN:4`.
pub fn write_trip(legs: &[Leg]) -> String {
    legs.iter()
        .map(|l| format!("{}:{}", l.country, l.days))
        .collect::<Vec<_>>()
        .join(",")
}

/// Longest catalogue address accepted (browsers and servers commonly stop
/// at about 2,000 characters).
pub const MAX_ADDRESS_BYTES: usize = 2048;

/// Reads a custom catalogue address: http(s) only (never `javascript:`),
/// or relative to the page (same origin). A first check, on the text: the
/// shell then parses it with the browser's URL parser against the page.
pub fn parse_catalogue_address(text: &str) -> Result<String, InputError> {
    let text = text.trim();
    // URL parsers read `\\` as `/` and drop tabs and newlines, so
    // `\\host\plans.json` or `/` + tab + `/host/x` would reach another host.
    if text.contains(|c: char| c == '\\' || c.is_control()) {
        return Err(InputError::BadAddress);
    }
    if text.len() > MAX_ADDRESS_BYTES {
        return Err(InputError::BadAddress);
    }
    let lower = text.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !text.contains(char::is_whitespace)
    {
        Ok(text.to_owned())
    } else if !lower.contains(':')
        && !text.is_empty()
        && !text.starts_with("//")
        && !text.contains(char::is_whitespace)
    {
        // A relative address, resolved against the page by the browser.
        Ok(text.to_owned())
    } else {
        Err(InputError::BadAddress)
    }
}

/// Reads key/value pairs. Unknown keys are ignored; each bad value gives an
/// error and leaves that setting unset.
pub fn parse_settings<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    known_currency: impl Fn(Currency) -> bool,
) -> (LinkSettings, Vec<SettingError>) {
    let mut s = LinkSettings::default();
    let mut errors = Vec::new();
    for (key, value) in pairs {
        let Some(key) = KEYS.iter().copied().find(|k| *k == key) else {
            continue;
        };
        let currency = |text: &str| {
            Currency::parse(&text.trim().to_ascii_uppercase())
                .filter(|c| known_currency(*c))
                .ok_or_else(|| InputError::UnknownCurrency {
                    text: shorten(text),
                })
        };
        let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        let result: Result<(), InputError> = (|| {
            match key {
                "trip" => s.legs = Some(parse_trip(value)?),
                "people" => s.people = Some(small(parse_count(value, 1, u64::from(MAX_PEOPLE))?)),
                "together" => s.together = Some(parse_flag(value)?),
                "mb" => s.mb = Some(parse_list(value, |v| parse_count(v, 1, MAX_MB_PER_DAY))?),
                "home" => s.home = Some(parse_country(value)?),
                "esim" => s.esim = Some(parse_list(value, parse_flag)?),
                "cur" => s.currency = Some(currency(value)?),
                "lang" => {
                    s.lang = Some(Lang::from_code(value.trim()).ok_or_else(|| {
                        InputError::UnknownLanguage {
                            text: shorten(value),
                        }
                    })?);
                }
                "start" => s.start = Some(parse_start(value)?),
                "hp_price" => s.hp_price_minor = Some(parse_price(value)?),
                "hp_cur" => s.hp_currency = Some(currency(value)?),
                "hp_gb" => s.hp_gb = Some(small(parse_count(value, 1, 100_000)?)),
                "debug" => s.debug = Some(parse_flag(value)?),
                "theme" => {
                    s.theme = Some(match value.trim() {
                        "auto" => Theme::Auto,
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => return Err(InputError::NotATheme),
                    });
                }
                "focus" => {
                    let (codes, cut) = parse_focus(value)?;
                    s.focus = Some(codes);
                    if cut {
                        // Applied, and the reader told what was left out.
                        return Err(InputError::TooManyCountries { max: MAX_LEGS });
                    }
                }
                "plan" => {
                    let id = value.trim();
                    if id.is_empty()
                        || id.len() > 80
                        || !id
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    {
                        return Err(InputError::NotAPlanId);
                    }
                    s.plan = Some(id.to_owned());
                }
                "carrier" => s.carrier = Some(parse_carrier(value)?),
                _ => s.catalogue = Some(parse_catalogue_address(value)?),
            }
            Ok(())
        })();
        if let Err(error) = result {
            errors.push(SettingError {
                key,
                value: shorten(value),
                error,
            });
        }
    }
    (s, errors)
}

/// Percent-encodes a query value (RFC 3986 unreserved characters and `,`
/// and `:` stay as they are, so trips read well in a link).
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,:".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Writes key/value pairs as a query string (without `?`).
pub fn encode_query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn hex(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a query string (with or without `?`) into key/value pairs.
pub fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_currency(_: Currency) -> bool {
        true
    }

    #[test]
    fn reads_every_contract_key() {
        let pairs = [
            ("trip", "HK:3,CN:4,MO:1"),
            ("people", "4"),
            ("together", "0"),
            ("mb", "1500"),
            ("home", "HK"),
            ("esim", "0"),
            ("cur", "HKD"),
            ("lang", "zh-Hant"),
            ("start", "2026-07-01"),
            ("hp_price", "20"),
            ("hp_cur", "EUR"),
            ("hp_gb", "100"),
            ("catalogue", "https://blog.example/plans.json"),
        ];
        let (s, errors) = parse_settings(pairs, any_currency);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            s.legs.as_deref().map(write_trip),
            Some("HK:3,CN:4,MO:1".into())
        );
        assert_eq!(
            (s.people, s.together, s.mb, s.esim),
            (Some(4), Some(false), Some(vec![1500]), Some(vec![false]))
        );
        assert_eq!(s.home.map(|c| c.to_string()), Some("HK".into()));
        assert_eq!(s.currency.map(|c| c.to_string()), Some("HKD".into()));
        assert_eq!(s.lang, Some(Lang::ZhHant));
        assert_eq!(s.start.map(|d| d.to_string()), Some("2026-07-01".into()));
        assert_eq!((s.hp_price_minor, s.hp_gb), (Some(2000), Some(100)));
        assert_eq!(
            s.catalogue.as_deref(),
            Some("https://blog.example/plans.json")
        );
    }

    #[test]
    fn a_bad_value_is_reported_and_the_rest_kept() {
        let pairs = [
            ("people", "0"),
            ("mb", "lots"),
            ("trip", "HK:3"),
            ("lang", "de"),
            ("utm_source", "x"),
        ];
        let (s, errors) = parse_settings(pairs, any_currency);
        assert_eq!(s.people, None);
        assert_eq!(s.mb, None);
        assert_eq!(s.legs.map(|l| l.len()), Some(1));
        let keys: Vec<_> = errors.iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            vec!["people", "mb", "lang"],
            "unknown keys are ignored"
        );
        assert_eq!(errors[0].error, InputError::TooSmall { min: 1 });
        assert_eq!(errors[0].value, "0", "the raw value is kept for the reader");
    }

    #[test]
    fn per_traveller_usage_and_phones_carrier_and_plan() {
        let pairs = [
            ("mb", "2048,2048,300,300"),
            ("esim", "1,1,0,0"),
            ("carrier", "China Mobile"),
            ("plan", "free-forfait-5g"),
        ];
        let (s, errors) = parse_settings(pairs, any_currency);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(s.mb, Some(vec![2048, 2048, 300, 300]));
        assert_eq!(s.esim, Some(vec![true, true, false, false]));
        assert_eq!(s.carrier.as_deref(), Some("China Mobile"));
        assert_eq!(s.plan.as_deref(), Some("free-forfait-5g"));
        let (s, errors) = parse_settings([("mb", "1,2,x"), ("plan", "<b>")], any_currency);
        assert_eq!((s.mb, s.plan), (None, None));
        assert_eq!(errors.len(), 2);
        let thirteen = ["100"; 13].join(",");
        let (_, errors) = parse_settings([("mb", thirteen.as_str())], any_currency);
        assert_eq!(
            errors.first().map(|e| &e.error),
            Some(&InputError::TooManyTravellers { max: 12 })
        );
    }

    #[test]
    fn trips_must_be_well_formed_and_bounded() {
        assert!(matches!(parse_trip("HK3"), Err(InputError::BadLeg { .. })));
        assert!(matches!(parse_trip("XX:3"), Err(InputError::BadLeg { .. })));
        assert!(matches!(parse_trip("HK:0"), Err(InputError::BadLeg { .. })));
        assert!(matches!(
            parse_trip("HK:-2"),
            Err(InputError::BadLeg { .. })
        ));
        assert!(matches!(parse_trip(""), Err(InputError::BadLeg { .. })));
        assert_eq!(
            parse_trip("hk:3, cn:4").map(|l| write_trip(&l)),
            Ok("HK:3,CN:4".into())
        );
        let long = vec!["FR:1"; MAX_LEGS + 1].join(",");
        assert_eq!(
            parse_trip(&long),
            Err(InputError::TooManyLegs { max: MAX_LEGS })
        );
        assert_eq!(
            parse_trip("FR:100,CH:30"),
            Err(InputError::TripTooLong { max: MAX_TRIP_DAYS })
        );
    }

    #[test]
    fn counts_reject_negative_zero_and_absurd_values() {
        assert_eq!(
            parse_count("-3", 1, 10),
            Err(InputError::TooSmall { min: 1 })
        );
        assert_eq!(
            parse_count("0", 1, 10),
            Err(InputError::TooSmall { min: 1 })
        );
        assert_eq!(
            parse_count("11", 1, 10),
            Err(InputError::TooLarge { max: 10 })
        );
        assert_eq!(
            parse_count("99999999999999999999999", 1, 10),
            Err(InputError::TooLarge { max: 10 })
        );
        assert_eq!(parse_count("2.5", 1, 10), Err(InputError::NotANumber));
        assert_eq!(parse_count(" 7 ", 1, 10), Ok(7));
    }

    #[test]
    fn prices_accept_comma_or_point_decimals() {
        assert_eq!(parse_price("19,99"), Ok(1999));
        assert_eq!(parse_price("20"), Ok(2000));
        assert_eq!(parse_price("0"), Err(InputError::NotAPrice));
        assert_eq!(parse_price("-5"), Err(InputError::NotAPrice));
        assert_eq!(parse_price("1.2.3"), Err(InputError::NotAPrice));
        assert_eq!(
            parse_price("0.999"),
            Err(InputError::NotAPrice),
            "no fractions of a cent"
        );
        assert_eq!(parse_price("19.9"), Ok(1990));
        assert_eq!(parse_price("0.5"), Ok(50));
        assert_eq!(parse_price(".5"), Ok(50));
        assert_eq!(parse_price("5."), Ok(500));
        assert_eq!(parse_price("1e3"), Err(InputError::NotAPrice));
        assert_eq!(parse_price("abc"), Err(InputError::NotAPrice));
        assert_eq!(parse_price("."), Err(InputError::NotAPrice));
        assert_eq!(parse_price(""), Err(InputError::NotAPrice));
    }

    #[test]
    fn prices_accept_thousands_as_each_language_writes_them() {
        // As `Intl.NumberFormat` writes 1500 and 1234.5 for the widget's
        // locales (en, zh-Hans-CN, zh-Hant-HK: `,`; fr-FR: U+202F), and as
        // readers type them elsewhere (`.` groups and `,` decimals).
        for shown in [
            "1,500",
            "1,500.00",
            "1\u{202f}500",
            "1\u{a0}500",
            "1 500",
            "1 500,00",
            "1.500,00",
            "1.500",
            "1'500.00",
            "1500",
            "1500.00",
            "1500,00",
        ] {
            assert_eq!(parse_price(shown), Ok(150_000), "{shown:?}");
        }
        for shown in ["1,234.5", "1\u{202f}234,5", "1.234,50", "1234.50"] {
            assert_eq!(parse_price(shown), Ok(123_450), "{shown:?}");
        }
        assert_eq!(parse_price("999,999.99"), Ok(99_999_999));
        assert_eq!(
            parse_price("1,000,000"),
            Err(InputError::TooLarge { max: MAX_PRICE })
        );
        // Groups are three digits; one decimal mark, last.
        for bad in [
            "1,50,0",
            "1 5",
            "12,34,567",
            "1.500.00",
            "1,500.000",
            ",500",
            "1,,500",
        ] {
            assert_eq!(parse_price(bad), Err(InputError::NotAPrice), "{bad:?}");
        }
    }

    #[test]
    fn refused_values_are_echoed_at_a_readable_length() {
        let huge = "X".repeat(100_000);
        let (_, errors) = parse_settings(
            [
                ("people", huge.as_str()),
                ("trip", huge.as_str()),
                ("lang", huge.as_str()),
            ],
            any_currency,
        );
        assert_eq!(errors.len(), 3);
        for e in &errors {
            assert_eq!(e.value.chars().count(), ECHO_CHARS + 1, "{}", e.key);
            assert!(e.value.ends_with('…'));
            let inner = match &e.error {
                InputError::BadLeg { text } | InputError::UnknownLanguage { text } => text.len(),
                _ => 0,
            };
            assert!(inner <= ECHO_CHARS * 4 + 3, "{}: {inner}", e.key);
        }
        // Characters, not bytes: never cut inside one.
        assert_eq!(shorten(&"香".repeat(61)), format!("{}…", "香".repeat(60)));
        assert_eq!(shorten("short"), "short");
    }

    #[test]
    fn a_huge_trip_is_refused_without_reading_it_all() {
        let huge = vec!["FR:1"; 20_000].join(",");
        assert_eq!(
            parse_trip(&huge),
            Err(InputError::TooManyLegs { max: MAX_LEGS })
        );
    }

    #[test]
    fn start_dates_stay_within_the_years_the_rules_are_known_for() {
        let (first, last) = rules_span();
        assert_eq!(first.to_string(), "2022-07-01");
        assert_eq!(last.to_string(), "2032-06-30");
        assert_eq!(parse_start("2022-07-01"), Ok(first));
        assert_eq!(parse_start(" 2032-06-30 "), Ok(last));
        for outside in ["2022-06-30", "2032-07-01", "1900-01-01", "2200-12-31"] {
            assert_eq!(
                parse_start(outside),
                Err(InputError::OutsideRules { first, last }),
                "{outside}"
            );
        }
        assert_eq!(parse_start("2026-02-30"), Err(InputError::BadDate));
        let (s, errors) = parse_settings([("start", "1900-01-01")], any_currency);
        assert_eq!(s.start, None);
        assert_eq!(errors[0].error, InputError::OutsideRules { first, last });
        let today = Date::new(2040, 1, 1).unwrap_or(Date::EPOCH);
        assert_eq!(within_rules(today), last);
    }

    #[test]
    fn a_long_focus_list_is_cut_to_the_stop_limit_and_said_so() {
        let codes = [
            "FR", "DE", "IT", "ES", "PT", "NL", "BE", "LU", "AT", "CH", "PL", "CZ", "SK", "HU",
            "SI", "HR", "GR", "DK", "SE", "NO", "FI", "IE", "GB", "IS", "EE",
        ];
        let value = codes.join(",");
        let (s, errors) = parse_settings([("focus", value.as_str())], any_currency);
        let kept: Vec<String> = s
            .focus
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(kept, codes[..MAX_LEGS].to_vec());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].key, "focus");
        assert_eq!(
            errors[0].error,
            InputError::TooManyCountries { max: MAX_LEGS }
        );
        // At the limit: no message.
        let value = codes[..MAX_LEGS].join(",");
        let (s, errors) = parse_settings([("focus", value.as_str())], any_currency);
        assert!(errors.is_empty());
        assert_eq!(s.focus.map(|f| f.len()), Some(MAX_LEGS));
    }

    #[test]
    fn the_carrier_setting_is_read() {
        let (s, errors) = parse_settings([("carrier", " SmarTone ")], any_currency);
        assert!(errors.is_empty());
        assert_eq!(s.carrier.as_deref(), Some("SmarTone"));
        let long = "x".repeat(81);
        let (s, errors) = parse_settings([("carrier", long.as_str())], any_currency);
        assert_eq!(s.carrier, None);
        assert_eq!(errors[0].error, InputError::NotACarrier);
    }

    #[test]
    fn catalogue_addresses_are_http_or_relative_only() {
        assert!(parse_catalogue_address("https://blog.example/p.json").is_ok());
        assert!(parse_catalogue_address("plans/my.json").is_ok());
        assert_eq!(
            parse_catalogue_address("javascript:alert(1)"),
            Err(InputError::BadAddress)
        );
        assert_eq!(
            parse_catalogue_address("data:text/plain,{}"),
            Err(InputError::BadAddress)
        );
        assert_eq!(
            parse_catalogue_address("//evil.example/x"),
            Err(InputError::BadAddress)
        );
        // Backslashes and control characters: what URL parsers turn into `//`.
        for trick in [
            "\\\\evil.example\\plans.json",
            "/\\evil.example/plans.json",
            "\\/evil.example/plans.json",
            "/\t/evil.example/plans.json",
            "/\n/evil.example/plans.json",
        ] {
            assert_eq!(
                parse_catalogue_address(trick),
                Err(InputError::BadAddress),
                "{trick:?}"
            );
        }
    }

    #[test]
    fn queries_round_trip_through_encoding() {
        let pairs = vec![
            ("trip", "HK:3,CN:4".to_owned()),
            (
                "catalogue",
                "https://blog.example/p.json?a=1&b=2".to_owned(),
            ),
            ("x", "中 文 %".to_owned()),
        ];
        let query = encode_query(&pairs);
        assert!(query.starts_with("trip=HK:3,CN:4&"), "{query}");
        let back = decode_query(&format!("?{query}"));
        let expected: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        assert_eq!(back, expected);
    }

    #[test]
    fn broken_percent_escapes_are_kept_as_text() {
        assert_eq!(
            decode_query("a=%zz&b=%4"),
            vec![("a".into(), "%zz".into()), ("b".into(), "%4".into())]
        );
        assert_eq!(decode_query("a=1+2"), vec![("a".into(), "1 2".into())]);
    }

    #[test]
    fn embed_settings_theme_and_focus() {
        let (s, errors) = parse_settings([("theme", "dark"), ("focus", "hk,MO")], any_currency);
        assert!(errors.is_empty());
        assert_eq!(s.theme, Some(Theme::Dark));
        assert_eq!(s.focus.map(|f| f.len()), Some(2));
        let (_, errors) = parse_settings([("theme", "neon")], any_currency);
        assert_eq!(errors[0].error, InputError::NotATheme);
    }

    #[test]
    fn unknown_currency_is_refused() {
        let (s, errors) = parse_settings([("cur", "XYZ")], |c| c.as_str() != "XYZ");
        assert_eq!(s.currency, None);
        assert_eq!(
            errors[0].error,
            InputError::UnknownCurrency { text: "XYZ".into() }
        );
    }
}
