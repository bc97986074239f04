//! Regrouping: the group may split into units one way on some days and
//! another way on others ("a pool of four in Hong Kong, two hotspot pairs
//! in Japan"; "one pool for the first five days, then each on their own").
//!
//! The trip's days are cut into blocks of consecutive days. Each block is
//! searched on its own (the best split of the group on its days, purchases
//! inside it), and the best blocks are a shortest path over the boundaries:
//! the cheapest way to the end of each boundary's block is the cheapest way
//! to an earlier boundary plus one block from there. The path without cuts
//! is the whole-trip search, so regrouping never costs more, and it wins a
//! tie (fewer purchases first, then no cut).
//!
//! A block's cost depends only on its legs (countries and days, the same
//! travellers throughout), so blocks alike are searched once: a trip of one
//! leg of `n` days has `n` distinct blocks, not n(n + 1) / 2.
//!
//! Limits, so that the answer stays exact within them:
//! - a cut may not divide the days of an own-line allowance that can run
//!   out: its use counts over the whole trip;
//! - purchases do not cross a cut (a pass resumed after a gap is found by
//!   the whole-trip search, not by a block's);
//! - the search regroups at every day boundary where that work stays under
//!   `DAY_CUT_WORK`; beyond it, only where a leg ends, on trips of at most
//!   `MAX_LEGS` legs whose work stays under the engine's bound (`regroups`).

use std::collections::{HashMap, HashSet};

use super::lane::{DayService, Key};
use super::own_line::{DayUse, OwnLine};
use super::search::{Solution, SolvedUnit};
use crate::core::trip::{Leg, Trip};

/// Most legs of a trip on which the group may regroup only where a leg
/// ends: every block of them is searched, (L + 1)(L + 2) / 6 times the work
/// of the trip.
pub const MAX_LEGS: usize = 6;

/// Most work (`engine::work_estimate` units, blocks included) for which the
/// group may regroup at every day boundary: about 40 ms natively. Beyond
/// it, the group regroups where legs end.
pub const DAY_CUT_WORK: u64 = 400_000;

/// A day of a block costs about a quarter of a day of the whole-trip
/// search, which also runs the simplest and everyone-alone searches and
/// the tie rule's (measured on the bench's family trips: 0.56 ms with 4
/// times the days searched in blocks, 1.4-1.9 ms with 16 times).
const BLOCK_SHARE: u64 = 4;

/// The work of the search on this trip with the blocks `regroup` allows,
/// where `base` is its work without regrouping.
pub fn work(trip: &Trip, base: u64, regroup: Regroup) -> u64 {
    match regroup {
        Regroup::Never => base,
        at => base.saturating_add(
            base.saturating_mul(work_factor(trip, at).saturating_sub(1)) / BLOCK_SHARE,
        ),
    }
}

/// Where the group may regroup on a trip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regroup {
    /// Nowhere: one split for the whole trip.
    Never,
    /// Where a leg ends.
    AtLegs,
    /// At every day boundary (the contract's rule).
    AtDays,
}

/// Where the group may regroup on this trip: two travellers or more on
/// two days or more, at every day boundary when the work of every distinct
/// block stays within `DAY_CUT_WORK`, otherwise where legs end when there
/// are at most `MAX_LEGS` and that work stays within `budget` (the work of
/// the trip without regrouping is `base`).
pub fn regroups(trip: &Trip, base: u64, budget: u64) -> Regroup {
    if trip.travellers.len() < 2 || trip.total_days() < 2 {
        return Regroup::Never;
    }
    // Every block starting on the first day is distinct (lengths differ),
    // so the blocks search at least (days + 1) / 2 times the trip's days:
    // a quick bound before counting the distinct blocks.
    let days = u64::from(trip.total_days());
    let least = base.saturating_add(base.saturating_mul(days.saturating_sub(1)) / 2 / BLOCK_SHARE);
    if least <= DAY_CUT_WORK && work(trip, base, Regroup::AtDays) <= DAY_CUT_WORK {
        return Regroup::AtDays;
    }
    if (2..=MAX_LEGS).contains(&trip.legs.len())
        && base.saturating_mul(work_factor(trip, Regroup::AtLegs)) <= budget
    {
        return Regroup::AtLegs;
    }
    Regroup::Never
}

/// How many times the whole trip's work searching every distinct block
/// costs (days searched over all distinct blocks, over the trip's days,
/// rounded up).
pub fn work_factor(trip: &Trip, regroup: Regroup) -> u64 {
    let total = trip.total_days();
    let stops = stops(trip, regroup, &(1..total).collect::<Vec<u32>>());
    let mut seen: HashSet<Vec<Leg>> = HashSet::new();
    let mut searched = 0u64;
    for (i, &from) in stops.iter().enumerate() {
        for &to in &stops[i + 1..] {
            if seen.insert(block_key(trip, from, to)) {
                searched += u64::from(to - from);
            }
        }
    }
    searched.div_ceil(u64::from(total.max(1))).max(1)
}

/// Day boundaries where the group may regroup (boundary `d` is before trip
/// day `d`): every one that divides no own-line allowance some traveller
/// can exhaust on the trip.
pub fn cuts(trip: &Trip, own_line: Option<&OwnLine>) -> Vec<u32> {
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
    (1..trip.total_days())
        .filter(|&day| {
            let day = day as usize;
            spans
                .iter()
                .all(|&(first, last)| day <= first || day > last)
        })
        .collect()
}

/// The boundaries a path may stop at, in order: the start, the `cuts`
/// allowed by `regroup`, the end.
fn stops(trip: &Trip, regroup: Regroup, cuts: &[u32]) -> Vec<u32> {
    let total = trip.total_days();
    let leg_starts = trip.leg_first_days();
    let mut stops: Vec<u32> = vec![0];
    stops.extend(cuts.iter().copied().filter(|&d| {
        d > 0
            && d < total
            && match regroup {
                Regroup::Never => false,
                Regroup::AtLegs => leg_starts.contains(&d),
                Regroup::AtDays => true,
            }
    }));
    stops.push(total);
    stops
}

/// The legs that meet trip days `from..to`, cut to them: what a block's
/// cost depends on.
fn block_key(trip: &Trip, from: u32, to: u32) -> Vec<Leg> {
    // Built as `Leg`s: rustc 1.95 at opt-level "s"/"z" miscompiles pushing
    // a `(CountryCode, u32)` tuple here (the days read as garbage).
    let mut legs = Vec::new();
    let mut day = 0u32;
    for leg in &trip.legs {
        let (first, end) = (day, day + leg.days);
        day = end;
        let days = end.min(to).saturating_sub(first.max(from));
        if days > 0 {
            legs.push(Leg {
                country: leg.country,
                days,
            });
        }
    }
    legs
}

/// The trip made of trip days `from..to`: the legs that meet them, cut to
/// them (the same travellers, home and lines).
pub fn days_of(trip: &Trip, from: u32, to: u32) -> Trip {
    Trip {
        legs: block_key(trip, from, to),
        ..trip.clone()
    }
}

/// What a search with fewer plans looks for (the tie rule): an answer of
/// key `bound` at most, made only of the `allowed` blocks (those on the
/// full search's cheapest ways), when known.
#[derive(Clone, Copy, Debug, Default)]
pub struct Looking<'s> {
    /// Nothing costlier is searched.
    pub bound: Option<Key>,
    /// Only these blocks (first day, end day) are searched.
    pub allowed: Option<&'s [(u32, u32)]>,
}

/// The best of the whole-trip answer and every way of cutting the trip at
/// the `cuts` that `regroup` allows into blocks, each block answered by
/// `block(days, first)` (`days` made by `days_of`, whose first trip day is
/// `first`; days counted from it). Blocks alike are answered once. Blocks
/// may answer a trip the whole-trip search cannot (a bundle of two cards
/// shared by different pairs on different days). The answer names the
/// blocks on its cheapest ways (`Solution::optimal_blocks`).
pub fn best_blocks(
    trip: &Trip,
    regroup: Regroup,
    cuts: &[u32],
    whole: Option<Solution>,
    looking: Looking<'_>,
    mut block: impl FnMut(&Trip, u32) -> Option<Solution>,
) -> Option<Solution> {
    let stops = stops(trip, regroup, cuts);
    let days = trip.total_days();
    let end = stops.len() - 1;
    let mut answered: HashMap<Vec<Leg>, Option<Solution>> = HashMap::new();
    // Every block searched, as (first stop, end stop, key).
    let mut searched: Vec<(usize, usize, Key)> = Vec::new();
    let leg_starts = trip.leg_first_days();
    // best[i]: the cheapest way through the days before stop i, as blocks.
    let mut best: Vec<Option<Reached>> = vec![None; stops.len()];
    best[0] = Some(Reached::START);
    if let Some(found) = &whole {
        best[end] = Some(Reached {
            key: found.key,
            cuts: (0, 0),
            from: 0,
        });
    }
    for to in 1..stops.len() {
        // Blocks ending at this stop, shortest first. A block's answer
        // limited to its later days answers the shorter block (a pass
        // serves fewer days, from a later first day), so a shorter block
        // costs no more: `floor` is a lower bound on the next block, which
        // is skipped when even that cannot beat the best found (or passes
        // the bound). For the same reason, when a block has no answer no
        // longer one has.
        let mut floor = Key::ZERO;
        // The whole trip (from the first stop to the last) is answered
        // already and is not a block: it may resume a pass where blocks
        // cannot.
        let longest = usize::from(to == end);
        for from in (longest..to).rev() {
            let Some(Reached {
                key: before,
                cuts: cuts_before,
                ..
            }) = best[from]
            else {
                continue;
            };
            let (a, b) = (stops[from], stops[to]);
            if looking
                .allowed
                .is_some_and(|allowed| !allowed.contains(&(a, b)))
            {
                continue;
            }
            // The block one stop shorter at its end bounds it too.
            let shorter = (to > from + 1)
                .then(|| answered.get(&block_key(trip, a, stops[to - 1])))
                .flatten()
                .and_then(|known| known.as_ref().map(|s| s.key));
            let least = before.plus(shorter.map_or(floor, |k| k.max(floor)));
            let beaten = best[to].as_ref().is_some_and(|r| least > r.key);
            if beaten || looking.bound.is_some_and(|bound| least > bound) {
                continue;
            }
            let Some(here) = answered
                .entry(block_key(trip, a, b))
                .or_insert_with(|| block(&days_of(trip, a, b), a))
                .as_ref()
            else {
                break;
            };
            floor = here.key;
            searched.push((from, to, here.key));
            let total = before.plus(here.key);
            // Of ways that tie, the one whose cuts are where legs end, then
            // the one with fewest cuts, then the longer last block: a group
            // that regroups in the middle of a stay for nothing reads oddly.
            let cut_here = (
                u32::from(from > 0 && !leg_starts.contains(&a)),
                u32::from(from > 0),
            );
            let cuts = (cuts_before.0 + cut_here.0, cuts_before.1 + cut_here.1);
            let wins = best[to].as_ref().is_none_or(|r| {
                (total, cuts) < (r.key, r.cuts)
                    || ((total, cuts) == (r.key, r.cuts) && from < r.from)
            });
            if wins {
                best[to] = Some(Reached {
                    key: total,
                    cuts,
                    from,
                });
            }
        }
    }
    let optimal = on_cheapest_ways(&stops, &best, &searched);
    // The blocks of the best path, last first, joined in trip order (a
    // way from the first stop to the last is the whole-trip answer: no
    // block spans them). Only these are copied out of `answered`.
    let mut path: Vec<Solution> = Vec::new();
    let mut at = end;
    while at > 0 {
        let from = best[at].as_ref()?.from;
        let (a, b) = (stops[from], stops[at]);
        let here = if from == 0 && at == end {
            whole.clone()?
        } else {
            let known = answered.get(&block_key(trip, a, b))?.clone()?;
            shifted(known, a, days as usize)
        };
        path.push(here);
        at = from;
    }
    let mut blocks = path.into_iter().rev();
    let first = blocks.next()?;
    let mut answer = blocks.fold(first, joined);
    answer.optimal_blocks = Some(std::rc::Rc::new(optimal));
    Some(answer)
}

/// The best way found to a stop.
#[derive(Clone, Copy)]
struct Reached {
    /// Its cost.
    key: Key,
    /// Its cuts inside a leg, and all its cuts.
    cuts: (u32, u32),
    /// The stop its last block starts at.
    from: usize,
}

impl Reached {
    /// The first stop: nothing spent.
    const START: Reached = Reached {
        key: Key::ZERO,
        cuts: (0, 0),
        from: 0,
    };
}

/// The blocks (first day, end day) of `searched` that lie on a cheapest
/// way from the first stop to the last: the cheapest way to their first
/// stop, plus theirs, plus the cheapest way on from their end stop, is the
/// best. A block skipped by the search cannot be on one (a cheaper way to
/// its end stop was known), so the blocks searched are enough.
fn on_cheapest_ways(
    stops: &[u32],
    best: &[Option<Reached>],
    searched: &[(usize, usize, Key)],
) -> Vec<(u32, u32)> {
    let end = stops.len() - 1;
    let Some(target) = best[end].as_ref().map(|r| r.key) else {
        return Vec::new();
    };
    // onward[i]: the cheapest way from stop i to the last, by blocks.
    let mut onward: Vec<Option<Key>> = vec![None; stops.len()];
    onward[end] = Some(Key::ZERO);
    for i in (0..end).rev() {
        onward[i] = searched
            .iter()
            .filter(|(from, ..)| *from == i)
            .filter_map(|&(_, to, key)| onward[to].map(|rest| key.plus(rest)))
            .min();
    }
    searched
        .iter()
        .filter(|&&(from, to, key)| {
            let before = best[from].as_ref().map(|r| r.key);
            matches!((before, onward[to]), (Some(b), Some(rest)) if b.plus(key).plus(rest) == target)
        })
        .map(|&(from, to, _)| (stops[from], stops[to]))
        .collect()
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
    super::search::in_traveller_order(&mut earlier.units);
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

#[cfg(test)]
mod tests {
    use crate::core::country::CountryCode;
    use crate::core::date::Date;
    use crate::core::trip::{Leg, Trip};

    fn leg(code: &str, days: u32) -> Leg {
        Leg {
            country: CountryCode::parse(code).unwrap_or_else(|| unreachable!()),
            days,
        }
    }

    #[test]
    fn a_block_is_the_legs_that_meet_its_days_cut_to_them() {
        let start = Date::new(2026, 12, 1).unwrap_or_else(|| unreachable!());
        let trip = Trip::uniform(
            vec![leg("HK", 3), leg("JP", 4), leg("HK", 2)],
            2,
            1024,
            start,
        );
        assert_eq!(super::days_of(&trip, 0, 1).legs, vec![leg("HK", 1)]);
        assert_eq!(
            super::days_of(&trip, 2, 8).legs,
            vec![leg("HK", 1), leg("JP", 4), leg("HK", 1)]
        );
        assert_eq!(super::days_of(&trip, 0, 9).legs, trip.legs);
    }
}
