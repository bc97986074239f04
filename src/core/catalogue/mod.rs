//! The plan catalogue (format 1, see `shared/catalogue-format.md`): its types,
//! and loading a file into them with every problem reported.

pub mod evidence;
mod problem;
pub mod report;
mod validate;

pub use problem::{Expected, Issue, Problem, Problems, Severity};
pub use validate::{
    from_json, load, validate, validate_text, Loaded, Validation, DEFAULT_STALE_AFTER_MONTHS,
    HOME_PLAN_DAYS, MAX_CATALOGUE_BYTES,
};

use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::lang::{Lang, LocalizedText};
use crate::core::money::{Currency, Money, Rates};

/// Megabytes of data (1 GB = 1024 MB throughout).
pub type Megabytes = u64;

/// MB in one GB, as the catalogue format defines it.
pub const MB_PER_GB: u64 = 1024;

/// A validated catalogue: every plan's prices, currencies and countries known.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Catalogue {
    /// Date the prices were gathered (`as_of`).
    pub as_of: Option<Date>,
    /// Exchange rates, units per euro.
    pub rates: Rates,
    /// Named country sets, for display ("works in @EUROPE").
    pub zones: Vec<(String, Vec<CountryCode>)>,
    /// Plans in file order (home plans, `kind: "plan"`, included).
    pub plans: Vec<Plan>,
    /// Where the exchange rates come from (`rates_source`).
    pub rates_source: Option<String>,
    /// The date of the exchange rates (`rates_date`).
    pub rates_date: Option<Date>,
    /// Months after which a `checked` or `seen` date is old, counted back
    /// from `as_of` (`stale_after_months`), when the catalogue sets it.
    pub stale_after_months: Option<u32>,
}

impl Catalogue {
    /// This catalogue with the readers' notes and evidence quotes of
    /// `full`, plan by plan (same id, same evidence pages). Figures stay
    /// this catalogue's: `full` only adds words.
    #[must_use]
    pub fn with_texts_from(&self, full: &Catalogue) -> Catalogue {
        let mut merged = self.clone();
        for plan in &mut merged.plans {
            let Some(source) = full.plans.iter().find(|p| p.id == plan.id) else {
                continue;
            };
            let p = &mut plan.provenance;
            if p.notes.is_none() {
                p.notes.clone_from(&source.provenance.notes);
            }
            for (entry, from) in p.evidence.iter_mut().zip(&source.provenance.evidence) {
                if entry.url == from.url {
                    entry.quote.clone_from(&from.quote);
                }
            }
        }
        merged
    }

    /// A carrier's name in the reader's language: `key` is how plans name
    /// it in `carriers` (English); the name is that of the first plan the
    /// carrier itself sells (its `provider`), or the key when it sells none
    /// here.
    pub fn carrier_name(&self, key: &str, lang: Lang) -> String {
        self.plans
            .iter()
            .find(|p| p.provider.eq_ignore_ascii_case(key))
            .map_or_else(|| key.to_owned(), |p| p.provider_name.get(lang).to_owned())
    }

    /// The home plans (`kind: "plan"`) a carrier of `home` offers there.
    pub fn home_plans_of<'a>(
        &'a self,
        home: CountryCode,
        carrier: &'a str,
    ) -> impl Iterator<Item = &'a Plan> + 'a {
        self.plans.iter().filter(move |p| {
            p.kind == PlanKind::HomePlan
                && p.home == Some(home)
                && p.provider.eq_ignore_ascii_case(carrier)
        })
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// Months after which a date is old: the catalogue's own limit, or
    /// [`DEFAULT_STALE_AFTER_MONTHS`].
    pub fn stale_after_months(&self) -> u32 {
        self.stale_after_months
            .unwrap_or(DEFAULT_STALE_AFTER_MONTHS)
    }
}

/// What sort of line a plan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanKind {
    /// A downloadable eSIM profile.
    Esim,
    /// A physical SIM card.
    Sim,
    /// A pass added to a home line (needs a subscription in `home`).
    Roaming,
    /// A domestic monthly subscription the reader may already have: never
    /// bought by the calculator, only used as the reader's own line.
    HomePlan,
}

impl PlanKind {
    /// The catalogue's word for it.
    pub fn code(self) -> &'static str {
        match self {
            PlanKind::Esim => "esim",
            PlanKind::Sim => "sim",
            PlanKind::Roaming => "roaming",
            PlanKind::HomePlan => "plan",
        }
    }
}

/// How a plan is charged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Billing {
    /// One price for up to `validity_days` days from first use.
    Pass {
        /// Days of validity, counted from first use.
        validity_days: u32,
    },
    /// A price for each day used.
    Day,
}

/// What a plan allows for sharing its data over Wi-Fi with other phones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hotspot {
    /// Not stated by the seller: treated as not allowed, shown as unknown.
    Unknown,
    /// Not allowed.
    Blocked,
    /// Allowed without a stated limit.
    Allowed,
    /// Up to this many MB a day may be tethered.
    CappedPerDay(Megabytes),
}

impl Hotspot {
    /// Whether `tethered` MB a day may be shared with other phones.
    pub fn allows(self, tethered: Megabytes) -> bool {
        match self {
            Hotspot::Allowed => true,
            Hotspot::CappedPerDay(cap) => tethered <= cap,
            Hotspot::Unknown | Hotspot::Blocked => false,
        }
    }
}

/// A shared pool: several lines drawing on one allowance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pool {
    /// Lines that may share, the first included (>= 2).
    pub max_lines: u32,
    /// Price of each line after the first.
    pub extra_line_price: Money,
}

/// Extra data that may be bought any number of times while a pass is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Topup {
    /// Data each top-up adds.
    pub data_mb: Megabytes,
    /// Price of each top-up.
    pub price: Money,
}

/// How sure the catalogue's author is of a plan's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Seen on the seller's own material.
    Observed,
    /// Partly seen, partly inferred.
    Partial,
    /// Inferred; not checked against the seller.
    Unverified,
}

/// Who may buy a plan (`buyers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Buyers {
    /// Anyone, visitors included (default for `esim` and `sim`).
    Anyone,
    /// Residents of `home` only: local ID, address or a carrier account
    /// (postpaid lines, contracts, pools).
    Residents,
    /// Lines of a carrier in `carriers` only (default for `roaming`).
    Customers,
}

/// One page that gives a plan's figures, with the words on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The offer page.
    pub url: String,
    /// The exact words on the page that give the figures.
    pub quote: String,
    /// When the page was seen.
    pub seen: Option<Date>,
}

/// Data a home plan includes at no extra cost in some countries (`roaming`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inclusion {
    /// Where, zones expanded, sorted, each once.
    pub coverage: Vec<CountryCode>,
    /// Coverage as written, for display.
    pub coverage_as_written: Vec<String>,
    /// MB a month usable there; `None` = the domestic allowance.
    pub data_mb: Option<Megabytes>,
}

impl Inclusion {
    /// Whether the inclusion applies in `country`.
    pub fn covers(&self, country: CountryCode) -> bool {
        self.coverage.binary_search(&country).is_ok()
    }
}

/// Where a plan's figures come from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Provenance {
    /// The seller's page (`source`, a bare URL).
    pub source: Option<String>,
    /// Pages with the quoted figures (`evidence`).
    pub evidence: Vec<Evidence>,
    /// Where the reader can buy it (`buy_url`).
    pub buy_url: Option<String>,
    /// When it was last checked.
    pub checked: Option<Date>,
    /// Free text for the reader.
    pub notes: Option<LocalizedText>,
    /// Where a card is sold or collected (`sold_at`), for the reader.
    pub sold_at: Option<LocalizedText>,
    /// How sure the figures are.
    pub confidence: Option<Confidence>,
}

/// One plan a traveller can buy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Stable id, `[a-z0-9-]+`.
    pub id: String,
    /// Name, possibly translated.
    pub name: LocalizedText,
    /// Seller or carrier as the traveller knows it (the carrier key used by
    /// `carriers` and the `carrier` setting is its plain or English form).
    pub provider: String,
    /// The provider's name in each language, when the catalogue gives it.
    pub provider_name: LocalizedText,
    /// eSIM, SIM card or roaming pass.
    pub kind: PlanKind,
    /// For roaming passes, residents' plans and home plans: the home line's
    /// country.
    pub home: Option<CountryCode>,
    /// Who may buy it.
    pub buyers: Buyers,
    /// Carriers whose lines can take it (roaming passes, add-ons); default
    /// the provider alone.
    pub carriers: Vec<String>,
    /// A subscription with this commitment: bought at most once per line
    /// per trip.
    pub contract_months: Option<u32>,
    /// SIM cards in one purchase, each with the plan's own data (a family
    /// bundle: bound, not pooled). `account_lines` is read as a synonym.
    pub cards: Option<u32>,
    /// Where the traffic leaves the network (blocked-apps caveat).
    pub breakout: Option<CountryCode>,
    /// For home plans: data included abroad at no extra cost.
    pub roaming: Vec<Inclusion>,
    /// Where the data works, zones expanded, sorted, each once.
    pub coverage: Vec<CountryCode>,
    /// Coverage as written (codes and `@zones`), for display.
    pub coverage_as_written: Vec<String>,
    /// Price of the pass, or of one day for day billing.
    pub price: Money,
    /// Pass or per day; a home plan's month is a pass of
    /// [`HOME_PLAN_DAYS`] days.
    pub billing: Billing,
    /// High-speed data for the whole pass; `None` = no total cap.
    pub data_mb: Option<Megabytes>,
    /// High-speed data a day; `None` = no daily cap.
    pub daily_mb: Option<Megabytes>,
    /// Tethering rule.
    pub hotspot: Hotspot,
    /// Shared pool, if the plan has one.
    pub pool: Option<Pool>,
    /// Top-up, if one can be bought.
    pub topup: Option<Topup>,
    /// Where the figures come from.
    pub provenance: Provenance,
    /// Extension: roaming must be switched on / bought before leaving home.
    pub needs_activation: bool,
    /// Extension: real-name registration is needed (all Hong Kong cards).
    pub real_name: bool,
}

impl Plan {
    /// Whether the plan's data works in `country`.
    pub fn covers(&self, country: CountryCode) -> bool {
        self.coverage.binary_search(&country).is_ok()
    }

    /// "Unlimited": no total cap and no daily cap, so only fair use limits it.
    pub fn is_unlimited(&self) -> bool {
        self.data_mb.is_none() && self.daily_mb.is_none()
    }

    /// Validity in days for a pass; `None` for day billing.
    pub fn validity_days(&self) -> Option<u32> {
        match self.billing {
            Billing::Pass { validity_days } => Some(validity_days),
            Billing::Day => None,
        }
    }

    /// Display currency-independent price currency.
    pub fn currency(&self) -> Currency {
        self.price.currency
    }

    /// Whether a line of `carrier` can take this plan (roaming passes).
    pub fn takes_carrier(&self, carrier: &str) -> bool {
        self.carriers
            .iter()
            .any(|c| c.eq_ignore_ascii_case(carrier))
    }

    /// Whether the plan is a home plan (the reader's own line).
    pub fn is_home_plan(&self) -> bool {
        self.kind == PlanKind::HomePlan
    }
}

/// The built-in catalogue's JSON as written (`assets/catalogue.json`, also
/// served beside the widget as `catalogue.json`).
pub const BUILT_IN_JSON: &str = include_str!("../../../assets/catalogue.json");

/// The built-in catalogue's figures, shipped inside the widget so that the
/// first answer needs no second request: `BUILT_IN_JSON` without the
/// readers' notes and with evidence quotes left out (build.rs). The notes
/// follow from `catalogue.json` (`Catalogue::with_texts_from`).
pub const BUILT_IN_CORE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-core.json"));

/// The built-in figures the first-answer module carries (`crate::first`):
/// `BUILT_IN_CORE_JSON` without the sources it does not show (evidence,
/// where to buy), the latest date seen kept as `checked` (build.rs).
pub const BUILT_IN_FIRST_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/catalogue-first.json"));

/// Loads catalogue text natively, with `serde_json` (tests, bench, SSR),
/// without a date for today.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_native(text: &str) -> Result<Loaded, Problems> {
    load(text, None, crate::core::json::from_str)
}
