//! "Roam like at home" in the EU/EEA on the traveller's own plan
//! (Regulation (EU) 2022/612), with the fair-use allowance worked out.

use crate::core::catalogue::{Megabytes, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::money::{div_round, Currency, Money, Rates, Value};
use crate::core::trip::Trip;

/// Pico-euros in one euro cent.
const PICO_PER_EUR_CENT: i128 = 10_000_000_000;
/// Basis points in one (VAT rates are in basis points).
const BASIS: i128 = 10_000;
/// The fair-use allowance is monthly; a longer trip gets one per 30 days.
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

/// What the traveller's own plan gives in the EU/EEA on this trip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HomeRoaming {
    /// Home country of the plan.
    pub country: CountryCode,
    /// VAT of the home country, basis points.
    pub vat_basis_points: u32,
    /// Wholesale cap for the trip's year, euro cents per GB ex VAT.
    pub cap_cents_per_gb: i64,
    /// `2 x price ex VAT / cap`, in MB a month.
    pub fair_use_mb: Megabytes,
    /// Domestic allowance in MB a month (`None` = unlimited).
    pub domestic_mb: Option<Megabytes>,
    /// What a line may use in the EU/EEA over the whole trip before any
    /// surcharge: min(domestic, fair use), once per 30 days of trip.
    pub allowance_mb: Megabytes,
}

impl HomeRoaming {
    /// Works out the allowance, or `None` when it does not apply: no home plan
    /// given, a home country outside the EU/EEA, or an unknown currency.
    pub fn for_trip(trip: &Trip, rates: &Rates) -> Option<HomeRoaming> {
        let plan = trip.home_plan?;
        let country = trip.home?;
        let vat_basis_points = country.eu_vat_basis_points()?;
        let cap_cents_per_gb = wholesale_cap_cents_per_gb(trip.start.year());
        let price = rates.value_of(plan.monthly_price)?;
        // MB = 2 x price_ex_vat / cap x 1024, with price_ex_vat = price / (1 + VAT).
        let numerator = 2 * price.0 * BASIS * i128::from(MB_PER_GB);
        let denominator = (BASIS + i128::from(vat_basis_points))
            * i128::from(cap_cents_per_gb)
            * PICO_PER_EUR_CENT;
        let fair_use_mb = Megabytes::try_from(numerator / denominator).ok()?;
        let domestic_mb = plan.domestic_gb.map(|gb| u64::from(gb) * MB_PER_GB);
        let monthly = domestic_mb.map_or(fair_use_mb, |d| d.min(fair_use_mb));
        let periods = u64::from(trip.total_days().div_ceil(ALLOWANCE_PERIOD_DAYS).max(1));
        Some(HomeRoaming {
            country,
            vat_basis_points,
            cap_cents_per_gb,
            fair_use_mb,
            domestic_mb,
            allowance_mb: monthly * periods,
        })
    }

    /// The allowance for one month: min(domestic, fair use).
    pub fn monthly_allowance_mb(&self) -> Megabytes {
        self.domestic_mb
            .map_or(self.fair_use_mb, |d| d.min(self.fair_use_mb))
    }

    /// The most a carrier may charge for `used_mb` on one line in the
    /// EU/EEA: the wholesale cap per GB, plus VAT, beyond the allowance.
    pub fn surcharge(&self, used_mb: Megabytes) -> Value {
        let excess = used_mb.saturating_sub(self.allowance_mb);
        let num = i128::from(excess)
            * i128::from(self.cap_cents_per_gb)
            * (BASIS + i128::from(self.vat_basis_points))
            * PICO_PER_EUR_CENT;
        Value(div_round(num, BASIS * i128::from(MB_PER_GB)))
    }

    /// The surcharge per GB including VAT, in euros.
    pub fn surcharge_per_gb(&self) -> Money {
        let minor = div_round(
            i128::from(self.cap_cents_per_gb) * (BASIS + i128::from(self.vat_basis_points)),
            BASIS,
        );
        Money::new(i64::try_from(minor).unwrap_or(i64::MAX), Currency::EUR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;
    use crate::core::trip::{HomePlan, Leg};

    fn trip(home: &str, price_minor: i64, gb: Option<u32>, start: &str, days: u32) -> Trip {
        let fr = CountryCode::parse("FR");
        Trip {
            legs: vec![Leg {
                country: fr.unwrap_or_else(|| panic!()),
                days,
            }],
            people: 1,
            together: true,
            mb_per_day: 1024,
            home: CountryCode::parse(home),
            home_carrier: None,
            esim: true,
            start: Date::parse(start).unwrap_or_else(|| panic!()),
            home_plan: Some(HomePlan {
                monthly_price: Money::new(price_minor, Currency::EUR),
                domestic_gb: gb,
            }),
        }
    }

    fn rates() -> Rates {
        let mut rates = Rates::default();
        rates.insert(Currency::EUR, 1.0);
        rates
    }

    #[test]
    fn wholesale_caps_follow_the_regulation() {
        let caps: Vec<_> = (2022..=2028).map(wholesale_cap_cents_per_gb).collect();
        assert_eq!(caps, vec![200, 180, 155, 130, 110, 100, 100]);
    }

    #[test]
    fn domain_example_twenty_euros_in_2026_gives_30_3_gb() {
        // EUR 20 incl. 20% VAT -> 16.67 ex VAT -> 2 x 16.67 / 1.10 = 30.30 GB.
        let home = HomeRoaming::for_trip(&trip("FR", 2000, Some(100), "2026-07-01", 7), &rates());
        let home = home.unwrap_or_else(|| panic!("applies"));
        assert_eq!(home.fair_use_mb, 31_030, "30.30 GB x 1024, rounded down");
        assert_eq!(home.allowance_mb, 31_030);
    }

    #[test]
    fn small_domestic_allowance_is_the_limit() {
        let home = HomeRoaming::for_trip(&trip("FR", 2000, Some(10), "2026-07-01", 7), &rates());
        assert_eq!(home.map(|h| h.allowance_mb), Some(10 * 1024));
    }

    #[test]
    fn later_years_have_lower_caps_so_larger_allowances() {
        let a2025 = HomeRoaming::for_trip(&trip("FR", 2000, None, "2025-07-01", 7), &rates());
        let a2027 = HomeRoaming::for_trip(&trip("FR", 2000, None, "2027-07-01", 7), &rates());
        // 2 x 16.667 / 1.30 = 25.64 GB; / 1.00 = 33.33 GB.
        assert_eq!(a2025.map(|h| h.fair_use_mb), Some(26_256));
        assert_eq!(a2027.map(|h| h.fair_use_mb), Some(34_133));
    }

    #[test]
    fn german_vat_is_used_for_a_german_plan() {
        // EUR 20 incl. 19% -> 16.807 ex VAT -> 2 x 16.807 / 1.10 = 30.558 GB.
        let home = HomeRoaming::for_trip(&trip("DE", 2000, None, "2026-07-01", 7), &rates());
        assert_eq!(home.map(|h| h.fair_use_mb), Some(31_291));
    }

    #[test]
    fn no_allowance_for_a_plan_from_outside_the_eu() {
        assert_eq!(
            HomeRoaming::for_trip(&trip("GB", 2000, None, "2026-07-01", 7), &rates()),
            None
        );
        assert_eq!(
            HomeRoaming::for_trip(&trip("HK", 2000, None, "2026-07-01", 7), &rates()),
            None
        );
    }

    #[test]
    fn surcharge_is_the_cap_plus_vat_per_gb_beyond_the_allowance() {
        let home = HomeRoaming::for_trip(&trip("FR", 2000, Some(10), "2026-07-01", 7), &rates());
        let home = home.unwrap_or_else(|| panic!());
        assert_eq!(home.surcharge(10 * 1024), Value::ZERO);
        // 2 GB over: 2 x 1.10 x 1.20 = EUR 2.64.
        let two_gb_over = home.surcharge(12 * 1024);
        assert_eq!(
            rates().to_money(two_gb_over, Currency::EUR),
            Some(Money::new(264, Currency::EUR))
        );
        assert_eq!(home.surcharge_per_gb(), Money::new(132, Currency::EUR));
    }

    #[test]
    fn long_trips_get_one_allowance_per_thirty_days() {
        let home = HomeRoaming::for_trip(&trip("FR", 2000, Some(10), "2026-07-01", 45), &rates());
        assert_eq!(home.map(|h| h.allowance_mb), Some(20 * 1024));
    }
}
