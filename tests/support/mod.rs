//! Builders shared by the engine tests: plans, catalogues and trips written
//! in a line each, and the brute-force oracle.

#![allow(dead_code, clippy::unwrap_used, clippy::panic, clippy::pedantic)]

pub mod oracle;

use roamplan::core::catalogue::{
    Billing, Buyers, Catalogue, Hotspot, Plan, PlanKind, Pool, Provenance, Topup,
};
use roamplan::core::country::CountryCode;
use roamplan::core::date::Date;
use roamplan::core::lang::LocalizedText;
use roamplan::core::money::{decimal_to_minor, Currency, Money, Rates};
use roamplan::core::trip::{Leg, Traveller, Trip};

pub const TODAY: &str = "2026-07-01";

pub fn cc(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap_or_else(|| panic!("country {code}"))
}

pub fn codes(list: &[&str]) -> Vec<CountryCode> {
    let mut v: Vec<CountryCode> = list.iter().map(|c| cc(c)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

pub fn cur(code: &str) -> Currency {
    Currency::parse(code).unwrap_or_else(|| panic!("currency {code}"))
}

pub fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("date {text}"))
}

pub fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::EUR)
}

pub fn hkd(minor: i64) -> Money {
    Money::new(minor, cur("HKD"))
}

fn money(amount: f64, currency: &str) -> Money {
    Money::new(decimal_to_minor(amount).unwrap(), cur(currency))
}

/// A plan being written, with chainable settings.
#[derive(Clone, Debug)]
pub struct Spec {
    pub plan: Plan,
}

pub fn base_spec(id: &str, kind: PlanKind, coverage: &[&str], price: f64, currency: &str) -> Spec {
    Spec {
        plan: Plan {
            id: id.to_owned(),
            name: LocalizedText::plain(id),
            provider: "Seller".into(),
            provider_name: LocalizedText::plain("Seller"),
            kind,
            home: None,
            buyers: if kind == PlanKind::Roaming {
                Buyers::Customers
            } else {
                Buyers::Anyone
            },
            carriers: vec!["Seller".into()],
            contract_months: None,
            cards: None,
            breakout: None,
            roaming: Vec::new(),
            coverage: codes(coverage),
            coverage_as_written: coverage.iter().map(|c| (*c).to_owned()).collect(),
            price: money(price, currency),
            billing: Billing::Pass { validity_days: 30 },
            data_mb: None,
            daily_mb: None,
            hotspot: Hotspot::Unknown,
            pool: None,
            topup: None,
            provenance: Provenance::default(),
            needs_activation: false,
            real_name: false,
        },
    }
}

pub fn esim(id: &str, coverage: &[&str], price: f64, currency: &str) -> Spec {
    base_spec(id, PlanKind::Esim, coverage, price, currency)
}

pub fn sim(id: &str, coverage: &[&str], price: f64, currency: &str) -> Spec {
    base_spec(id, PlanKind::Sim, coverage, price, currency)
}

pub fn roaming(
    id: &str,
    carrier: &str,
    home: &str,
    coverage: &[&str],
    price: f64,
    currency: &str,
) -> Spec {
    let mut s = base_spec(id, PlanKind::Roaming, coverage, price, currency);
    s.plan.provider = carrier.to_owned();
    s.plan.carriers = vec![carrier.to_owned()];
    s.plan.home = Some(cc(home));
    s
}

pub fn home_plan(id: &str, carrier: &str, home: &str, price: f64, currency: &str) -> Spec {
    let mut s = base_spec(id, PlanKind::HomePlan, &[], price, currency);
    s.plan.provider = carrier.to_owned();
    s.plan.carriers = vec![carrier.to_owned()];
    s.plan.home = Some(cc(home));
    s.plan.buyers = Buyers::Residents;
    s
}

impl Spec {
    pub fn validity(mut self, days: u32) -> Spec {
        self.plan.billing = Billing::Pass {
            validity_days: days,
        };
        self
    }
    pub fn day_billing(mut self) -> Spec {
        self.plan.billing = Billing::Day;
        self
    }
    pub fn data_gb(mut self, gb: u64) -> Spec {
        self.plan.data_mb = Some(gb * 1024);
        self
    }
    pub fn daily_mb(mut self, mb: u64) -> Spec {
        self.plan.daily_mb = Some(mb);
        self
    }
    pub fn topup(mut self, gb: u64, price: f64) -> Spec {
        self.plan.topup = Some(Topup {
            data_mb: gb * 1024,
            price: money(price, self.plan.price.currency.as_str()),
        });
        self
    }
    pub fn hotspot(mut self, h: Hotspot) -> Spec {
        self.plan.hotspot = h;
        self
    }
    pub fn pool(mut self, max_lines: u32, extra: f64) -> Spec {
        self.plan.pool = Some(Pool {
            max_lines,
            extra_line_price: money(extra, self.plan.price.currency.as_str()),
        });
        self
    }
    pub fn cards(mut self, n: u32) -> Spec {
        self.plan.cards = Some(n);
        self
    }
    pub fn contract(mut self, months: u32) -> Spec {
        self.plan.contract_months = Some(months);
        self
    }
    pub fn buyers(mut self, buyers: Buyers, home: &str) -> Spec {
        self.plan.buyers = buyers;
        self.plan.home = Some(cc(home));
        self
    }
}

pub fn rates() -> Rates {
    let mut rates = Rates::default();
    for (code, rate) in [
        ("EUR", 1.0),
        ("HKD", 9.2369),
        ("CNY", 8.2),
        ("USD", 1.1846),
        ("MOP", 9.5181),
        ("GBP", 0.87),
    ] {
        assert!(rates.insert(cur(code), rate));
    }
    rates
}

pub fn catalogue(specs: Vec<Spec>) -> Catalogue {
    Catalogue {
        rates: rates(),
        plans: specs.into_iter().map(|s| s.plan).collect(),
        ..Catalogue::default()
    }
}

/// A trip starting on 2026-07-01, together, every phone taking an eSIM,
/// one traveller per value of `mb`.
pub fn trip(legs: &[(&str, u32)], mb: &[u64]) -> Trip {
    let mut t = Trip::uniform(
        legs.iter()
            .map(|&(country, days)| Leg {
                country: cc(country),
                days,
            })
            .collect(),
        0,
        0,
        date("2026-07-01"),
    );
    t.travellers = mb
        .iter()
        .map(|&m| Traveller {
            mb_per_day: m,
            esim: true,
        })
        .collect();
    t
}
