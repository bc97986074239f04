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
    /// `covers[c][d]`: candidate `c` covers day `d` (its country, and not a
    /// free day).
    pub covers: &'a [Vec<bool>],
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
    /// `served_values[c][n - 1]`: candidate `c`'s value for `n` days served,
    /// for candidates whose price does not depend on the span (all but
    /// subscriptions); worked out once rather than for every first day.
    served_values: Vec<Vec<Option<Value>>>,
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
        let served_values = input
            .candidates
            .iter()
            .map(|c| {
                if c.contract {
                    return Vec::new();
                }
                let horizon = c.validity.map_or(d, |v| d.min(v as usize));
                (1..=u32::try_from(horizon).unwrap_or(u32::MAX))
                    .map(|n| c.value(n, n))
                    .collect()
            })
            .collect();
        let mut tables = Tables {
            input,
            edges: vec![Vec::new(); d],
            edges_alone: vec![Vec::new(); d],
            gaps: vec![None; d + 1],
            served_values,
        };
        tables.gaps[d] = Some(vec![Some(Label {
            key: Key::ZERO,
            from: 0,
            from_state: 0,
            via: Via::Free,
        })]);
        for a in (0..d).rev() {
            tables.edges_from(a);
            if input.leg_starts[a] {
                tables.gaps[a] = Some(tables.shortest_from(a));
            }
        }
        tables
    }

    /// Cheapest way through `[x, y)` with free days and purchases only.
    fn gap(&self, x: usize, y: usize) -> Option<Key> {
        let table = self.gaps.get(x)?.as_ref()?;
        table.get(y - x)?.map(|l| l.key)
    }

    /// The purchases that start on day `a`, one per end day.
    fn edges_from(&mut self, a: usize) {
        let input = self.input;
        let d = input.days;
        let mut best: Vec<Option<EdgeBest>> = Vec::new();
        let mut alone: Vec<Option<EdgeBest>> = Vec::new();
        for (index, candidate) in input.candidates.iter().enumerate() {
            let covers = &input.covers[index];
            if !covers[a] {
                continue;
            }
            // A subscription serves every day it covers: from the first to
            // the last, as one purchase.
            if candidate.contract && covers[..a].iter().any(|&c| c) {
                continue;
            }
            let last_covered = if candidate.contract {
                covers.iter().rposition(|&c| c).unwrap_or(a)
            } else {
                a
            };
            let served_values = &self.served_values[index];
            let limit = match (candidate.contract, candidate.validity) {
                (false, Some(v)) => d.min(a + v as usize),
                _ => d,
            };
            let tag = u32::try_from(index).unwrap_or(u32::MAX);
            let mut served = 0u32;
            let mut gap_start: Option<usize> = None;
            let mut gaps = Key::ZERO;
            for (y, &covered) in covers.iter().enumerate().take(limit).skip(a) {
                if covered {
                    if let Some(g0) = gap_start.take() {
                        let Some(through) = self.gap(g0, y) else {
                            break;
                        };
                        gaps = gaps.plus(through);
                    }
                    served += 1;
                    if candidate.contract && y != last_covered {
                        continue;
                    }
                    let value = if candidate.contract {
                        let span = u32::try_from(y + 1 - a).unwrap_or(u32::MAX);
                        candidate.value(served, span)
                    } else {
                        served_values.get(served as usize - 1).copied().flatten()
                    };
                    let Some(value) = value else {
                        break;
                    };
                    let key = Key {
                        value,
                        purchases: candidate.products(),
                    }
                    .plus(gaps);
                    let slot = y - a;
                    if best.len() <= slot {
                        best.resize(slot + 1, None);
                        alone.resize(slot + 1, None);
                    }
                    if best[slot].is_none_or(|e| key < e.key) {
                        best[slot] = Some(EdgeBest {
                            key,
                            candidate: tag,
                        });
                    }
                    if gaps.purchases == 0 && alone[slot].is_none_or(|e| key < e.key) {
                        alone[slot] = Some(EdgeBest {
                            key,
                            candidate: tag,
                        });
                    }
                } else if candidate.validity.is_none() && !candidate.contract {
                    // Billed by the day: a resumed day plan is a new block.
                    break;
                } else if gap_start.is_none() {
                    gap_start = Some(y);
                }
            }
        }
        self.edges[a] = best;
        self.edges_alone[a] = alone;
    }

    /// Shortest paths from day `x` to every later day, through free days and
    /// purchases (no limited own-line days): the table for gaps.
    fn shortest_from(&self, x: usize) -> Vec<Option<Label>> {
        let d = self.input.days;
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
            for (offset, edge) in self.edges[y].iter().enumerate() {
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
        lane.purchases.sort_by_key(|p| p.served.first().copied());
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
                let covers = &self.input.covers[candidate as usize];
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
