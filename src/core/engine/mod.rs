//! The cost engine: the exact cheapest ways for a group to stay online on a
//! trip, as defined in "What a trip costs" of the catalogue contract.
//!
//! `compute` returns ranked options: the best overall, the best of each way
//! of sharing (separate lines, pool, hotspot), the best with the travellers'
//! own plan in the EU/EEA, and the best single plans for the whole trip.

mod candidates;
mod home_roaming;
mod schedule;
mod warnings;

pub use candidates::{plan_is_offered, Buyer, Mode};
pub use home_roaming::{wholesale_cap_cents_per_gb, HomeRoaming};
pub use warnings::{Warning, STALE_AFTER_MONTHS};

use crate::core::catalogue::{Catalogue, Megabytes, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::money::{div_round, Currency, Money, Value};
use crate::core::trip::Trip;
use candidates::Candidate;
use schedule::{cheapest_path, BlockTable, OwnPlanRule, Path, Reach, Server};

/// The id used for the travellers' own plan in `plan_ids` and test hooks.
pub const OWN_PLAN_ID: &str = "home";

/// How many single-plan alternatives are listed at most.
const SINGLE_PLAN_OPTIONS: usize = 4;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// Every traveller on their own line(s).
    Separate,
    /// One phone shares its data with the others.
    Hotspot,
    /// One pooled plan with a line each.
    Pool,
    /// Different ways on different days.
    Mixed,
    /// The travellers' own plans roaming in the EU/EEA (plus whatever the
    /// other days need).
    Home,
}

impl Strategy {
    /// The test hook word.
    pub fn code(self) -> &'static str {
        match self {
            Strategy::Separate => "separate",
            Strategy::Hotspot => "hotspot",
            Strategy::Pool => "pool",
            Strategy::Mixed => "mixed",
            Strategy::Home => "home",
        }
    }
}

/// Why an option is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The cheapest of all.
    Cheapest,
    /// Cheapest with every traveller on their own lines.
    CheapestSeparate,
    /// Cheapest with a pooled plan throughout.
    CheapestPool,
    /// Cheapest with one phone as hotspot throughout.
    CheapestHotspot,
    /// Cheapest using the travellers' own plans in the EU/EEA.
    CheapestWithOwnPlan,
    /// One plan for the whole trip.
    SinglePlan,
}

/// What serves a block of days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Service {
    /// A catalogue plan.
    Plan {
        /// Index in the catalogue's plans.
        plan: usize,
        /// Plan id.
        id: String,
        /// How the group uses it.
        mode: Mode,
        /// Top-ups bought per purchase.
        topups: u64,
        /// Cost of the block for the group, display currency.
        cost: Money,
    },
    /// The travellers' own plans (EU/EEA roaming); the surcharge, if any, is
    /// in the option's `own_plan`.
    OwnPlan,
}

/// Consecutive trip days served one way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// First day, 0-based.
    pub first_day: u32,
    /// Number of days.
    pub days: u32,
    /// What serves them.
    pub service: Service,
}

/// How the own plan is used in an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnPlanUse {
    /// Roaming days served by the own plan (days at home not counted).
    pub days: u32,
    /// MB each line uses on those days.
    pub used_mb_per_line: Megabytes,
    /// Fair-use allowance per line over the trip.
    pub allowance_mb: Megabytes,
    /// Surcharge for the whole group, display currency.
    pub surcharge: Money,
}

/// One ranked way to stay online.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TripOption {
    /// Why it is listed (several when one option is best in several ways).
    pub reasons: Vec<Reason>,
    /// Overall way of sharing.
    pub strategy: Strategy,
    /// Total for the group, display currency.
    pub total: Money,
    /// Total divided by travellers.
    pub per_person: Money,
    /// Total per GB used (`None` when nothing is used).
    pub per_gb: Option<Money>,
    /// Blocks in day order.
    pub blocks: Vec<Block>,
    /// Plan ids in order of first use, each once (`home` for the own plan).
    pub plan_ids: Vec<String>,
    /// Own-plan use, if any.
    pub own_plan: Option<OwnPlanUse>,
    /// Things to watch out for.
    pub warnings: Vec<Warning>,
    /// Exact total on the common yardstick (for ranking).
    value: Value,
}

impl TripOption {
    /// Exact total on the common yardstick (ranking key).
    pub fn value(&self) -> Value {
        self.value
    }
}

/// The engine's answer.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answer {
    /// Ranked options, best first; empty when some day is uncovered.
    pub options: Vec<TripOption>,
    /// Countries no plan can serve for this trip, sorted; empty otherwise.
    pub uncovered: Vec<CountryCode>,
    /// The own plan's EU/EEA allowance, when it applies.
    pub own_plan: Option<HomeRoaming>,
}

/// Everything prepared once per request and shared by every search.
struct Prepared<'a> {
    request: Request<'a>,
    days: Vec<CountryCode>,
    candidates: Vec<Candidate>,
    reach: Reach,
    own_plan: Option<HomeRoaming>,
    own_plan_usable: Vec<bool>,
    own_plan_at_home: Vec<bool>,
}

/// Computes the ranked options for a trip.
pub fn compute(request: Request<'_>) -> Answer {
    prepare(request).map(|p| p.answer()).unwrap_or_default()
}

/// Everything every search shares; `None` for a trip with no days or
/// travellers, or a display currency without a rate.
fn prepare(request: Request<'_>) -> Option<Prepared<'_>> {
    let trip = request.trip;
    let days = trip.day_countries();
    if days.is_empty() || trip.people == 0 || !request.catalogue.rates.knows(request.currency) {
        return None;
    }
    let candidates = candidates::candidates(request.catalogue, trip, &days);
    let plans = &request.catalogue.plans;
    let reach = Reach::new(plans.len(), &days, |plan, country| {
        plans[plan].covers(country)
    });
    let own_plan = HomeRoaming::for_trip(trip, &request.catalogue.rates);
    let own_plan_usable: Vec<bool> = days
        .iter()
        .map(|c| own_plan.is_some() && c.in_eu_roaming_area())
        .collect();
    // Days in the travellers' own country are domestic use, not roaming:
    // free, and they draw nothing from the roaming allowance.
    let own_plan_at_home: Vec<bool> = days
        .iter()
        .map(|c| own_plan.is_some() && Some(*c) == trip.home)
        .collect();
    Some(Prepared {
        request,
        days,
        candidates,
        reach,
        own_plan,
        own_plan_usable,
        own_plan_at_home,
    })
}

/// The cheapest total of each way of staying online (no single-plan
/// alternatives, no details): what the usage chart needs at each point,
/// at a fraction of `compute`'s cost. Empty when some day is uncovered.
pub fn totals_by_reason(request: Request<'_>) -> Vec<(Reason, Money)> {
    let Some(prepared) = prepare(request) else {
        return Vec::new();
    };
    let rates = &request.catalogue.rates;
    prepared
        .searches(false)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(reason, path)| Some((reason, rates.to_money(path.value, request.currency)?)))
        .collect()
}

impl Prepared<'_> {
    fn answer(&self) -> Answer {
        let found = match self.searches(true) {
            Ok(found) => found,
            Err(uncovered) => {
                return Answer {
                    options: Vec::new(),
                    uncovered,
                    own_plan: self.own_plan,
                }
            }
        };
        let mut options: Vec<TripOption> = Vec::new();
        for (reason, path) in found {
            let option = self.option_from(reason, &path);
            match options.iter_mut().find(|o| o.blocks == option.blocks) {
                Some(same) => {
                    if !same.reasons.contains(&reason) {
                        same.reasons.push(reason);
                    }
                }
                None => options.push(option),
            }
        }
        options.sort_unstable_by(|a, b| {
            (a.value, a.plan_ids.len(), &a.plan_ids).cmp(&(b.value, b.plan_ids.len(), &b.plan_ids))
        });
        // The first is the cheapest, whichever search found it.
        if let Some(first) = options.first_mut() {
            if !first.reasons.contains(&Reason::Cheapest) {
                first.reasons.insert(0, Reason::Cheapest);
            }
        }
        for option in options.iter_mut().skip(1) {
            option.reasons.retain(|r| *r != Reason::Cheapest);
        }
        Answer {
            options,
            uncovered: Vec::new(),
            own_plan: self.own_plan,
        }
    }

    /// Every search the answer lists: the cheapest overall, per way of
    /// sharing, with the own plan, and (when asked) per single plan. `Err`
    /// with the uncovered countries when some day cannot be served.
    fn searches(&self, single_plans: bool) -> Result<Vec<(Reason, Path)>, Vec<CountryCode>> {
        let d = self.days.len();
        let by_mode: Vec<(Mode, BlockTable)> = Mode::ALL
            .into_iter()
            .map(|mode| {
                let chosen =
                    (0..self.candidates.len()).filter(|&i| self.candidates[i].mode == mode);
                (
                    mode,
                    BlockTable::build(&self.candidates, chosen, &self.reach),
                )
            })
            .collect();
        let mut tables = by_mode.iter().map(|(_, t)| t);
        let Some(first) = tables.next() else {
            return Ok(Vec::new());
        };
        let mut overall =
            BlockTable::build(&self.candidates, std::iter::empty(), &self.reach).min_with(first);
        for table in tables {
            overall = overall.min_with(table);
        }

        let uncovered = self.uncovered(&overall);
        if !uncovered.is_empty() {
            return Err(uncovered);
        }

        let surcharge = |k: usize| self.own_plan_surcharge(k);
        let own_rule = |required| OwnPlanRule {
            usable: &self.own_plan_usable,
            at_home: &self.own_plan_at_home,
            cost_of_days: &surcharge,
            required,
        };
        let any_own_day = self.own_plan_usable.iter().any(|&u| u);

        let mut found: Vec<(Reason, Path)> = Vec::new();
        let with_own = any_own_day.then(|| own_rule(false));
        found.extend(cheapest_path(d, &overall, with_own.as_ref()).map(|p| (Reason::Cheapest, p)));
        for (mode, table) in &by_mode {
            let reason = match mode {
                Mode::Separate => Reason::CheapestSeparate,
                Mode::Pool => Reason::CheapestPool,
                Mode::Hotspot => Reason::CheapestHotspot,
            };
            found.extend(cheapest_path(d, table, None).map(|p| (reason, p)));
        }
        if any_own_day {
            let required = own_rule(true);
            found.extend(
                cheapest_path(d, &overall, Some(&required))
                    .map(|p| (Reason::CheapestWithOwnPlan, p)),
            );
        }
        if single_plans {
            found.extend(
                self.single_plan_paths()
                    .into_iter()
                    .map(|p| (Reason::SinglePlan, p)),
            );
        }
        Ok(found)
    }

    /// Countries of the days nothing can serve (no plan, not the own plan).
    fn uncovered(&self, overall: &BlockTable) -> Vec<CountryCode> {
        let mut countries: Vec<CountryCode> = (0..self.days.len())
            .filter(|&day| !overall.day_is_served(day) && !self.own_plan_usable[day])
            .map(|day| self.days[day])
            .collect();
        countries.sort_unstable();
        countries.dedup();
        countries
    }

    fn own_plan_surcharge(&self, own_days: usize) -> Value {
        let Some(own) = &self.own_plan else {
            return Value::ZERO;
        };
        let trip = self.request.trip;
        let per_line = own.surcharge(trip.mb_per_day * own_days as u64);
        per_line.times(u64::from(trip.people))
    }

    /// The cheapest path for each plan that covers the whole trip alone.
    fn single_plan_paths(&self) -> Vec<Path> {
        let d = self.days.len();
        let mut plans: Vec<usize> = self.candidates.iter().map(|c| c.plan).collect();
        plans.dedup();
        // Plans come in id order: the index keeps ties in that order.
        let mut paths: Vec<(Value, usize, Path)> = plans
            .into_iter()
            .filter(|&plan| self.reach.covers_all(plan))
            .filter_map(|plan| {
                let chosen =
                    (0..self.candidates.len()).filter(|&i| self.candidates[i].plan == plan);
                let table = BlockTable::build(&self.candidates, chosen, &self.reach);
                cheapest_path(d, &table, None)
            })
            .enumerate()
            .map(|(order, path)| (path.value, order, path))
            .collect();
        paths.sort_unstable_by_key(|(value, order, _)| (*value, *order));
        let mut paths: Vec<Path> = paths.into_iter().map(|(_, _, path)| path).collect();
        paths.truncate(SINGLE_PLAN_OPTIONS);
        paths
    }

    fn option_from(&self, reason: Reason, path: &Path) -> TripOption {
        let request = self.request;
        let (trip, rates, currency) = (request.trip, &request.catalogue.rates, request.currency);
        let money = |value: Value| {
            rates
                .to_money(value, currency)
                .unwrap_or(Money::new(0, currency))
        };
        let mut plan_ids: Vec<String> = Vec::new();
        let mut modes: Vec<Mode> = Vec::new();
        let mut blocks = Vec::new();
        for block in &path.blocks {
            let service = match block.server {
                Server::Candidate(index) => {
                    let candidate = &self.candidates[index as usize];
                    let plan = &request.catalogue.plans[candidate.plan];
                    let len = block.end - block.start;
                    let cost = candidate
                        .cost(len)
                        .map(|c| (c.value, c.topups))
                        .unwrap_or_default();
                    if !modes.contains(&candidate.mode) {
                        modes.push(candidate.mode);
                    }
                    Service::Plan {
                        plan: candidate.plan,
                        id: plan.id.clone(),
                        mode: candidate.mode,
                        topups: cost.1,
                        cost: money(cost.0),
                    }
                }
                Server::OwnPlan => Service::OwnPlan,
            };
            let id = match &service {
                Service::Plan { id, .. } => id.as_str(),
                Service::OwnPlan => OWN_PLAN_ID,
            };
            if !plan_ids.iter().any(|p| p == id) {
                plan_ids.push(id.to_owned());
            }
            blocks.push(Block {
                first_day: u32::try_from(block.start).unwrap_or(0),
                days: u32::try_from(block.end - block.start).unwrap_or(0),
                service,
            });
        }
        let own_plan = self
            .own_plan
            .filter(|_| path.blocks.iter().any(|b| b.server == Server::OwnPlan))
            .map(|own| OwnPlanUse {
                days: u32::try_from(path.own_plan_days).unwrap_or(0),
                used_mb_per_line: trip.mb_per_day * path.own_plan_days as u64,
                allowance_mb: own.allowance_mb,
                surcharge: money(self.own_plan_surcharge(path.own_plan_days)),
            });
        let strategy = if own_plan.is_some() {
            Strategy::Home
        } else {
            match modes.as_slice() {
                [Mode::Pool] => Strategy::Pool,
                [Mode::Hotspot] => Strategy::Hotspot,
                [Mode::Separate] | [] => Strategy::Separate,
                _ => Strategy::Mixed,
            }
        };
        let total = money(path.value);
        let people = i128::from(trip.people.max(1));
        let per_person = Money::new(
            i64::try_from(div_round(i128::from(total.minor), people)).unwrap_or(0),
            currency,
        );
        let total_mb = i128::from(trip.total_mb());
        let per_gb = (total_mb > 0).then(|| {
            let minor = div_round(i128::from(total.minor) * i128::from(MB_PER_GB), total_mb);
            Money::new(i64::try_from(minor).unwrap_or(0), currency)
        });
        let mut option = TripOption {
            reasons: vec![reason],
            strategy,
            total,
            per_person,
            per_gb,
            blocks,
            plan_ids,
            own_plan,
            warnings: Vec::new(),
            value: path.value,
        };
        option.warnings = warnings::warnings_for(&option, request.catalogue, trip, request.today);
        option
    }
}
