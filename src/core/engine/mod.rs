//! The cost engine: the exact cheapest ways for a group to stay online on a
//! trip, as defined in "What a trip costs" of the catalogue contract.
//!
//! - `eligibility`: who can buy what (applied before any pricing);
//! - `own_line`: the travellers' own line (home days, EU rule, inclusions);
//! - `units`: the ways a unit of travellers can use a plan, and its price;
//! - `lane`: the cheapest lane of purchases for one unit (resumed passes);
//! - `search`: the best split of the group into units;
//! - `warnings`: what to watch out for in an option.
//!
//! `compute` returns the options a reader sees: the cheapest (made only of
//! checked plans when it can be), the simplest, and everyone on their own.

mod blocks;
mod eligibility;
mod lane;
mod own_line;
mod search;
mod ties;
mod units;
mod warnings;

pub use eligibility::{is_offered, phone_takes, refusal, why_not_offered, Refusal};
pub use lane::Key;
pub use own_line::{
    wholesale_cap_cents_per_gb, AllowanceGroup, DayUse, EuRule, GroupKind, OwnLine, SurchargeRule,
};
pub use units::Mode;
pub use warnings::{Warning, STALE_AFTER_MONTHS};

use crate::core::catalogue::{Catalogue, Confidence, Megabytes, Plan, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::money::{div_round, Currency, Money, Spend, Value};
use crate::core::trip::Trip;
use search::{Search, Setting, Solution, Solutions};

/// The id used for the travellers' own line in `plan_ids` and test hooks.
pub const OWN_PLAN_ID: &str = "home";

/// What the engine is asked.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// Plans and rates.
    pub catalogue: &'a Catalogue,
    /// The trip.
    pub trip: &'a Trip,
    /// Currency to show totals in (must have a rate).
    pub currency: Currency,
    /// Today, for the age of price data.
    pub today: Date,
}

/// The overall way a group stays online in an option (`data-strategy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Strategy {
    /// Every traveller on their own line(s).
    Separate,
    /// Phones share over Wi-Fi.
    Hotspot,
    /// A pooled plan.
    Pool,
    /// A bundle of cards.
    Bundle,
    /// Different ways for different travellers or days.
    Mixed,
    /// Nothing to buy: the own line serves every day.
    Home,
}

impl Strategy {
    /// The test hook word.
    pub fn code(self) -> &'static str {
        match self {
            Strategy::Separate => "separate",
            Strategy::Hotspot => "hotspot",
            Strategy::Pool => "pool",
            Strategy::Bundle => "bundle",
            Strategy::Mixed => "mixed",
            Strategy::Home => "home",
        }
    }
}

/// Why an option is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Reason {
    /// The cheapest of all.
    Cheapest,
    /// The cheapest made only of plans whose figures were checked: shown
    /// first when the cheapest relies on unverified figures.
    Verified,
    /// The cheapest with at most one new product per traveller.
    Simplest,
    /// The cheapest with every traveller on their own (no sharing).
    Separate,
}

impl Reason {
    /// The test hook word (`data-reasons`).
    pub fn code(self) -> &'static str {
        match self {
            Reason::Cheapest => "cheapest",
            Reason::Verified => "verified",
            Reason::Simplest => "simplest",
            Reason::Separate => "separate",
        }
    }
}

/// One product bought.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Purchase {
    /// Index in the catalogue's plans.
    pub plan: usize,
    /// Plan id.
    pub id: String,
    /// How it is used.
    pub mode: Mode,
    /// Travellers it serves (indices into the trip's travellers).
    pub travellers: Vec<usize>,
    /// The phone that carries the others, for a hotspot.
    pub host: Option<usize>,
    /// Trip days it serves (0-based, increasing; a resumed pass has gaps).
    pub served: Vec<u32>,
    /// Top-ups bought.
    pub topups: u64,
    /// What it costs, display currency (rounded for display; the option's
    /// total is rounded once from exact amounts).
    pub cost: Money,
}

impl Purchase {
    /// First day served.
    pub fn first_day(&self) -> u32 {
        self.served.first().copied().unwrap_or(0)
    }

    /// Last day served.
    pub fn last_day(&self) -> u32 {
        self.served.last().copied().unwrap_or(0)
    }

    /// Whether it serves days that are not consecutive (a resumed pass).
    pub fn is_resumed(&self) -> bool {
        self.served.windows(2).any(|w| w[1] != w[0] + 1)
    }
}

/// What serves one traveller on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DayService {
    /// Their own line, at home or within an allowance that lasts.
    OwnLine,
    /// Their own line, from allowance group `n` of the answer's own line.
    OwnLineAllowance(usize),
    /// Purchase `n` of the option.
    Purchase(usize),
    /// The traveller is in another unit that day: the group regrouped.
    Elsewhere,
}

impl DayService {
    /// Whether the traveller's own line serves the day.
    pub fn is_own_line(self) -> bool {
        matches!(self, DayService::OwnLine | DayService::OwnLineAllowance(_))
    }
}

/// Travellers served together, and what serves them each day.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    /// Travellers (indices into the trip's travellers).
    pub travellers: Vec<usize>,
    /// What serves the unit on each trip day.
    pub days: Vec<DayService>,
}

/// The own line's use by one traveller in one allowance group.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OwnLineUse {
    /// Traveller.
    pub traveller: usize,
    /// Allowance group (index into the own line's groups).
    pub group: usize,
    /// Days the own line serves there.
    pub days: u32,
    /// MB used there.
    pub used_mb: Megabytes,
    /// The allowance over the trip, if limited.
    pub allowance_mb: Option<Megabytes>,
    /// Surcharge beyond it, display currency.
    pub surcharge: Money,
}

/// One ranked way to stay online.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TripOption {
    /// Why it is listed.
    pub reasons: Vec<Reason>,
    /// Overall way of sharing.
    pub strategy: Strategy,
    /// Total for the group, display currency, rounded once.
    pub total: Money,
    /// Total divided by travellers.
    pub per_person: Money,
    /// Total per GB used (`None` when nothing is used).
    pub per_gb: Option<Money>,
    /// Units of travellers.
    pub units: Vec<Unit>,
    /// Products bought, in order of first day.
    pub purchases: Vec<Purchase>,
    /// The own line's use where an allowance applies.
    pub own_line: Vec<OwnLineUse>,
    /// Plan ids in order of first use, each once (`home` for the own line
    /// when it serves a day away from home).
    pub plan_ids: Vec<String>,
    /// Things to watch out for.
    pub warnings: Vec<Warning>,
    /// Whether a plan with unverified figures is used.
    pub uses_unverified: bool,
    key: Key,
}

impl TripOption {
    /// Exact total on the common yardstick (ranking key).
    pub fn value(&self) -> Value {
        self.key.value
    }

    /// Products bought.
    pub fn purchase_count(&self) -> u32 {
        self.key.purchases
    }

    /// Whether the own line serves any day away from home.
    pub fn uses_own_line_abroad(&self) -> bool {
        self.plan_ids.iter().any(|p| p == OWN_PLAN_ID)
    }
}

/// A carrier whose roaming pass would be cheaper, for a reader who has not
/// said their carrier.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CarrierHint {
    /// The carrier.
    pub carrier: String,
    /// Its customers' cheapest total.
    pub total: Money,
    /// The plans of that answer.
    pub plan_ids: Vec<String>,
}

/// The engine's answer.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    /// Options, best first; empty when some day is uncovered.
    pub options: Vec<TripOption>,
    /// Countries no plan can serve for this trip, sorted; empty otherwise.
    pub uncovered: Vec<CountryCode>,
    /// The own line, when a home country is known.
    pub own_line: Option<OwnLine>,
    /// Carriers whose customers would pay less (carrier not given).
    pub carrier_hints: Vec<CarrierHint>,
    /// A total too large to show: the catalogue's figures are out of range.
    pub too_large: bool,
    /// The trip is more work than the engine takes on (`MAX_WORK`): no
    /// answer rather than one that never comes.
    pub too_much_work: bool,
}

/// The most work (`work_estimate`) the engine takes on for one answer:
/// about 5 s in the browser's engine worker on a desktop. The form's worst
/// trip with everyone alike stays under it on a 2,000-plan catalogue (2.9
/// million); twelve travellers of four kinds on it (61 million) do not.
pub const MAX_WORK: u64 = 8_000_000;

/// Computes the options for a trip, and the carriers whose customers would
/// pay less.
pub fn compute(request: Request<'_>) -> Answer {
    let mut answer = compute_options(request);
    answer.carrier_hints = carrier_hints_for(request, &answer);
    answer
}

/// The answer without its carrier hints: the engine worker sends this
/// first and the hints after it (they search the trip again for each
/// carrier, several times the work of the answer itself).
pub fn compute_options(request: Request<'_>) -> Answer {
    let Request {
        catalogue,
        trip,
        currency,
        ..
    } = request;
    if trip.travellers.is_empty() || trip.total_days() == 0 || !catalogue.rates.knows(currency) {
        return Answer::default();
    }
    if work_without_regrouping(catalogue, trip) > MAX_WORK {
        return Answer {
            too_much_work: true,
            ..Answer::default()
        };
    }
    let own_line = OwnLine::for_trip(trip, catalogue);
    let all = Setting::new(catalogue, trip, own_line.as_ref(), &|_| true).solve();
    let mut answer = Answer {
        own_line: own_line.clone(),
        uncovered: all.uncovered.clone(),
        ..Answer::default()
    };
    let Some(cheapest) = all.cheapest.as_ref() else {
        return answer;
    };
    let builder = Builder {
        request,
        own_line: own_line.as_ref(),
    };
    let regroup = regroups(catalogue, trip);
    let ties = |keep| ties::Ties {
        catalogue,
        trip,
        own_line: own_line.as_ref(),
        keep,
        regroup,
    };
    let anything: &dyn Fn(&Plan) -> bool = &|_| true;
    let cheapest = &ties(anything).settle(cheapest.clone(), Search::Cheapest);
    let mut listed: Vec<(Reason, TripOption)> = Vec::new();
    let Some(cheapest_option) = builder.option(cheapest) else {
        answer.too_large = true;
        return answer;
    };
    if cheapest_option.uses_unverified {
        let is_checked: &dyn Fn(&Plan) -> bool = &|p| !is_unverified(p);
        let checked = Setting::new(catalogue, trip, own_line.as_ref(), is_checked);
        if let Some(found) = checked.solve_one(Search::Cheapest) {
            let settled = ties(is_checked).settle(found, Search::Cheapest);
            if let Some(option) = builder.option(&settled) {
                listed.push((Reason::Verified, option));
            }
        }
    }
    listed.push((Reason::Cheapest, cheapest_option));
    let picks: [(Reason, &Option<Solution>, Search); 2] = [
        (Reason::Simplest, &all.simplest, Search::Simplest),
        (Reason::Separate, &all.separate, Search::Separate),
    ];
    for (reason, solution, search) in picks {
        if reason == Reason::Separate && trip.travellers.len() < 2 {
            continue;
        }
        let Some(found) = solution.clone() else {
            continue;
        };
        let settled = ties(anything).settle(found, search);
        if let Some(option) = builder.option(&settled) {
            listed.push((reason, option));
        }
    }
    answer.options = merge(listed);
    answer
}

/// A rough measure of the work `compute` does for a trip: plans × days ×
/// distinct units of travellers the search prices (travellers alike share
/// a search), times the distinct blocks of days searched when the group
/// may regroup. It decides where the calculation runs, never what it
/// answers.
pub fn work_estimate(catalogue: &Catalogue, trip: &Trip) -> u64 {
    let alone = work_without_regrouping(catalogue, trip);
    blocks::work(trip, alone, blocks::regroups(trip, alone, MAX_WORK))
}

/// Where the cheapest search regroups on this trip.
fn regroups(catalogue: &Catalogue, trip: &Trip) -> blocks::Regroup {
    blocks::regroups(trip, work_without_regrouping(catalogue, trip), MAX_WORK)
}

/// The work of the search without regrouping: what
/// `MAX_WORK` bounds (regrouping is left out where it would pass it).
fn work_without_regrouping(catalogue: &Catalogue, trip: &Trip) -> u64 {
    let mut kinds: Vec<(crate::core::trip::Traveller, u64)> = Vec::new();
    for traveller in &trip.travellers {
        match kinds.iter_mut().find(|(t, _)| t == traveller) {
            Some((_, count)) => *count += 1,
            None => kinds.push((*traveller, 1)),
        }
    }
    let units = kinds
        .iter()
        .fold(1u64, |product, (_, count)| {
            product.saturating_mul(count + 1)
        })
        .saturating_sub(1);
    (catalogue.plans.len() as u64)
        .saturating_mul(u64::from(trip.total_days()))
        .saturating_mul(units)
}

/// The cheapest total for each way the chart compares (cheapest, everyone
/// on their own), without details.
pub fn totals(request: Request<'_>) -> Vec<(Reason, Money)> {
    let Request {
        catalogue,
        trip,
        currency,
        ..
    } = request;
    if trip.travellers.is_empty()
        || trip.total_days() == 0
        || !catalogue.rates.knows(currency)
        || work_without_regrouping(catalogue, trip) > MAX_WORK
    {
        return Vec::new();
    }
    let own_line = OwnLine::for_trip(trip, catalogue);
    let solutions: Solutions = Setting::new(catalogue, trip, own_line.as_ref(), &|_| true).solve();
    let builder = Builder {
        request,
        own_line: own_line.as_ref(),
    };
    [
        (Reason::Cheapest, &solutions.cheapest),
        (Reason::Separate, &solutions.separate),
    ]
    .into_iter()
    .filter_map(|(reason, s)| Some((reason, builder.exact_total(s.as_ref()?)?)))
    .collect()
}

fn is_unverified(plan: &Plan) -> bool {
    plan.provenance.confidence == Some(Confidence::Unverified)
}

/// Options listed once each (an option best in several ways carries all its
/// reasons), the first listed first, the rest by total.
fn merge(listed: Vec<(Reason, TripOption)>) -> Vec<TripOption> {
    let mut out: Vec<TripOption> = Vec::new();
    for (reason, option) in listed {
        if let Some(same) = out
            .iter_mut()
            .find(|o| o.purchases == option.purchases && o.units == option.units)
        {
            same.reasons.push(reason);
        } else {
            let mut option = option;
            option.reasons = vec![reason];
            out.push(option);
        }
    }
    if out.len() > 2 {
        out[1..].sort_by(|a, b| {
            (a.key, a.plan_ids.len(), &a.plan_ids).cmp(&(b.key, b.plan_ids.len(), &b.plan_ids))
        });
    }
    out
}

/// For a reader who has not said their carrier: carriers whose customers
/// would pay less than `answer` (the trip's, from `compute_options`),
/// cheapest first (two at most). None when the carrier is known or the
/// trip has no answer to compare with.
pub fn carrier_hints_for(request: Request<'_>, answer: &Answer) -> Vec<CarrierHint> {
    let searched = !answer.options.is_empty() || !answer.uncovered.is_empty();
    if request.trip.carrier.is_some() || !searched || answer.too_large || answer.too_much_work {
        return Vec::new();
    }
    let own_line = answer.own_line.as_ref();
    // Without an answer, any carrier whose customers get one is worth naming.
    let best = answer.options.first().map(TripOption::value);
    let trip = request.trip;
    let mut carriers: Vec<String> = Vec::new();
    for plan in &request.catalogue.plans {
        if plan.buyers == crate::core::catalogue::Buyers::Customers
            && plan.home.is_some()
            && plan.home == trip.home
        {
            for carrier in &plan.carriers {
                if !carriers.contains(carrier) {
                    carriers.push(carrier.clone());
                }
            }
        }
    }
    // Only carriers with a pass for some day away from home can change the
    // answer (the others' customers get the same search, with no pass).
    let days = trip.day_countries();
    let pass_for = |plan: &Plan, customer: &Trip| {
        plan.buyers == crate::core::catalogue::Buyers::Customers
            && !is_unverified(plan)
            && refusal(plan, customer).is_none()
            && days.iter().any(|&c| Some(c) != trip.home && plan.covers(c))
    };
    // The trip as each such carrier's customers.
    let customers: Vec<Trip> = carriers
        .into_iter()
        .map(|carrier| Trip {
            carrier: Some(carrier),
            ..trip.clone()
        })
        .filter(|customer| {
            request
                .catalogue
                .plans
                .iter()
                .any(|p| pass_for(p, customer))
        })
        .collect();
    if customers.is_empty() {
        return Vec::new();
    }
    // One search with every such carrier's passes offered at once: no one
    // carrier's customers can pay less than that, so when it does not beat
    // the answer, no carrier is searched on its own.
    let every_pass = |plan: &Plan| {
        !is_unverified(plan)
            && (refusal(plan, trip).is_none() || customers.iter().any(|c| pass_for(plan, c)))
    };
    let at_best = Setting::offering(
        request.catalogue,
        trip,
        own_line,
        &every_pass,
        regroups(request.catalogue, trip),
    )
    .solve_one(Search::Cheapest)
    .and_then(|solution| Builder { request, own_line }.option(&solution));
    match (&at_best, best) {
        (None, _) => return Vec::new(),
        (Some(option), Some(b)) if option.value() >= b => return Vec::new(),
        _ => {}
    }
    let mut hints = Vec::new();
    for with_carrier in &customers {
        let Some(solution) = Setting::new(request.catalogue, with_carrier, own_line, &|p| {
            !is_unverified(p)
        })
        .solve_one(Search::Cheapest) else {
            continue;
        };
        let builder = Builder {
            request: Request {
                trip: with_carrier,
                ..request
            },
            own_line,
        };
        if let Some(option) = builder.option(&solution) {
            if best.is_none_or(|b| option.value() < b)
                && option.purchases.iter().any(|p| {
                    request.catalogue.plans[p.plan].buyers
                        == crate::core::catalogue::Buyers::Customers
                })
            {
                hints.push(CarrierHint {
                    carrier: with_carrier.carrier.clone().unwrap_or_default(),
                    total: option.total,
                    plan_ids: option.plan_ids,
                });
            }
        }
    }
    hints.sort_by_key(|h| h.total.minor);
    hints.truncate(2);
    hints
}

/// Turns a solution into what the reader sees.
struct Builder<'a> {
    request: Request<'a>,
    own_line: Option<&'a OwnLine>,
}

impl Builder<'_> {
    /// The exact total of a solution, rounded once.
    fn exact_total(&self, solution: &Solution) -> Option<Money> {
        let (spend, _) = self.spend(solution)?;
        spend.total_in(&self.request.catalogue.rates, self.request.currency)
    }

    /// Everything the solution costs, exactly, and each purchase's cost.
    fn spend(&self, solution: &Solution) -> Option<(Spend, Vec<Spend>)> {
        let catalogue = self.request.catalogue;
        let trip = self.request.trip;
        let mut total = Spend::default();
        let mut each = Vec::new();
        for unit in &solution.units {
            for purchase in &unit.lane.purchases {
                let candidate = unit.candidates.get(purchase.candidate)?;
                let plan = &catalogue.plans[candidate.plan];
                let served = u32::try_from(purchase.served.len()).ok()?;
                let cost = candidate.cost(plan, served, purchase.span())?;
                total.extend(&cost.spend);
                each.push(cost.spend);
            }
            if let Some(line) = self.own_line {
                for (group, &days) in unit.lane.limited_days.iter().enumerate() {
                    let Some(g) = line.groups.get(group) else {
                        continue;
                    };
                    for &t in &unit.travellers {
                        let surcharge = g.cost_of(trip.travellers[t].mb_per_day, days)?;
                        total.add(Currency::EUR, surcharge);
                    }
                }
            }
        }
        Some((total, each))
    }

    fn option(&self, solution: &Solution) -> Option<TripOption> {
        let Request {
            catalogue,
            trip,
            currency,
            today,
        } = self.request;
        let rates = &catalogue.rates;
        let (spend, each) = self.spend(solution)?;
        let total = spend.total_in(rates, currency)?;
        let mut purchases: Vec<(usize, Purchase)> = Vec::new();
        let mut units = Vec::new();
        let mut own_line = Vec::new();
        let mut spends = each.into_iter();
        for unit in &solution.units {
            let first_purchase = purchases.len();
            for purchase in &unit.lane.purchases {
                let candidate = unit.candidates.get(purchase.candidate)?;
                let plan = &catalogue.plans[candidate.plan];
                let cost = spends.next()?;
                let served = u32::try_from(purchase.served.len()).ok()?;
                let topups = candidate.cost(plan, served, purchase.span())?.topups;
                let host = match candidate.mode {
                    Mode::Hotspot(h) => unit.travellers.get(h).copied(),
                    _ => None,
                };
                purchases.push((
                    units.len(),
                    Purchase {
                        plan: candidate.plan,
                        id: plan.id.clone(),
                        mode: candidate.mode,
                        travellers: unit.travellers.clone(),
                        host,
                        served: purchase.served.clone(),
                        topups,
                        cost: cost.total_in(rates, currency)?,
                    },
                ));
            }
            let days = unit
                .lane
                .days
                .iter()
                .map(|s| match s {
                    lane::DayService::Free => DayService::OwnLine,
                    lane::DayService::Limited(g) => DayService::OwnLineAllowance(*g),
                    lane::DayService::Purchase(n) => DayService::Purchase(first_purchase + n),
                    lane::DayService::Elsewhere => DayService::Elsewhere,
                })
                .collect();
            units.push(Unit {
                travellers: unit.travellers.clone(),
                days,
            });
            if let Some(line) = self.own_line {
                for (group, &days) in unit.lane.limited_days.iter().enumerate() {
                    let Some(g) = line.groups.get(group) else {
                        continue;
                    };
                    if days == 0 {
                        continue;
                    }
                    for &t in &unit.travellers {
                        let mb = trip.travellers[t].mb_per_day;
                        let mut s = Spend::default();
                        s.add(Currency::EUR, g.cost_of(mb, days)?);
                        own_line.push(OwnLineUse {
                            traveller: t,
                            group,
                            days,
                            used_mb: mb * u64::from(days),
                            allowance_mb: g.allowance_mb,
                            surcharge: s.total_in(rates, currency)?,
                        });
                    }
                }
            }
        }
        // Purchases in order of first day (then unit), renumbered.
        let mut order: Vec<usize> = (0..purchases.len()).collect();
        // With the index in the key no two keys are equal: unstable sorts
        // as stable.
        order.sort_unstable_by_key(|&i| (purchases[i].1.first_day(), purchases[i].0, i));
        let mut renumber = vec![0usize; purchases.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = new;
        }
        for unit in &mut units {
            for day in &mut unit.days {
                if let DayService::Purchase(n) = day {
                    *n = renumber[*n];
                }
            }
        }
        let purchases: Vec<Purchase> = order.iter().map(|&i| purchases[i].1.clone()).collect();

        let plan_ids = plan_ids_in_order(trip, &units, &purchases, self.own_line);
        let strategy = strategy_of(&purchases);
        let people = i128::try_from(trip.travellers.len().max(1)).ok()?;
        let per_person = Money::checked_new(div_round(i128::from(total.minor), people), currency)?;
        let total_mb = i128::from(trip.total_mb());
        let per_gb = if total_mb > 0 {
            let minor = div_round(
                i128::from(total.minor).checked_mul(i128::from(MB_PER_GB))?,
                total_mb,
            );
            Some(Money::checked_new(minor, currency)?)
        } else {
            None
        };
        let uses_unverified = purchases
            .iter()
            .any(|p| is_unverified(&catalogue.plans[p.plan]));
        let mut option = TripOption {
            reasons: Vec::new(),
            strategy,
            total,
            per_person,
            per_gb,
            units,
            purchases,
            own_line,
            plan_ids,
            warnings: Vec::new(),
            uses_unverified,
            key: solution.key,
        };
        option.warnings = warnings::warnings_for(&option, catalogue, trip, self.own_line, today);
        Some(option)
    }
}

/// Plan ids in order of first use by day (`home` when the own line serves a
/// day away from home), each once.
fn plan_ids_in_order(
    trip: &Trip,
    units: &[Unit],
    purchases: &[Purchase],
    own_line: Option<&OwnLine>,
) -> Vec<String> {
    let days = trip.day_countries();
    let mut ids: Vec<String> = Vec::new();
    for (day, country) in days.iter().enumerate() {
        for unit in units {
            let id = match unit.days[day] {
                DayService::Purchase(n) => purchases.get(n).map(|p| p.id.as_str()),
                DayService::OwnLineAllowance(_) => Some(OWN_PLAN_ID),
                DayService::OwnLine => {
                    (own_line.is_some_and(|l| l.home != *country)).then_some(OWN_PLAN_ID)
                }
                DayService::Elsewhere => None,
            };
            if let Some(id) = id {
                if !ids.iter().any(|i| i == id) {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    ids
}

fn strategy_of(purchases: &[Purchase]) -> Strategy {
    let mut kinds: Vec<Strategy> = Vec::new();
    for p in purchases {
        let kind = match p.mode {
            Mode::Separate | Mode::EachOwn => Strategy::Separate,
            Mode::Hotspot(_) => Strategy::Hotspot,
            Mode::Pool => Strategy::Pool,
            Mode::Bundle => Strategy::Bundle,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    match kinds.as_slice() {
        [] => Strategy::Home,
        [one] => *one,
        _ => Strategy::Mixed,
    }
}
