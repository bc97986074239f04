//! What the reader should watch out for in an option, only where it applies
//! to this reader's use and phones. The UI translates each.

use super::own_line::OwnLine;
use super::{Mode, TripOption};
use crate::core::catalogue::{Catalogue, Confidence, Hotspot, Megabytes, PlanKind};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::money::Money;
use crate::core::trip::Trip;

/// Prices checked longer ago than this are flagged as possibly out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;
/// A daily limit is "close" when use reaches this share of it (%).
const CLOSE_PERCENT: u64 = 80;

/// One thing to watch out for.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Warning {
    /// The roaming pass must be switched on or bought before leaving home.
    ActivateBeforeDeparture {
        /// Plan id.
        plan: String,
    },
    /// The card needs real-name registration with ID.
    RealNameRegistration {
        /// Plan id.
        plan: String,
    },
    /// Use is close to the daily high-speed amount, after which it is slow.
    SpeedCutAfterDaily {
        /// Plan id.
        plan: String,
        /// High-speed MB a day.
        daily_mb: Megabytes,
    },
    /// The others' use is close to the plan's tethering cap.
    HotspotCapClose {
        /// Plan id.
        plan: String,
        /// Tethering cap, MB a day.
        cap_mb: Megabytes,
        /// What the guests use, MB a day.
        need_mb: Megabytes,
    },
    /// The price was checked long ago.
    StalePrice {
        /// Plan id.
        plan: String,
        /// When it was last seen.
        checked: Date,
    },
    /// "Unlimited" data is subject to the seller's fair-use policy.
    FairUse {
        /// Plan id.
        plan: String,
    },
    /// The figures were not checked against the seller.
    Unverified {
        /// Plan id.
        plan: String,
    },
    /// Top-ups are part of the price.
    TopupsNeeded {
        /// Plan id.
        plan: String,
        /// Top-ups bought.
        count: u64,
    },
    /// A subscription with a commitment.
    Contract {
        /// Plan id.
        plan: String,
        /// Months of commitment.
        months: u32,
    },
    /// The own line's allowance runs out: a surcharge is due.
    OwnLineAllowanceExceeded {
        /// Allowance per line over the trip, MB.
        allowance_mb: Megabytes,
        /// What the heaviest user uses there, MB.
        used_mb: Megabytes,
        /// Surcharge for the group, display currency.
        surcharge: Money,
    },
    /// A physical card takes the place of the reader's own SIM: their number
    /// (and its SMS codes) is off unless the phone has two SIM slots.
    PhysicalCardTakesSimSlot {
        /// Plan id.
        plan: String,
    },
    /// An eSIM beside the own line: keep the own line on for SMS codes but
    /// its data roaming off, or the home carrier charges for data too.
    OwnLineDataRoamingOff {
        /// Plan id.
        plan: String,
    },
    /// Traffic leaves the network in the mainland: apps blocked there stay
    /// blocked in Hong Kong and Macau too.
    AppsStillBlocked {
        /// Plan id, or `home` for the own line.
        plan: String,
    },
    /// Traffic leaves the network outside the mainland: apps blocked there
    /// usually work on this line in the mainland.
    AppsWorkInMainland {
        /// Plan id, or `home` for the own line.
        plan: String,
        /// Where the traffic leaves the network.
        breakout: CountryCode,
    },
}

/// Warnings for an option, each once, in a stable order.
pub fn warnings_for(
    option: &TripOption,
    catalogue: &Catalogue,
    trip: &Trip,
    own_line: Option<&OwnLine>,
    today: Date,
) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    let mut push = |w: Warning| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    let days = trip.day_countries();
    let mainland = CountryCode::parse("CN");
    for purchase in &option.purchases {
        let Some(plan) = catalogue.plans.get(purchase.plan) else {
            continue;
        };
        let id = || plan.id.clone();
        let uses: Vec<Megabytes> = purchase
            .travellers
            .iter()
            .filter_map(|&t| trip.travellers.get(t).map(|x| x.mb_per_day))
            .collect();
        let line_daily = match purchase.mode {
            Mode::Hotspot(_) | Mode::Pool => uses.iter().sum(),
            _ => uses.iter().copied().max().unwrap_or(0),
        };
        if plan.needs_activation {
            push(Warning::ActivateBeforeDeparture { plan: id() });
        }
        if plan.real_name {
            push(Warning::RealNameRegistration { plan: id() });
        }
        // What happens to the reader's own number, the first thing readers
        // of these articles ask (bank and messaging codes come by SMS).
        match plan.kind {
            PlanKind::Sim => push(Warning::PhysicalCardTakesSimSlot { plan: id() }),
            PlanKind::Esim => push(Warning::OwnLineDataRoamingOff { plan: id() }),
            PlanKind::Roaming | PlanKind::HomePlan => {}
        }
        if let Some(daily_mb) = plan.daily_mb {
            if line_daily * 100 >= daily_mb * CLOSE_PERCENT {
                push(Warning::SpeedCutAfterDaily {
                    plan: id(),
                    daily_mb,
                });
            }
        } else if plan.is_unlimited() {
            push(Warning::FairUse { plan: id() });
        }
        if let (Some(host), Hotspot::CappedPerDay(cap_mb)) = (purchase.host, plan.hotspot) {
            let host_use = trip.travellers.get(host).map_or(0, |t| t.mb_per_day);
            let need_mb = line_daily.saturating_sub(host_use);
            if need_mb * 100 >= cap_mb * CLOSE_PERCENT {
                push(Warning::HotspotCapClose {
                    plan: id(),
                    cap_mb,
                    need_mb,
                });
            }
        }
        if purchase.topups > 0 {
            push(Warning::TopupsNeeded {
                plan: id(),
                count: purchase.topups,
            });
        }
        if let Some(months) = plan.contract_months {
            push(Warning::Contract { plan: id(), months });
        }
        let seen = plan
            .provenance
            .evidence
            .iter()
            .filter_map(|e| e.seen)
            .chain(plan.provenance.checked)
            .max();
        if let Some(checked) = seen {
            if checked.months_until(today) >= STALE_AFTER_MONTHS {
                push(Warning::StalePrice {
                    plan: id(),
                    checked,
                });
            }
        }
        if plan.provenance.confidence == Some(Confidence::Unverified) {
            push(Warning::Unverified { plan: id() });
        }
        let served_in = |inside: bool| {
            purchase.served.iter().any(|&d| {
                days.get(d as usize)
                    .is_some_and(|c| (Some(*c) == mainland) == inside)
            })
        };
        match plan.breakout {
            Some(b) if Some(b) == mainland && served_in(false) => {
                push(Warning::AppsStillBlocked { plan: id() });
            }
            Some(b) if Some(b) != mainland && served_in(true) => {
                push(Warning::AppsWorkInMainland {
                    plan: id(),
                    breakout: b,
                });
            }
            _ => {}
        }
    }
    // The own line abroad: a mainland line still exits in the mainland.
    if let Some(line) = own_line {
        let abroad_on_own_line = option.units.iter().any(|u| {
            u.days
                .iter()
                .enumerate()
                .any(|(d, s)| s.is_own_line() && days.get(d).is_some_and(|c| *c != line.home))
        });
        if abroad_on_own_line {
            if Some(line.home) == mainland {
                push(Warning::AppsStillBlocked {
                    plan: super::OWN_PLAN_ID.to_owned(),
                });
            } else if option.units.iter().any(|u| {
                u.days
                    .iter()
                    .enumerate()
                    .any(|(d, s)| s.is_own_line() && days.get(d).copied() == mainland)
            }) {
                push(Warning::AppsWorkInMainland {
                    plan: super::OWN_PLAN_ID.to_owned(),
                    breakout: line.home,
                });
            }
        }
        let surcharge: i64 = option.own_line.iter().map(|u| u.surcharge.minor).sum();
        if surcharge > 0 {
            if let Some(heaviest) = option
                .own_line
                .iter()
                .filter(|u| u.surcharge.minor > 0)
                .max_by_key(|u| u.used_mb)
            {
                push(Warning::OwnLineAllowanceExceeded {
                    allowance_mb: heaviest.allowance_mb.unwrap_or(0),
                    used_mb: heaviest.used_mb,
                    surcharge: Money::new(surcharge, heaviest.surcharge.currency),
                });
            }
        }
    }
    out
}
