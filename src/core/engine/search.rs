//! The exact optimum over the whole group: every way of splitting the
//! travellers into units (a traveller alone; a hotspot host with guests; a
//! pool; a bundle of cards), each unit with its cheapest lane.
//!
//! Units are independent once chosen, so the best split is a set-partition
//! search over the travellers, with each distinct unit (same uses, same
//! phones) searched once.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::blocks::{self, Regroup};
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

/// Blocks of days (first day, end day) on a search's cheapest ways.
pub type OptimalBlocks = Rc<Vec<(u32, u32)>>;

/// A whole-group solution.
#[derive(Clone, Debug)]
pub struct Solution {
    /// Total key.
    pub key: Key,
    /// Its units.
    pub units: Vec<SolvedUnit>,
    /// When the search regrouped: the blocks of days (first day, end day)
    /// that lie on some cheapest way through the trip. Only they can make
    /// an answer of the same key from fewer plans (the tie rule): a plan
    /// left out never makes a block cheaper.
    pub optimal_blocks: Option<OptimalBlocks>,
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

/// The three searches: which answer an option is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Search {
    /// The cheapest.
    Cheapest,
    /// The cheapest with at most one new product per traveller.
    Simplest,
    /// The cheapest with every traveller on their own.
    Separate,
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
    /// `coverages[plan_coverage[i]][d]`: offered plan `i` (position in
    /// `plans`) works on trip day `d`. Worked out once per country: every
    /// unit's search reads it, and looking countries up in each plan's
    /// coverage for every unit, candidate and day was most of the time of
    /// large trips. Plans that work in the same countries of the trip
    /// share an entry, which the lane search uses (`lane::Envelope`).
    plan_coverage: Vec<usize>,
    coverages: Vec<Vec<bool>>,
    /// Where the cheapest search also tries regrouping (`blocks`).
    regroup: Regroup,
    /// For a block of legs: the whole trip's search and the block's first
    /// day. A block's units use the whole trip's candidates (`on_days`).
    whole: Option<(&'a Setting<'a>, usize)>,
    /// The key the caller looks for (the tie rule) and the blocks of the
    /// search that found it on its cheapest ways (`optimal_blocks`):
    /// nothing costlier is searched, and no other block.
    target: Option<(Key, Option<OptimalBlocks>)>,
    /// Each unit's candidates, kept for the blocks' searches.
    inputs: RefCell<HashMap<Vec<Traveller>, Rc<UnitInput>>>,
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
        let regroup = super::regroups(catalogue, trip);
        Setting::regrouping(catalogue, trip, own_line, keep, regroup)
    }

    /// `Setting::new` where the caller knows already where the group may
    /// regroup (the tie rule's many searches on one trip).
    pub fn regrouping(
        catalogue: &'a Catalogue,
        trip: &'a Trip,
        own_line: Option<&'a OwnLine>,
        keep: &dyn Fn(&Plan) -> bool,
        regroup: Regroup,
    ) -> Setting<'a> {
        let offer = |plan: &Plan| may_offer(plan, trip, keep);
        Setting::offering(catalogue, trip, own_line, &offer, regroup)
    }

    /// A search over the plans `offer` accepts, eligibility left to it
    /// (the carrier hints offer several carriers' passes at once).
    pub fn offering(
        catalogue: &'a Catalogue,
        trip: &'a Trip,
        own_line: Option<&'a OwnLine>,
        offer: &dyn Fn(&Plan) -> bool,
        regroup: Regroup,
    ) -> Setting<'a> {
        let plans = (0..catalogue.plans.len()).filter(|&i| offer(&catalogue.plans[i]));
        Setting::build(catalogue, trip, own_line, plans, regroup)
    }

    /// The same search on a block of the trip's days (`part`, made by
    /// `blocks::days_of`): the plans offered on the whole trip, the same
    /// own line, no regrouping inside the block.
    fn on_block<'b>(&'b self, part: &'b Trip, first_day: usize) -> Setting<'b> {
        let mut block = Setting::build(
            self.catalogue,
            part,
            self.own_line,
            self.plans.iter().copied(),
            Regroup::Never,
        );
        block.whole = Some((self, first_day));
        block
    }

    /// A search over `plans` (catalogue indices this reader may buy).
    fn build(
        catalogue: &'a Catalogue,
        trip: &'a Trip,
        own_line: Option<&'a OwnLine>,
        plans: impl Iterator<Item = usize>,
        regroup: Regroup,
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
        // The trip's countries once each, and each day's place among them.
        let countries = once_each(&days);
        let day_country: Vec<usize> = days
            .iter()
            .map(|c| countries.binary_search(c).unwrap_or(0))
            .collect();
        // Which of the trip's countries each plan works in.
        let mut offered: Vec<(usize, Vec<bool>)> = plans
            .filter_map(|i| Some((i, works_in(&catalogue.plans[i], &countries, trip.home)?)))
            .collect();
        in_id_order(catalogue, &mut offered);
        // Plans that work in the same countries share their days.
        let mut coverages: Vec<Vec<bool>> = Vec::new();
        let mut known: HashMap<Vec<bool>, usize> = HashMap::new();
        let mut plans = Vec::with_capacity(offered.len());
        let mut plan_coverage = Vec::with_capacity(offered.len());
        for (plan, works) in offered {
            let at = *known.entry(works).or_insert_with_key(|works| {
                coverages.push(day_country.iter().map(|&k| works[k]).collect());
                coverages.len() - 1
            });
            plans.push(plan);
            plan_coverage.push(at);
        }
        Setting {
            catalogue,
            trip,
            days,
            leg_starts,
            day_use,
            own_line,
            group_days,
            plans,
            plan_coverage,
            coverages,
            regroup,
            whole: None,
            target: None,
            inputs: RefCell::new(HashMap::new()),
        }
    }

    /// The same search with fewer plans, looking for an answer as good as
    /// `found` (the tie rule): costlier ways of regrouping are not
    /// searched, nor blocks off `found`'s cheapest ways.
    #[must_use]
    pub fn looking_for(mut self, found: &Solution) -> Self {
        self.target = Some((found.key, found.optimal_blocks.clone()));
        self
    }

    /// Catalogue indices of the plans offered for this trip, in id order.
    pub fn offered(&self) -> Vec<usize> {
        self.plans.clone()
    }

    /// How many plans `Setting::regrouping` with `keep` offers for `trip`,
    /// counted no further than `limit + 1` (the tie rule only needs to know
    /// whether there are more than it searches; on a large catalogue,
    /// building the search to count them was most of its cost).
    pub fn offered_count(
        catalogue: &Catalogue,
        trip: &Trip,
        keep: &dyn Fn(&Plan) -> bool,
        limit: usize,
    ) -> usize {
        let countries = once_each(&trip.day_countries());
        catalogue
            .plans
            .iter()
            .filter(|plan| {
                may_offer(plan, trip, keep) && works_in(plan, &countries, trip.home).is_some()
            })
            .take(limit.saturating_add(1))
            .count()
    }

    /// Whether the trip is one the searches take (travellers and days).
    fn searchable(&self) -> bool {
        let people = self.trip.travellers.len();
        people > 0 && people <= 16 && !self.days.is_empty()
    }

    /// Runs one of the searches alone (where the other two are not needed:
    /// each costs a pass over every split of the group).
    pub fn solve_one(&self, search: Search) -> Option<Solution> {
        if !self.searchable() {
            return None;
        }
        let mut units = UnitCache::new(self);
        match search {
            Search::Cheapest => self.cheapest(&mut units),
            _ => run(search, &mut units),
        }
    }

    /// The cheapest search: the best split of the group for the whole
    /// trip, or better, different splits on blocks of days.
    fn cheapest(&self, units: &mut UnitCache<'_, 'a>) -> Option<Solution> {
        let whole = run(Search::Cheapest, units);
        if self.regroup == Regroup::Never {
            return whole;
        }
        let cuts = blocks::cuts(self.trip, self.own_line);
        if cuts.is_empty() {
            return whole;
        }
        // Looking for an answer of a given key (the tie rule): the whole
        // trip reaching it is the answer, as it would win the tie.
        let (bound, allowed) = match &self.target {
            Some((key, blocks)) => (Some(*key), blocks.as_ref().map(|b| b.as_slice())),
            None => (None, None),
        };
        if let (Some(target), Some(found)) = (bound, &whole) {
            if found.key <= target {
                return whole;
            }
        }
        blocks::best_blocks(
            self.trip,
            self.regroup,
            &cuts,
            whole,
            blocks::Looking { bound, allowed },
            |part, first_day| {
                self.on_block(part, first_day as usize)
                    .solve_one(Search::Cheapest)
            },
        )
    }

    /// Runs the three searches.
    pub fn solve(&self) -> Solutions {
        if !self.searchable() {
            return Solutions::default();
        }
        let mut units = UnitCache::new(self);
        let cheapest = self.cheapest(&mut units);
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
        let simplest = run(Search::Simplest, &mut units);
        let separate = run(Search::Separate, &mut units);
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
        // day of this traveller's use: worked out once per coverage, not
        // for every day.
        let mut carries = vec![false; input.covers.len()];
        for (&k, candidate) in input.cover_of.iter().zip(input.candidates.iter()) {
            if !carries[k] && candidate.value(1, 1).is_some() {
                carries[k] = true;
            }
        }
        let covered = |d: usize| {
            input
                .covers
                .iter()
                .zip(&carries)
                .any(|(days, &carries)| carries && days[d])
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
    fn unit_input(&self, unit: &[Traveller]) -> Rc<UnitInput> {
        if let Some((whole, first_day)) = self.whole {
            return Rc::new(whole.unit_input(unit).on_days(first_day, self.days.len()));
        }
        if let Some(known) = self.inputs.borrow().get(unit) {
            return Rc::clone(known);
        }
        let input = Rc::new(self.fresh_unit_input(unit));
        self.inputs
            .borrow_mut()
            .insert(unit.to_vec(), Rc::clone(&input));
        input
    }

    /// The unit's candidates for the trip's days, the dominated left out.
    fn fresh_unit_input(&self, unit: &[Traveller]) -> UnitInput {
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
        let covers: Vec<Vec<bool>> = self
            .coverages
            .iter()
            .map(|works| (0..d).map(|day| !free[day] && works[day]).collect())
            .collect();
        let mut candidates = Vec::new();
        let mut cover_of = Vec::new();
        for (&index, &coverage) in self.plans.iter().zip(&self.plan_coverage) {
            let plan = &self.catalogue.plans[index];
            let ways = UnitCandidate::all_for(
                index,
                plan,
                unit,
                self.trip.together,
                &self.catalogue.rates,
            );
            cover_of.resize(cover_of.len() + ways.len(), coverage);
            candidates.extend(ways);
        }
        // The coverages some subscription among the candidates has.
        let mut subscribed = vec![false; covers.len()];
        for (candidate, &k) in candidates.iter().zip(&cover_of) {
            if candidate.contract {
                if let Some(slot) = subscribed.get_mut(k) {
                    *slot = true;
                }
            }
        }
        UnitInput {
            free,
            limited_day,
            limited_groups: limited,
            candidates: Rc::new(candidates),
            cover_of: Rc::new(cover_of),
            beyond: vec![false; covers.len()],
            subscribed: Rc::new(subscribed),
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
            cover_of: &input.cover_of,
            covers: &input.covers,
            beyond: &input.beyond,
        };
        let answers = lane::solve(&lane_input);
        Some(SolvedLanes {
            answers,
            limited_groups: input.limited_groups.clone(),
            candidates: Rc::clone(&input.candidates),
        })
    }
}

/// Whether `Setting::regrouping` offers `plan`: this reader may buy it and
/// the caller keeps it.
fn may_offer(plan: &Plan, trip: &Trip, keep: &dyn Fn(&Plan) -> bool) -> bool {
    refusal(plan, trip).is_none() && keep(plan)
}

/// `countries` sorted, each once.
fn once_each(countries: &[CountryCode]) -> Vec<CountryCode> {
    let mut out = countries.to_vec();
    out.sort_unstable();
    out.dedup();
    out
}

/// Which of the trip's `countries` `plan` works in; `None` when it works in
/// none but `home` (nothing to buy it for).
fn works_in(
    plan: &Plan,
    countries: &[CountryCode],
    home: Option<CountryCode>,
) -> Option<Vec<bool>> {
    let works: Vec<bool> = countries.iter().map(|&c| plan.covers(c)).collect();
    countries
        .iter()
        .zip(&works)
        .any(|(&c, &w)| w && Some(c) != home)
        .then_some(works)
}

/// Runs one search, with the units already searched.
fn run(search: Search, units: &mut UnitCache<'_, '_>) -> Option<Solution> {
    match search {
        Search::Cheapest => partition(units, |a| a.cheapest.as_ref(), true),
        Search::Simplest => partition(units, |a| a.simplest.as_ref(), true),
        Search::Separate => partition(units, |a| a.cheapest.as_ref(), false),
    }
}

impl UnitInput {
    /// The same unit on `len` days from `first` (a block of legs): the
    /// same candidates, on those days. An allowance that can run out has
    /// all its days in one block.
    fn on_days(&self, first: usize, len: usize) -> UnitInput {
        let days = first..first + len;
        UnitInput {
            free: self.free[days.clone()].to_vec(),
            limited_day: self.limited_day[days.clone()].to_vec(),
            limited_groups: self.limited_groups.clone(),
            candidates: Rc::clone(&self.candidates),
            cover_of: Rc::clone(&self.cover_of),
            subscribed: Rc::clone(&self.subscribed),
            // Only subscriptions read it: other coverages are not scanned.
            beyond: self
                .covers
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    self.subscribed.get(k).copied().unwrap_or(false)
                        && (c[..first].contains(&true) || c[first + len..].contains(&true))
                })
                .collect(),
            covers: self
                .covers
                .iter()
                .map(|c| c[days.clone()].to_vec())
                .collect(),
        }
    }
}

struct UnitInput {
    free: Vec<bool>,
    limited_day: Vec<Option<usize>>,
    /// Own-line group index of each limited allowance.
    limited_groups: Vec<usize>,
    /// Every way the unit can use an offered plan, in plan id order.
    candidates: Rc<Vec<UnitCandidate>>,
    /// Index into `covers` of each candidate.
    cover_of: Rc<Vec<usize>>,
    /// Days each coverage covers (its countries, not a free day).
    covers: Vec<Vec<bool>>,
    /// For a block of legs: whether each coverage covers a trip day
    /// outside it. A subscription is bought at most once per line per
    /// trip (the contract), serving every day it covers: it is not bought
    /// inside a block unless all those days are in it (then no other block
    /// has any of them, and the line buys it once).
    beyond: Vec<bool>,
    /// Whether a subscription among the candidates has each coverage.
    subscribed: Rc<Vec<bool>>,
}

/// A unit's searched lanes.
struct SolvedLanes {
    answers: LaneAnswers,
    /// Own-line group of each limited allowance of the lanes.
    limited_groups: Vec<usize>,
    candidates: std::rc::Rc<Vec<UnitCandidate>>,
}

/// Travellers who are alike (same use, same phone) are interchangeable:
/// a unit is named by how many of each kind it holds, and the group's
/// splits are searched over those counts rather than over sets of
/// travellers (twelve alike have 13 distinct units and 91 ways to take a
/// unit from a remainder, where sets of travellers have 4,096 and 531,441).
struct Alike {
    /// Each kind of traveller, in order, with its travellers' indices.
    kinds: Vec<(Traveller, Vec<usize>)>,
    /// Place value of each kind's count in a unit's index (mixed radix).
    stride: Vec<usize>,
    /// Number of count vectors (every unit, the empty one included).
    size: usize,
}

/// Units in the order of their first traveller. Units hold different
/// travellers, so no two keys are equal: an unstable sort gives the stable
/// order, with one small sort routine in the wasm for both callers (each
/// stable sort instantiated costs ~3 KB of it).
pub(crate) fn in_traveller_order(units: &mut [SolvedUnit]) {
    units.sort_unstable_by_key(|u| u.travellers.iter().min().copied());
}

/// Offered plans by id, a tie (ids are unique in a valid catalogue) by
/// catalogue index, which is the order they come in: the stable order,
/// from one non-generic routine.
fn in_id_order(catalogue: &Catalogue, offered: &mut [(usize, Vec<bool>)]) {
    offered.sort_unstable_by(|(a, _), (b, _)| {
        catalogue.plans[*a]
            .id
            .cmp(&catalogue.plans[*b].id)
            .then(a.cmp(b))
    });
}

impl Alike {
    fn of(travellers: &[Traveller]) -> Alike {
        let mut kinds: Vec<(Traveller, Vec<usize>)> = Vec::new();
        let mut order: Vec<usize> = (0..travellers.len()).collect();
        // Keys differ (each holds its index): unstable sorts as stable.
        order.sort_unstable_by_key(|&t| (travellers[t], t));
        for t in order {
            match kinds.last_mut() {
                Some((kind, members)) if *kind == travellers[t] => members.push(t),
                _ => kinds.push((travellers[t], vec![t])),
            }
        }
        let mut stride = Vec::with_capacity(kinds.len());
        let mut size = 1usize;
        for (_, members) in &kinds {
            stride.push(size);
            size *= members.len() + 1;
        }
        Alike {
            kinds,
            stride,
            size,
        }
    }

    /// How many of kind `k` the unit with index `unit` holds.
    fn count(&self, unit: usize, k: usize) -> usize {
        (unit / self.stride[k]) % (self.kinds[k].1.len() + 1)
    }

    /// Travellers in a unit of that index, in sorted order.
    fn signature(&self, unit: usize) -> Vec<Traveller> {
        let mut out = Vec::new();
        for (k, (kind, _)) in self.kinds.iter().enumerate() {
            out.extend(std::iter::repeat_n(*kind, self.count(unit, k)));
        }
        out
    }

    /// Every nonzero unit inside `whole` (componentwise), in decreasing
    /// index order.
    fn units_within(&self, whole: usize, mut each: impl FnMut(usize)) {
        // Counting down in mixed radix with each digit bounded by `whole`'s.
        let limits: Vec<usize> = (0..self.kinds.len())
            .map(|k| self.count(whole, k))
            .collect();
        let mut digits = limits.clone();
        loop {
            let index: usize = digits.iter().zip(&self.stride).map(|(d, s)| d * s).sum();
            if index == 0 {
                return;
            }
            each(index);
            // Decrement: the lowest digit above zero goes down by one and
            // every digit below it is back at its limit.
            let Some(k) = digits.iter().position(|&d| d > 0) else {
                return;
            };
            digits[k] -= 1;
            digits[..k].copy_from_slice(&limits[..k]);
        }
    }
}

/// A unit's lanes, once searched (`None`: the unit has none).
#[derive(Clone)]
enum Searched {
    Not,
    Done(Option<std::rc::Rc<SolvedLanes>>),
}

/// Lanes by unit (a count of each kind of traveller), each searched once.
struct UnitCache<'s, 'a> {
    setting: &'s Setting<'a>,
    kinds: Alike,
    /// By unit index: whether searched yet, and its lanes.
    lanes: Vec<Searched>,
}

impl<'s, 'a> UnitCache<'s, 'a> {
    fn new(setting: &'s Setting<'a>) -> UnitCache<'s, 'a> {
        let kinds = Alike::of(&setting.trip.travellers);
        UnitCache {
            setting,
            lanes: vec![Searched::Not; kinds.size],
            kinds,
        }
    }

    fn get(&mut self, unit: usize) -> Option<std::rc::Rc<SolvedLanes>> {
        if let Some(Searched::Done(known)) = self.lanes.get(unit) {
            return known.clone();
        }
        // Candidates refer to the unit's travellers in sorted order.
        let solved = self
            .setting
            .solve_unit(&self.kinds.signature(unit))
            .map(std::rc::Rc::new);
        if let Some(slot) = self.lanes.get_mut(unit) {
            *slot = Searched::Done(solved.clone());
        }
        solved
    }
}

/// The best split of the whole group into units, by the lane `pick`
/// chooses; without `sharing`, every unit is one traveller.
fn partition(
    units: &mut UnitCache<'_, '_>,
    pick: impl Fn(&LaneAnswers) -> Option<&Lane>,
    sharing: bool,
) -> Option<Solution> {
    let size = units.kinds.size;
    let one_traveller: Vec<usize> = units.kinds.stride.clone();
    let mut best: Vec<Option<(Key, usize)>> = vec![None; size];
    best[0] = Some((
        Key {
            value: Value::ZERO,
            purchases: 0,
        },
        0,
    ));
    // A remainder's index is smaller than that of any whole holding it, so
    // increasing order finds every remainder done.
    for whole in 1..size {
        let mut found: Option<(Key, usize)> = None;
        let mut consider = |unit: usize, units: &mut UnitCache<'_, '_>| {
            let Some((before, _)) = best[whole - unit] else {
                return;
            };
            let Some(lanes) = units.get(unit) else {
                return;
            };
            if let Some(lane) = pick(&lanes.answers) {
                let key = Key {
                    value: before.value.plus(lane.key.value),
                    purchases: before.purchases + lane.key.purchases,
                };
                if found.is_none_or(|(k, _)| key < k) {
                    found = Some((key, unit));
                }
            }
        };
        if sharing {
            let mut within = Vec::new();
            units.kinds.units_within(whole, |u| within.push(u));
            for unit in within {
                consider(unit, units);
            }
        } else {
            for (k, &unit) in one_traveller.iter().enumerate() {
                if units.kinds.count(whole, k) > 0 {
                    consider(unit, units);
                }
            }
        }
        best[whole] = found;
    }
    let (key, _) = best[size - 1]?;
    // The units, each given the next travellers of its kinds.
    let mut next_of_kind = vec![0usize; units.kinds.kinds.len()];
    let mut out = Vec::new();
    let mut whole = size - 1;
    while whole != 0 {
        let (_, unit) = best[whole]?;
        let lanes = units.get(unit)?;
        let mut lane = pick(&lanes.answers)?.clone();
        let mut members = Vec::new();
        for (k, (_, travellers)) in units.kinds.kinds.iter().enumerate() {
            let n = units.kinds.count(unit, k);
            members.extend(travellers.iter().skip(next_of_kind[k]).take(n));
            next_of_kind[k] += n;
        }
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
        whole -= unit;
    }
    in_traveller_order(&mut out);
    Some(Solution {
        key,
        units: out,
        optimal_blocks: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traveller(mb_per_day: u64, esim: bool) -> Traveller {
        Traveller { mb_per_day, esim }
    }

    #[test]
    fn alike_travellers_are_counted_by_kind() {
        let a = traveller(2048, true);
        let b = traveller(300, false);
        let c = traveller(1024, true);
        // Two of a, one of b, three of c, in no particular order.
        let group = [c, a, b, c, a, c];
        let alike = Alike::of(&group);
        assert_eq!(alike.kinds.len(), 3);
        let members: Vec<(Traveller, Vec<usize>)> = alike.kinds.clone();
        assert_eq!(members[0], (b, vec![2]), "kinds in traveller order");
        assert_eq!(members[1], (c, vec![0, 3, 5]));
        assert_eq!(members[2], (a, vec![1, 4]));
        assert_eq!(alike.size, 2 * 4 * 3);
        let whole = alike.size - 1;
        let mut seen = Vec::new();
        alike.units_within(whole, |u| seen.push(u));
        // Every nonempty unit once, largest index first.
        assert_eq!(seen.len(), alike.size - 1);
        assert!(seen.windows(2).all(|w| w[0] > w[1]));
        // Within a smaller remainder: only units that fit in it.
        let remainder = alike.stride[1] * 2 + alike.stride[2]; // two c, one a
        let mut inside = Vec::new();
        alike.units_within(remainder, |u| inside.push(u));
        assert_eq!(inside.len(), 3 * 2 - 1);
        for unit in inside {
            for k in 0..3 {
                assert!(alike.count(unit, k) <= alike.count(remainder, k));
            }
            assert!(alike.signature(unit).windows(2).all(|w| w[0] <= w[1]));
        }
    }
}
