//! Who can buy what: applied before any pricing, so that an answer never
//! contains a plan this reader cannot buy ("Eligibility" in the contract).

use crate::core::catalogue::{Buyers, Plan, PlanKind};
use crate::core::trip::{Traveller, Trip};

/// Why a plan is not offered to this reader (shown in the plan browser).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A home plan: the reader's own line, never bought.
    HomePlan,
    /// Only residents of the plan's country can buy it.
    ResidentsOnly,
    /// Only lines of certain carriers can take it, and the reader's carrier
    /// is another one.
    OtherCarrier,
    /// Only lines of certain carriers can take it, and the reader's carrier
    /// is not known.
    CarrierUnknown,
    /// No phone in the group takes this kind of SIM.
    NoPhoneTakesIt,
}

/// Whether this reader may buy `plan` at all (phones aside).
pub fn refusal(plan: &Plan, trip: &Trip) -> Option<Refusal> {
    if plan.kind == PlanKind::HomePlan {
        return Some(Refusal::HomePlan);
    }
    match plan.buyers {
        Buyers::Anyone => None,
        Buyers::Residents => {
            (plan.home.is_none() || plan.home != trip.home).then_some(Refusal::ResidentsOnly)
        }
        Buyers::Customers => {
            if plan.home.is_some() && plan.home != trip.home {
                return Some(Refusal::OtherCarrier);
            }
            match &trip.carrier {
                None => Some(Refusal::CarrierUnknown),
                Some(carrier) if plan.takes_carrier(carrier) => None,
                Some(_) => Some(Refusal::OtherCarrier),
            }
        }
    }
}

/// Whether `traveller`'s phone can hold a line of `plan`: an eSIM needs an
/// eSIM-capable phone; a card or a pass on the own line works in any phone.
pub fn phone_takes(plan: &Plan, traveller: &Traveller) -> bool {
    plan.kind != PlanKind::Esim || traveller.esim
}

/// Whether the plan can be bought by this reader and held by at least one of
/// the travellers' phones.
pub fn is_offered(plan: &Plan, trip: &Trip) -> bool {
    refusal(plan, trip).is_none() && trip.travellers.iter().any(|t| phone_takes(plan, t))
}

/// Why a plan is not offered, including phones.
pub fn why_not_offered(plan: &Plan, trip: &Trip) -> Option<Refusal> {
    refusal(plan, trip).or_else(|| {
        (!trip.travellers.iter().any(|t| phone_takes(plan, t))).then_some(Refusal::NoPhoneTakesIt)
    })
}
