//! The travellers' own line: what it serves on a trip and at what cost
//! ("Home plans: the reader's own line" in the catalogue contract).
//!
//! Days in the home country are domestic: free, nothing bought. Elsewhere the
//! line serves the countries of its allowance groups:
//! - the EU/EEA under Regulation (EU) 2022/612 for an EU/EEA home plan: the
//!   larger of min(domestic, 2 x price ex VAT / wholesale cap) and the plan's
//!   own declared EU inclusion, then a regulated surcharge per GB;
//! - each declared `roaming` inclusion outside the EU/EEA, up to its
//!   allowance, after which the line is not used (something is bought);
//!   an inclusion that also covers EU/EEA countries shares the EU group's
//!   allowance (one figure for all its countries), and beyond it those
//!   countries take the EU surcharge: the catalogue has no other rate.
//!
//! Allowances are monthly: one per started 30 days of trip, pooled.

use crate::core::catalogue::{Catalogue, Megabytes, Plan, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::money::{div_round, Currency, Money, Rates, Ratio, Value};
use crate::core::trip::{OwnPlan, Trip};

/// Euro cents per euro-hundredth ratio helpers: basis points in one.
const BASIS: i128 = 10_000;
/// Pico-euros in one euro cent.
const PICO_PER_EUR_CENT: i128 = 10_000_000_000;
/// The allowance is monthly; a longer trip gets one per started 30 days.
const ALLOWANCE_PERIOD_DAYS: u32 = 30;

/// Regulated wholesale cap on roaming data in a year, in euro cents per GB
/// excluding VAT (Regulation 2022/612, Art. 11).
pub fn wholesale_cap_cents_per_gb(year: i32) -> i64 {
    match year {
        ..=2022 => 200,
        2023 => 180,
        2024 => 155,
        2025 => 130,
        2026 => 110,
        _ => 100,
    }
}

/// The EU regulation's figures for the reader's plan (shown in words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EuRule {
    /// VAT of the home country, basis points.
    pub vat_basis_points: u32,
    /// Wholesale cap for the trip's year, euro cents per GB ex VAT.
    pub cap_cents_per_gb: i64,
    /// `2 x price ex VAT / cap`, MB a month.
    pub fair_use_mb: Megabytes,
    /// Domestic allowance, MB a month (`None` = unlimited).
    pub domestic_mb: Option<Megabytes>,
    /// The plan's own declared EU inclusion, MB a month, when it has one.
    pub declared_mb: Option<Megabytes>,
}

impl EuRule {
    /// The monthly EU allowance: the regulation's floor or the declared
    /// inclusion, whichever is larger.
    pub fn monthly_allowance_mb(&self) -> Megabytes {
        let floor = self
            .domestic_mb
            .map_or(self.fair_use_mb, |d| d.min(self.fair_use_mb));
        self.declared_mb.map_or(floor, |d| d.max(floor))
    }

    /// The surcharge per GB including VAT, in euro cents (rounded for
    /// display only).
    pub fn surcharge_per_gb(&self) -> Money {
        let minor = div_round(
            i128::from(self.cap_cents_per_gb) * (BASIS + i128::from(self.vat_basis_points)),
            BASIS,
        );
        Money::new(i64::try_from(minor).unwrap_or(i64::MAX), Currency::EUR)
    }
}

/// Where an allowance group comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GroupKind {
    /// The EU/EEA under the regulation (with any declared EU inclusion).
    Eu,
    /// The EU/EEA for a reader whose plan is not known yet: the line works,
    /// the allowance depends on the plan.
    EuPlanUnknown,
    /// A declared inclusion outside the EU/EEA (index in the plan's `roaming`).
    Declared(usize),
}

/// Countries sharing one allowance of the own line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AllowanceGroup {
    /// What it is.
    pub kind: GroupKind,
    /// Countries, sorted (never the home country).
    pub countries: Vec<CountryCode>,
    /// MB a line may use there over the whole trip; `None` = no limit.
    pub allowance_mb: Option<Megabytes>,
    /// Beyond the allowance: the surcharge per MB (EU), or `None` when the
    /// line is not used beyond it.
    pub surcharge: Option<SurchargeRule>,
}

impl AllowanceGroup {
    /// Whether the group serves `country`.
    pub fn covers(&self, country: CountryCode) -> bool {
        self.countries.binary_search(&country).is_ok()
    }

    /// Whether a traveller using `mb_per_day` can use the line on `days`
    /// days of this group, and what it costs beyond the allowance (exact,
    /// hundredths of a euro). `None` when the line cannot serve them all.
    pub fn cost_of(&self, mb_per_day: Megabytes, days: u32) -> Option<Ratio> {
        let used = mb_per_day.checked_mul(u64::from(days))?;
        let Some(allowance) = self.allowance_mb else {
            return Some(Ratio::minor(0));
        };
        if used <= allowance {
            return Some(Ratio::minor(0));
        }
        let rule = self.surcharge?;
        Some(rule.cost(used - allowance))
    }
}

/// The regulated surcharge beyond the EU allowance: at most the wholesale cap
/// per GB plus the home country's VAT.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SurchargeRule {
    /// Euro cents per GB ex VAT.
    pub cap_cents_per_gb: i64,
    /// Home VAT, basis points.
    pub vat_basis_points: u32,
}

impl SurchargeRule {
    /// Exact surcharge for `excess_mb`, in hundredths of a euro.
    pub fn cost(&self, excess_mb: Megabytes) -> Ratio {
        Ratio {
            num: i128::from(excess_mb)
                * i128::from(self.cap_cents_per_gb)
                * (BASIS + i128::from(self.vat_basis_points)),
            den: BASIS * i128::from(MB_PER_GB),
        }
    }

    /// The same on the engine's yardstick (pico-euros).
    pub fn value(&self, excess_mb: Megabytes) -> Value {
        let r = self.cost(excess_mb);
        Value(div_round(r.num * PICO_PER_EUR_CENT, r.den))
    }
}

/// What a trip day is for the own line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayUse {
    /// In the home country: domestic, free.
    Home,
    /// In allowance group `n`.
    Group(usize),
    /// The own line does not serve it: something must be bought.
    None,
}

/// The own line for a trip.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OwnLine {
    /// Home country.
    pub home: CountryCode,
    /// The catalogue home plan, when the reader picked one.
    pub plan: Option<usize>,
    /// The regulation's figures, for an EU/EEA home with a known plan.
    pub eu: Option<EuRule>,
    /// Allowance groups, in a stable order (EU first).
    pub groups: Vec<AllowanceGroup>,
    /// Allowance periods on this trip (started 30 days).
    pub periods: u32,
}

impl OwnLine {
    /// The own line of a trip; `None` without a home country.
    pub fn for_trip(trip: &Trip, catalogue: &Catalogue) -> Option<OwnLine> {
        let home = trip.home?;
        let periods = trip.total_days().div_ceil(ALLOWANCE_PERIOD_DAYS).max(1);
        let picked = match &trip.own_plan {
            Some(OwnPlan::Catalogue(id)) => catalogue
                .plans
                .iter()
                .position(|p| p.is_home_plan() && p.id == *id && p.home == Some(home)),
            _ => None,
        };
        let plan = picked.map(|i| &catalogue.plans[i]);
        // Monthly price incl. VAT and domestic data of the reader's plan.
        let terms: Option<(Money, Option<Megabytes>)> = match (&trip.own_plan, plan) {
            (_, Some(p)) => Some((p.price, p.data_mb)),
            (Some(OwnPlan::Custom(hp)), None) => Some((
                hp.monthly_price,
                hp.domestic_gb.map(|gb| u64::from(gb) * MB_PER_GB),
            )),
            _ => None,
        };
        let periods64 = u64::from(periods);
        let declared = plan.map(|p| p.roaming.as_slice()).unwrap_or_default();

        let mut groups = Vec::new();
        let mut eu = None;
        if home.eu_vat_basis_points().is_some() {
            let eu_countries: Vec<CountryCode> = CountryCode::all()
                .filter(|c| c.in_eu_roaming_area() && *c != home)
                .collect();
            match terms.and_then(|t| eu_rule(home, t, trip.start, declared, &catalogue.rates)) {
                Some(rule) => {
                    eu = Some(rule);
                    groups.push(AllowanceGroup {
                        kind: GroupKind::Eu,
                        countries: eu_countries,
                        allowance_mb: Some(rule.monthly_allowance_mb().saturating_mul(periods64)),
                        surcharge: Some(SurchargeRule {
                            cap_cents_per_gb: rule.cap_cents_per_gb,
                            vat_basis_points: rule.vat_basis_points,
                        }),
                    });
                }
                None => groups.push(AllowanceGroup {
                    kind: GroupKind::EuPlanUnknown,
                    countries: eu_countries,
                    allowance_mb: None,
                    surcharge: None,
                }),
            }
        }
        // Declared inclusions outside the EU/EEA (EU countries are the EU
        // group's, whose allowance already takes the declared figure).
        let domestic = terms.and_then(|(_, d)| d);
        for (index, inclusion) in declared.iter().enumerate() {
            let countries: Vec<CountryCode> = inclusion
                .coverage
                .iter()
                .copied()
                .filter(|c| *c != home && !groups.iter().any(|g| g.covers(*c)))
                .collect();
            if countries.is_empty() {
                continue;
            }
            // One allowance for all its countries: an inclusion that also
            // covers EU/EEA countries (Free's "35 GB in Europe and 100+
            // destinations") shares the EU group's allowance, which already
            // takes its figure, rather than adding a second one.
            let with_eu = inclusion.coverage.iter().any(|c| c.in_eu_roaming_area());
            if let Some(eu_group) = groups
                .iter_mut()
                .find(|g| with_eu && g.kind == GroupKind::Eu)
            {
                eu_group.countries.extend(countries);
                // `covers` searches a sorted list.
                eu_group.countries.sort_unstable();
                eu_group.countries.dedup();
                continue;
            }
            let monthly = inclusion.data_mb.or(domestic);
            groups.push(AllowanceGroup {
                kind: GroupKind::Declared(index),
                countries,
                allowance_mb: monthly.map(|m| m.saturating_mul(periods64)),
                surcharge: None,
            });
        }
        Some(OwnLine {
            home,
            plan: picked,
            eu,
            groups,
            periods,
        })
    }

    /// What the own line does on a day in `country`.
    pub fn day_use(&self, country: CountryCode) -> DayUse {
        if country == self.home {
            return DayUse::Home;
        }
        self.groups
            .iter()
            .position(|g| g.covers(country))
            .map_or(DayUse::None, DayUse::Group)
    }

    /// The catalogue plan behind it, if picked.
    pub fn plan<'a>(&self, catalogue: &'a Catalogue) -> Option<&'a Plan> {
        self.plan.and_then(|i| catalogue.plans.get(i))
    }
}

/// The regulation's figures for a home plan of `home`.
fn eu_rule(
    home: CountryCode,
    (price, domestic_mb): (Money, Option<Megabytes>),
    start: Date,
    declared: &[crate::core::catalogue::Inclusion],
    rates: &Rates,
) -> Option<EuRule> {
    let vat_basis_points = home.eu_vat_basis_points()?;
    let cap_cents_per_gb = wholesale_cap_cents_per_gb(start.year());
    let price = rates.value_of(price)?;
    // MB = 2 x price_ex_vat / cap x 1024, price_ex_vat = price / (1 + VAT),
    // rounded down: the allowance is never more than the formula gives.
    let numerator = 2 * price.0 * BASIS * i128::from(MB_PER_GB);
    let denominator =
        (BASIS + i128::from(vat_basis_points)) * i128::from(cap_cents_per_gb) * PICO_PER_EUR_CENT;
    let fair_use_mb = Megabytes::try_from(numerator / denominator).ok()?;
    let declared_mb = declared
        .iter()
        .filter(|inc| inc.coverage.iter().any(|c| c.in_eu_roaming_area()))
        .map(|inc| inc.data_mb.or(domestic_mb))
        .max()
        .flatten();
    Some(EuRule {
        vat_basis_points,
        cap_cents_per_gb,
        fair_use_mb,
        domestic_mb,
        declared_mb,
    })
}
