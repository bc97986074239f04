//! What can be wrong with a catalogue file, in terms a blog owner can act on.
//! The UI turns each `Issue` into a sentence in the reader's language.

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
