//! The ways one unit of travellers can use a plan, and what a purchase costs
//! for the days it serves: the pricing rule of "What a trip costs".
//!
//! A unit is a group of travellers served together on the days a purchase
//! serves: one traveller on their own line; a host phone carrying others as
//! a hotspot; a pool of lines sharing data; a bundle of cards each with its
//! own data; or (for a unit that shares on other days) each member buying
//! the plan for themselves.

use crate::core::catalogue::{Billing, Hotspot, Megabytes, Plan};
use crate::core::money::{Money, Rates, Spend, Value};
use crate::core::trip::Traveller;

use super::eligibility::phone_takes;

/// How a unit uses a plan.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Mode {
    /// One traveller, their own line.
    Separate,
    /// Every member buys the plan for their own phone.
    EachOwn,
    /// A host's line carries the others over Wi-Fi (index of the host in
    /// the unit).
    Hotspot(usize),
    /// One pooled plan with a line each, sharing the data.
    Pool,
    /// One purchase of several cards, each with its own data.
    Bundle,
}

impl Mode {
    /// The test hook word (`data-strategy`).
    pub fn code(self) -> &'static str {
        match self {
            Mode::Separate | Mode::EachOwn => "separate",
            Mode::Hotspot(_) => "hotspot",
            Mode::Pool => "pool",
            Mode::Bundle => "bundle",
        }
    }
}

/// Prices of a plan on the engine's yardstick, converted once.
#[derive(Clone, Copy, Debug)]
struct Prices {
    price: Value,
    extra_line: Value,
    topup: Option<(Megabytes, Value)>,
}

/// A plan used one way by one unit: cost for any number of served days.
#[derive(Clone, Debug)]
pub struct UnitCandidate {
    /// Index of the plan in the catalogue.
    pub plan: usize,
    /// How the unit uses it.
    pub mode: Mode,
    /// Days of validity counted from the first day served; `None` for day
    /// billing (no window).
    pub validity: Option<u32>,
    /// A subscription bought at most once per line: it serves every day it
    /// covers from its first to its last, billed per started period.
    pub contract: bool,
    /// Data each line draws per day (one entry per line that draws data
    /// from its own allowance: the host, each card, or the pool as one).
    draws: Vec<Megabytes>,
    /// Purchases of the plan's price (members for `EachOwn`, else 1).
    copies: u64,
    /// Lines after the first in a pool.
    extra_lines: u64,
    per_day: bool,
    data_mb: Option<Megabytes>,
    prices: Prices,
}

/// What a purchase buys, for the answer: top-ups per line and the exact price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurchaseCost {
    /// Yardstick value (for comparisons).
    pub value: Value,
    /// Top-ups bought (all lines together).
    pub topups: u64,
    /// The exact amount, in the plan's currency.
    pub spend: Spend,
}

impl UnitCandidate {
    /// Every way `unit` (travellers, in a fixed order) can use `plan`, given
    /// whether the group travels together. Empty when none.
    pub fn all_for(
        plan_index: usize,
        plan: &Plan,
        unit: &[Traveller],
        together: bool,
        rates: &Rates,
    ) -> Vec<UnitCandidate> {
        let Some(prices) = prices_of(plan, rates) else {
            return Vec::new();
        };
        let k = unit.len() as u64;
        let fits_daily = |mb: Megabytes| plan.daily_mb.is_none_or(|cap| mb <= cap);
        let all_phones = unit.iter().all(|t| phone_takes(plan, t));
        let max_use = unit.iter().map(|t| t.mb_per_day).max().unwrap_or(0);
        let total: Megabytes = unit.iter().map(|t| t.mb_per_day).sum();
        let base = |mode, draws, copies, extra_lines| UnitCandidate {
            plan: plan_index,
            mode,
            validity: plan.validity_days(),
            contract: plan.contract_months.is_some(),
            draws,
            copies,
            extra_lines,
            per_day: plan.billing == Billing::Day,
            data_mb: plan.data_mb,
            prices,
        };
        let mut out = Vec::new();
        if unit.len() == 1 {
            if all_phones && fits_daily(total) {
                out.push(base(Mode::Separate, vec![total], 1, 0));
            }
            return out;
        }
        if all_phones && fits_daily(max_use) {
            let draws = unit.iter().map(|t| t.mb_per_day).collect();
            out.push(base(Mode::EachOwn, draws, k, 0));
        }
        if together && fits_daily(total) {
            // One candidate per distinct kind of host (same use, same phone).
            for (host_index, host) in unit.iter().enumerate() {
                if unit[..host_index].contains(host) || !phone_takes(plan, host) {
                    continue;
                }
                let guests = total - host.mb_per_day;
                let tether_ok = match plan.hotspot {
                    Hotspot::Allowed => true,
                    Hotspot::CappedPerDay(cap) => guests <= cap,
                    Hotspot::Unknown | Hotspot::Blocked => false,
                };
                if tether_ok {
                    out.push(base(Mode::Hotspot(host_index), vec![total], 1, 0));
                }
            }
        }
        if let Some(pool) = plan.pool {
            if all_phones && k <= u64::from(pool.max_lines) && fits_daily(max_use) {
                out.push(base(Mode::Pool, vec![total], 1, k - 1));
            }
        }
        if let Some(cards) = plan.cards {
            if all_phones && k <= u64::from(cards) && fits_daily(max_use) {
                let draws = unit.iter().map(|t| t.mb_per_day).collect();
                out.push(base(Mode::Bundle, draws, 1, 0));
            }
        }
        out
    }

    /// Products bought: one for each member buying it for themselves,
    /// otherwise one (a pool or a bundle is one purchase).
    pub fn products(&self) -> u32 {
        u32::try_from(self.copies).unwrap_or(u32::MAX)
    }

    /// Top-ups needed when the purchase serves `served` days over a span of
    /// `periods` billing periods; `None` when the data cannot suffice.
    fn topups(&self, served: u64, periods: u64) -> Option<u64> {
        let Some(data) = self.data_mb else {
            return Some(0);
        };
        let allowance = data.checked_mul(periods)?;
        let mut topups = 0u64;
        for &draw in &self.draws {
            let need = draw.checked_mul(served)?;
            if need > allowance {
                let (size, _) = self.prices.topup?;
                topups = topups.checked_add((need - allowance).div_ceil(size))?;
            }
        }
        Some(topups)
    }

    /// Billing periods for a span of `span` days (contracts renew; other
    /// purchases have one).
    fn periods(&self, span: u32) -> u64 {
        match (self.contract, self.validity) {
            (true, Some(v)) => u64::from(span.div_ceil(v.max(1)).max(1)),
            _ => 1,
        }
    }

    /// The yardstick cost of serving `served` days within a span of `span`
    /// days (first to last served day); `None` when it cannot.
    pub fn value(&self, served: u32, span: u32) -> Option<Value> {
        let served64 = u64::from(served);
        if self.per_day {
            let one = self
                .prices
                .price
                .times(self.copies)
                .plus(self.prices.extra_line.times(self.extra_lines));
            return Some(one.times(served64));
        }
        let periods = self.periods(span);
        let topups = self.topups(served64, periods)?;
        let one = self
            .prices
            .price
            .times(self.copies)
            .plus(self.prices.extra_line.times(self.extra_lines));
        let topup_value = self
            .prices
            .topup
            .map_or(Value::ZERO, |(_, v)| v.times(topups));
        Some(one.times(periods).plus(topup_value))
    }

    /// The exact cost of serving `served` days within `span` days.
    pub fn cost(&self, plan: &Plan, served: u32, span: u32) -> Option<PurchaseCost> {
        let value = self.value(served, span)?;
        let served64 = u64::from(served);
        let mut spend = Spend::default();
        let (times, topups) = if self.per_day {
            (served64, 0)
        } else {
            let periods = self.periods(span);
            (periods, self.topups(served64, periods)?)
        };
        spend.add_money(plan.price, self.copies.checked_mul(times)?);
        if let Some(pool) = plan.pool {
            spend.add_money(pool.extra_line_price, self.extra_lines.checked_mul(times)?);
        }
        if let Some(topup) = plan.topup {
            spend.add_money(topup.price, topups);
        }
        Some(PurchaseCost {
            value,
            topups,
            spend,
        })
    }
}

fn prices_of(plan: &Plan, rates: &Rates) -> Option<Prices> {
    let value = |m: Money| rates.value_of(m);
    Some(Prices {
        price: value(plan.price)?,
        extra_line: match plan.pool {
            Some(pool) => value(pool.extra_line_price)?,
            None => Value::ZERO,
        },
        topup: match plan.topup {
            Some(t) if t.data_mb > 0 => Some((t.data_mb, value(t.price)?)),
            _ => None,
        },
    })
}
