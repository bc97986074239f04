//! Regrouping between legs: the group may split into units one way on some
//! legs and another way on others ("a pool of four in Hong Kong, two
//! hotspot pairs in Japan").
//!
//! The trip's legs are cut into blocks of consecutive legs. Each block is
//! searched on its own (the best split of the group on its days, purchases
//! inside it), and the best blocks are a shortest path over the leg
//! boundaries: the cheapest way to the end of each boundary's block is the
//! cheapest way to an earlier boundary plus one block from there. The path
//! without cuts is the whole-trip search, so regrouping never costs more,
//! and it wins a tie (fewer purchases first, then no cut).
//!
//! Limits, so that the answer stays exact within them:
//! - a cut may not divide the days of an own-line allowance that can run
//!   out: its use counts over the whole trip;
//! - purchases do not cross a cut (a pass resumed after a gap is found by
//!   the whole-trip search, not by a block's);
//! - the search regroups on trips of at most `MAX_LEGS` legs whose work,
//!   blocks included, stays under the engine's bound (`regroups`).

use super::lane::{DayService, Key};
use super::own_line::{DayUse, OwnLine};
use super::search::{Solution, SolvedUnit};
use crate::core::trip::Trip;

/// Most legs of a trip on which the group may regroup: every block of them
/// is searched, (L + 1)(L + 2) / 6 times the work of the trip.
pub const MAX_LEGS: usize = 6;

/// How many times the whole trip's work searching every block of legs
/// costs (days searched over all blocks, over the trip's days, rounded up).
pub fn work_factor(trip: &Trip) -> u64 {
    let legs = trip.legs.len();
    let total = u64::from(trip.total_days()).max(1);
    let mut searched = 0u64;
    for first in 0..legs {
        let mut days = 0u64;
        for leg in &trip.legs[first..] {
            days += u64::from(leg.days);
            searched += days;
        }
    }
    searched.div_ceil(total).max(1)
}

/// Whether the search regroups between legs on this trip: two travellers
/// or more, two to `MAX_LEGS` legs, and work within `budget` (the work of
/// the trip without regrouping is `base`).
pub fn regroups(trip: &Trip, base: u64, budget: u64) -> bool {
    trip.travellers.len() >= 2
        && (2..=MAX_LEGS).contains(&trip.legs.len())
        && base.saturating_mul(work_factor(trip)) <= budget
}

/// Leg boundaries where the group may regroup (boundary `b` is before leg
/// `b`): every one that divides no own-line allowance some traveller can
/// exhaust on the trip.
pub fn cuts(trip: &Trip, own_line: Option<&OwnLine>) -> Vec<usize> {
    let days = trip.day_countries();
    let day_use: Vec<DayUse> = days
        .iter()
        .map(|&c| own_line.map_or(DayUse::None, |line| line.day_use(c)))
        .collect();
    // For each allowance that can run out: its first and last trip day.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    if let Some(line) = own_line {
        for (g, group) in line.groups.iter().enumerate() {
            let on: Vec<usize> = (0..days.len())
                .filter(|&d| day_use[d] == DayUse::Group(g))
                .collect();
            let (Some(&first), Some(&last)) = (on.first(), on.last()) else {
                continue;
            };
            let count = u32::try_from(on.len()).unwrap_or(u32::MAX);
            let lasts = trip.travellers.iter().all(|t| {
                group
                    .cost_of(t.mb_per_day, count)
                    .is_some_and(|r| r.num == 0)
            });
            if !lasts {
                spans.push((first, last));
            }
        }
    }
    trip.leg_first_days()
        .into_iter()
        .enumerate()
        .skip(1)
        .filter(|&(_, day)| {
            let day = day as usize;
            spans
                .iter()
                .all(|&(first, last)| day <= first || day > last)
        })
        .map(|(b, _)| b)
        .collect()
}

/// The trip made of legs `from..to` (the same travellers, home and lines).
pub fn legs_of(trip: &Trip, from: usize, to: usize) -> Trip {
    Trip {
        legs: trip.legs[from..to].to_vec(),
        ..trip.clone()
    }
}

/// The best of the whole-trip answer and every way of cutting the trip at
/// `cuts` into blocks, each block answered by `block(from, to, first)`
/// (legs `from..to`, whose first trip day is `first`; days counted from
/// it). Blocks may answer a
/// trip the whole-trip search cannot (a bundle of two cards shared by
/// different pairs on different legs).
pub fn best_blocks(
    trip: &Trip,
    cuts: &[usize],
    whole: Option<Solution>,
    mut block: impl FnMut(usize, usize, u32) -> Option<Solution>,
) -> Option<Solution> {
    let legs = trip.legs.len();
    // Boundaries a path may stop at, in order: the start, the cuts, the end.
    let mut stops: Vec<usize> = vec![0];
    stops.extend(cuts.iter().copied().filter(|&b| b > 0 && b < legs));
    stops.push(legs);
    let first_day = trip.leg_first_days();
    let days = trip.total_days() as usize;
    // best[i]: the cheapest way through the legs before stop i, as blocks.
    let mut best: Vec<Option<Solution>> = vec![None; stops.len()];
    best[0] = Some(Solution {
        key: Key::ZERO,
        units: Vec::new(),
    });
    for to in 1..stops.len() {
        for from in 0..to {
            let (a, b) = (stops[from], stops[to]);
            let Some(before) = best[from].as_ref() else {
                continue;
            };
            let here = if a == 0 && b == legs {
                whole.clone()
            } else {
                block(a, b, first_day[a]).map(|s| shifted(s, first_day[a], days))
            };
            let Some(here) = here else {
                continue;
            };
            let key = before.key.plus(here.key);
            if best[to].as_ref().is_none_or(|s| key < s.key) {
                best[to] = Some(joined(before.clone(), here));
            }
        }
    }
    best.pop().flatten()
}

/// A block's solution placed at `first` in a trip of `days` days: the
/// days outside the block are `Elsewhere` for its units.
fn shifted(mut solution: Solution, first: u32, days: usize) -> Solution {
    for unit in &mut solution.units {
        let mut all = vec![DayService::Elsewhere; days];
        for (d, service) in unit.lane.days.iter().enumerate() {
            if let Some(slot) = all.get_mut(first as usize + d) {
                *slot = *service;
            }
        }
        unit.lane.days = all;
        for purchase in &mut unit.lane.purchases {
            for day in &mut purchase.served {
                *day += first;
            }
        }
    }
    solution
}

/// Two solutions on different days, as one: a unit of the same travellers
/// in both continues as one unit (one row of the day strip).
fn joined(mut earlier: Solution, later: Solution) -> Solution {
    earlier.key = earlier.key.plus(later.key);
    for unit in later.units {
        match earlier
            .units
            .iter_mut()
            .find(|u| u.travellers == unit.travellers)
        {
            Some(same) => continued(same, unit),
            None => earlier.units.push(unit),
        }
    }
    earlier
        .units
        .sort_by_key(|u| u.travellers.iter().min().copied());
    earlier
}

/// `unit`'s lane (on later days) appended to `same`'s.
fn continued(same: &mut SolvedUnit, unit: SolvedUnit) {
    let offset_candidates = same.candidates.len();
    let offset_purchases = same.lane.purchases.len();
    let mut candidates: Vec<_> = same.candidates.as_ref().clone();
    candidates.extend(unit.candidates.iter().cloned());
    same.candidates = std::rc::Rc::new(candidates);
    for (mine, theirs) in same.lane.days.iter_mut().zip(&unit.lane.days) {
        *mine = match theirs {
            DayService::Elsewhere => *mine,
            DayService::Purchase(n) => DayService::Purchase(n + offset_purchases),
            other => *other,
        };
    }
    for mut purchase in unit.lane.purchases {
        purchase.candidate += offset_candidates;
        same.lane.purchases.push(purchase);
    }
    for (mine, theirs) in same
        .lane
        .limited_days
        .iter_mut()
        .zip(&unit.lane.limited_days)
    {
        *mine += theirs;
    }
    same.lane.key = same.lane.key.plus(unit.lane.key);
}
