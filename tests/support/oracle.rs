//! An independent brute-force oracle for small trips (at most 5 days, 3
//! travellers, 4 plans), written from the contract's words rather than from
//! the engine's search:
//!
//! - every split of the travellers into units;
//! - for each unit, every assignment of days to the own line or to
//!   purchases (every set partition of the days), each purchase checked
//!   against the rules (coverage, validity window from its first day, day
//!   billing on consecutive days, a subscription serving every covered day,
//!   a pass serving every day it covers between its first and last day
//!   except free own-line days, purchases that do not cross, limited
//!   own-line days not inside a paused purchase), and priced from the plan's
//!   own fields;
//! - the cheapest total, then the fewest purchases.
//!
//! It shares with the engine only the catalogue types, the money yardstick
//! and the own line's regulation figures (`OwnLine`, tested on its own).

#![allow(dead_code, clippy::unwrap_used, clippy::panic, clippy::pedantic)]

use proptest::prelude::*;
use roamplan::core::catalogue::{
    Billing, Buyers, Catalogue, Confidence, Hotspot, Inclusion, Plan, PlanKind, Pool, Topup,
};
use roamplan::core::country::CountryCode;
use roamplan::core::engine::{DayUse, OwnLine};
use roamplan::core::money::{div_round, Currency, Money, Ratio, Spend, Value};
use roamplan::core::trip::{HomePlan, Leg, OwnPlan, Traveller, Trip};

use super::{base_spec, cc, codes, rates};

/// The cheapest total in EUR and its number of purchases; `None` when some
/// day cannot be served.
pub fn cheapest(catalogue: &Catalogue, trip: &Trip) -> Option<(Money, u32)> {
    let (_, purchases, spend) = optimum(catalogue, trip)?;
    Some((spend.total_in(&catalogue.rates, Currency::EUR)?, purchases))
}

/// The fewest distinct plans an optimum (cheapest, then fewest purchases)
/// can be made of: the smallest set of the catalogue's plans that, offered
/// alone (the reader's home plans stay), still reaches the same exact value
/// and purchases. `None` when nothing serves the trip.
pub fn fewest_plans(catalogue: &Catalogue, trip: &Trip) -> Option<usize> {
    let (value, purchases, _) = optimum(catalogue, trip)?;
    let buyable: Vec<usize> = (0..catalogue.plans.len())
        .filter(|&i| catalogue.plans[i].kind != PlanKind::HomePlan)
        .collect();
    for size in 0..=buyable.len() {
        for subset in subsets(buyable.len(), size) {
            let mut only = catalogue.clone();
            only.plans = catalogue
                .plans
                .iter()
                .enumerate()
                .filter(|(i, p)| {
                    p.kind == PlanKind::HomePlan || subset.iter().any(|&s| buyable[s] == *i)
                })
                .map(|(_, p)| p.clone())
                .collect();
            if let Some((v, p, _)) = optimum(&only, trip) {
                if (v, p) == (value, purchases) {
                    return Some(size);
                }
            }
        }
    }
    None
}

/// Every `size`-element subset of `0..n`.
fn subsets(n: usize, size: usize) -> Vec<Vec<usize>> {
    (0..1usize << n)
        .filter(|m| m.count_ones() as usize == size)
        .map(|m| (0..n).filter(|i| m & (1 << i) != 0).collect())
        .collect()
}

/// The exact optimum: value, purchases, and what is spent in each currency.
/// A group of two or more may regroup at any day boundary (the contract:
/// "the split may change at day boundaries"): every set of such cuts is
/// tried, each block of days priced on its own. A cut never divides the
/// days of an own-line allowance that some traveller can use up on the trip.
fn optimum(catalogue: &Catalogue, trip: &Trip) -> Option<(Value, u32, Spend)> {
    let own_line = OwnLine::for_trip(trip, catalogue);
    let days = trip.day_countries();
    let regroups = trip.travellers.len() >= 2;
    let cuts: Vec<usize> = (1..days.len())
        .filter(|&cut| {
            regroups && !divides_a_limited_allowance(trip, own_line.as_ref(), &days, cut)
        })
        .collect();
    let mut best: Option<(Value, u32, Spend)> = None;
    for chosen in 0..1usize << cuts.len() {
        let mut edges = vec![0];
        edges.extend(
            (0..cuts.len())
                .filter(|i| chosen & (1 << i) != 0)
                .map(|i| cuts[i]),
        );
        edges.push(days.len());
        let mut total: Option<(Value, u32, Spend)> = Some((Value::ZERO, 0, Spend::default()));
        for block in edges.windows(2) {
            let here = optimum_on(catalogue, trip, own_line.as_ref(), (block[0], block[1]));
            total = match (total, here) {
                (Some((v, p, mut s)), Some((v2, p2, s2))) => {
                    s.extend(&s2);
                    Some((v.plus(v2), p + p2, s))
                }
                _ => None,
            };
        }
        if let Some((v, p, s)) = total {
            if best.as_ref().is_none_or(|(bv, bp, _)| (v, p) < (*bv, *bp)) {
                best = Some((v, p, s));
            }
        }
    }
    best
}

/// Whether cutting the trip before day `cut` divides the days of an
/// own-line allowance some traveller can use up on the whole trip.
fn divides_a_limited_allowance(
    trip: &Trip,
    own_line: Option<&OwnLine>,
    days: &[CountryCode],
    cut: usize,
) -> bool {
    let Some(line) = own_line else {
        return false;
    };
    line.groups.iter().enumerate().any(|(g, group)| {
        let on: Vec<usize> = (0..days.len())
            .filter(|&d| line.day_use(days[d]) == DayUse::Group(g))
            .collect();
        let can_run_out = trip.travellers.iter().any(|t| {
            group
                .cost_of(t.mb_per_day, on.len() as u32)
                .is_none_or(|r| r.num != 0)
        });
        can_run_out && on.iter().any(|&d| d < cut) && on.iter().any(|&d| d >= cut)
    })
}

/// The optimum on some of the trip's days (a block, or all of them), the
/// group split one way throughout.
fn optimum_on(
    catalogue: &Catalogue,
    trip: &Trip,
    own_line: Option<&OwnLine>,
    block: (usize, usize),
) -> Option<(Value, u32, Spend)> {
    let people = trip.travellers.len();
    let mut best: Option<(Value, u32, Spend)> = None;
    for split in splits(people) {
        let mut value = Value::ZERO;
        let mut purchases = 0;
        let mut spend = Spend::default();
        let mut ok = true;
        for unit in &split {
            if let Some((v, p, s)) = best_lane(catalogue, trip, own_line, block, unit) {
                value = value.plus(v);
                purchases += p;
                spend.extend(&s);
            } else {
                ok = false;
                break;
            }
        }
        if ok
            && best
                .as_ref()
                .is_none_or(|(v, p, _)| (value, purchases) < (*v, *p))
        {
            best = Some((value, purchases, spend));
        }
    }
    best
}

/// Every set partition of `0..n`.
fn splits(n: usize) -> Vec<Vec<Vec<usize>>> {
    let mut out = vec![Vec::<Vec<usize>>::new()];
    for person in 0..n {
        let mut next = Vec::new();
        for split in out {
            for i in 0..split.len() {
                let mut s = split.clone();
                s[i].push(person);
                next.push(s);
            }
            let mut s = split.clone();
            s.push(vec![person]);
            next.push(s);
        }
        out = next;
    }
    out
}

/// Whether this reader may buy the plan (the contract's "Eligibility").
fn may_buy(plan: &Plan, trip: &Trip) -> bool {
    match plan.kind {
        PlanKind::HomePlan => false,
        _ => match plan.buyers {
            Buyers::Anyone => true,
            Buyers::Residents => plan.home.is_some() && plan.home == trip.home,
            Buyers::Customers => {
                (plan.home.is_none() || plan.home == trip.home)
                    && trip
                        .carrier
                        .as_ref()
                        .is_some_and(|c| plan.carriers.iter().any(|k| k.eq_ignore_ascii_case(c)))
            }
        },
    }
}

/// One way a unit uses a plan.
#[derive(Clone, Debug)]
struct Way {
    plan: usize,
    /// Daily draw of each allowance holder (one entry a line that has its
    /// own data: a card, each member's own purchase; the whole unit for a
    /// hotspot or pool).
    draws: Vec<u64>,
    /// Prices paid per purchase (each member's copy).
    copies: u64,
    extra_lines: u64,
}

fn ways(catalogue: &Catalogue, trip: &Trip, unit: &[usize]) -> Vec<Way> {
    let mut out = Vec::new();
    let uses: Vec<u64> = unit
        .iter()
        .map(|&t| trip.travellers[t].mb_per_day)
        .collect();
    let total: u64 = uses.iter().sum();
    let max = uses.iter().copied().max().unwrap_or(0);
    let phone_ok = |plan: &Plan, t: usize| plan.kind != PlanKind::Esim || trip.travellers[t].esim;
    for (i, plan) in catalogue.plans.iter().enumerate() {
        if !may_buy(plan, trip) {
            continue;
        }
        let daily_ok = |mb: u64| plan.daily_mb.is_none_or(|d| mb <= d);
        let all_phones = unit.iter().all(|&t| phone_ok(plan, t));
        if unit.len() == 1 {
            if all_phones && daily_ok(total) {
                out.push(Way {
                    plan: i,
                    draws: vec![total],
                    copies: 1,
                    extra_lines: 0,
                });
            }
            continue;
        }
        let k = unit.len() as u64;
        if all_phones && daily_ok(max) {
            out.push(Way {
                plan: i,
                draws: uses.clone(),
                copies: k,
                extra_lines: 0,
            });
        }
        if trip.together && daily_ok(total) {
            for &host in unit {
                let guests = total - trip.travellers[host].mb_per_day;
                let tether = match plan.hotspot {
                    Hotspot::Allowed => true,
                    Hotspot::CappedPerDay(cap) => guests <= cap,
                    _ => false,
                };
                if tether && phone_ok(plan, host) {
                    out.push(Way {
                        plan: i,
                        draws: vec![total],
                        copies: 1,
                        extra_lines: 0,
                    });
                }
            }
        }
        if let Some(Pool { max_lines, .. }) = plan.pool {
            if all_phones && k <= u64::from(max_lines) && daily_ok(max) {
                out.push(Way {
                    plan: i,
                    draws: vec![total],
                    copies: 1,
                    extra_lines: k - 1,
                });
            }
        }
        if let Some(cards) = plan.cards {
            if all_phones && k <= u64::from(cards) && daily_ok(max) {
                out.push(Way {
                    plan: i,
                    draws: uses.clone(),
                    copies: 1,
                    extra_lines: 0,
                });
            }
        }
    }
    out
}

/// Price of a purchase serving `served` days over `span` days.
fn price(catalogue: &Catalogue, way: &Way, served: u64, span: u64) -> Option<(Value, Spend)> {
    let plan = &catalogue.plans[way.plan];
    let rates = &catalogue.rates;
    let extra = plan.pool.map(|p| p.extra_line_price);
    let mut spend = Spend::default();
    let mut value = Value::ZERO;
    let mut pay = |m: Money, n: u64, spend: &mut Spend| {
        spend.add_money(m, n);
        value = value.plus(rates.value_of(m).unwrap().times(n));
    };
    match plan.billing {
        Billing::Day => {
            pay(plan.price, way.copies * served, &mut spend);
            if let Some(e) = extra {
                pay(e, way.extra_lines * served, &mut spend);
            }
        }
        Billing::Pass { validity_days } => {
            let periods = if plan.contract_months.is_some() {
                span.div_ceil(u64::from(validity_days)).max(1)
            } else {
                1
            };
            pay(plan.price, way.copies * periods, &mut spend);
            if let Some(e) = extra {
                pay(e, way.extra_lines * periods, &mut spend);
            }
            if let Some(data) = plan.data_mb {
                let mut topups = 0;
                for draw in &way.draws {
                    let need = draw * served;
                    if need > data * periods {
                        let Topup { data_mb, .. } = plan.topup?;
                        if data_mb == 0 {
                            return None;
                        }
                        topups += (need - data * periods).div_ceil(data_mb);
                    }
                }
                if let Some(t) = plan.topup {
                    pay(t.price, topups, &mut spend);
                }
            }
        }
    }
    Some((value, spend))
}

/// The cheapest lane of one unit, by brute force over day partitions.
fn best_lane(
    catalogue: &Catalogue,
    trip: &Trip,
    own_line: Option<&OwnLine>,
    block: (usize, usize),
    unit: &[usize],
) -> Option<(Value, u32, Spend)> {
    let trip_days = trip.day_countries();
    let days = &trip_days[block.0..block.1];
    let d = days.len();
    let uses: Vec<u64> = unit
        .iter()
        .map(|&t| trip.travellers[t].mb_per_day)
        .collect();
    // What the own line does each day for this unit: free, from a limited
    // allowance (group index), or nothing.
    let day_use: Vec<DayUse> = days
        .iter()
        .map(|&c| match own_line {
            Some(line) => line.day_use(c),
            None if Some(c) == trip.home => DayUse::Home,
            None => DayUse::None,
        })
        .collect();
    let groups = own_line.map_or(&[][..], |l| l.groups.as_slice());
    let group_days = |g: usize| day_use.iter().filter(|u| **u == DayUse::Group(g)).count() as u32;
    let unlimited: Vec<bool> = (0..groups.len())
        .map(|g| {
            uses.iter().all(|&u| {
                groups[g]
                    .cost_of(u, group_days(g))
                    .is_some_and(|r| r.num == 0)
            })
        })
        .collect();
    let free: Vec<bool> = day_use
        .iter()
        .map(|u| match u {
            DayUse::Home => true,
            DayUse::Group(g) => unlimited[*g],
            DayUse::None => false,
        })
        .collect();
    let limited: Vec<Option<usize>> = day_use
        .iter()
        .map(|u| match u {
            DayUse::Group(g) if !unlimited[*g] => Some(*g),
            _ => None,
        })
        .collect();
    let ways = ways(catalogue, trip, unit);
    let covers = |w: &Way, day: usize| !free[day] && catalogue.plans[w.plan].covers(days[day]);
    // Days of the trip outside this block that a plan would have to serve
    // (not at home, not on an own-line allowance this unit cannot use up).
    let whole_days = |g: usize| {
        trip_days
            .iter()
            .filter(|&&c| own_line.is_some_and(|l| l.day_use(c) == DayUse::Group(g)))
            .count() as u32
    };
    let outside_needs = |c: CountryCode| match own_line {
        Some(line) => match line.day_use(c) {
            DayUse::Home => false,
            DayUse::Group(g) => !uses.iter().all(|&u| {
                groups[g]
                    .cost_of(u, whole_days(g))
                    .is_some_and(|r| r.num == 0)
            }),
            DayUse::None => true,
        },
        None => Some(c) != trip.home,
    };
    let covers_beyond = |w: &Way| {
        let plan = &catalogue.plans[w.plan];
        trip_days
            .iter()
            .enumerate()
            .filter(|&(day, _)| day < block.0 || day >= block.1)
            .any(|(_, &c)| outside_needs(c) && plan.covers(c))
    };

    let mut best: Option<(Value, u32, Spend)> = None;
    // label[day]: 0 = own line, n >= 1 = purchase block n.
    let mut labels = vec![0usize; d];
    fn each_labelling(
        day: usize,
        blocks: usize,
        labels: &mut Vec<usize>,
        f: &mut dyn FnMut(&[usize], usize),
    ) {
        if day == labels.len() {
            f(labels, blocks);
            return;
        }
        for label in 0..=blocks + 1 {
            labels[day] = label;
            let next = if label == blocks + 1 {
                blocks + 1
            } else {
                blocks
            };
            each_labelling(day + 1, next, labels, f);
        }
    }
    each_labelling(0, 0, &mut labels, &mut |labels, blocks| {
        // Own-line days: free, or limited (counted).
        let mut own_counts = vec![0u32; groups.len()];
        for day in 0..d {
            if labels[day] == 0 {
                if free[day] {
                    continue;
                }
                match limited[day] {
                    Some(g) => own_counts[g] += 1,
                    None => return,
                }
            } else if free[day] {
                return; // nothing is bought for a free day
            }
        }
        let served: Vec<Vec<usize>> = (1..=blocks)
            .map(|b| (0..d).filter(|&day| labels[day] == b).collect())
            .collect();
        // Purchases do not cross: a purchase with a day inside another's
        // span lies within one gap of it.
        for (i, x) in served.iter().enumerate() {
            for (j, y) in served.iter().enumerate() {
                if i == j {
                    continue;
                }
                let (lo, hi) = (x[0], *x.last().unwrap());
                if y.iter().any(|&v| v > lo && v < hi) {
                    let gap = x.windows(2).find(|w| w[0] < y[0] && y[0] < w[1]);
                    match gap {
                        Some(w) if y.iter().all(|&v| v > w[0] && v < w[1]) => {}
                        _ => return,
                    }
                }
            }
            // Limited own-line days are never inside a purchase's span.
            let (lo, hi) = (x[0], *x.last().unwrap());
            if (lo + 1..hi).any(|day| labels[day] == 0 && limited[day].is_some()) {
                return;
            }
        }
        let mut value = Value::ZERO;
        let mut spend = Spend::default();
        let mut products = 0u32;
        for x in &served {
            let (lo, hi) = (x[0], *x.last().unwrap());
            let mut cheapest: Option<(Value, u32, Spend)> = None;
            for w in &ways {
                let plan = &catalogue.plans[w.plan];
                if !x.iter().all(|&day| covers(w, day)) {
                    continue;
                }
                // Every covered day between the first and the last is served.
                if (lo..=hi).any(|day| covers(w, day) && labels[day] != labels[lo]) {
                    continue;
                }
                match plan.billing {
                    Billing::Day => {
                        if hi - lo + 1 != x.len() {
                            continue;
                        }
                    }
                    Billing::Pass { validity_days } => {
                        if plan.contract_months.is_some() {
                            let all: Vec<usize> = (0..d).filter(|&day| covers(w, day)).collect();
                            // Bought at most once per line per trip: it serves
                            // every day of the trip it covers, all in this block.
                            if *x != all || covers_beyond(w) {
                                continue;
                            }
                        } else if hi - lo >= validity_days as usize {
                            continue;
                        }
                    }
                }
                let Some((v, s)) = price(catalogue, w, x.len() as u64, (hi - lo + 1) as u64) else {
                    continue;
                };
                let bought = w.copies as u32;
                if cheapest
                    .as_ref()
                    .is_none_or(|(c, n, _)| (v, bought) < (*c, *n))
                {
                    cheapest = Some((v, bought, s));
                }
            }
            let Some((v, n, s)) = cheapest else { return };
            value = value.plus(v);
            products += n;
            spend.extend(&s);
        }
        for (g, &k) in own_counts.iter().enumerate() {
            for &u in &uses {
                let Some(r) = groups[g].cost_of(u, k) else {
                    return;
                };
                value = value.plus(Value(div_round(r.num * 10_000_000_000, r.den)));
                spend.add(Currency::EUR, r);
            }
        }
        let purchases = products;
        let _ = blocks;
        if best
            .as_ref()
            .is_none_or(|(v, p, _)| (value, purchases) < (*v, *p))
        {
            best = Some((value, purchases, spend));
        }
    });
    best
}

// ---------------------------------------------------------------------------
// Random small cases
// ---------------------------------------------------------------------------

const PLACES: [&str; 6] = ["HK", "CN", "MO", "FR", "DE", "GB"];

fn country() -> impl Strategy<Value = &'static str> {
    prop::sample::select(PLACES.to_vec())
}

/// A random plan (any kind, any shape).
pub fn plan_strategy() -> impl Strategy<Value = super::Spec> {
    (
        (
            prop::sample::select(vec![
                PlanKind::Esim,
                PlanKind::Sim,
                PlanKind::Roaming,
                PlanKind::HomePlan,
            ]),
            prop::collection::vec(country(), 1..4),
            1u32..60,
            prop::sample::select(vec!["EUR", "HKD"]),
            prop_oneof![Just(None), (1u32..6).prop_map(Some)],
            prop_oneof![Just(None), (1u64..9).prop_map(|g| Some(g * 512))],
            prop_oneof![Just(None), (1u64..5).prop_map(|g| Some(g * 600))],
        ),
        (
            prop_oneof![
                Just(Hotspot::Unknown),
                Just(Hotspot::Blocked),
                Just(Hotspot::Allowed),
                (1u64..6).prop_map(|m| Hotspot::CappedPerDay(m * 500))
            ],
            prop_oneof![3 => Just(None), 1 => (2u32..4, 0u32..20).prop_map(Some)],
            prop_oneof![3 => Just(None), 1 => (1u64..4, 1u32..15).prop_map(Some)],
            prop_oneof![4 => Just(None), 1 => (2u32..4).prop_map(Some)],
            prop::sample::select(vec![
                Buyers::Anyone,
                Buyers::Anyone,
                Buyers::Residents,
                Buyers::Customers,
            ]),
            prop::sample::select(vec!["A", "B"]),
            prop::sample::select(vec!["HK", "CN", "FR"]),
            prop_oneof![6 => Just(None), 1 => Just(Some(24u32))],
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (kind, cov, price, currency, validity, data, daily),
                (hotspot, pool, topup, cards, buyers, carrier, home, contract, unverified),
            )| {
                let mut s = base_spec("p", kind, &cov, f64::from(price), currency);
                s.plan.billing = match validity {
                    Some(v) => Billing::Pass { validity_days: v },
                    None => Billing::Day,
                };
                if validity.is_some() {
                    s.plan.data_mb = data;
                    s.plan.contract_months = contract;
                }
                s.plan.daily_mb = daily;
                s.plan.hotspot = hotspot;
                s.plan.pool = pool.map(|(max_lines, extra)| Pool {
                    max_lines,
                    extra_line_price: Money::new(i64::from(extra) * 100, s.plan.price.currency),
                });
                s.plan.topup = topup.filter(|_| validity.is_some()).map(|(gb, p)| Topup {
                    data_mb: gb * 512,
                    price: Money::new(i64::from(p) * 100, s.plan.price.currency),
                });
                s.plan.cards = cards;
                s.plan.provider = carrier.to_owned();
                s.plan.carriers = vec![carrier.to_owned()];
                match kind {
                    PlanKind::Roaming => {
                        s.plan.buyers = Buyers::Customers;
                        s.plan.home = Some(cc(home));
                    }
                    PlanKind::HomePlan => {
                        s.plan.buyers = Buyers::Residents;
                        s.plan.home = Some(cc(home));
                        s.plan.billing = Billing::Pass { validity_days: 30 };
                        s.plan.roaming = vec![Inclusion {
                            coverage: codes(&cov),
                            coverage_as_written: vec![],
                            data_mb: data,
                        }];
                        s.plan.coverage = Vec::new();
                    }
                    _ => {
                        s.plan.buyers = buyers;
                        if buyers != Buyers::Anyone {
                            s.plan.home = Some(cc(home));
                        }
                    }
                }
                if unverified {
                    s.plan.provenance.confidence = Some(Confidence::Unverified);
                }
                s
            },
        )
}

/// A random small catalogue and trip.
pub fn case() -> impl Strategy<Value = (Catalogue, Trip)> {
    (
        prop::collection::vec(plan_strategy(), 1..5),
        prop::collection::vec((country(), 1u32..3), 1..4),
        prop::collection::vec(
            (
                prop::sample::select(vec![300u64, 700, 1024, 2048]),
                any::<bool>(),
            ),
            1..4,
        ),
        any::<bool>(),
        prop::sample::select(vec![None, Some("HK"), Some("CN"), Some("FR")]),
        prop::sample::select(vec![None, Some("A"), Some("B")]),
        0u8..3,
        1u32..40,
    )
        .prop_map(
            |(specs, legs, travellers, together, home, carrier, own, custom_price)| {
                let mut plans: Vec<Plan> = specs.into_iter().map(|s| s.plan).collect();
                for (i, p) in plans.iter_mut().enumerate() {
                    p.id = format!("p{i}");
                }
                let mut legs: Vec<Leg> = legs
                    .into_iter()
                    .map(|(c, days)| Leg {
                        country: cc(c),
                        days,
                    })
                    .collect();
                while legs.iter().map(|l| l.days).sum::<u32>() > 5 {
                    legs.pop();
                }
                let home = home.map(cc);
                let home_plan_id = plans
                    .iter()
                    .find(|p| p.kind == PlanKind::HomePlan && p.home == home)
                    .map(|p| p.id.clone());
                let own_plan = match own {
                    1 => home_plan_id.map(OwnPlan::Catalogue),
                    2 => Some(OwnPlan::Custom(HomePlan {
                        monthly_price: Money::new(i64::from(custom_price) * 100, Currency::EUR),
                        domestic_gb: Some(custom_price % 7 + 1),
                    })),
                    _ => None,
                };
                let trip = Trip {
                    legs,
                    travellers: travellers
                        .into_iter()
                        .map(|(mb_per_day, esim)| Traveller { mb_per_day, esim })
                        .collect(),
                    together,
                    home,
                    carrier: carrier.map(str::to_owned),
                    own_plan: own_plan.filter(|_| home.is_some()),
                    start: super::date("2026-07-01"),
                };
                let catalogue = Catalogue {
                    rates: rates(),
                    plans,
                    ..Catalogue::default()
                };
                (catalogue, trip)
            },
        )
}

#[allow(unused)]
fn unused(_: Ratio) {}
