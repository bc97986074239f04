//! The exact cheapest way to keep one unit of travellers online over the
//! trip: a "lane" of purchases and own-line days.
//!
//! A purchase starts on the first day it serves; from there to the last day
//! it serves (within its validity) it serves every day it covers, except days
//! the own line serves at no cost. Days in between that it does not cover
//! (another country, the home country) are a gap: the unit is served there
//! by other purchases that start and end inside the gap, or by the own line.
//! That is how a pass is resumed after a gap ("Hong Kong 2, Japan 1, Hong
//! Kong 2 on one Hong Kong pass").
//!
//! Gaps are whole legs (coverage is by country), so the cheapest way through
//! a gap is needed only between leg boundaries: one shortest-path table per
//! leg boundary, built from the last day backwards, since a purchase's cost
//! depends only on gaps that start after its first day. The own line's
//! allowance, where it can run out, is tracked as the number of days it has
//! served in each such group of countries.

use super::units::UnitCandidate;
use crate::core::money::Value;

/// What the lane search needs to know about the trip, for one unit.
pub struct LaneInput<'a> {
    /// Number of trip days.
    pub days: usize,
    /// Whether a leg starts on each day (index `days` included, always true).
    pub leg_starts: &'a [bool],
    /// Days the own line serves at no cost and without limit (home days,
    /// and days of an allowance the unit cannot exhaust on this trip).
    pub free: &'a [bool],
    /// Days the own line can serve from an allowance that may run out:
    /// the index of that allowance in `limited`.
    pub limited_day: &'a [Option<usize>],
    /// For each such allowance: its trip days, and the unit's extra cost
    /// when the own line serves `k` of them (`None` beyond the allowance
    /// when the line cannot be used further).
    pub limited: &'a [LimitedAllowance<'a>],
    /// Ways the unit can use plans, in tie-break order (plan id, then mode).
    pub candidates: &'a [UnitCandidate],
    /// `covers[cover_of[c]][d]`: candidate `c` covers day `d` (its country,
    /// and not a free day). Plans that work in the same countries share one
    /// entry.
    pub cover_of: &'a [usize],
    /// The days each coverage covers.
    pub covers: &'a [Vec<bool>],
    /// Whether each coverage covers trip days beyond these (a block of
    /// legs): its subscriptions are not offered here (bought at most once
    /// per line per trip, they serve every day they cover).
    pub beyond: &'a [bool],
}

impl LaneInput<'_> {
    /// The days candidate `c` covers.
    fn covers_of(&self, candidate: usize) -> &[bool] {
        self.cover_of
            .get(candidate)
            .and_then(|&k| self.covers.get(k))
            .map_or(&[], Vec::as_slice)
    }
}

/// An own-line allowance that the unit might exhaust.
pub struct LimitedAllowance<'a> {
    /// Trip days in its countries.
    pub days: u32,
    /// Cost to the unit when the own line serves `k` of those days.
    pub cost: &'a dyn Fn(u32) -> Option<Value>,
}

/// Cost and count of purchases (the first tie-break).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Key {
    /// Yardstick value.
    pub value: Value,
    /// Purchases.
    pub purchases: u32,
}

impl Key {
    /// Nothing spent, nothing bought.
    pub const ZERO: Key = Key {
        value: Value::ZERO,
        purchases: 0,
    };

    /// Both together.
    #[must_use]
    pub fn plus(self, other: Key) -> Key {
        Key {
            value: self.value.plus(other.value),
            purchases: self.purchases + other.purchases,
        }
    }
}

/// What serves a day of the lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayService {
    /// The own line, at no cost (home country or an allowance that lasts).
    Free,
    /// The own line, from allowance number `n` of the input's `limited`.
    Limited(usize),
    /// Purchase number `n` of the lane.
    Purchase(usize),
    /// The unit's travellers are in other units that day (the group
    /// regrouped: `blocks`).
    Elsewhere,
}

/// One purchase in a lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanePurchase {
    /// Index into the input's candidates.
    pub candidate: usize,
    /// Days it serves (0-based, increasing).
    pub served: Vec<u32>,
}

impl LanePurchase {
    /// Days from its first to its last served day.
    pub fn span(&self) -> u32 {
        match (self.served.first(), self.served.last()) {
            (Some(a), Some(b)) => b - a + 1,
            _ => 0,
        }
    }
}

/// The cheapest lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// Total for the unit (own-line surcharges included).
    pub key: Key,
    /// What serves each day.
    pub days: Vec<DayService>,
    /// Purchases in order of first day.
    pub purchases: Vec<LanePurchase>,
    /// Own-line days used from each limited allowance.
    pub limited_days: Vec<u32>,
}

/// Both answers of a lane search: the cheapest, and the cheapest with at
/// most one purchase (the "simplest").
#[derive(Clone, Debug, Default)]
pub struct LaneAnswers {
    /// The cheapest lane, `None` when some day cannot be served.
    pub cheapest: Option<Lane>,
    /// The cheapest lane with at most one purchase.
    pub simplest: Option<Lane>,
}

#[derive(Clone, Copy, Debug)]
struct EdgeBest {
    key: Key,
    candidate: u32,
}

impl EdgeBest {
    /// Cheaper, or as cheap and earlier in tie-break order. Written out
    /// and always inlined: the lane search asks it millions of times on a
    /// large trip, and at the release's size-first opt-level a call to the
    /// derived tuple comparison was a fifth of the time.
    #[inline(always)]
    #[allow(clippy::inline_always)]
    fn beats(self, other: Option<EdgeBest>) -> bool {
        let Some(o) = other else {
            return true;
        };
        if self.key.value != o.key.value {
            return self.key.value < o.key.value;
        }
        if self.key.purchases != o.key.purchases {
            return self.key.purchases < o.key.purchases;
        }
        self.candidate < o.candidate
    }
}

/// The best purchase from one first day to each end day (index `b - a - 1`).
struct Edges {
    best: Vec<Option<EdgeBest>>,
    /// Only purchases whose gaps need no purchase (the simplest lane).
    alone: Vec<Option<EdgeBest>>,
}

impl Edges {
    /// Room for purchases from a first day `days` before the trip's end.
    fn new(days: usize) -> Edges {
        Edges {
            best: vec![None; days],
            alone: vec![None; days],
        }
    }

    /// The edges found, without the end days none reaches.
    fn found(mut self) -> (Vec<Option<EdgeBest>>, Vec<Option<EdgeBest>>) {
        for list in [&mut self.best, &mut self.alone] {
            let reached = list.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
            list.truncate(reached);
        }
        (self.best, self.alone)
    }

    /// A purchase ending `slot` days after its first, with `gaps` bought
    /// through the days it does not cover.
    #[inline(always)]
    #[allow(clippy::inline_always)] // hot for the same reason as `EdgeBest::beats`
    fn offer(&mut self, slot: usize, key: Key, candidate: u32, gaps: Key) {
        let edge = EdgeBest { key, candidate };
        if let Some(best) = self.best.get_mut(slot) {
            if edge.beats(*best) {
                *best = Some(edge);
            }
        }
        if gaps.purchases > 0 {
            return;
        }
        if let Some(alone) = self.alone.get_mut(slot) {
            if edge.beats(*alone) {
                *alone = Some(edge);
            }
        }
    }
}

/// Candidates that differ only in price and validity: the same days
/// covered, the same billing, none a subscription. Which days such a
/// purchase serves depends only on those, so an edge needs just the
/// cheapest of them for each number of days served, among those valid for
/// the edge's span (their lower envelope), not each of them: on a large
/// catalogue most candidates share a coverage with many others, and going
/// through each one, from every first day, was most of the time of a large
/// trip.
struct Envelope {
    /// Index into the input's `covers`.
    cover: usize,
    /// Billed by the day: no validity window, and a day not covered ends
    /// the purchase.
    day_billed: bool,
    /// By validity, shortest first (one band for day billing, with
    /// `u32::MAX`): `(validity, cheapest)`, where `cheapest[n - 1]` is the
    /// cheapest candidate valid at least that long serving `n` days (its
    /// products counted, the earliest on a tie); `None` once none can.
    bands: Vec<(u32, Vec<Option<EdgeBest>>)>,
}

#[derive(Clone, Copy, Debug)]
enum Via {
    Free,
    Limited,
    Edge(u32),
}

#[derive(Clone, Copy, Debug)]
struct Label {
    key: Key,
    from: u32,
    from_state: u32,
    via: Via,
}

fn improves(new: Key, old: Option<&Label>) -> bool {
    old.is_none_or(|o| new < o.key)
}

/// Tables shared by the searches of one lane.
struct Tables<'a> {
    input: &'a LaneInput<'a>,
    /// `edges[a]`: best purchase for each end `b` (index `b - a - 1`).
    edges: Vec<Vec<Option<EdgeBest>>>,
    /// Best purchase whose gaps need no purchase (for the simplest lane).
    edges_alone: Vec<Vec<Option<EdgeBest>>>,
    /// `gaps[x]` for a leg boundary `x`: cheapest way from `x` to each later
    /// day using free days and purchases only.
    gaps: Vec<Option<Vec<Option<Label>>>>,
    /// Candidates whose price does not depend on the span (all but
    /// subscriptions), by coverage and validity.
    envelopes: Vec<Envelope>,
    /// Subscriptions (candidate indices): priced by span, searched one by
    /// one.
    contracts: Vec<usize>,
    /// Most days any purchase spans.
    edge_reach: usize,
}

/// Most days a purchase with this validity can serve of `covers`: the most
/// covered days in any window of `validity` days, or for day billing (which
/// ends at the first day not covered) the longest run.
fn most_served(covers: &[bool], validity: Option<u32>) -> usize {
    match validity {
        None => {
            let (mut run, mut most) = (0, 0);
            for &covered in covers {
                run = if covered { run + 1 } else { 0 };
                most = most.max(run);
            }
            most
        }
        Some(v) => {
            let window = (v as usize).min(covers.len());
            let mut inside = covers[..window].iter().filter(|&&c| c).count();
            let mut most = inside;
            for end in window..covers.len() {
                inside = inside + usize::from(covers[end]) - usize::from(covers[end - window]);
                most = most.max(inside);
            }
            most
        }
    }
}

/// The envelopes of the input's candidates, and its subscriptions.
fn envelopes(input: &LaneInput<'_>) -> (Vec<Envelope>, Vec<usize>) {
    // Each candidate's cheapest by (coverage, validity) first.
    type Band = (u32, Vec<Option<EdgeBest>>);
    let mut bands: std::collections::BTreeMap<(usize, Option<u32>), Vec<Option<EdgeBest>>> =
        std::collections::BTreeMap::new();
    let mut contracts = Vec::new();
    for (index, candidate) in input.candidates.iter().enumerate() {
        let cover = input.cover_of.get(index).copied().unwrap_or(usize::MAX);
        if candidate.contract {
            if !input.beyond.get(cover).copied().unwrap_or(true) {
                contracts.push(index);
            }
            continue;
        }
        let Some(covers) = input.covers.get(cover) else {
            continue;
        };
        let cheapest = bands
            .entry((cover, candidate.validity))
            .or_insert_with(|| vec![None; most_served(covers, candidate.validity)]);
        let tag = u32::try_from(index).unwrap_or(u32::MAX);
        for (n, slot) in (1u32..).zip(cheapest.iter_mut()) {
            // A candidate that cannot serve `n` days serves no more.
            let Some(value) = candidate.value(n, n) else {
                break;
            };
            let offer = EdgeBest {
                key: Key {
                    value,
                    purchases: candidate.products(),
                },
                candidate: tag,
            };
            if offer.beats(*slot) {
                *slot = Some(offer);
            }
        }
    }
    // Then one envelope per coverage and billing; within a pass's, each
    // validity also takes the longer validities' offers (the map keeps
    // validities in increasing order, `None` first).
    let mut envelopes: Vec<Envelope> = Vec::new();
    let mut passes: Vec<(usize, Vec<Band>)> = Vec::new();
    for ((cover, validity), cheapest) in bands {
        match validity {
            None => envelopes.push(Envelope {
                cover,
                day_billed: true,
                bands: vec![(u32::MAX, cheapest)],
            }),
            Some(v) => match passes.last_mut() {
                Some((c, list)) if *c == cover => list.push((v, cheapest)),
                _ => passes.push((cover, vec![(v, cheapest)])),
            },
        }
    }
    for (cover, mut list) in passes {
        for i in (0..list.len().saturating_sub(1)).rev() {
            let (head, tail) = list.split_at_mut(i + 1);
            let longer = &tail[0].1;
            for (slot, &offer) in head[i].1.iter_mut().zip(longer) {
                if let Some(offer) = offer {
                    if offer.beats(*slot) {
                        *slot = Some(offer);
                    }
                }
            }
        }
        envelopes.push(Envelope {
            cover,
            day_billed: false,
            bands: list,
        });
    }
    (envelopes, contracts)
}

/// Searches the cheapest lane and the simplest one.
pub fn solve(input: &LaneInput<'_>) -> LaneAnswers {
    let tables = Tables::build(input);
    LaneAnswers {
        cheapest: tables.top_level(false),
        simplest: tables.top_level(true),
    }
}

impl<'a> Tables<'a> {
    fn build(input: &'a LaneInput<'a>) -> Tables<'a> {
        let d = input.days;
        let (envelopes, contracts) = envelopes(input);
        let mut tables = Tables {
            input,
            edges: vec![Vec::new(); d],
            edges_alone: vec![Vec::new(); d],
            gaps: vec![None; d + 1],
            envelopes,
            contracts,
            edge_reach: d,
        };
        tables.gaps[d] = Some(vec![Some(Label {
            key: Key::ZERO,
            from: 0,
            from_state: 0,
            via: Via::Free,
        })]);
        // How far a gap can reach: a pass resumes within its validity, a
        // day plan never resumes, a subscription may resume anywhere.
        let reach = if tables.contracts.is_empty() {
            tables
                .envelopes
                .iter()
                .filter(|e| !e.day_billed)
                .filter_map(|e| e.bands.last().map(|&(v, _)| v as usize))
                .max()
                .unwrap_or(0)
        } else {
            d
        };
        // And a purchase: that far, or a day plan's longest run of days.
        tables.edge_reach = tables
            .envelopes
            .iter()
            .filter(|e| e.day_billed)
            .filter_map(|e| e.bands.first().map(|(_, cheapest)| cheapest.len()))
            .fold(reach, usize::max);
        for a in (0..d).rev() {
            tables.edges_from(a);
            if input.leg_starts[a] {
                tables.gaps[a] = Some(tables.shortest_from(a, reach));
            }
        }
        tables
    }

    /// Cheapest way through `[x, y)` with free days and purchases only.
    fn gap(&self, x: usize, y: usize) -> Option<Key> {
        let table = self.gaps.get(x)?.as_ref()?;
        table.get(y - x)?.map(|l| l.key)
    }

    /// At a day `y` the purchase covers again: adds to `gaps` the cheapest
    /// way through the gap that ends there, if there was one; false when
    /// nothing crosses it.
    fn cross_gap(&self, gap_start: &mut Option<usize>, y: usize, gaps: &mut Key) -> bool {
        let Some(g0) = gap_start.take() else {
            return true;
        };
        let Some(through) = self.gap(g0, y) else {
            return false;
        };
        *gaps = gaps.plus(through);
        true
    }

    /// The purchases that start on day `a`, one per end day.
    fn edges_from(&mut self, a: usize) {
        let mut edges = Edges::new((self.input.days - a).min(self.edge_reach));
        for envelope in &self.envelopes {
            self.envelope_edges(a, envelope, &mut edges);
        }
        for &index in &self.contracts {
            self.contract_edges(a, index, &mut edges);
        }
        (self.edges[a], self.edges_alone[a]) = edges.found();
    }

    /// Edges from day `a` of the cheapest candidates of `envelope`.
    fn envelope_edges(&self, a: usize, envelope: &Envelope, edges: &mut Edges) {
        let covers = &self.input.covers[envelope.cover];
        if !covers[a] {
            return;
        }
        let longest = envelope.bands.last().map_or(0, |&(v, _)| v as usize);
        let limit = covers.len().min(a.saturating_add(longest));
        let mut band = 0;
        let mut served = 0usize;
        let mut gap_start: Option<usize> = None;
        let mut gaps = Key::ZERO;
        for (y, &covered) in covers.iter().enumerate().take(limit).skip(a) {
            if covered {
                if !self.cross_gap(&mut gap_start, y, &mut gaps) {
                    break;
                }
                served += 1;
                // The shortest validity that spans the days to `y`.
                while envelope
                    .bands
                    .get(band)
                    .is_some_and(|&(v, _)| v as usize <= y - a)
                {
                    band += 1;
                }
                let Some(Some(cheapest)) = envelope
                    .bands
                    .get(band)
                    .and_then(|(_, cheapest)| cheapest.get(served - 1))
                else {
                    break;
                };
                edges.offer(y - a, cheapest.key.plus(gaps), cheapest.candidate, gaps);
            } else if envelope.day_billed {
                // Billed by the day: a resumed day plan is a new block.
                break;
            } else if gap_start.is_none() {
                gap_start = Some(y);
            }
        }
    }

    /// Edges from day `a` of subscription `index`: it serves every day it
    /// covers, from the first to the last, as one purchase.
    fn contract_edges(&self, a: usize, index: usize, edges: &mut Edges) {
        let candidate = &self.input.candidates[index];
        let covers = self.input.covers_of(index);
        if !covers.get(a).copied().unwrap_or(false) || covers[..a].contains(&true) {
            return;
        }
        let last_covered = covers.iter().rposition(|&c| c).unwrap_or(a);
        let tag = u32::try_from(index).unwrap_or(u32::MAX);
        let mut served = 0u32;
        let mut gap_start: Option<usize> = None;
        let mut gaps = Key::ZERO;
        for (y, &covered) in covers.iter().enumerate().skip(a) {
            if covered {
                if !self.cross_gap(&mut gap_start, y, &mut gaps) {
                    return;
                }
                served += 1;
                if y != last_covered {
                    continue;
                }
                let span = u32::try_from(y + 1 - a).unwrap_or(u32::MAX);
                let Some(value) = candidate.value(served, span) else {
                    return;
                };
                let key = Key {
                    value,
                    purchases: candidate.products(),
                };
                edges.offer(y - a, key.plus(gaps), tag, gaps);
            } else if gap_start.is_none() {
                gap_start = Some(y);
            }
        }
    }

    /// Shortest paths from day `x` to every later day, through free days and
    /// purchases (no limited own-line days): the table for gaps.
    /// Only the first `reach` days are worked out: no gap is longer (a gap
    /// lies inside the validity of the purchase it interrupts).
    fn shortest_from(&self, x: usize, reach: usize) -> Vec<Option<Label>> {
        let d = self.input.days.min(x.saturating_add(reach));
        let mut labels: Vec<Option<Label>> = vec![None; d - x + 1];
        labels[0] = Some(Label {
            key: Key::ZERO,
            from: 0,
            from_state: 0,
            via: Via::Free,
        });
        for y in x..d {
            let Some(here) = labels[y - x] else {
                continue;
            };
            let from = u32::try_from(y).unwrap_or(u32::MAX);
            if self.input.free[y] && improves(here.key, labels[y + 1 - x].as_ref()) {
                labels[y + 1 - x] = Some(Label {
                    key: here.key,
                    from,
                    from_state: 0,
                    via: Via::Free,
                });
            }
            for (offset, edge) in self.edges[y].iter().enumerate().take(d - y) {
                let Some(edge) = edge else { continue };
                let b = y + offset + 1;
                let key = here.key.plus(edge.key);
                if improves(key, labels[b - x].as_ref()) {
                    labels[b - x] = Some(Label {
                        key,
                        from,
                        from_state: 0,
                        via: Via::Edge(edge.candidate),
                    });
                }
            }
        }
        labels
    }

    /// The whole trip, with limited own-line allowances as state; `simplest`
    /// allows one purchase at most.
    fn top_level(&self, simplest: bool) -> Option<Lane> {
        let input = self.input;
        let d = input.days;
        // Mixed-radix state: days used of each limited allowance, then (for
        // the simplest lane) whether the purchase was made.
        let mut strides = Vec::with_capacity(input.limited.len());
        let mut states: usize = 1;
        for allowance in input.limited {
            strides.push(states);
            states = states.checked_mul(allowance.days as usize + 1)?;
        }
        let bought_stride = states;
        if simplest {
            states = states.checked_mul(2)?;
        }
        let counts = |state: usize| -> Vec<u32> {
            input
                .limited
                .iter()
                .zip(&strides)
                .map(|(a, &s)| u32::try_from(state / s % (a.days as usize + 1)).unwrap_or(0))
                .collect()
        };
        let mut labels: Vec<Option<Label>> = vec![None; (d + 1) * states];
        labels[0] = Some(Label {
            key: Key::ZERO,
            from: 0,
            from_state: 0,
            via: Via::Free,
        });
        for y in 0..d {
            for state in 0..states {
                let Some(here) = labels[y * states + state] else {
                    continue;
                };
                let from = u32::try_from(y).unwrap_or(u32::MAX);
                let from_state = u32::try_from(state).unwrap_or(u32::MAX);
                let mut relax = |b: usize, to_state: usize, key: Key, via: Via| {
                    let slot = b * states + to_state;
                    if improves(key, labels[slot].as_ref()) {
                        labels[slot] = Some(Label {
                            key,
                            from,
                            from_state,
                            via,
                        });
                    }
                };
                if input.free[y] {
                    relax(y + 1, state, here.key, Via::Free);
                }
                if let Some(group) = input.limited_day[y] {
                    let used = counts(state)[group];
                    let allowance = &input.limited[group];
                    if used < allowance.days && (allowance.cost)(used + 1).is_some() {
                        relax(y + 1, state + strides[group], here.key, Via::Limited);
                    }
                }
                let bought = simplest && state / bought_stride == 1;
                if bought {
                    continue;
                }
                let (edges, to_state) = if simplest {
                    (&self.edges_alone[y], state + bought_stride)
                } else {
                    (&self.edges[y], state)
                };
                for (offset, edge) in edges.iter().enumerate() {
                    let Some(edge) = edge else { continue };
                    relax(
                        y + offset + 1,
                        to_state,
                        here.key.plus(edge.key),
                        Via::Edge(edge.candidate),
                    );
                }
            }
        }
        // The cheapest end state, the own line's extra cost added.
        let (end_state, key) = (0..states)
            .filter_map(|state| {
                let label = labels[d * states + state]?;
                let mut extra = Value::ZERO;
                for (group, used) in counts(state).into_iter().enumerate() {
                    extra = extra.plus((input.limited[group].cost)(used)?);
                }
                Some((
                    state,
                    Key {
                        value: label.key.value.plus(extra),
                        purchases: label.key.purchases,
                    },
                ))
            })
            .min_by_key(|&(state, key)| (key, state))?;

        // Walk back.
        let mut steps: Vec<(usize, usize, Via)> = Vec::new();
        let (mut day, mut state) = (d, end_state);
        while day > 0 {
            let label = labels[day * states + state]?;
            steps.push((label.from as usize, day, label.via));
            day = label.from as usize;
            state = label.from_state as usize;
        }
        steps.reverse();
        let mut lane = Lane {
            key,
            days: vec![DayService::Free; d],
            purchases: Vec::new(),
            limited_days: counts(end_state),
        };
        for (a, b, via) in steps {
            self.place(&mut lane, a, b, via);
        }
        // A lane serves each day once: first days differ, and an
        // unstable sort gives the stable order.
        lane.purchases
            .sort_unstable_by_key(|p| p.served.first().copied());
        for (new_index, purchase) in lane.purchases.iter().enumerate() {
            for &day in &purchase.served {
                lane.days[day as usize] = DayService::Purchase(new_index);
            }
        }
        Some(lane)
    }

    /// Records a step of the path (and the gaps of a purchase) in `lane`.
    fn place(&self, lane: &mut Lane, a: usize, b: usize, via: Via) {
        match via {
            Via::Free => lane.days[a] = DayService::Free,
            Via::Limited => {
                let group = self.input.limited_day[a].unwrap_or(0);
                lane.days[a] = DayService::Limited(group);
            }
            Via::Edge(candidate) => {
                let covers = self.input.covers_of(candidate as usize);
                let mut served = Vec::new();
                let mut gap_start: Option<usize> = None;
                for (y, &covered) in covers.iter().enumerate().take(b).skip(a) {
                    if covered {
                        if let Some(g0) = gap_start.take() {
                            self.place_gap(lane, g0, y);
                        }
                        served.push(u32::try_from(y).unwrap_or(0));
                    } else if gap_start.is_none() {
                        gap_start = Some(y);
                    }
                }
                lane.purchases.push(LanePurchase {
                    candidate: candidate as usize,
                    served,
                });
            }
        }
    }

    /// Records the cheapest way through the gap `[x, y)`.
    fn place_gap(&self, lane: &mut Lane, x: usize, y: usize) {
        let Some(Some(table)) = self.gaps.get(x) else {
            return;
        };
        let mut steps = Vec::new();
        let mut day = y;
        while day > x {
            let Some(label) = table[day - x] else { return };
            steps.push((label.from as usize, day, label.via));
            day = label.from as usize;
        }
        for (a, b, via) in steps.into_iter().rev() {
            self.place(lane, a, b, via);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::most_served;

    #[test]
    fn a_pass_serves_at_most_the_covered_days_of_its_window_and_a_day_plan_its_longest_run() {
        // Covered: days 0-1, 3-5, 9.
        let covers = [
            true, true, false, true, true, true, false, false, false, true,
        ];
        assert_eq!(most_served(&covers, Some(1)), 1);
        assert_eq!(most_served(&covers, Some(4)), 3);
        // Days 0-5 hold five covered days.
        assert_eq!(most_served(&covers, Some(6)), 5);
        assert_eq!(most_served(&covers, Some(30)), 6);
        assert_eq!(most_served(&covers, Some(0)), 0);
        assert_eq!(most_served(&covers, None), 3);
        assert_eq!(most_served(&[], Some(5)), 0);
    }
}
