//! What the reader should watch out for in an option. The UI translates each.

use super::candidates::Mode;
use super::{Service, TripOption};
use crate::core::catalogue::{Catalogue, Confidence, Megabytes};
use crate::core::date::Date;
use crate::core::money::Money;
use crate::core::trip::Trip;

/// Prices checked longer ago than this are flagged as possibly out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;
/// A hotspot cap is "close" when the others' use reaches this share of it (%).
const HOTSPOT_CLOSE_PERCENT: u64 = 80;

/// One thing to watch out for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The roaming pass must be switched on or bought before leaving home.
    ActivateBeforeDeparture {
        /// Plan id.
        plan: String,
    },
    /// Hong Kong (and mainland) cards need real-name registration.
    RealNameRegistration {
        /// Plan id.
        plan: String,
    },
    /// High speed only up to a daily amount, then slow.
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
        /// What the others use, MB a day.
        need_mb: Megabytes,
    },
    /// The pass runs out before the trip ends; the option switches plan then.
    ValidityEndsMidTrip {
        /// Plan id.
        plan: String,
        /// Last trip day (1-based) it is valid.
        last_day: u32,
    },
    /// The price was checked long ago.
    StalePrice {
        /// Plan id.
        plan: String,
        /// When it was checked.
        checked: Date,
    },
    /// "Unlimited" data is subject to the seller's fair-use policy.
    FairUse {
        /// Plan id.
        plan: String,
    },
    /// The figures were inferred, not checked against the seller.
    Unverified {
        /// Plan id.
        plan: String,
    },
    /// Top-ups are part of the price.
    TopupsNeeded {
        /// Plan id.
        plan: String,
        /// Top-ups per line.
        count: u64,
    },
    /// The own plan's EU fair-use allowance runs out: a surcharge is due.
    OwnPlanAllowanceExceeded {
        /// Allowance per line over the trip, MB.
        allowance_mb: Megabytes,
        /// What a line uses on own-plan days, MB.
        used_mb: Megabytes,
        /// Surcharge for the group, in the display currency.
        surcharge: Money,
    },
}

/// Warnings for an option, each once, in a stable order.
pub fn warnings_for(
    option: &TripOption,
    catalogue: &Catalogue,
    trip: &Trip,
    today: Date,
) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    let mut push = |w: Warning| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    let trip_days = trip.total_days();
    for block in &option.blocks {
        let Service::Plan {
            plan: index,
            mode,
            topups,
            ..
        } = &block.service
        else {
            continue;
        };
        let Some(plan) = catalogue.plans.get(*index) else {
            continue;
        };
        let id = || plan.id.clone();
        if plan.needs_activation {
            push(Warning::ActivateBeforeDeparture { plan: id() });
        }
        if plan.real_name {
            push(Warning::RealNameRegistration { plan: id() });
        }
        if let Some(daily_mb) = plan.daily_mb {
            push(Warning::SpeedCutAfterDaily {
                plan: id(),
                daily_mb,
            });
        } else if plan.is_unlimited() {
            push(Warning::FairUse { plan: id() });
        }
        if *mode == Mode::Hotspot {
            let need_mb = u64::from(trip.people.saturating_sub(1)) * trip.mb_per_day;
            if let crate::core::catalogue::Hotspot::CappedPerDay(cap_mb) = plan.hotspot {
                if need_mb * 100 >= cap_mb * HOTSPOT_CLOSE_PERCENT {
                    push(Warning::HotspotCapClose {
                        plan: id(),
                        cap_mb,
                        need_mb,
                    });
                }
            }
        }
        let end = block.first_day + block.days;
        if let Some(validity) = plan.validity_days() {
            if block.days == validity && end < trip_days {
                push(Warning::ValidityEndsMidTrip {
                    plan: id(),
                    last_day: end,
                });
            }
        }
        if *topups > 0 {
            push(Warning::TopupsNeeded {
                plan: id(),
                count: *topups,
            });
        }
        if let Some(checked) = plan.provenance.checked {
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
    }
    if let Some(own) = &option.own_plan {
        if own.used_mb_per_line > own.allowance_mb {
            push(Warning::OwnPlanAllowanceExceeded {
                allowance_mb: own.allowance_mb,
                used_mb: own.used_mb_per_line,
                surcharge: own.surcharge,
            });
        }
    }
    out
}
