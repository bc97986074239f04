//! The maintainer's report on a catalogue (issue 11): what validation found,
//! how sure the plans are and how recently they were seen, which sources
//! are only a home page, and which plans are due for a new look.
//!
//! Pure: today's date is a parameter (the `catalogue_report` binary reads
//! the clock), so the report is tested like the rest of the core.

use super::evidence::is_home_page;
use super::{Confidence, Plan, Problems, Validation};
use crate::core::date::Date;

/// Months after which the report lists a plan as due, by default.
pub const DEFAULT_OLDER_THAN_MONTHS: u32 = 6;

/// How long ago a plan's newest `checked` or `seen` date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Age {
    /// After today: a typing mistake.
    Future,
    /// Less than a month ago.
    UnderOneMonth,
    /// One to three whole months.
    OneToThreeMonths,
    /// Three to six whole months.
    ThreeToSixMonths,
    /// Six to twelve whole months.
    SixToTwelveMonths,
    /// Twelve whole months or more.
    OverAYear,
    /// No date at all.
    Undated,
}

impl Age {
    /// Every age, youngest first, undated last.
    pub const ALL: [Age; 7] = [
        Age::Future,
        Age::UnderOneMonth,
        Age::OneToThreeMonths,
        Age::ThreeToSixMonths,
        Age::SixToTwelveMonths,
        Age::OverAYear,
        Age::Undated,
    ];

    /// The age of `newest` on `today`.
    pub fn of(newest: Option<Date>, today: Date) -> Age {
        let Some(date) = newest else {
            return Age::Undated;
        };
        if date > today {
            return Age::Future;
        }
        match date.months_until(today) {
            0 => Age::UnderOneMonth,
            1..=2 => Age::OneToThreeMonths,
            3..=5 => Age::ThreeToSixMonths,
            6..=11 => Age::SixToTwelveMonths,
            _ => Age::OverAYear,
        }
    }
}

/// An address given as a source that is only a site's (or a language's)
/// home page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomePageSource {
    /// The plan's id; `None` for the catalogue's `rates_source`.
    pub plan: Option<String>,
    /// The field (`source`, `evidence.2.url`, `rates_source`).
    pub field: String,
    /// The address.
    pub url: String,
}

/// A plan whose newest date is older than the report's limit (or missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuePlan {
    /// The plan's id.
    pub plan: String,
    /// Its newest `checked` or `seen` date, if any.
    pub newest: Option<Date>,
    /// Whole months from that date to today.
    pub months: Option<u32>,
}

/// Everything the maintainer's report says.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The day the report was made for.
    pub today: Date,
    /// The limit for [`Report::due`], in months.
    pub older_than_months: u32,
    /// Validation errors (the catalogue is not usable while there are any).
    pub errors: Problems,
    /// Validation advisories.
    pub advisories: Problems,
    /// Plans that read without errors (the statistics are about these).
    pub plans: usize,
    /// Plans by confidence: observed, partial, unverified, not said.
    pub by_confidence: Vec<(Option<Confidence>, usize)>,
    /// Plans by the age of their newest `checked`/`seen`, every age listed.
    pub by_age: Vec<(Age, usize)>,
    /// Sources and evidence pages that are only a home page.
    pub home_pages: Vec<HomePageSource>,
    /// Plans not seen for `older_than_months` or more, oldest first, undated
    /// ones first of all.
    pub due: Vec<DuePlan>,
}

impl Report {
    /// Whether the catalogue has errors (the report's exit code).
    pub fn has_errors(&self) -> bool {
        self.errors.total() > 0
    }
}

/// A plan's newest `checked` or evidence `seen` date.
pub fn newest_date(plan: &Plan) -> Option<Date> {
    let seen = plan.provenance.evidence.iter().filter_map(|e| e.seen);
    plan.provenance.checked.into_iter().chain(seen).max()
}

/// Builds the report on a validation, as of `today`, listing as due the
/// plans not seen for `older_than_months` whole months or more.
pub fn build(validation: &Validation, today: Date, older_than_months: u32) -> Report {
    let plans = &validation.catalogue.plans;
    let by_confidence = [
        Some(Confidence::Observed),
        Some(Confidence::Partial),
        Some(Confidence::Unverified),
        None,
    ]
    .into_iter()
    .map(|c| {
        let count = plans
            .iter()
            .filter(|p| p.provenance.confidence == c)
            .count();
        (c, count)
    })
    .collect();
    let ages: Vec<Age> = plans
        .iter()
        .map(|p| Age::of(newest_date(p), today))
        .collect();
    let by_age = Age::ALL
        .into_iter()
        .map(|age| (age, ages.iter().filter(|a| **a == age).count()))
        .collect();

    let mut home_pages = Vec::new();
    if let Some(url) = validation.catalogue.rates_source.as_ref() {
        if is_home_page(url) {
            home_pages.push(HomePageSource {
                plan: None,
                field: "rates_source".to_owned(),
                url: url.clone(),
            });
        }
    }
    for plan in plans {
        let source = plan
            .provenance
            .source
            .iter()
            .map(|url| ("source".to_owned(), url));
        let evidence = plan
            .provenance
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("evidence.{}.url", i + 1), &e.url));
        for (field, url) in source.chain(evidence) {
            if is_home_page(url) {
                home_pages.push(HomePageSource {
                    plan: Some(plan.id.clone()),
                    field,
                    url: url.clone(),
                });
            }
        }
    }

    let mut due: Vec<DuePlan> = plans
        .iter()
        .filter_map(|p| {
            let newest = newest_date(p);
            let months = newest
                .filter(|d| *d <= today)
                .map(|d| d.months_until(today));
            let is_due = match (newest, months) {
                (None, _) => true,
                (Some(_), Some(months)) => months >= older_than_months,
                (Some(_), None) => false,
            };
            is_due.then(|| DuePlan {
                plan: p.id.clone(),
                newest,
                months,
            })
        })
        .collect();
    // Undated first, then oldest first; file order among equals.
    due.sort_by_key(|d| d.newest);

    Report {
        today,
        older_than_months,
        errors: validation.errors.clone(),
        advisories: validation.advisories.clone(),
        plans: plans.len(),
        by_confidence,
        by_age,
        home_pages,
        due,
    }
}
