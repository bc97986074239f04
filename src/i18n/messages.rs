//! Sentences built from the core's enums: warnings, catalogue problems,
//! input errors, names of kinds, modes and strategies.

use super::{fill, texts, Formatter};
use crate::core::catalogue::{Catalogue, Expected, Issue, PlanKind, Problem, Problems};
use crate::core::engine::{Mode, TripOption, Warning};
use crate::core::lang::Lang;
use crate::core::share::InputError;
use crate::core::usage::Activity;

/// A plan's name in `lang` (the own line's for `home`), or its id if the
/// catalogue does not have it.
pub fn plan_name(catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    if id == crate::core::engine::OWN_PLAN_ID {
        return super::answer_words(lang).own_line_name.to_owned();
    }
    catalogue
        .plan(id)
        .map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

/// An option's plans in order of first use, each named once: "A → B × 2"
/// when one traveller buys B twice (two 2-day packs for a 4-day stay).
pub fn plan_line(catalogue: &Catalogue, option: &TripOption, lang: Lang) -> String {
    option
        .plan_ids
        .iter()
        .map(|id| {
            let name = plan_name(catalogue, id, lang);
            let times = option
                .purchases
                .iter()
                .flat_map(|p| p.travellers.iter().map(move |t| (p, *t)))
                .filter(|(p, _)| p.id == *id)
                .fold(
                    std::collections::BTreeMap::<usize, u32>::new(),
                    |mut per, (_, t)| {
                        *per.entry(t).or_default() += 1;
                        per
                    },
                )
                .into_values()
                .max()
                .unwrap_or(1);
            if times > 1 {
                format!("{name} × {times}")
            } else {
                name
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A warning as a sentence.
pub fn warning_text(warning: &Warning, catalogue: &Catalogue, f: Formatter) -> String {
    let t = texts(f.lang);
    let name = |id: &str| plan_name(catalogue, id, f.lang);
    match warning {
        Warning::ActivateBeforeDeparture { plan } => {
            fill(t.warn_activate, &[("plan", &name(plan))])
        }
        Warning::RealNameRegistration { plan } => fill(t.warn_real_name, &[("plan", &name(plan))]),
        Warning::PhysicalCardTakesSimSlot { plan } => {
            fill(t.warn_sim_slot, &[("plan", &name(plan))])
        }
        Warning::OwnLineDataRoamingOff { plan } => {
            fill(t.warn_esim_roaming_off, &[("plan", &name(plan))])
        }
        Warning::SpeedCutAfterDaily { plan, daily_mb } => fill(
            t.warn_speed_cut,
            &[("plan", &name(plan)), ("mb", &f.data(*daily_mb))],
        ),
        Warning::HotspotCapClose {
            plan,
            cap_mb,
            need_mb,
        } => fill(
            t.warn_hotspot_close,
            &[
                ("plan", &name(plan)),
                ("need", &f.data(*need_mb)),
                ("cap", &f.data(*cap_mb)),
            ],
        ),
        Warning::StalePrice { plan, checked } => fill(
            t.warn_stale,
            &[("plan", &name(plan)), ("date", &f.date(*checked))],
        ),
        Warning::FairUse { plan } => fill(t.warn_fair_use, &[("plan", &name(plan))]),
        Warning::Unverified { plan } => fill(t.warn_unverified, &[("plan", &name(plan))]),
        Warning::TopupsNeeded { plan, count } => fill(
            t.warn_topups,
            &[("plan", &name(plan)), ("n", &count.to_string())],
        ),
        Warning::Contract { plan, months } => fill(
            t.warn_contract,
            &[("plan", &name(plan)), ("months", &months.to_string())],
        ),
        Warning::AppsStillBlocked { plan } => fill(t.warn_apps_blocked, &[("plan", &name(plan))]),
        Warning::AppsWorkInMainland { plan, breakout } => fill(
            t.warn_apps_work,
            &[("plan", &name(plan)), ("place", &f.country(*breakout))],
        ),
        Warning::OwnLineAllowanceExceeded {
            allowance_mb,
            used_mb,
            surcharge,
        } => fill(
            t.warn_own_line_over,
            &[
                ("used", &f.data(*used_mb)),
                ("allowance", &f.data(*allowance_mb)),
                ("amount", &f.money(*surcharge)),
            ],
        ),
    }
}

fn expected_text(expected: Expected, lang: Lang) -> &'static str {
    let t = texts(lang);
    match expected {
        Expected::Text => t.expected_text,
        Expected::Number => t.expected_number,
        Expected::Integer => t.expected_integer,
        Expected::Boolean => t.expected_boolean,
        Expected::BooleanOrInteger => t.expected_boolean_or_integer,
        Expected::TextOrTranslations => t.expected_text_or_translations,
        Expected::Object => t.expected_object,
        Expected::List => t.expected_list,
    }
}

fn issue_text(issue: &Issue, f: Formatter) -> String {
    let t = texts(f.lang);
    match issue {
        Issue::NotJson { detail } => fill(t.issue_not_json, &[("detail", detail)]),
        Issue::TooLarge { bytes, limit } => fill(
            t.issue_too_large,
            &[
                ("size", &f.data((*bytes as u64).div_ceil(1024 * 1024))),
                ("limit", &f.data((*limit as u64) / (1024 * 1024))),
            ],
        ),
        Issue::UnknownFormat { found } => {
            let found = if found.is_empty() {
                "—"
            } else {
                found.as_str()
            };
            fill(t.issue_unknown_format, &[("found", found)])
        }
        Issue::Missing => t.issue_missing.to_owned(),
        Issue::WrongType { expected, found } => {
            // The JSON type found, in the reader's words where there are some.
            let found = match *found {
                "string" => expected_text(Expected::Text, f.lang),
                "number" => expected_text(Expected::Number, f.lang),
                "boolean" => expected_text(Expected::Boolean, f.lang),
                "array" => expected_text(Expected::List, f.lang),
                "object" => expected_text(Expected::Object, f.lang),
                other => other,
            };
            fill(
                t.issue_wrong_type,
                &[
                    ("expected", expected_text(*expected, f.lang)),
                    ("found", found),
                ],
            )
        }
        Issue::Empty => t.issue_empty.to_owned(),
        Issue::BadId => t.issue_bad_id.to_owned(),
        Issue::DuplicateId => t.issue_duplicate_id.to_owned(),
        Issue::UnknownCurrency { code } => fill(t.issue_unknown_currency, &[("code", code)]),
        Issue::NotPositive => t.issue_not_positive.to_owned(),
        Issue::Negative => t.issue_negative.to_owned(),
        Issue::UnknownCountry { code } => fill(t.issue_unknown_country, &[("code", code)]),
        Issue::UnknownZone { name } => fill(t.issue_unknown_zone, &[("name", name)]),
        Issue::DataWithDayBilling => t.issue_data_with_day_billing.to_owned(),
        Issue::PoolTooSmall { max_lines } => {
            fill(t.issue_pool_too_small, &[("n", &max_lines.to_string())])
        }
        Issue::MissingValidity => t.issue_missing_validity.to_owned(),
        Issue::RoamingWithoutHome => t.issue_roaming_without_home.to_owned(),
        Issue::UnknownValue { value, allowed } => fill(
            t.issue_unknown_value,
            &[("value", value), ("allowed", &allowed.join(", "))],
        ),
        Issue::BadDate { value } => fill(t.issue_bad_date, &[("value", value)]),
        Issue::NoPlans => t.issue_no_plans.to_owned(),
        Issue::EuroRateNotOne => t.issue_euro_rate_not_one.to_owned(),
        Issue::TooDeep { limit } => fill(t.issue_too_deep, &[("limit", &limit.to_string())]),
        Issue::NotFinite => t.issue_not_finite.to_owned(),
        Issue::NumberTooLarge { max } => fill(t.issue_number_too_large, &[("max", max)]),
        Issue::RateOutOfRange { min, max } => {
            fill(t.issue_rate_out_of_range, &[("min", min), ("max", max)])
        }
        Issue::TooSmall { min } => fill(t.issue_too_small, &[("min", &min.to_string())]),
        Issue::TooManyDecimals {
            currency,
            allowed: 0,
        } => fill(t.issue_no_decimals, &[("currency", currency)]),
        Issue::TooManyDecimals { allowed, .. } => {
            fill(t.issue_too_many_decimals, &[("n", &allowed.to_string())])
        }
        Issue::HomePlanWithoutHome => t.issue_home_plan_without_home.to_owned(),
        Issue::ResidentsWithoutHome => t.issue_residents_without_home.to_owned(),
        Issue::NotForKind { kind } => {
            fill(t.issue_not_for_kind, &[("kind", kind_name(*kind, f.lang))])
        }
        Issue::CardsDisagree {
            cards,
            account_lines,
        } => fill(
            t.issue_cards_disagree,
            &[
                ("cards", &cards.to_string()),
                ("lines", &account_lines.to_string()),
            ],
        ),
        Issue::NotWebAddress => t.issue_not_web_address.to_owned(),
        Issue::ObservedWithoutEvidence => t.issue_observed_without_evidence.to_owned(),
        Issue::HomePageOnly { url } => fill(t.issue_home_page_only, &[("url", url)]),
        Issue::QuoteWithoutPrice { price } => {
            fill(t.issue_quote_without_price, &[("price", price)])
        }
        Issue::AfterAsOf { as_of } => fill(t.issue_after_as_of, &[("date", &f.date(*as_of))]),
        Issue::InTheFuture { today } => fill(t.issue_in_the_future, &[("date", &f.date(*today))]),
        Issue::Stale { months, limit } => fill(
            t.issue_stale,
            &[
                ("months", &months.to_string()),
                ("limit", &limit.to_string()),
            ],
        ),
    }
}

/// A catalogue problem as a sentence naming its plan and field.
pub fn problem_text(problem: &Problem, f: Formatter) -> String {
    let t = texts(f.lang);
    let issue = issue_text(&problem.issue, f);
    match &problem.plan {
        Some(plan) => fill(
            t.problem_at,
            &[("plan", plan), ("field", &problem.field), ("issue", &issue)],
        ),
        None if problem.field.is_empty() => issue,
        None => fill(
            t.problem_at_file,
            &[("field", &problem.field), ("issue", &issue)],
        ),
    }
}

/// The line under a capped list of problems: "…and 12 more."; `None`
/// when every problem is listed.
pub fn problems_more(problems: &Problems, lang: Lang) -> Option<String> {
    (problems.more > 0).then(|| {
        fill(
            texts(lang).problems_more,
            &[("n", &problems.more.to_string())],
        )
    })
}

/// An input error as a sentence.
pub fn input_error(error: &InputError, lang: Lang) -> String {
    let t = texts(lang);
    match error {
        InputError::NotANumber => t.err_not_a_number.to_owned(),
        InputError::TooSmall { min } => fill(t.err_too_small, &[("min", &min.to_string())]),
        InputError::TooLarge { max } => fill(t.err_too_large, &[("max", &max.to_string())]),
        InputError::UnknownCountry { text } => fill(t.err_unknown_country, &[("text", text)]),
        InputError::UnknownCurrency { text } => fill(t.err_unknown_currency, &[("text", text)]),
        InputError::UnknownLanguage { text } => fill(t.err_unknown_language, &[("text", text)]),
        InputError::BadDate => t.err_bad_date.to_owned(),
        InputError::NotAFlag => t.err_not_a_flag.to_owned(),
        InputError::NotATheme => t.err_not_a_theme.to_owned(),
        InputError::NotACarrier => t.err_not_a_carrier.to_owned(),
        InputError::BadLeg { text } => fill(t.err_bad_leg, &[("text", text)]),
        InputError::TooManyLegs { max } => fill(t.err_too_many_legs, &[("max", &max.to_string())]),
        InputError::TripTooLong { max } => fill(t.err_trip_too_long, &[("max", &max.to_string())]),
        InputError::NotAPrice => t.err_not_a_price.to_owned(),
        InputError::BadAddress => t.err_bad_address.to_owned(),
        InputError::NotAPlanId => t.err_not_a_plan_id.to_owned(),
        InputError::TooManyTravellers { max } => {
            fill(t.err_too_many_travellers, &[("max", &max.to_string())])
        }
        InputError::OutsideRules { first, last } => {
            let f = Formatter::new(lang);
            fill(
                t.err_outside_rules,
                &[("first", &f.date(*first)), ("last", &f.date(*last))],
            )
        }
        InputError::TooManyCountries { max } => {
            fill(t.err_too_many_countries, &[("max", &max.to_string())])
        }
    }
}

/// Name of a plan kind.
pub fn kind_name(kind: PlanKind, lang: Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        PlanKind::Esim => t.kind_esim,
        PlanKind::Sim => t.kind_sim,
        PlanKind::Roaming => t.kind_roaming,
        PlanKind::HomePlan => t.kind_plan,
    }
}

/// How a block's plan is used by `people` travellers.
pub fn mode_phrase(mode: Mode, people: u32, lang: Lang) -> String {
    let t = texts(lang);
    let template = match mode {
        Mode::Separate => t.mode_separate,
        Mode::EachOwn => t.mode_each_own,
        Mode::Pool => t.mode_pool,
        Mode::Hotspot(_) => t.mode_hotspot,
        Mode::Bundle => t.mode_bundle,
    };
    fill(template, &[("n", &people.to_string())])
}

/// Name of an activity of the usage estimator.
pub fn activity_name(activity: Activity, lang: Lang) -> &'static str {
    let t = texts(lang);
    match activity {
        Activity::Maps => t.activity_maps,
        Activity::Social => t.activity_social,
        Activity::Web => t.activity_web,
        Activity::Music => t.activity_music,
        Activity::VideoLow => t.activity_video_low,
        Activity::VideoSd => t.activity_video_sd,
        Activity::VideoHd => t.activity_video_hd,
        Activity::VideoCalls => t.activity_video_calls,
    }
}
