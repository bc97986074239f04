//! The exact optimum: a shortest path over trip days where each edge is a
//! block of consecutive days served by one candidate (or by the traveller's
//! own plan on EU/EEA days).
//!
//! Block costs depend only on the block's length and on whether the plan
//! covers all its days, so the cheapest candidate for every block is tabled
//! first (O(candidates x days²)), and the path search runs on that table
//! (O(days²), or O(days³) when the own-plan surcharge makes the number of
//! own-plan days part of the state).

use super::candidates::Candidate;
use crate::core::country::CountryCode;
use crate::core::money::Value;

/// For each plan, where the run of covered days starting at each day ends.
#[derive(Debug)]
pub struct Reach {
    days: usize,
    /// `ends[plan][a]`: first uncovered day at or after `a` (exclusive end).
    ends: Vec<Vec<u32>>,
}

impl Reach {
    /// Tabulates coverage runs of the plans `covers` tells about.
    pub fn new(
        plan_count: usize,
        days: &[CountryCode],
        covers: impl Fn(usize, CountryCode) -> bool,
    ) -> Reach {
        let d = days.len();
        let ends = (0..plan_count)
            .map(|plan| {
                let mut ends = vec![0u32; d + 1];
                ends[d] = u32::try_from(d).unwrap_or(u32::MAX);
                for a in (0..d).rev() {
                    ends[a] = if covers(plan, days[a]) {
                        ends[a + 1]
                    } else {
                        u32::try_from(a).unwrap_or(0)
                    };
                }
                ends
            })
            .collect();
        Reach { days: d, ends }
    }

    /// Exclusive end of the covered run of `plan` starting at day `a`.
    pub fn end(&self, plan: usize, a: usize) -> usize {
        self.ends[plan][a] as usize
    }

    /// Whether `plan` covers every trip day.
    pub fn covers_all(&self, plan: usize) -> bool {
        self.days == 0 || self.end(plan, 0) == self.days
    }
}

/// The cheapest candidate for every block `[a, b)`.
#[derive(Debug)]
pub struct BlockTable {
    days: usize,
    best: Vec<Option<(Value, u32)>>,
}

impl BlockTable {
    /// Tabulates the cheapest of `candidates` (indices into `all`) per block.
    /// Candidates are visited in order; a later one must be strictly cheaper
    /// to replace an earlier one, which is how ties go to the lower plan id.
    pub fn build(
        all: &[Candidate],
        chosen: impl Iterator<Item = usize>,
        reach: &Reach,
    ) -> BlockTable {
        let d = reach.days;
        let mut best: Vec<Option<(Value, u32)>> = vec![None; (d + 1) * (d + 1)];
        for index in chosen {
            let candidate = &all[index];
            let tag = u32::try_from(index).unwrap_or(u32::MAX);
            let max_len = candidate.max_len();
            for a in 0..d {
                let end = reach.end(candidate.plan, a).min(a + max_len);
                for b in a + 1..=end {
                    let Some(cost) = candidate.cost(b - a) else {
                        break;
                    };
                    let slot = &mut best[a * (d + 1) + b];
                    if slot.is_none_or(|(v, _)| cost.value < v) {
                        *slot = Some((cost.value, tag));
                    }
                }
            }
        }
        BlockTable { days: d, best }
    }

    /// The cheaper of two tables, block by block (ties keep `self`'s).
    #[must_use]
    pub fn min_with(mut self, other: &BlockTable) -> BlockTable {
        for (mine, theirs) in self.best.iter_mut().zip(&other.best) {
            if let Some((v, _)) = theirs {
                if mine.is_none_or(|(m, _)| *v < m) {
                    *mine = *theirs;
                }
            }
        }
        self
    }

    /// Cheapest candidate and its cost for block `[a, b)`.
    pub fn get(&self, a: usize, b: usize) -> Option<(Value, u32)> {
        self.best[a * (self.days + 1) + b]
    }

    /// Whether every single day can be served by something in the table.
    pub fn day_is_served(&self, day: usize) -> bool {
        self.get(day, day + 1).is_some()
    }
}

/// The traveller's own plan, for the path search: which days it may serve and
/// what serving `k` of them costs in all.
pub struct OwnPlanRule<'a> {
    /// Whether each trip day is in the EU/EEA roaming area.
    pub usable: &'a [bool],
    /// Whether each trip day is in the plan's own country (domestic use:
    /// not counted as a roaming day).
    pub at_home: &'a [bool],
    /// Total surcharge when the own plan serves `k` days.
    pub cost_of_days: &'a dyn Fn(usize) -> Value,
    /// Only paths using the own plan on at least one day.
    pub required: bool,
}

/// What serves one block of the cheapest path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Server {
    /// A candidate (index into the candidate list).
    Candidate(u32),
    /// The traveller's own plan.
    OwnPlan,
}

/// A block of the cheapest path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathBlock {
    /// First day (0-based).
    pub start: usize,
    /// Exclusive end day.
    pub end: usize,
    /// What serves it.
    pub server: Server,
}

/// The cheapest path and its total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// Total for the group (own-plan surcharge included).
    pub value: Value,
    /// Blocks in day order.
    pub blocks: Vec<PathBlock>,
    /// Roaming days served by the own plan (domestic days not counted).
    pub own_plan_days: usize,
}

#[derive(Clone, Copy)]
struct Label {
    value: Value,
    purchases: u32,
    from_day: u32,
    from_k: u32,
    server: Server,
}

fn better(new: (Value, u32), old: Option<&Label>) -> bool {
    old.is_none_or(|o| new < (o.value, o.purchases))
}

/// Like `better`, but an equal path also wins: paths are relaxed in order of
/// the last block's start, so ties go to longer earlier blocks (a 3-day pass
/// then 2 days, rather than 2 then 3).
fn as_good(new: (Value, u32), old: Option<&Label>) -> bool {
    old.is_none_or(|o| new <= (o.value, o.purchases))
}

/// The cheapest way to serve all `days` days with blocks from `table` (and
/// the own plan where allowed). Ties go to fewer purchases. `None` when some
/// day cannot be served.
pub fn cheapest_path(
    days: usize,
    table: &BlockTable,
    own: Option<&OwnPlanRule<'_>>,
) -> Option<Path> {
    let k_max = if own.is_some() { days } else { 0 };
    let width = k_max + 1;
    let mut labels: Vec<Option<Label>> = vec![None; (days + 1) * width];
    labels[0] = Some(Label {
        value: Value::ZERO,
        purchases: 0,
        from_day: 0,
        from_k: 0,
        server: Server::OwnPlan,
    });
    for a in 0..days {
        for k in 0..=k_max {
            let Some(here) = labels[a * width + k] else {
                continue;
            };
            if let Some(rule) = own {
                if rule.usable[a] && k < k_max {
                    let slot = (a + 1) * width + k + usize::from(!rule.at_home[a]);
                    if better((here.value, here.purchases), labels[slot].as_ref()) {
                        labels[slot] = Some(Label {
                            value: here.value,
                            purchases: here.purchases,
                            from_day: u32::try_from(a).unwrap_or(0),
                            from_k: u32::try_from(k).unwrap_or(0),
                            server: Server::OwnPlan,
                        });
                    }
                }
            }
            for b in a + 1..=days {
                let Some((cost, tag)) = table.get(a, b) else {
                    continue;
                };
                let new = (here.value.plus(cost), here.purchases + 1);
                let slot = b * width + k;
                if as_good(new, labels[slot].as_ref()) {
                    labels[slot] = Some(Label {
                        value: new.0,
                        purchases: new.1,
                        from_day: u32::try_from(a).unwrap_or(0),
                        from_k: u32::try_from(k).unwrap_or(0),
                        server: Server::Candidate(tag),
                    });
                }
            }
        }
    }
    // Best final state, own-plan surcharge added.
    let min_k = usize::from(own.is_some_and(|r| r.required));
    let (best_k, total) = (min_k..=k_max)
        .filter_map(|k| {
            let label = labels[days * width + k]?;
            let extra = own.map_or(Value::ZERO, |r| (r.cost_of_days)(k));
            Some((k, (label.value.plus(extra), label.purchases)))
        })
        .min_by_key(|&(_, key)| key)?;

    // Walk back, merging consecutive own-plan days into one block.
    let mut blocks: Vec<PathBlock> = Vec::new();
    let (mut day, mut k) = (days, best_k);
    while day > 0 {
        let label = labels[day * width + k]?;
        let start = label.from_day as usize;
        match (label.server, blocks.last_mut()) {
            (Server::OwnPlan, Some(last))
                if last.server == Server::OwnPlan && last.start == day =>
            {
                last.start = start;
            }
            _ => blocks.push(PathBlock {
                start,
                end: day,
                server: label.server,
            }),
        }
        day = start;
        k = label.from_k as usize;
    }
    blocks.reverse();
    Some(Path {
        value: total.0,
        blocks,
        own_plan_days: best_k,
    })
}
