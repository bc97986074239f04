//! A reader's trip: where, how long, who, how much data.

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leg {
    /// Where.
    pub country: CountryCode,
    /// How many days (>= 1).
    pub days: u32,
}

/// The traveller's own domestic mobile plan, for the EU roaming answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HomePlan {
    /// Monthly price including VAT.
    pub monthly_price: Money,
    /// Domestic data a month in GB; `None` = unlimited.
    pub domestic_gb: Option<u32>,
}

/// Everything the engine needs to know about the trip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trip {
    /// Legs in travel order.
    pub legs: Vec<Leg>,
    /// Travellers, each needing data (>= 1).
    pub people: u32,
    /// Whether the group stays together (one phone can be a hotspot).
    pub together: bool,
    /// MB each traveller uses each day.
    pub mb_per_day: Megabytes,
    /// The travellers' home country (roaming passes are sold for it).
    pub home: Option<CountryCode>,
    /// Their home carrier, as catalogues name providers; when given, only
    /// that carrier's roaming passes are offered.
    pub home_carrier: Option<String>,
    /// Whether the phones take an eSIM; if not, physical SIM cards only.
    pub esim: bool,
    /// First day of the trip (sets the EU wholesale-cap year).
    pub start: Date,
    /// The travellers' own domestic plan, if given.
    pub home_plan: Option<HomePlan>,
}

impl Trip {
    /// The country of each trip day, in order.
    pub fn day_countries(&self) -> Vec<CountryCode> {
        self.legs
            .iter()
            .flat_map(|leg| std::iter::repeat_n(leg.country, leg.days as usize))
            .collect()
    }

    /// Number of trip days.
    pub fn total_days(&self) -> u32 {
        self.legs.iter().map(|leg| leg.days).sum()
    }

    /// MB the whole group uses over the whole trip.
    pub fn total_mb(&self) -> u64 {
        u64::from(self.total_days()) * u64::from(self.people) * self.mb_per_day
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
}
