//! What can be wrong with a catalogue file, in terms a blog owner can act on.
//! The UI turns each `Issue` into a sentence in the reader's language.
//!
//! Errors make a file unusable; advisories (missing evidence, old or future
//! dates) never do, so that every format-1 file valid before stays valid.

use super::PlanKind;
use crate::core::date::Date;
use std::ops::Deref;

/// Whether a problem stops the catalogue from being used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file breaks the contract: it is not used.
    Error,
    /// Worth the author's attention (evidence, dates); the file is used.
    Advisory,
}

/// The JSON type a field should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// A number.
    Number,
    /// A whole number.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// `true`, `false` or a whole number.
    BooleanOrInteger,
    /// A string or an object of translations.
    TextOrTranslations,
    /// An object.
    Object,
    /// An array.
    List,
}

/// One thing wrong with a catalogue.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// The file could not be read as JSON at all.
    NotJson {
        /// The parser's own words.
        detail: String,
    },
    /// The file is larger than the widget accepts.
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// `format` is not 1 (or missing): this widget reads format 1 only.
    UnknownFormat {
        /// What was found.
        found: String,
    },
    /// A required field is absent.
    Missing,
    /// A field has the wrong JSON type.
    WrongType {
        /// What it should be.
        expected: Expected,
        /// What it is.
        found: &'static str,
    },
    /// An empty string or list where something is needed.
    Empty,
    /// An id that is not `[a-z0-9-]+`.
    BadId,
    /// Two plans share this id.
    DuplicateId,
    /// A currency without a rate in `rates_per_eur`.
    UnknownCurrency {
        /// The code as written.
        code: String,
    },
    /// A value that must be above zero.
    NotPositive,
    /// A value that must not be negative.
    Negative,
    /// Not an ISO 3166-1 alpha-2 code.
    UnknownCountry {
        /// The code as written.
        code: String,
    },
    /// A `@zone` not defined in `zones`.
    UnknownZone {
        /// The zone name as written, without `@`.
        name: String,
    },
    /// `data_mb` given on a plan billed by the day.
    DataWithDayBilling,
    /// A pool with fewer than two lines.
    PoolTooSmall {
        /// The `max_lines` found.
        max_lines: i64,
    },
    /// A pass without `validity_days`.
    MissingValidity,
    /// A roaming pass without `home`.
    RoamingWithoutHome,
    /// A word outside the allowed set.
    UnknownValue {
        /// What was found.
        value: String,
        /// What is allowed.
        allowed: &'static [&'static str],
    },
    /// Not a `YYYY-MM-DD` date.
    BadDate {
        /// What was found.
        value: String,
    },
    /// The catalogue has no plans.
    NoPlans,
    /// `rates_per_eur.EUR` is not 1 (rates are units per euro).
    EuroRateNotOne,
    /// Arrays and objects nested deeper than the widget reads.
    TooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// A number too large to be a number at all (the browser reads `1e400`
    /// as infinity), or not a number (NaN).
    NotFinite,
    /// A whole number or an amount too large for the widget to hold.
    NumberTooLarge {
        /// The largest accepted, as the author would write it.
        max: String,
    },
    /// An exchange rate outside the range the widget converts with.
    RateOutOfRange {
        /// The smallest rate accepted.
        min: &'static str,
        /// The largest rate accepted.
        max: &'static str,
    },
    /// A whole number below its minimum.
    TooSmall {
        /// The minimum.
        min: i64,
    },
    /// A price with more decimals than its currency has: never rounded.
    TooManyDecimals {
        /// The price's currency.
        currency: String,
        /// Decimals that currency's prices have (2, or 0 for JPY, KRW...).
        allowed: u8,
    },
    /// A home plan (`kind: "plan"`) without `home`.
    HomePlanWithoutHome,
    /// `buyers: "residents"` without `home`.
    ResidentsWithoutHome,
    /// A field that has no meaning for this kind of plan.
    NotForKind {
        /// The plan's kind.
        kind: PlanKind,
    },
    /// `cards` and its old name `account_lines` both given, different.
    CardsDisagree {
        /// `cards` as written.
        cards: u32,
        /// `account_lines` as written.
        account_lines: u32,
    },
    /// Not an absolute `http://` or `https://` address.
    NotWebAddress,
    /// Advisory: `confidence: "observed"` with no `evidence` entry.
    ObservedWithoutEvidence,
    /// Advisory: an address that is a site's home page (or a language's
    /// home page, `/en/`), not the page of the offer.
    HomePageOnly {
        /// The address.
        url: String,
    },
    /// Advisory: an evidence quote that does not contain the plan's price.
    QuoteWithoutPrice {
        /// The price, as the author would write it (`168`, `19.99`).
        price: String,
    },
    /// Advisory: a date later than the catalogue's `as_of`.
    AfterAsOf {
        /// The catalogue's date.
        as_of: Date,
    },
    /// Advisory: a date later than today.
    InTheFuture {
        /// Today.
        today: Date,
    },
    /// Advisory: a date older than the catalogue's staleness limit.
    Stale {
        /// Whole months from the date to `as_of`.
        months: u32,
        /// The limit (`stale_after_months`, default 12).
        limit: u32,
    },
}

impl Issue {
    /// Whether the issue makes the file unusable.
    pub fn severity(&self) -> Severity {
        match self {
            Issue::ObservedWithoutEvidence
            | Issue::HomePageOnly { .. }
            | Issue::QuoteWithoutPrice { .. }
            | Issue::AfterAsOf { .. }
            | Issue::InTheFuture { .. }
            | Issue::Stale { .. } => Severity::Advisory,
            _ => Severity::Error,
        }
    }
}

/// A problem, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The plan's id (or `#n`, its position, when the id itself is unusable);
    /// `None` for the file's top level.
    pub plan: Option<String>,
    /// The field, dotted for nested ones (`pool.max_lines`); empty for the
    /// whole file.
    pub field: String,
    /// What is wrong.
    pub issue: Issue,
}

impl Problem {
    /// Whether the problem makes the file unusable.
    pub fn severity(&self) -> Severity {
        self.issue.severity()
    }

    /// Whether the problem makes the file unusable.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// A list of problems as shown: the first [`Problems::SHOWN`], in file order,
/// and how many more there are. It reads as a slice of the shown ones.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Problems {
    /// The problems listed.
    pub shown: Vec<Problem>,
    /// How many more were found and not kept.
    pub more: usize,
}

impl Problems {
    /// Problems kept for display: more would only bury the first ones.
    pub const SHOWN: usize = 50;

    /// Keeps the first [`Problems::SHOWN`] of `all`.
    pub fn capped(mut all: Vec<Problem>) -> Problems {
        let more = all.len().saturating_sub(Problems::SHOWN);
        all.truncate(Problems::SHOWN);
        Problems { shown: all, more }
    }

    /// Every problem found, shown or not.
    pub fn total(&self) -> usize {
        self.shown.len() + self.more
    }
}

impl From<Vec<Problem>> for Problems {
    fn from(all: Vec<Problem>) -> Problems {
        Problems::capped(all)
    }
}

impl Deref for Problems {
    type Target = [Problem];

    fn deref(&self) -> &[Problem] {
        &self.shown
    }
}
