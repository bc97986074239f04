//! What one plan, used one way (separate lines, hotspot, pool), costs for a
//! block of consecutive days: the pricing rule of the catalogue contract.

use crate::core::catalogue::{Billing, Catalogue, Megabytes, Plan, PlanKind};
use crate::core::country::CountryCode;
use crate::core::money::{Rates, Value};
use crate::core::trip::Trip;

/// How a group uses a plan for a block of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// Every traveller buys the plan, each with its own data.
    Separate,
    /// One pooled plan with a line each, sharing the data.
    Pool,
    /// One traveller's plan carries everyone over Wi-Fi tethering.
    Hotspot,
}

impl Mode {
    /// All modes, in the order ties are broken (simplest first).
    pub const ALL: [Mode; 3] = [Mode::Separate, Mode::Pool, Mode::Hotspot];

    /// The test hook word (`data-strategy`).
    pub fn code(self) -> &'static str {
        match self {
            Mode::Separate => "separate",
            Mode::Pool => "pool",
            Mode::Hotspot => "hotspot",
        }
    }
}

/// The cost of serving one block with one plan in one mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockCost {
    /// Total for the group.
    pub value: Value,
    /// Top-ups bought on each purchased line (separate) or on the one line.
    pub topups: u64,
}

/// A plan, used in one mode, with its cost for every block length.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Index of the plan in the catalogue.
    pub plan: usize,
    /// How the group uses it.
    pub mode: Mode,
    /// `costs[len - 1]`: cost of a block of `len` days; `None` from the first
    /// length it cannot serve (longer blocks never get cheaper or possible).
    costs: Vec<Option<BlockCost>>,
}

impl Candidate {
    /// Cost of a block of `len` days (`len` >= 1).
    pub fn cost(&self, len: usize) -> Option<BlockCost> {
        self.costs.get(len.checked_sub(1)?).copied().flatten()
    }

    /// Longest block this candidate can serve.
    pub fn max_len(&self) -> usize {
        self.costs.iter().take_while(|c| c.is_some()).count()
    }
}

/// Whether a traveller on this trip can buy the plan at all.
pub fn plan_is_offered(plan: &Plan, trip: &Trip) -> bool {
    Buyer::of(trip).can_buy(plan)
}

/// Who buys: what decides which plans a traveller can buy at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Buyer {
    /// Home country (roaming passes are sold to its lines).
    pub home: Option<CountryCode>,
    /// Home carrier, if known (then only its roaming passes).
    pub carrier: Option<String>,
    /// Whether the phones take an eSIM.
    pub esim: bool,
}

impl Buyer {
    /// The buyer of a trip.
    pub fn of(trip: &Trip) -> Buyer {
        Buyer {
            home: trip.home,
            carrier: trip.home_carrier.clone(),
            esim: trip.esim,
        }
    }

    /// Whether this buyer can buy `plan`.
    pub fn can_buy(&self, plan: &Plan) -> bool {
        match plan.kind {
            PlanKind::Esim => self.esim,
            PlanKind::Sim => true,
            PlanKind::HomePlan => false,
            PlanKind::Roaming => {
                plan.home.is_some()
                    && plan.home == self.home
                    && self
                        .carrier
                        .as_ref()
                        .is_none_or(|carrier| *carrier == plan.provider)
            }
        }
    }
}

/// Plan prices converted once to the common yardstick.
struct PlanValues {
    price: Value,
    extra_line: Option<Value>,
    topup: Option<(Megabytes, Value)>,
}

impl PlanValues {
    fn of(plan: &Plan, rates: &Rates) -> Option<PlanValues> {
        Some(PlanValues {
            price: rates.value_of(plan.price)?,
            extra_line: match plan.pool {
                Some(pool) => Some(rates.value_of(pool.extra_line_price)?),
                None => None,
            },
            topup: match plan.topup {
                Some(t) => Some((t.data_mb, rates.value_of(t.price)?)),
                None => None,
            },
        })
    }
}

/// The cost of one block of `len` days, or `None` when the plan cannot
/// serve it in this mode.
fn block_cost(
    plan: &Plan,
    values: &PlanValues,
    mode: Mode,
    trip: &Trip,
    len: u64,
) -> Option<BlockCost> {
    let people = u64::from(trip.people);
    let use_per_person = trip.mb_per_day;
    // Data that goes through one line each day, and how many lines pay.
    let line_daily = match mode {
        Mode::Separate | Mode::Pool => use_per_person,
        Mode::Hotspot => people * use_per_person,
    };
    if plan.daily_mb.is_some_and(|cap| line_daily > cap) {
        return None;
    }
    match mode {
        Mode::Separate => {}
        Mode::Hotspot => {
            if people < 2 || !trip.together || !plan.hotspot.allows((people - 1) * use_per_person) {
                return None;
            }
        }
        Mode::Pool => {
            if people < 2 || plan.pool.is_none_or(|p| u64::from(p.max_lines) < people) {
                return None;
            }
        }
    }
    // Price of the purchase before top-ups (per traveller for separate).
    let base = match mode {
        Mode::Separate | Mode::Hotspot => values.price,
        Mode::Pool => values.price.plus(values.extra_line?.times(people - 1)),
    };
    let (purchase, topups) = match plan.billing {
        Billing::Day => (base.times(len), 0),
        Billing::Pass { validity_days } => {
            if len > u64::from(validity_days) {
                return None;
            }
            // Data drawn from the one allowance of this purchase.
            let need = match mode {
                Mode::Separate => use_per_person * len,
                Mode::Pool | Mode::Hotspot => people * use_per_person * len,
            };
            let topups = match plan.data_mb {
                Some(data) if need > data => {
                    let (topup_mb, _) = values.topup?;
                    (need - data).div_ceil(topup_mb)
                }
                _ => 0,
            };
            let topup_value = values.topup.map_or(Value::ZERO, |(_, v)| v.times(topups));
            (base.plus(topup_value), topups)
        }
    };
    let value = match mode {
        Mode::Separate => purchase.times(people),
        Mode::Pool | Mode::Hotspot => purchase,
    };
    Some(BlockCost { value, topups })
}

/// Every usable (plan, mode) of the catalogue for this trip, ordered by plan
/// id then mode so that the first of equal-cost choices is the tie-break
/// winner. Plans that cover none of the trip's days are left out.
pub fn candidates(catalogue: &Catalogue, trip: &Trip, days: &[CountryCode]) -> Vec<Candidate> {
    let max_len = days.len();
    let buyer = Buyer::of(trip);
    let mut order: Vec<usize> = (0..catalogue.plans.len()).collect();
    order.sort_unstable_by(|&a, &b| catalogue.plans[a].id.cmp(&catalogue.plans[b].id));
    let mut out = Vec::new();
    for index in order {
        let plan = &catalogue.plans[index];
        if !buyer.can_buy(plan) || !days.iter().any(|&c| plan.covers(c)) {
            continue;
        }
        let Some(values) = PlanValues::of(plan, &catalogue.rates) else {
            continue;
        };
        for mode in Mode::ALL {
            let mut costs = Vec::with_capacity(max_len);
            for len in 1..=max_len as u64 {
                let Some(cost) = block_cost(plan, &values, mode, trip, len) else {
                    break;
                };
                costs.push(Some(cost));
            }
            if !costs.is_empty() {
                out.push(Candidate {
                    plan: index,
                    mode,
                    costs,
                });
            }
        }
    }
    out
}
