//! A reader's trip: where, how long, who travels, how much data each uses,
//! and the line they already have at home.

use crate::core::catalogue::Megabytes;
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::money::Money;

/// Most legs a trip may have.
pub const MAX_LEGS: usize = 20;
/// Most days a trip may last (all legs together).
pub const MAX_TRIP_DAYS: u32 = 120;
/// Most travellers.
pub const MAX_PEOPLE: u32 = 12;
/// Most MB a traveller may use a day (100 GB: beyond that it is a typo).
pub const MAX_MB_PER_DAY: Megabytes = 100 * 1024;

/// Some days in one country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Leg {
    /// Where.
    pub country: CountryCode,
    /// How many days (>= 1).
    pub days: u32,
}

/// One person on the trip: their data use and their phone.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Traveller {
    /// MB this traveller uses each day.
    pub mb_per_day: Megabytes,
    /// Whether their phone takes an eSIM (if not: physical cards only).
    pub esim: bool,
}

/// A home plan described by the reader when it is not in the catalogue
/// (`hp_price`, `hp_cur`, `hp_gb`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HomePlan {
    /// Monthly price including VAT.
    pub monthly_price: Money,
    /// Domestic data a month in GB; `None` = unlimited.
    pub domestic_gb: Option<u32>,
}

/// The line the travellers already have at home.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OwnPlan {
    /// A home plan of the catalogue (`plan=` id; `kind: "plan"`).
    Catalogue(String),
    /// Another plan, described by price and data.
    Custom(HomePlan),
}

/// Everything the engine needs to know about the trip.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Trip {
    /// Legs in travel order.
    pub legs: Vec<Leg>,
    /// The travellers, each needing data (at least one).
    pub travellers: Vec<Traveller>,
    /// Whether the group stays together (one phone can be a hotspot).
    pub together: bool,
    /// The travellers' home country.
    pub home: Option<CountryCode>,
    /// Their home carrier, as catalogues name providers; `None` = not known
    /// (then no roaming pass or add-on is used).
    pub carrier: Option<String>,
    /// Their own plan, when they said which.
    pub own_plan: Option<OwnPlan>,
    /// First day of the trip (sets the EU wholesale-cap year).
    pub start: Date,
}

impl Trip {
    /// A trip where everyone uses the same data on an eSIM-capable phone.
    pub fn uniform(legs: Vec<Leg>, people: u32, mb_per_day: Megabytes, start: Date) -> Trip {
        Trip {
            legs,
            travellers: vec![
                Traveller {
                    mb_per_day,
                    esim: true
                };
                people as usize
            ],
            together: true,
            home: None,
            carrier: None,
            own_plan: None,
            start,
        }
    }

    /// The country of each trip day, in order.
    pub fn day_countries(&self) -> Vec<CountryCode> {
        self.legs
            .iter()
            .flat_map(|leg| std::iter::repeat_n(leg.country, leg.days as usize))
            .collect()
    }

    /// The first day (0-based) of each leg, in order.
    pub fn leg_first_days(&self) -> Vec<u32> {
        self.legs
            .iter()
            .scan(0u32, |day, leg| {
                let first = *day;
                *day += leg.days;
                Some(first)
            })
            .collect()
    }

    /// Number of trip days.
    pub fn total_days(&self) -> u32 {
        self.legs.iter().map(|leg| leg.days).sum()
    }

    /// Number of travellers.
    pub fn people(&self) -> u32 {
        u32::try_from(self.travellers.len()).unwrap_or(u32::MAX)
    }

    /// MB the whole group uses in one day.
    pub fn group_mb_per_day(&self) -> u64 {
        self.travellers.iter().map(|t| t.mb_per_day).sum()
    }

    /// MB the whole group uses over the whole trip.
    pub fn total_mb(&self) -> u64 {
        u64::from(self.total_days()) * self.group_mb_per_day()
    }

    /// Whether everyone uses the same data on the same kind of phone.
    pub fn is_uniform(&self) -> bool {
        self.travellers.windows(2).all(|w| w[0] == w[1])
    }

    /// Countries visited, each once, in order of first visit.
    pub fn countries(&self) -> Vec<CountryCode> {
        let mut seen = Vec::new();
        for leg in &self.legs {
            if !seen.contains(&leg.country) {
                seen.push(leg.country);
            }
        }
        seen
    }

    /// Days spent in the home country (nothing is bought for them).
    pub fn days_at_home(&self) -> u32 {
        self.legs
            .iter()
            .filter(|leg| Some(leg.country) == self.home)
            .map(|leg| leg.days)
            .sum()
    }
}
