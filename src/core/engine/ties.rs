//! The contract's tie rule beyond price and purchases: among answers of the
//! same cost and number of purchases, the one made of the fewest distinct
//! plans, then the smallest plan ids in order of first use.
//!
//! The search finds one optimum. An optimum made of fewer plans exists
//! exactly when the search, offered only those plans, still reaches the same
//! cost and purchases; so this searches again with the offer cut down to
//! each smaller set of plans, one plan first, then two, and so on. Such
//! searches are small (a plan or two), but their number grows with the
//! catalogue: up to `MAX_SEARCHES` of them are made, which covers every set
//! smaller than the answer's on catalogues of a few dozen plans. Beyond
//! that the first optimum stands (still the cheapest, with the fewest
//! purchases).

use super::blocks::Regroup;
use super::own_line::{DayUse, OwnLine};
use super::search::{Search, Setting, Solution};
use crate::core::catalogue::{Catalogue, Plan};
use crate::core::country::CountryCode;
use crate::core::trip::Trip;

/// Most restricted searches made for one option.
pub const MAX_SEARCHES: usize = 256;

/// Where the searches run, and which of their answers an option is.
pub struct Ties<'a> {
    /// Plans and rates.
    pub catalogue: &'a Catalogue,
    /// The trip.
    pub trip: &'a Trip,
    /// The travellers' own line.
    pub own_line: Option<&'a OwnLine>,
    /// Plans this option may use at all (e.g. only checked ones).
    pub keep: &'a dyn Fn(&Plan) -> bool,
    /// Where the group may regroup on this trip (`engine::regroups`).
    pub regroup: Regroup,
}

impl Ties<'_> {
    /// `found`, or an answer of the same cost and purchases made of fewer
    /// plans (then of smaller ids in order of first use). `search` is the
    /// one the option's answer came from (cheapest, simplest, separate).
    pub fn settle(&self, found: Solution, search: Search) -> Solution {
        let used = plans_of(&found);
        if used.len() < 2 {
            return found;
        }
        // More plans than searches even for one plan each: the first
        // optimum stands (below, without building the search to know it).
        if Setting::offered_count(self.catalogue, self.trip, self.keep, MAX_SEARCHES) > MAX_SEARCHES
        {
            return found;
        }
        // Plans the reader may buy for this trip, in id order.
        let offered = Setting::regrouping(
            self.catalogue,
            self.trip,
            self.own_line,
            self.keep,
            self.regroup,
        )
        .offered();
        // What each offered plan covers of the countries only a purchase
        // can serve: a set of plans that leaves one of them out has no
        // answer, and is not searched (most sets, on a trip of several
        // countries).
        let needed = self.countries_only_a_purchase_serves();
        let reach: Vec<u64> = offered
            .iter()
            .map(|&i| {
                let plan = &self.catalogue.plans[i];
                needed
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| plan.covers(c))
                    .fold(0u64, |bits, (k, _)| bits | 1 << k)
            })
            .collect();
        let all_needed = if needed.len() < 64 {
            (1u64 << needed.len()) - 1
        } else {
            0
        };
        let mut searches = 0usize;
        for size in 1..used.len() {
            let sets = combinations(offered.len(), size);
            if searches + sets.len() > MAX_SEARCHES {
                return found;
            }
            let mut best: Option<(Vec<&str>, Solution)> = None;
            for set in sets {
                searches += 1;
                let reached = set.iter().fold(0u64, |bits, &i| bits | reach[i]);
                if reached & all_needed != all_needed {
                    continue;
                }
                let allowed: Vec<&str> = set
                    .iter()
                    .map(|&i| self.catalogue.plans[offered[i]].id.as_str())
                    .collect();
                let only = |plan: &Plan| (self.keep)(plan) && allowed.contains(&plan.id.as_str());
                let setting = Setting::regrouping(
                    self.catalogue,
                    self.trip,
                    self.own_line,
                    &only,
                    self.regroup,
                )
                .looking_for(&found);
                let Some(other) = setting.solve_one(search) else {
                    continue;
                };
                if other.key != found.key {
                    continue;
                }
                let ids = ids_in_order_of_first_use(self.catalogue, &other);
                if best.as_ref().is_none_or(|(b, _)| ids < *b) {
                    best = Some((ids, other));
                }
            }
            if let Some((_, other)) = best {
                return other;
            }
        }
        found
    }
}

impl Ties<'_> {
    /// The trip's countries where the own line serves nothing (not home,
    /// no allowance there), each once.
    fn countries_only_a_purchase_serves(&self) -> Vec<CountryCode> {
        let mut out: Vec<CountryCode> = self
            .trip
            .day_countries()
            .into_iter()
            .filter(|&c| match self.own_line {
                Some(line) => line.day_use(c) == DayUse::None,
                None => Some(c) != self.trip.home,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Catalogue indices of the plans a solution buys, each once, sorted.
pub fn plans_of(solution: &Solution) -> Vec<usize> {
    let mut plans: Vec<usize> = solution
        .units
        .iter()
        .flat_map(|unit| {
            unit.lane
                .purchases
                .iter()
                .map(|p| unit.candidates[p.candidate].plan)
        })
        .collect();
    plans.sort_unstable();
    plans.dedup();
    plans
}

/// Plan ids of a solution's purchases in order of first day, each once.
fn ids_in_order_of_first_use<'c>(catalogue: &'c Catalogue, solution: &Solution) -> Vec<&'c str> {
    let mut firsts: Vec<(u32, &'c str)> = solution
        .units
        .iter()
        .flat_map(|unit| {
            unit.lane.purchases.iter().map(|p| {
                let plan = &catalogue.plans[unit.candidates[p.candidate].plan];
                (p.served.first().copied().unwrap_or(0), plan.id.as_str())
            })
        })
        .collect();
    firsts.sort_unstable();
    let mut ids: Vec<&str> = Vec::new();
    for (_, id) in firsts {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Extends `current` with every way to pick the rest from `start..n`.
fn walk(n: usize, size: usize, start: usize, current: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    if out.len() > MAX_SEARCHES {
        return;
    }
    if current.len() == size {
        out.push(current.clone());
        return;
    }
    for i in start..n {
        current.push(i);
        walk(n, size, i + 1, current, out);
        current.pop();
    }
}

/// Every `size`-element subset of `0..n`, in lexicographic order; cut short
/// once there are more than `MAX_SEARCHES` (its length then says so).
fn combinations(n: usize, size: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(size);
    walk(n, size, 0, &mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_are_every_subset_in_order_and_stop_when_too_many() {
        assert_eq!(
            combinations(4, 2),
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![0, 3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
        assert_eq!(combinations(3, 1), vec![vec![0], vec![1], vec![2]]);
        assert!(
            combinations(100, 3).len() > MAX_SEARCHES,
            "cut short, and said so by its length"
        );
    }
}
