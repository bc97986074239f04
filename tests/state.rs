//! The widget's state under whatever a reader types: no sequence of actions
//! panics (a panic would kill the whole widget), what was typed is kept as
//! typed, and the answer always belongs to the last valid trip.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use proptest::prelude::*;
use roamplan::core::catalogue::{load_native, BUILT_IN_JSON};
use roamplan::core::date::Date;
use roamplan::core::engine::{compute, Request};
use roamplan::core::lang::Lang;
use roamplan::core::money::Currency;
use roamplan::core::share::LinkSettings;
use roamplan::core::usage::Activity;
use roamplan::ui::state::{Action, DataUnit, EsimAnswer, State};
use std::rc::Rc;
use yew::Reducible;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn start() -> Rc<State> {
    Rc::new(State::new(
        &LinkSettings::default(),
        Lang::En,
        Currency::EUR,
        today(),
    ))
}

/// Text a reader might type: numbers, signs, decimals, names, codes, noise.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{0,25}",
        "[0-9]{1,3}[.,][0-9]{0,3}",
        Just(String::new()),
        Just("Hong Kong".to_owned()),
        Just("香港".to_owned()),
        Just("jp".to_owned()),
        Just("2026-02-30".to_owned()),
        Just("2027-01-15".to_owned()),
        ".{0,12}",
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let key = 0u32..6;
    let activity = prop::sample::select(Activity::ALL.to_vec());
    let lang = prop::sample::select(Lang::ALL.to_vec());
    let currency = prop::sample::select(vec!["EUR", "HKD", "CNY", "JPY"])
        .prop_map(|c| Currency::parse(c).unwrap());
    prop_oneof![
        (key.clone(), typed()).prop_map(|(k, t)| Action::SetLegCountry(k, t)),
        (key.clone(), typed()).prop_map(|(k, t)| Action::SetLegDays(k, t)),
        (key.clone(), -3i64..4).prop_map(|(k, d)| Action::StepLegDays(k, d)),
        Just(Action::AddLeg),
        key.clone().prop_map(Action::RemoveLeg),
        (key, prop::sample::select(vec![-1, 1])).prop_map(|(k, d)| Action::MoveLeg(k, d)),
        typed().prop_map(Action::SetStart),
        (-3i64..4).prop_map(Action::StepPeople),
        Just(Action::AddTraveller),
        (0u32..6).prop_map(Action::CopyTraveller),
        (0u32..6).prop_map(Action::RemoveTraveller),
        any::<bool>().prop_map(Action::SetTogether),
        (0u32..6, typed()).prop_map(|(k, t)| Action::SetTravellerMb(k, t)),
        (
            0u32..6,
            prop::sample::select(vec![DataUnit::Mb, DataUnit::Gb])
        )
            .prop_map(|(k, u)| Action::SetTravellerUnit(k, u)),
        (
            0u32..6,
            prop::sample::select(vec![EsimAnswer::Yes, EsimAnswer::No, EsimAnswer::NotSure])
        )
            .prop_map(|(k, a)| Action::SetTravellerEsim(k, a)),
        typed().prop_map(Action::SetOwnPlan),
        prop::sample::select(vec!["", "HK", "FR", "CN", "ZZ"])
            .prop_map(|c| Action::SetHome(c.to_owned())),
        typed().prop_map(Action::SetCarrier),
        typed().prop_map(Action::SetOwnPrice),
        typed().prop_map(Action::SetOwnGb),
        Just(Action::ToggleEstimator),
        (activity.clone(), typed()).prop_map(|(a, t)| Action::SetUsageHours(a, t)),
        (activity, typed()).prop_map(|(a, t)| Action::SetUsageRate(a, t)),
        (0u64..200_000).prop_map(Action::UseEstimate),
        lang.prop_map(Action::SetLang),
        currency.clone().prop_map(Action::SetCurrency),
        currency.prop_map(Action::SetOwnCurrency),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_inputs_breaks_the_widget(actions in prop::collection::vec(action(), 1..40)) {
        let catalogue = load_native(BUILT_IN_JSON).unwrap().catalogue;
        let mut state = start();
        for action in actions {
            let typed_days = match &action {
                Action::SetLegDays(key, text) => Some((*key, text.clone())),
                _ => None,
            };
            let typed_mb = match &action {
                Action::SetTravellerMb(key, text) => Some((*key, text.clone())),
                _ => None,
            };
            state = state.reduce(action);
            // What was typed is kept exactly, valid or not.
            if let Some((key, text)) = typed_days {
                if let Some(leg) = state.form.legs.iter().find(|l| l.key == key) {
                    prop_assert_eq!(&leg.days, &text);
                }
            }
            if let Some((key, text)) = typed_mb {
                if let Some(t) = state.form.travellers.iter().find(|t| t.key == key) {
                    prop_assert_eq!(&t.mb, &text);
                }
            }
            prop_assert!(!state.form.travellers.is_empty(), "at least one traveller stays");
            prop_assert!(state.form.travellers.len() <= 12);
            let check = state.check();
            // A valid form is the trip the answer is for; an invalid one
            // leaves the last valid trip in place.
            if let Some(trip) = &check.trip {
                prop_assert_eq!(Some(trip), state.trip.as_ref());
            }
            prop_assert!(!state.form.legs.is_empty(), "at least one stop stays");
            if let Some(trip) = &state.trip {
                let answer = compute(Request { catalogue: &catalogue, trip, currency: state.currency, today: today() });
                prop_assert!(answer.options.is_empty() != answer.uncovered.is_empty() || trip.legs.is_empty());
            }
        }
    }
}

#[test]
fn switching_language_rewrites_typed_country_names() {
    use roamplan::core::country::CountryCode;
    use roamplan::i18n::Formatter;
    // Natively the formatter names countries by code; in the browser, Intl
    // gives names. Either way the stop is rewritten in the new language.
    let state = start().reduce(Action::SetLegCountry(0, "hk".to_owned()));
    let hk = CountryCode::parse("HK").unwrap();
    assert_eq!(state.trip.as_ref().map(|t| t.legs[0].country), Some(hk));
    let state = state.reduce(Action::SetLang(Lang::Fr));
    assert_eq!(
        state.form.legs[0].country,
        Formatter::new(Lang::Fr).country(hk)
    );
    assert_eq!(
        state.trip.as_ref().map(|t| t.legs[0].country),
        Some(hk),
        "same trip in the new language"
    );
    assert!(state.check().errors.is_empty());
}
