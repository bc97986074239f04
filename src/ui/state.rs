//! The widget's state: what the reader typed (kept as typed, so nothing is
//! lost while it is invalid), the last valid trip, and the actions on them.

use crate::core::catalogue::{Megabytes, MB_PER_GB};
use crate::core::country::CountryCode;
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::money::{Currency, Money};
use crate::core::share::{self, InputError, LinkSettings};
use crate::core::trip::{
    HomePlan, Leg, OwnPlan, Traveller, Trip, MAX_LEGS, MAX_MB_PER_DAY, MAX_PEOPLE, MAX_TRIP_DAYS,
};
use crate::core::usage::{self, Activity};
use crate::i18n::Formatter;
#[cfg(feature = "widget")]
use std::rc::Rc;
#[cfg(feature = "widget")]
use yew::Reducible;

/// One stop of the trip as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegForm {
    /// Stable key for rendering lists.
    pub key: u32,
    /// Country as typed (a name or a code).
    pub country: String,
    /// The country `country` was written from (a link's code, or a name
    /// rewritten in a new language) and the text written: while the text
    /// is unchanged, reading it back needs no search through every
    /// country's name (on a phone, building that index cost the widget's
    /// first look at the form ~70 ms).
    pub written_from: Option<(CountryCode, String)>,
    /// Days as typed.
    pub days: String,
}

impl LegForm {
    /// The leg's country: the one its text was written from while the text
    /// is unchanged, otherwise the one the text names.
    pub fn resolve(&self, f: Formatter) -> Result<CountryCode, InputError> {
        match &self.written_from {
            Some((code, text)) if *text == self.country => Ok(*code),
            _ => resolve_country(&self.country, f),
        }
    }
}

/// Whether a traveller's phone takes an eSIM, as the reader answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EsimAnswer {
    /// It does.
    Yes,
    /// It does not (physical cards only).
    No,
    /// The reader is not sure: treated as "no" (a card always works), with
    /// a short how-to-check.
    NotSure,
}

impl EsimAnswer {
    /// Whether the engine may count on an eSIM.
    pub fn takes_esim(self) -> bool {
        self == EsimAnswer::Yes
    }
}

/// One traveller as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TravellerForm {
    /// Stable key for rendering lists.
    pub key: u32,
    /// Data per day as typed.
    pub mb: String,
    /// Unit of `mb`.
    pub unit: DataUnit,
    /// Their phone.
    pub esim: EsimAnswer,
}

/// The `carrier` value for "another carrier" (known, but not one the
/// catalogue sells passes for).
pub const OTHER_CARRIER: &str = "other";
/// The `own_plan` value for "another plan" (described by price and GB).
pub const CUSTOM_PLAN: &str = "custom";

/// Unit of the data-per-day input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataUnit {
    /// Megabytes.
    Mb,
    /// Gigabytes (1024 MB).
    Gb,
}

/// One activity line of the estimator as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageForm {
    /// The activity.
    pub activity: Activity,
    /// Hours a day as typed (decimals allowed).
    pub hours: String,
    /// MB an hour as typed.
    pub rate: String,
}

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A leg's country.
    LegCountry(u32),
    /// A leg's days.
    LegDays(u32),
    /// The trip as a whole (too long, too many legs).
    Trip,
    /// Start date.
    Start,
    /// A traveller's data per day.
    TravellerMb(u32),
    /// Own plan's price.
    OwnPrice,
    /// Own plan's GB.
    OwnGb,
    /// An estimator line's hours.
    UsageHours(Activity),
    /// An estimator line's rate.
    UsageRate(Activity),
}

/// Everything the reader typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// Stops in order.
    pub legs: Vec<LegForm>,
    /// Next leg key.
    pub next_key: u32,
    /// First day as typed.
    pub start: String,
    /// Travellers, in order.
    pub travellers: Vec<TravellerForm>,
    /// Next traveller key.
    pub next_traveller_key: u32,
    /// Whether the group stays together.
    pub together: bool,
    /// Home country code, or empty.
    pub home: String,
    /// Home carrier (a provider name of the catalogue), `OTHER_CARRIER`, or
    /// empty when not known.
    pub carrier: String,
    /// The own plan: a home plan id of the catalogue, `CUSTOM_PLAN`, or empty
    /// when not said.
    pub own_plan: String,
    /// Own plan's monthly price as typed.
    pub own_price: String,
    /// Own plan's currency.
    pub own_currency: Currency,
    /// Own plan's GB as typed (empty = unlimited).
    pub own_gb: String,
    /// Whether the estimator is open.
    pub estimator_open: bool,
    /// Estimator lines.
    pub usage: Vec<UsageForm>,
}

/// The widget's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// What the reader typed.
    pub form: Form,
    /// Display language.
    pub lang: Lang,
    /// Display currency.
    pub currency: Currency,
    /// The last trip that was valid (the answer shown while the form is not).
    pub trip: Option<Trip>,
    /// Today (for the default start date and price age).
    pub today: Date,
}

/// What the reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed in a leg's country.
    SetLegCountry(u32, String),
    /// Typed in a leg's days.
    SetLegDays(u32, String),
    /// Pressed − or + on a leg's days.
    StepLegDays(u32, i64),
    /// Added a stop.
    AddLeg,
    /// Removed a stop.
    RemoveLeg(u32),
    /// Moved a stop earlier (-1) or later (+1).
    MoveLeg(u32, i32),
    /// Typed a start date.
    SetStart(String),
    /// Added a traveller (a copy of the last one).
    AddTraveller,
    /// Added a copy of this traveller.
    CopyTraveller(u32),
    /// Removed a traveller.
    RemoveTraveller(u32),
    /// Pressed − or + on the number of travellers (copies of the last).
    StepPeople(i64),
    /// Ticked "we stay together".
    SetTogether(bool),
    /// Typed a traveller's data per day.
    SetTravellerMb(u32, String),
    /// Switched a traveller's MB/GB.
    SetTravellerUnit(u32, DataUnit),
    /// Answered whether a traveller's phone takes an eSIM.
    SetTravellerEsim(u32, EsimAnswer),
    /// Chose a home country ("" = none).
    SetHome(String),
    /// Chose a home carrier ("" = not known).
    SetCarrier(String),
    /// Chose the own plan (an id, `CUSTOM_PLAN`, or "").
    SetOwnPlan(String),
    /// Typed the own plan's price.
    SetOwnPrice(String),
    /// Chose the own plan's currency.
    SetOwnCurrency(Currency),
    /// Typed the own plan's GB.
    SetOwnGb(String),
    /// Opened or closed the estimator.
    ToggleEstimator,
    /// Typed an activity's hours.
    SetUsageHours(Activity, String),
    /// Typed an activity's MB per hour.
    SetUsageRate(Activity, String),
    /// Took the estimate as every traveller's data per day.
    UseEstimate(Megabytes),
    /// Switched language.
    SetLang(Lang),
    /// Switched display currency.
    SetCurrency(Currency),
}

/// The value, or `None` with its error recorded against `field`.
fn take<T>(
    errors: &mut Vec<(Field, InputError)>,
    field: Field,
    result: Result<T, InputError>,
) -> Option<T> {
    result.map_err(|e| errors.push((field, e))).ok()
}

/// Default display currency for a language's readers.
pub fn default_currency(lang: Lang) -> Currency {
    let code = match lang {
        Lang::En | Lang::Fr => "EUR",
        Lang::ZhHans => "CNY",
        Lang::ZhHant => "HKD",
    };
    Currency::parse(code).unwrap_or(Currency::EUR)
}

/// The root's class for the theme the settings choose (none: follow the
/// system), as the widget and the first answer both draw it.
pub fn theme_class(theme: Option<share::Theme>) -> Option<&'static str> {
    match theme.unwrap_or_default() {
        share::Theme::Auto => None,
        share::Theme::Light => Some("rp-theme-light"),
        share::Theme::Dark => Some("rp-theme-dark"),
    }
}

impl State {
    /// The starting state: defaults, overridden by the link's settings.
    pub fn new(settings: &LinkSettings, lang: Lang, currency: Currency, today: Date) -> State {
        let f = Formatter::new(lang);
        State::written(settings, lang, currency, today, |code| f.country(code))
    }

    /// The same state with each leg's country written as its code, so the
    /// same trip: for the first answer, which shows no form and so need not
    /// ask the browser for country names (opening its list of names cost
    /// ~55 ms on an emulated phone).
    pub fn without_names(
        settings: &LinkSettings,
        lang: Lang,
        currency: Currency,
        today: Date,
    ) -> State {
        State::written(settings, lang, currency, today, |code| code.to_string())
    }

    /// The starting state, each leg's country written by `name_of`.
    fn written(
        settings: &LinkSettings,
        lang: Lang,
        currency: Currency,
        today: Date,
        name_of: impl Fn(CountryCode) -> String,
    ) -> State {
        let f = Formatter::new(lang);
        // A blog about some countries starts with them when no trip is given.
        let focus_trip = settings.focus.as_ref().filter(|f| !f.is_empty()).map(|f| {
            f.iter()
                .take(MAX_LEGS)
                .map(|&country| Leg { country, days: 3 })
                .collect()
        });
        let legs: Vec<Leg> = settings
            .legs
            .clone()
            .or(focus_trip)
            .unwrap_or_else(default_legs);
        let form = Form {
            next_key: u32::try_from(legs.len()).unwrap_or(0),
            legs: legs
                .iter()
                .zip(0..)
                .map(|(leg, key)| {
                    let country = name_of(leg.country);
                    LegForm {
                        key,
                        written_from: Some((leg.country, country.clone())),
                        country,
                        days: leg.days.to_string(),
                    }
                })
                .collect(),
            start: settings
                .start
                .unwrap_or_else(|| share::within_rules(today))
                .to_string(),
            next_traveller_key: 0,
            travellers: Vec::new(),
            together: settings.together.unwrap_or(true),
            home: settings.home.map(|c| c.to_string()).unwrap_or_default(),
            carrier: settings.carrier.clone().unwrap_or_default(),
            own_plan: match (&settings.plan, settings.hp_price_minor) {
                (Some(id), _) => id.clone(),
                (None, Some(_)) => CUSTOM_PLAN.to_owned(),
                (None, None) => String::new(),
            },
            own_price: settings
                .hp_price_minor
                .map(|m| f.decimal(m, 2).replace(['\u{a0}', '\u{202f}'], ""))
                .unwrap_or_default(),
            own_currency: settings.hp_currency.unwrap_or(Currency::EUR),
            own_gb: settings.hp_gb.map(|g| g.to_string()).unwrap_or_default(),
            estimator_open: false,
            usage: usage::default_lines()
                .into_iter()
                .map(|l| UsageForm {
                    activity: l.activity,
                    hours: format_tenths(l.tenth_hours),
                    rate: l.mb_per_hour.to_string(),
                })
                .collect(),
        };
        let mut form = form;
        form.travellers = travellers_from(settings)
            .into_iter()
            .zip(0..)
            .map(|(t, key)| TravellerForm {
                key,
                mb: display_mb(t.mb_per_day).0,
                unit: display_mb(t.mb_per_day).1,
                esim: if t.esim {
                    EsimAnswer::Yes
                } else {
                    EsimAnswer::No
                },
            })
            .collect();
        form.next_traveller_key = u32::try_from(form.travellers.len()).unwrap_or(0);
        let mut state = State {
            form,
            lang,
            currency,
            trip: None,
            today,
        };
        state.trip = state.check().trip;
        state
    }

    /// Validates the form against every rule; the trip when all is well.
    pub fn check(&self) -> Check {
        let f = Formatter::new(self.lang);
        let form = &self.form;
        let mut errors: Vec<(Field, InputError)> = Vec::new();
        let mut legs = Vec::new();
        for leg in &form.legs {
            let country = leg.resolve(f);
            let days = share::parse_count(&leg.days, 1, u64::from(MAX_TRIP_DAYS));
            if let (Ok(c), Ok(d)) = (&country, &days) {
                legs.push(Leg {
                    country: *c,
                    days: u32::try_from(*d).unwrap_or(1),
                });
            }
            if let Err(e) = country {
                errors.push((Field::LegCountry(leg.key), e));
            }
            if let Err(e) = days {
                errors.push((Field::LegDays(leg.key), e));
            }
        }
        if legs.iter().map(|l| l.days).sum::<u32>() > MAX_TRIP_DAYS {
            errors.push((Field::Trip, InputError::TripTooLong { max: MAX_TRIP_DAYS }));
        }
        let start = share::parse_start(&form.start);
        let mut travellers = Vec::new();
        for t in &form.travellers {
            if let Some(mb) = take(&mut errors, Field::TravellerMb(t.key), mb_per_day(t)) {
                travellers.push(Traveller {
                    mb_per_day: mb,
                    esim: t.esim.takes_esim(),
                });
            }
        }
        let own_plan = self.own_plan();
        let usage = self.usage_estimate();
        let start = take(&mut errors, Field::Start, start);
        let own_plan = match own_plan {
            Ok(p) => p,
            Err((field, e)) => {
                errors.push((field, e));
                None
            }
        };
        if let Err((field, e)) = usage {
            if form.estimator_open {
                errors.push((field, e));
            }
        }
        let home = CountryCode::parse(&form.home);
        let trip = match start {
            Some(start) if errors.is_empty() && !legs.is_empty() && !travellers.is_empty() => {
                Some(Trip {
                    legs,
                    travellers,
                    together: form.together,
                    home,
                    carrier: self.carrier(),
                    start,
                    own_plan: own_plan.filter(|_| home.is_some()),
                })
            }
            _ => None,
        };
        Check { trip, errors }
    }

    fn own_plan(&self) -> Result<Option<OwnPlan>, (Field, InputError)> {
        let form = &self.form;
        match form.own_plan.as_str() {
            "" => return Ok(None),
            CUSTOM_PLAN => {}
            id => return Ok(Some(OwnPlan::Catalogue(id.to_owned()))),
        }
        if form.own_price.trim().is_empty() {
            return Ok(None);
        }
        let price = share::parse_price(&form.own_price).map_err(|e| (Field::OwnPrice, e))?;
        let gb = if form.own_gb.trim().is_empty() {
            None
        } else {
            let gb = share::parse_count(&form.own_gb, 1, 100_000).map_err(|e| (Field::OwnGb, e))?;
            Some(u32::try_from(gb).unwrap_or(u32::MAX))
        };
        Ok(Some(OwnPlan::Custom(HomePlan {
            monthly_price: Money::new(price, form.own_currency),
            domestic_gb: gb,
        })))
    }

    /// The estimator's MB a day.
    pub fn usage_estimate(&self) -> Result<Megabytes, (Field, InputError)> {
        let mut lines = Vec::new();
        for line in &self.form.usage {
            let tenth_hours = parse_tenths(&line.hours).filter(|t| *t <= 240).ok_or((
                Field::UsageHours(line.activity),
                InputError::TooLarge { max: 24 },
            ))?;
            let mb_per_hour = share::parse_count(&line.rate, 0, 100_000)
                .map_err(|e| (Field::UsageRate(line.activity), e))?;
            lines.push(usage::UsageLine {
                activity: line.activity,
                tenth_hours,
                mb_per_hour,
            });
        }
        Ok(usage::mb_per_day(&lines))
    }
}

impl State {
    /// The share-link keys for the current (last valid) trip and settings.
    /// Before any trip was valid (a link or saved trip with one value the
    /// form refuses), every input that is valid by itself is written, so
    /// that the link and the saved trip never lose what was given.
    pub fn link_pairs(&self, catalogue: Option<&str>) -> Vec<(&'static str, String)> {
        let parts = match &self.trip {
            Some(trip) => LinkParts::of_trip(trip),
            None => self.typed_parts(),
        };
        let mut pairs = parts.pairs();
        pairs.push(("cur", self.currency.to_string()));
        pairs.push(("lang", self.lang.code().to_owned()));
        if let Some(url) = catalogue {
            pairs.push(("catalogue", url.to_owned()));
        }
        pairs
    }

    /// The carrier as the link and the engine take it: only with a home.
    fn carrier(&self) -> Option<String> {
        share::parse_carrier(&self.form.carrier)
            .ok()
            .filter(|_| CountryCode::parse(&self.form.home).is_some())
    }

    /// The inputs that are valid by themselves.
    fn typed_parts(&self) -> LinkParts {
        let (form, f) = (&self.form, Formatter::new(self.lang));
        let legs: Vec<Leg> = form
            .legs
            .iter()
            .filter_map(|l| {
                let days = share::parse_count(&l.days, 1, u64::from(MAX_TRIP_DAYS)).ok()?;
                Some(Leg {
                    country: l.resolve(f).ok()?,
                    days: u32::try_from(days).ok()?,
                })
            })
            .collect();
        let fits = legs.iter().map(|l| l.days).sum::<u32>() <= MAX_TRIP_DAYS;
        // Travellers whose data is valid; all of them or none, so that the
        // link never describes a smaller group than the form.
        let travellers: Option<Vec<Traveller>> = form
            .travellers
            .iter()
            .map(|t| {
                mb_per_day(t).ok().map(|mb| Traveller {
                    mb_per_day: mb,
                    esim: t.esim.takes_esim(),
                })
            })
            .collect();
        let home = CountryCode::parse(&form.home);
        LinkParts {
            legs: Some(legs).filter(|l| !l.is_empty() && fits),
            travellers,
            together: form.together,
            home,
            carrier: self.carrier(),
            start: share::parse_start(&form.start).ok(),
            own_plan: self.own_plan().ok().flatten().filter(|_| home.is_some()),
        }
    }
}

/// What a link says about the trip; `None` parts are left out.
struct LinkParts {
    legs: Option<Vec<Leg>>,
    travellers: Option<Vec<Traveller>>,
    together: bool,
    home: Option<CountryCode>,
    carrier: Option<String>,
    start: Option<Date>,
    own_plan: Option<OwnPlan>,
}

impl LinkParts {
    fn of_trip(trip: &Trip) -> LinkParts {
        LinkParts {
            legs: Some(trip.legs.clone()),
            travellers: Some(trip.travellers.clone()),
            together: trip.together,
            home: trip.home,
            carrier: trip.carrier.clone(),
            start: Some(trip.start),
            own_plan: trip.own_plan.clone(),
        }
    }

    fn pairs(self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        let flag = |on: bool| if on { "1" } else { "0" }.to_owned();
        // One value for everyone when they all have the same.
        let list = |values: Vec<String>| {
            if values.windows(2).all(|w| w[0] == w[1]) {
                values.into_iter().next().unwrap_or_default()
            } else {
                values.join(",")
            }
        };
        if let Some(legs) = &self.legs {
            pairs.push(("trip", share::write_trip(legs)));
        }
        if let Some(travellers) = &self.travellers {
            pairs.push(("people", travellers.len().to_string()));
        }
        pairs.push(("together", flag(self.together)));
        if let Some(travellers) = &self.travellers {
            let mb = travellers
                .iter()
                .map(|t| t.mb_per_day.to_string())
                .collect();
            pairs.push(("mb", list(mb)));
        }
        if let Some(home) = self.home {
            pairs.push(("home", home.to_string()));
        }
        if let Some(travellers) = &self.travellers {
            pairs.push((
                "esim",
                list(travellers.iter().map(|t| flag(t.esim)).collect()),
            ));
        }
        if let Some(carrier) = self.carrier {
            pairs.push(("carrier", carrier));
        }
        if let Some(start) = self.start {
            pairs.push(("start", start.to_string()));
        }
        match self.own_plan {
            Some(OwnPlan::Catalogue(id)) => pairs.push(("plan", id)),
            Some(OwnPlan::Custom(plan)) => {
                let minor = plan.monthly_price.minor;
                pairs.push(("hp_price", format!("{}.{:02}", minor / 100, minor % 100)));
                pairs.push(("hp_cur", plan.monthly_price.currency.to_string()));
                if let Some(gb) = plan.domestic_gb {
                    pairs.push(("hp_gb", gb.to_string()));
                }
            }
            None => {}
        }
        pairs
    }
}

/// The form checked: the trip if valid, and each input's problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The trip, when every input is valid.
    pub trip: Option<Trip>,
    /// Problems by input.
    pub errors: Vec<(Field, InputError)>,
}

impl Check {
    /// The problem of one input, if any.
    pub fn error(&self, field: Field) -> Option<&InputError> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }
}

/// The trip a reader starts from when nothing says otherwise: Hong Kong,
/// the articles' subject, which visitors can buy for (the built-in
/// catalogue has no checked visitor offer for the mainland or Macau, so a
/// default crossing the border would open on "no plan covers").
fn default_legs() -> Vec<Leg> {
    ["HK"]
        .iter()
        .zip([4])
        .filter_map(|(code, days)| {
            Some(Leg {
                country: CountryCode::parse(code)?,
                days,
            })
        })
        .collect()
}

/// A country from what was typed: a code in any case, or a name in the
/// reader's language (any case, surrounding spaces ignored).
pub fn resolve_country(text: &str, f: Formatter) -> Result<CountryCode, InputError> {
    let trimmed = text.trim();
    if let Some(code) = CountryCode::parse(&trimmed.to_uppercase()) {
        return Ok(code);
    }
    // "Hong Kong (HK)" as offered by the suggestion list.
    if let Some(code) = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .and_then(|(_, c)| CountryCode::parse(c))
    {
        return Ok(code);
    }
    f.country_named(trimmed)
        .ok_or_else(|| InputError::UnknownCountry {
            text: share::shorten(text),
        })
}

/// The travellers a link describes: one per `mb` value, or `people` copies
/// of a single value; each with its `esim` flag (one for all, or one each).
pub fn travellers_from(settings: &LinkSettings) -> Vec<Traveller> {
    let mb = settings.mb.clone().unwrap_or_else(|| vec![1024]);
    let count = if mb.len() > 1 {
        mb.len()
    } else {
        settings
            .people
            .map_or(1, |p| p as usize)
            .max(settings.esim.as_ref().map_or(1, Vec::len))
    }
    .clamp(1, MAX_PEOPLE as usize);
    let esim = settings.esim.clone().unwrap_or_else(|| vec![true]);
    (0..count)
        .map(|i| Traveller {
            mb_per_day: mb.get(i).or(mb.first()).copied().unwrap_or(1024),
            esim: esim.get(i).or(esim.first()).copied().unwrap_or(true),
        })
        .collect()
}

/// Data per day in MB of one traveller, from the typed value and unit.
pub fn mb_per_day(t: &TravellerForm) -> Result<Megabytes, InputError> {
    match t.unit {
        DataUnit::Mb => share::parse_count(&t.mb, 1, MAX_MB_PER_DAY),
        DataUnit::Gb => {
            let tenths = parse_tenths(&t.mb).ok_or(InputError::NotANumber)?;
            let mb = (u64::from(tenths) * MB_PER_GB).div_ceil(10);
            if mb == 0 {
                Err(InputError::TooSmall { min: 1 })
            } else if mb > MAX_MB_PER_DAY {
                Err(InputError::TooLarge {
                    max: MAX_MB_PER_DAY / MB_PER_GB,
                })
            } else {
                Ok(mb)
            }
        }
    }
}

/// MB a day as a reader would write it: in GB when a number of tenths of a
/// GB reads back to exactly these MB (`1`, `1.5`, and `1.1` for the 1,127 MB
/// that typing 1.1 GB gives), else in MB — so a link opens to what it says.
fn display_mb(mb: Megabytes) -> (String, DataUnit) {
    // Typed tenths t give ceil(t x 1024 / 10) MB: t is the floor of the inverse.
    let tenths = mb * 10 / MB_PER_GB;
    let reads_back = (tenths * MB_PER_GB).div_ceil(10) == mb;
    match u32::try_from(tenths) {
        Ok(t) if mb >= MB_PER_GB && reads_back => (format_tenths(t), DataUnit::Gb),
        _ => (mb.to_string(), DataUnit::Mb),
    }
}

/// Parses `1.5` or `1,5` into tenths (15); at most one decimal.
fn parse_tenths(text: &str) -> Option<u32> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || fraction.len() > 1 || whole.len() > 6 {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let tenth: u32 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    Some(whole * 10 + tenth)
}

fn format_tenths(tenths: u32) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Adds a copy of the traveller `key` after the last one.
#[cfg(feature = "widget")]
fn copy_traveller(form: &mut Form, key: u32) {
    if form.travellers.len() >= MAX_PEOPLE as usize {
        return;
    }
    if let Some(t) = form.travellers.iter().find(|t| t.key == key) {
        let copy = TravellerForm {
            key: form.next_traveller_key,
            ..t.clone()
        };
        form.travellers.push(copy);
        form.next_traveller_key += 1;
    }
}

#[cfg(feature = "widget")]
fn step(text: &str, delta: i64, min: i64, max: i64) -> String {
    let current: i64 = text.trim().parse().unwrap_or(min);
    (current + delta).clamp(min, max).to_string()
}

// The reducer: the widget's actions on the state (Yew's hook calls it).
#[cfg(feature = "widget")]
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let form = &mut next.form;
        match action {
            Action::SetLegCountry(key, text) => {
                if let Some(l) = form.legs.iter_mut().find(|l| l.key == key) {
                    l.country = text;
                }
            }
            Action::SetLegDays(key, text) => {
                if let Some(l) = form.legs.iter_mut().find(|l| l.key == key) {
                    l.days = text;
                }
            }
            Action::StepLegDays(key, delta) => {
                if let Some(l) = form.legs.iter_mut().find(|l| l.key == key) {
                    l.days = step(&l.days, delta, 1, i64::from(MAX_TRIP_DAYS));
                }
            }
            Action::AddLeg => {
                if form.legs.len() < MAX_LEGS {
                    form.legs.push(LegForm {
                        key: form.next_key,
                        country: String::new(),
                        written_from: None,
                        days: "3".into(),
                    });
                    form.next_key += 1;
                }
            }
            Action::RemoveLeg(key) => {
                if form.legs.len() > 1 {
                    form.legs.retain(|l| l.key != key);
                }
            }
            Action::MoveLeg(key, direction) => {
                if let Some(i) = form.legs.iter().position(|l| l.key == key) {
                    let j = if direction < 0 {
                        i.checked_sub(1)
                    } else {
                        Some(i + 1)
                    };
                    if let Some(j) = j.filter(|j| *j < form.legs.len()) {
                        form.legs.swap(i, j);
                    }
                }
            }
            Action::SetStart(text) => form.start = text,
            Action::AddTraveller => {
                if let Some(last) = form.travellers.last().map(|t| t.key) {
                    copy_traveller(form, last);
                }
            }
            Action::CopyTraveller(key) => copy_traveller(form, key),
            Action::RemoveTraveller(key) => {
                if form.travellers.len() > 1 {
                    form.travellers.retain(|t| t.key != key);
                }
            }
            Action::StepPeople(delta) => {
                if delta > 0 {
                    if let Some(last) = form.travellers.last().map(|t| t.key) {
                        copy_traveller(form, last);
                    }
                } else if delta < 0 && form.travellers.len() > 1 {
                    form.travellers.pop();
                }
            }
            Action::SetTogether(on) => form.together = on,
            Action::SetTravellerMb(key, text) => {
                if let Some(t) = form.travellers.iter_mut().find(|t| t.key == key) {
                    t.mb = text;
                }
            }
            Action::SetTravellerUnit(key, unit) => {
                if let Some(t) = form.travellers.iter_mut().find(|t| t.key == key) {
                    if unit != t.unit {
                        let mb = mb_per_day(t).ok();
                        t.unit = unit;
                        if let Some(mb) = mb {
                            t.mb = match unit {
                                DataUnit::Mb => mb.to_string(),
                                DataUnit::Gb => format_tenths(
                                    u32::try_from((mb * 10).div_ceil(MB_PER_GB)).unwrap_or(0),
                                ),
                            };
                        }
                    }
                }
            }
            Action::SetTravellerEsim(key, answer) => {
                if let Some(t) = form.travellers.iter_mut().find(|t| t.key == key) {
                    t.esim = answer;
                }
            }
            Action::SetHome(code) => {
                // Another country's carriers and plans do not apply any more.
                if code != form.home {
                    form.carrier.clear();
                    form.own_plan.clear();
                }
                form.home = code;
            }
            Action::SetCarrier(name) => {
                if name != form.carrier {
                    form.own_plan.clear();
                }
                form.carrier = name;
            }
            Action::SetOwnPlan(id) => form.own_plan = id,
            Action::SetOwnPrice(text) => form.own_price = text,
            Action::SetOwnCurrency(c) => form.own_currency = c,
            Action::SetOwnGb(text) => form.own_gb = text,
            Action::ToggleEstimator => form.estimator_open = !form.estimator_open,
            Action::SetUsageHours(activity, text) => {
                if let Some(l) = form.usage.iter_mut().find(|l| l.activity == activity) {
                    l.hours = text;
                }
            }
            Action::SetUsageRate(activity, text) => {
                if let Some(l) = form.usage.iter_mut().find(|l| l.activity == activity) {
                    l.rate = text;
                }
            }
            Action::UseEstimate(mb) => {
                for t in &mut form.travellers {
                    t.unit = DataUnit::Mb;
                    t.mb = mb.to_string();
                }
            }
            Action::SetLang(lang) => {
                // Country names typed in the old language are rewritten in
                // the new one, so they still resolve.
                let (old, new) = (Formatter::new(self.lang), Formatter::new(lang));
                for l in &mut form.legs {
                    if let Ok(code) = l.resolve(old) {
                        l.country = new.country(code);
                        l.written_from = Some((code, l.country.clone()));
                    }
                }
                next.lang = lang;
            }
            Action::SetCurrency(c) => next.currency = c,
        }
        if let Some(trip) = next.check().trip {
            next.trip = Some(trip);
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_a_day_is_shown_in_the_unit_that_reads_back_exactly() {
        // Typed 1.1 GB is 1,127 MB (rounded up); shown again as 1.1 GB.
        assert_eq!(display_mb(1127), ("1.1".to_owned(), DataUnit::Gb));
        assert_eq!(display_mb(2048), ("2".to_owned(), DataUnit::Gb));
        assert_eq!(display_mb(1536), ("1.5".to_owned(), DataUnit::Gb));
        // 1,126 MB is no tenth of a GB: in MB, not rounded to 1.1 GB.
        assert_eq!(display_mb(1126), ("1126".to_owned(), DataUnit::Mb));
        assert_eq!(display_mb(300), ("300".to_owned(), DataUnit::Mb));
        for mb in 1..20_000 {
            let (text, unit) = display_mb(mb);
            let form = TravellerForm {
                key: 0,
                mb: text,
                unit,
                esim: EsimAnswer::Yes,
            };
            assert_eq!(mb_per_day(&form), Ok(mb), "{mb} MB");
        }
    }
}
