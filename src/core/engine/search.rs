//! The exact optimum over the whole group: every way of splitting the
//! travellers into units (a traveller alone; a hotspot host with guests; a
//! pool; a bundle of cards), each unit with its cheapest lane.
//!
//! Units are independent once chosen, so the best split is a set-partition
//! search over the travellers, with each distinct unit (same uses, same
//! phones) searched once.

use std::collections::HashMap;

use super::eligibility::refusal;
use super::lane::{self, DayService, Key, Lane, LaneAnswers, LaneInput, LimitedAllowance};
use super::own_line::{DayUse, OwnLine};
use super::units::{Mode, UnitCandidate};
use crate::core::catalogue::{Catalogue, Plan};
use crate::core::country::CountryCode;
use crate::core::money::{div_round, Value};
use crate::core::trip::{Traveller, Trip};

/// Pico-euros in a euro cent (the own line's surcharge is in euro cents).
const PICO_PER_EUR_CENT: i128 = 10_000_000_000;

/// One unit of a solution, with its lane.
#[derive(Clone, Debug)]
pub struct SolvedUnit {
    /// Travellers in the unit (indices into the trip's travellers), in the
    /// order the unit's candidates refer to them.
    pub travellers: Vec<usize>,
    /// Its lane.
    pub lane: Lane,
    /// The unit's candidates (the lane's purchases index them).
    pub candidates: std::rc::Rc<Vec<UnitCandidate>>,
}

/// A whole-group solution.
#[derive(Clone, Debug)]
pub struct Solution {
    /// Total key.
    pub key: Key,
    /// Its units.
    pub units: Vec<SolvedUnit>,
}

/// The three searches the answer lists.
#[derive(Clone, Debug, Default)]
pub struct Solutions {
    /// The cheapest.
    pub cheapest: Option<Solution>,
    /// The cheapest with at most one new product per traveller.
    pub simplest: Option<Solution>,
    /// The cheapest with every traveller on their own (no sharing).
    pub separate: Option<Solution>,
    /// Countries that nothing serves (then there is no solution).
    pub uncovered: Vec<CountryCode>,
}

/// Everything about the trip that does not depend on the unit.
pub struct Setting<'a> {
    catalogue: &'a Catalogue,
    trip: &'a Trip,
    days: Vec<CountryCode>,
    leg_starts: Vec<bool>,
    day_use: Vec<DayUse>,
    own_line: Option<&'a OwnLine>,
    /// Days of each own-line group on the trip.
    group_days: Vec<u32>,
    /// Plans offered, in id order.
    plans: Vec<usize>,
}

impl<'a> Setting<'a> {
    /// Prepares a search over the plans `keep` accepts among those this
    /// reader can buy.
    pub fn new(
        catalogue: &'a Catalogue,
        trip: &'a Trip,
        own_line: Option<&'a OwnLine>,
        keep: &dyn Fn(&Plan) -> bool,
    ) -> Setting<'a> {
        let days = trip.day_countries();
        let mut leg_starts = vec![false; days.len() + 1];
        let mut at = 0usize;
        for leg in &trip.legs {
            if let Some(slot) = leg_starts.get_mut(at) {
                *slot = true;
            }
            at += leg.days as usize;
        }
        leg_starts[days.len()] = true;
        let day_use: Vec<DayUse> = days
            .iter()
            .map(|&c| match own_line {
                Some(line) => line.day_use(c),
                None if Some(c) == trip.home => DayUse::Home,
                None => DayUse::None,
            })
            .collect();
        let group_count = own_line.map_or(0, |l| l.groups.len());
        let mut group_days = vec![0u32; group_count];
        for use_ in &day_use {
            if let DayUse::Group(g) = use_ {
                group_days[*g] += 1;
            }
        }
        let mut plans: Vec<usize> = (0..catalogue.plans.len())
            .filter(|&i| {
                let plan = &catalogue.plans[i];
                refusal(plan, trip).is_none()
                    && keep(plan)
                    && days.iter().any(|&c| Some(c) != trip.home && plan.covers(c))
            })
            .collect();
        plans.sort_by(|&a, &b| catalogue.plans[a].id.cmp(&catalogue.plans[b].id));
        Setting {
            catalogue,
            trip,
            days,
            leg_starts,
            day_use,
            own_line,
            group_days,
            plans,
        }
    }

    /// Catalogue indices of the plans offered for this trip, in id order.
    pub fn offered(&self) -> Vec<usize> {
        self.plans.clone()
    }

    /// Runs the three searches.
    pub fn solve(&self) -> Solutions {
        let people = self.trip.travellers.len();
        if people == 0 || self.days.is_empty() || people > 16 {
            return Solutions::default();
        }
        let mut units = UnitCache::new(self);
        let full = (1usize << people) - 1;
        let cheapest = partition(full, &mut units, |a| a.cheapest.as_ref(), true);
        if cheapest.is_none() {
            // Some day nothing can serve, for some traveller.
            let mut uncovered: Vec<CountryCode> = self
                .trip
                .travellers
                .iter()
                .flat_map(|t| self.uncovered(t))
                .collect();
            if uncovered.is_empty() {
                // Every day is servable alone, but not the trip as a whole
                // (an allowance that runs out): name every country away.
                uncovered = self
                    .days
                    .iter()
                    .copied()
                    .filter(|c| Some(*c) != self.trip.home)
                    .collect();
            }
            uncovered.sort_unstable();
            uncovered.dedup();
            return Solutions {
                uncovered,
                ..Solutions::default()
            };
        }
        let simplest = partition(full, &mut units, |a| a.simplest.as_ref(), true);
        let separate = partition(full, &mut units, |a| a.cheapest.as_ref(), false);
        Solutions {
            cheapest,
            simplest,
            separate,
            uncovered: Vec::new(),
        }
    }

    /// Countries of the days no plan and no own line can serve for this
    /// traveller: no plan covering the country can carry a day of their use
    /// (its daily cap or its whole data, top-ups included, is too small).
    fn uncovered(&self, traveller: &Traveller) -> Vec<CountryCode> {
        let input = self.unit_input(&[*traveller]);
        // A day is servable by a candidate that covers it and can carry one
        // day of this traveller's use.
        let covered = |d: usize| {
            input
                .covers
                .iter()
                .zip(&input.candidates)
                .any(|(c, candidate)| c[d] && candidate.value(1, 1).is_some())
        };
        let mut out: Vec<CountryCode> = (0..self.days.len())
            .filter(|&d| !input.free[d] && input.limited_day[d].is_none() && !covered(d))
            .map(|d| self.days[d])
            .collect();
        if out.is_empty() {
            // Covered, but an own-line allowance runs out with nothing else
            // for those days.
            out = (0..self.days.len())
                .filter(|&d| input.limited_day[d].is_some() && !covered(d))
                .map(|d| self.days[d])
                .collect();
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The lane search's input for a unit.
    fn unit_input(&self, unit: &[Traveller]) -> UnitInput {
        let d = self.days.len();
        let groups = self.own_line.map_or(&[][..], |l| l.groups.as_slice());
        // A group is free for the unit when no member can exhaust it here.
        let free_group: Vec<bool> = groups
            .iter()
            .zip(&self.group_days)
            .map(|(g, &days)| {
                unit.iter()
                    .all(|t| g.cost_of(t.mb_per_day, days).is_some_and(|r| r.num == 0))
            })
            .collect();
        let mut limited_index = vec![None; groups.len()];
        let mut limited = Vec::new();
        for (g, free) in free_group.iter().enumerate() {
            if !free {
                limited_index[g] = Some(limited.len());
                limited.push(g);
            }
        }
        let free: Vec<bool> = self
            .day_use
            .iter()
            .map(|u| match u {
                DayUse::Home => true,
                DayUse::Group(g) => free_group[*g],
                DayUse::None => false,
            })
            .collect();
        let limited_day: Vec<Option<usize>> = self
            .day_use
            .iter()
            .map(|u| match u {
                DayUse::Group(g) => limited_index[*g],
                _ => None,
            })
            .collect();
        let mut candidates = Vec::new();
        for &index in &self.plans {
            let plan = &self.catalogue.plans[index];
            candidates.extend(UnitCandidate::all_for(
                index,
                plan,
                unit,
                self.trip.together,
                &self.catalogue.rates,
            ));
        }
        let covers: Vec<Vec<bool>> = candidates
            .iter()
            .map(|c| {
                let plan = &self.catalogue.plans[c.plan];
                (0..d)
                    .map(|day| !free[day] && plan.covers(self.days[day]))
                    .collect()
            })
            .collect();
        let (candidates, covers) = without_dominated(candidates, covers, d);
        UnitInput {
            free,
            limited_day,
            limited_groups: limited,
            candidates,
            covers,
        }
    }

    fn solve_unit(&self, unit: &[Traveller]) -> Option<SolvedLanes> {
        let input = self.unit_input(unit);
        if unit.len() > 1
            && !input
                .candidates
                .iter()
                .any(|c| matches!(c.mode, Mode::Hotspot(_) | Mode::Pool | Mode::Bundle))
        {
            // Without a way to share, a unit is never cheaper than its
            // members alone.
            return None;
        }
        let groups = self.own_line.map_or(&[][..], |l| l.groups.as_slice());
        let costs: Vec<Box<dyn Fn(u32) -> Option<Value>>> = input
            .limited_groups
            .iter()
            .map(|&g| {
                let group = groups[g].clone();
                let members: Vec<u64> = unit.iter().map(|t| t.mb_per_day).collect();
                Box::new(move |k: u32| {
                    let mut total = Value::ZERO;
                    for &mb in &members {
                        let r = group.cost_of(mb, k)?;
                        total = total.plus(Value(div_round(r.num * PICO_PER_EUR_CENT, r.den)));
                    }
                    Some(total)
                }) as Box<dyn Fn(u32) -> Option<Value>>
            })
            .collect();
        let limited: Vec<LimitedAllowance<'_>> = input
            .limited_groups
            .iter()
            .zip(&costs)
            .map(|(&g, cost)| LimitedAllowance {
                days: self.group_days[g],
                cost: cost.as_ref(),
            })
            .collect();
        let lane_input = LaneInput {
            days: self.days.len(),
            leg_starts: &self.leg_starts,
            free: &input.free,
            limited_day: &input.limited_day,
            limited: &limited,
            candidates: &input.candidates,
            covers: &input.covers,
        };
        let answers = lane::solve(&lane_input);
        Some(SolvedLanes {
            answers,
            limited_groups: input.limited_groups,
            candidates: std::rc::Rc::new(input.candidates),
        })
    }
}

/// Drops the candidates another one beats on every lane it could be part
/// of: same days covered, same kind of purchase and number of products, a
/// validity at least as long, and a price no higher for any number of days
/// served (an earlier candidate wins a tie, as the search's order does).
/// Exact: whatever the dropped one serves, the other serves for no more.
fn without_dominated(
    candidates: Vec<UnitCandidate>,
    covers: Vec<Vec<bool>>,
    days: usize,
) -> (Vec<UnitCandidate>, Vec<Vec<bool>>) {
    let horizon = |c: &UnitCandidate| -> usize {
        match (c.contract, c.validity) {
            (false, Some(v)) => days.min(v as usize),
            _ => days,
        }
    };
    // Prices for 1..=horizon days served (span = days served: passes and
    // day plans do not depend on the span; subscriptions are left alone).
    let prices: Vec<Vec<Option<crate::core::money::Value>>> = candidates
        .iter()
        .map(|c| {
            let h = u32::try_from(horizon(c)).unwrap_or(u32::MAX);
            (1..=h).map(|n| c.value(n, n)).collect()
        })
        .collect();
    let dominates = |a: usize, b: usize| -> bool {
        let (x, y) = (&candidates[a], &candidates[b]);
        if x.contract
            || y.contract
            || covers[a] != covers[b]
            || x.validity.is_none() != y.validity.is_none()
            || x.products() != y.products()
            || horizon(x) < horizon(y)
        {
            return false;
        }
        prices[b]
            .iter()
            .enumerate()
            .all(|(n, price_b)| match (prices[a].get(n), price_b) {
                (_, None) => true,
                (Some(Some(price_a)), Some(price_b)) => price_a <= price_b,
                _ => false,
            })
    };
    // Only candidates covering the same days can dominate each other:
    // compare within those groups.
    let mut groups: HashMap<(&[bool], bool, bool, u32), Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let key = (
            covers[i].as_slice(),
            c.contract,
            c.validity.is_none(),
            c.products(),
        );
        groups.entry(key).or_default().push(i);
    }
    let mut keep = vec![true; candidates.len()];
    for members in groups.values() {
        for &b in members {
            for &a in members {
                if a == b || !keep[a] {
                    continue;
                }
                // A later candidate must be strictly better somewhere to win.
                if dominates(a, b) && (a < b || !dominates(b, a)) {
                    keep[b] = false;
                    break;
                }
            }
        }
    }
    let mut out = (Vec::new(), Vec::new());
    for ((candidate, cover), kept) in candidates.into_iter().zip(covers).zip(keep) {
        if kept {
            out.0.push(candidate);
            out.1.push(cover);
        }
    }
    out
}

struct UnitInput {
    free: Vec<bool>,
    limited_day: Vec<Option<usize>>,
    /// Own-line group index of each limited allowance.
    limited_groups: Vec<usize>,
    candidates: Vec<UnitCandidate>,
    covers: Vec<Vec<bool>>,
}

/// A unit's searched lanes.
struct SolvedLanes {
    answers: LaneAnswers,
    /// Own-line group of each limited allowance of the lanes.
    limited_groups: Vec<usize>,
    candidates: std::rc::Rc<Vec<UnitCandidate>>,
}

/// Lanes by unit, searched once for each distinct set of travellers.
struct UnitCache<'s, 'a> {
    setting: &'s Setting<'a>,
    by_signature: HashMap<Vec<Traveller>, Option<std::rc::Rc<SolvedLanes>>>,
    /// By set of travellers (a bit mask): the partition looks units up
    /// about 3^n times, so an index, not a hash (a third of the time of
    /// twelve travellers went to hashing masks).
    by_mask: Vec<Option<std::rc::Rc<SolvedLanes>>>,
    /// Whether `by_mask` holds the answer for a mask yet.
    known: Vec<bool>,
}

impl<'s, 'a> UnitCache<'s, 'a> {
    fn new(setting: &'s Setting<'a>) -> UnitCache<'s, 'a> {
        UnitCache {
            setting,
            by_signature: HashMap::new(),
            by_mask: vec![None; 1 << setting.trip.travellers.len()],
            known: vec![false; 1 << setting.trip.travellers.len()],
        }
    }

    /// Travellers of a mask, in index order.
    fn members(&self, mask: usize) -> Vec<usize> {
        (0..self.setting.trip.travellers.len())
            .filter(|t| mask & (1 << t) != 0)
            .collect()
    }

    fn get(&mut self, mask: usize) -> Option<std::rc::Rc<SolvedLanes>> {
        if self.known.get(mask).copied().unwrap_or(false) {
            return self.by_mask.get(mask).cloned().flatten();
        }
        // The unit's travellers sorted, so that the same people in another
        // order share one search; candidates refer to this sorted order.
        let travellers = &self.setting.trip.travellers;
        let mut signature: Vec<Traveller> =
            self.members(mask).iter().map(|&t| travellers[t]).collect();
        signature.sort_unstable();
        let solved = if let Some(found) = self.by_signature.get(&signature) {
            found.clone()
        } else {
            let solved = self.setting.solve_unit(&signature).map(std::rc::Rc::new);
            self.by_signature.insert(signature, solved.clone());
            solved
        };
        if let (Some(slot), Some(known)) = (self.by_mask.get_mut(mask), self.known.get_mut(mask)) {
            slot.clone_from(&solved);
            *known = true;
        }
        solved
    }
}

/// The best split of `full` into units, by the lane `pick` chooses.
fn partition(
    full: usize,
    units: &mut UnitCache<'_, '_>,
    pick: impl Fn(&LaneAnswers) -> Option<&Lane>,
    sharing: bool,
) -> Option<Solution> {
    let size = full + 1;
    let mut best: Vec<Option<(Key, usize)>> = vec![None; size];
    best[0] = Some((
        Key {
            value: Value::ZERO,
            purchases: 0,
        },
        0,
    ));
    for mask in 1..size {
        if mask & full != mask {
            continue;
        }
        let low = mask & mask.wrapping_neg();
        let rest = mask ^ low;
        // Every unit containing the lowest traveller of `mask`.
        let mut sub = rest;
        loop {
            let unit = sub | low;
            if sharing || unit == low {
                if let (Some(lanes), Some((before, _))) = (units.get(unit), best[mask ^ unit]) {
                    if let Some(lane) = pick(&lanes.answers) {
                        let key = Key {
                            value: before.value.plus(lane.key.value),
                            purchases: before.purchases + lane.key.purchases,
                        };
                        if best[mask].is_none_or(|(k, _)| key < k) {
                            best[mask] = Some((key, unit));
                        }
                    }
                }
            }
            if sub == 0 {
                break;
            }
            sub = (sub - 1) & rest;
        }
    }
    let (key, _) = best[full]?;
    let mut out = Vec::new();
    let mut mask = full;
    while mask != 0 {
        let (_, unit) = best[mask]?;
        let lanes = units.get(unit)?;
        let lane = pick(&lanes.answers)?.clone();
        // Candidates index the sorted signature: map it back to travellers.
        let travellers = &units.setting.trip.travellers;
        let mut members = units.members(unit);
        members.sort_by_key(|&t| travellers[t]);
        let mut lane = lane;
        for service in &mut lane.days {
            if let DayService::Limited(n) = service {
                *n = lanes.limited_groups.get(*n).copied().unwrap_or(*n);
            }
        }
        let mut per_group = vec![0u32; units.setting.group_days.len()];
        for (n, days) in lane.limited_days.iter().enumerate() {
            if let Some(&g) = lanes.limited_groups.get(n) {
                per_group[g] = *days;
            }
        }
        lane.limited_days = per_group;
        out.push(SolvedUnit {
            travellers: members,
            lane,
            candidates: lanes.candidates.clone(),
        });
        mask ^= unit;
    }
    out.sort_by_key(|u| u.travellers.first().copied());
    Some(Solution { key, units: out })
}
