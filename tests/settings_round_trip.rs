//! Every setting round-trips: whatever the widget writes into its link (and
//! saved trip) it accepts when opened, and gets back the same trip and the
//! same link; what the form shows, the form accepts; a form holding one
//! value it refuses still keeps everything else in the link. And the widget
//! answers in a catalogue's own currencies, saying when it cannot use one.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use proptest::prelude::*;
use roamplan::core::catalogue::{load_native, Catalogue, BUILT_IN_JSON};
use roamplan::core::country::CountryCode;
use roamplan::core::date::Date;
use roamplan::core::lang::Lang;
use roamplan::core::money::Currency;
use roamplan::core::share::{
    decode_query, encode_query, parse_settings, rules_span, LinkSettings, SettingError,
};
use roamplan::core::trip::{Leg, MAX_LEGS};
use roamplan::i18n::{fill, input_error, texts};
use roamplan::ui::components::catalogue_status::CustomCatalogue;
use roamplan::ui::state::{default_currency, Action, DataUnit, EsimAnswer, State};
use roamplan::ui::WidgetProps;
use std::rc::Rc;
use yew::Reducible;

mod rendered;

fn built_in() -> Rc<Catalogue> {
    Rc::new(load_native(BUILT_IN_JSON).unwrap().catalogue)
}

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

/// A link written as `pairs`, opened: what the parser makes of it.
fn reopen(
    pairs: &[(&'static str, String)],
    catalogue: &Catalogue,
) -> (LinkSettings, Vec<SettingError>) {
    let query = encode_query(pairs);
    let decoded = decode_query(&format!("?{query}"));
    parse_settings(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())), |c| {
        catalogue.rates.knows(c)
    })
}

/// The state a reader gets by opening a link.
fn open(settings: &LinkSettings, today: Date) -> State {
    let lang = settings.lang.unwrap_or_default();
    let currency = settings.currency.unwrap_or_else(|| default_currency(lang));
    State::new(settings, lang, currency, today)
}

/// Text a reader might type, including prices as each language shows them
/// and dates on both sides of the rules' span.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{0,8}",
        "[0-9]{1,3}[.,][0-9]{0,3}",
        "[0-9]{1,3}[,. \u{202f}\u{a0}][0-9]{3}([.,][0-9]{2})?",
        Just(String::new()),
        Just("HK".to_owned()),
        Just("jp".to_owned()),
        Just("  SmarTone ".to_owned()),
        Just("2022-06-30".to_owned()),
        Just("2022-07-01".to_owned()),
        Just("2032-06-30".to_owned()),
        Just("2032-07-01".to_owned()),
        Just("1900-01-01".to_owned()),
        Just("2027-01-15".to_owned()),
        ".{0,90}",
    ]
}

fn action(currencies: Vec<Currency>) -> impl Strategy<Value = Action> {
    let key = 0u32..6;
    let lang = prop::sample::select(Lang::ALL.to_vec());
    let currency = prop::sample::select(currencies);
    prop_oneof![
        (key.clone(), typed()).prop_map(|(k, t)| Action::SetLegCountry(k, t)),
        (key.clone(), typed()).prop_map(|(k, t)| Action::SetLegDays(k, t)),
        Just(Action::AddLeg),
        key.prop_map(Action::RemoveLeg),
        typed().prop_map(Action::SetStart),
        (-2i64..3).prop_map(Action::StepPeople),
        any::<bool>().prop_map(Action::SetTogether),
        (0u32..4, typed()).prop_map(|(k, t)| Action::SetTravellerMb(k, t)),
        (
            0u32..4,
            prop::sample::select(vec![DataUnit::Mb, DataUnit::Gb])
        )
            .prop_map(|(k, u)| Action::SetTravellerUnit(k, u)),
        (
            0u32..4,
            prop::sample::select(vec![EsimAnswer::Yes, EsimAnswer::No])
        )
            .prop_map(|(k, a)| Action::SetTravellerEsim(k, a)),
        prop::sample::select(vec!["", "custom", "free-forfait-5g"])
            .prop_map(|p| Action::SetOwnPlan(p.to_owned())),
        prop::sample::select(vec!["", "HK", "FR", "CN"])
            .prop_map(|c| Action::SetHome(c.to_owned())),
        typed().prop_map(Action::SetCarrier),
        typed().prop_map(Action::SetOwnPrice),
        typed().prop_map(Action::SetOwnGb),
        lang.prop_map(Action::SetLang),
        currency.clone().prop_map(Action::SetCurrency),
        currency.prop_map(Action::SetOwnCurrency),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_link_the_widget_writes_opens_to_the_same_trip(
        actions in prop::collection::vec(action(built_in().rates.currencies().collect()), 1..30)
    ) {
        let catalogue = built_in();
        let mut state = Rc::new(State::new(&LinkSettings::default(), Lang::En, Currency::EUR, today()));
        for action in actions {
            state = state.reduce(action);
            let pairs = state.link_pairs(None);
            let (settings, errors) = reopen(&pairs, &catalogue);
            prop_assert!(errors.is_empty(), "{:?} refused from {:?}", errors, pairs);
            let reopened = open(&settings, today());
            // The form as the link fills it is accepted as it is shown.
            prop_assert!(reopened.check().errors.is_empty(), "{:?}", reopened.check().errors);
            prop_assert_eq!(reopened.trip.as_ref(), state.trip.as_ref());
            prop_assert_eq!(reopened.link_pairs(None), pairs);
        }
    }

    /// The first answer reads a link without the browser's country names
    /// (`State::without_names`): it gets the widget's trip from every link
    /// the widget writes.
    #[test]
    fn the_first_answer_reads_every_link_to_the_widgets_trip(
        actions in prop::collection::vec(action(built_in().rates.currencies().collect()), 1..30)
    ) {
        let catalogue = built_in();
        let mut state = Rc::new(State::new(&LinkSettings::default(), Lang::En, Currency::EUR, today()));
        for action in actions {
            state = state.reduce(action);
            let (settings, _) = reopen(&state.link_pairs(None), &catalogue);
            let lang = settings.lang.unwrap_or_default();
            let currency = settings.currency.unwrap_or_else(|| default_currency(lang));
            let widget = open(&settings, today());
            let first = State::without_names(&settings, lang, currency, today());
            prop_assert_eq!(first.trip, widget.trip);
        }
    }
}

#[test]
fn a_form_with_one_refused_value_keeps_the_rest_in_its_link() {
    let catalogue = built_in();
    // As a link could once give it: every value fine but one the form refuses.
    let settings = LinkSettings {
        legs: Some(vec![
            Leg {
                country: CountryCode::parse("FR").unwrap(),
                days: 4,
            },
            Leg {
                country: CountryCode::parse("IT").unwrap(),
                days: 3,
            },
        ]),
        mb: Some(vec![2048, 0]),
        home: CountryCode::parse("FR"),
        hp_price_minor: Some(150_000),
        hp_currency: Currency::parse("EUR"),
        ..LinkSettings::default()
    };
    let state = open(&settings, today());
    assert_eq!(state.trip, None, "the form refuses 0 MB a day");
    let pairs = state.link_pairs(None);
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("trip"), Some("FR:4,IT:3"));
    assert_eq!(value("hp_price"), Some("1500.00"));
    assert_eq!(value("mb"), None, "the refused group is left out");
    let (_, errors) = reopen(&pairs, &catalogue);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_price_of_a_thousand_or_more_opens_and_stays_in_the_link() {
    let catalogue = built_in();
    for lang in Lang::ALL {
        let query = [
            ("trip", "FR:4"),
            ("home", "FR"),
            ("hp_price", "1500"),
            ("hp_cur", "EUR"),
            ("lang", lang.code()),
        ];
        let (settings, errors) = parse_settings(query, |c| catalogue.rates.knows(c));
        assert!(errors.is_empty());
        let state = open(&settings, today());
        assert!(state.check().errors.is_empty(), "{lang:?}");
        let plan = match state.trip.as_ref().and_then(|t| t.own_plan.clone()) {
            Some(roamplan::core::trip::OwnPlan::Custom(plan)) => plan,
            other => panic!("{other:?}"),
        };
        assert_eq!(plan.monthly_price.minor, 150_000);
        let pairs = state.link_pairs(None);
        assert!(pairs.contains(&("hp_price", "1500.00".to_owned())));
        assert!(pairs.contains(&("trip", "FR:4".to_owned())));
    }
}

#[test]
fn the_first_day_defaults_to_a_day_the_rules_know() {
    let (first, last) = rules_span();
    for (today, expected) in [
        (Date::parse("2040-03-01").unwrap(), last),
        (Date::parse("2020-03-01").unwrap(), first),
        (today(), today()),
    ] {
        let state = open(&LinkSettings::default(), today);
        assert_eq!(state.trip.map(|t| t.start), Some(expected), "{today}");
    }
}

#[test]
fn a_first_day_outside_the_rules_is_refused_in_the_form_with_its_dates() {
    let state = Rc::new(open(&LinkSettings::default(), today()));
    let before = state.trip.clone();
    let state = state.reduce(Action::SetStart("2033-01-01".into()));
    assert_eq!(
        state.trip, before,
        "the answer stays on the last valid trip"
    );
    let check = state.check();
    let (_, error) = check.errors.first().unwrap();
    for lang in Lang::ALL {
        let text = input_error(error, lang);
        let f = roamplan::i18n::Formatter::new(lang);
        let (first, last) = rules_span();
        assert!(
            text.contains(&f.date(first)) && text.contains(&f.date(last)),
            "{text}"
        );
    }
}

#[test]
fn a_long_focus_list_starts_a_trip_whose_link_opens() {
    let catalogue = built_in();
    let codes = [
        "FR", "DE", "IT", "ES", "PT", "NL", "BE", "LU", "AT", "CH", "PL", "CZ", "SK", "HU", "SI",
        "HR", "GR", "DK", "SE", "NO", "FI", "IE", "GB", "IS", "EE",
    ];
    let value = codes.join(",");
    let (settings, errors) =
        parse_settings([("focus", value.as_str())], |c| catalogue.rates.knows(c));
    assert_eq!(errors.len(), 1, "the reader is told some were left out");
    let state = open(&settings, today());
    let trip = state.trip.clone().expect("a trip within the stop limit");
    assert_eq!(trip.legs.len(), MAX_LEGS);
    let (_, errors) = reopen(&state.link_pairs(None), &catalogue);
    assert!(errors.is_empty(), "{errors:?}");
}

// The widget with a blog owner's catalogue and its currencies.

/// A catalogue whose only prices and rates are `currencies` (the first
/// prices the plan).
fn catalogue_in(currencies: &[(&str, f64)]) -> Rc<Catalogue> {
    let rates: Vec<String> = currencies
        .iter()
        .map(|(c, r)| format!("\"{c}\": {r}"))
        .collect();
    let json = format!(
        r#"{{"format": 1, "as_of": "2026-10-01", "rates_per_eur": {{ {} }}, "zones": {{}},
        "plans": [{{"id": "blog-hk", "name": "Blog HK week", "provider": "Blog Mobile", "kind": "esim",
        "coverage": ["HK"], "price": 5000, "currency": "{}", "validity_days": 7, "data_mb": 20480, "hotspot": true}}]}}"#,
        rates.join(", "),
        currencies[0].0
    );
    Rc::new(load_native(&json).unwrap().catalogue)
}

async fn render(
    catalogue: Rc<Catalogue>,
    query: &[(&str, &str)],
    lang: Lang,
    tweak: impl FnOnce(&mut WidgetProps),
) -> String {
    // Parsed as the shell does when a link names a catalogue: any code,
    // until the catalogue says which it has.
    let (settings, setting_errors) = parse_settings(query.iter().copied(), |_| true);
    let mut props = rendered::props(
        settings,
        setting_errors,
        CustomCatalogue::InUse {
            url: "https://blog.example/plans.json".into(),
        },
    );
    props.lang = lang;
    props.catalogue = catalogue;
    tweak(&mut props);
    rendered::render_props(props).await
}

/// The `data-currency` of each option.
fn option_currencies(html: &str) -> Vec<String> {
    html.split("data-testid=\"option\"")
        .skip(1)
        .filter_map(|chunk| {
            let start = chunk.find("data-currency=\"")? + "data-currency=\"".len();
            let end = chunk[start..].find('"')? + start;
            Some(chunk[start..end].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn a_catalogue_s_own_currency_works_as_the_display_currency() {
    let catalogue = catalogue_in(&[("XOF", 655.957), ("EUR", 1.0)]);
    let html = render(
        catalogue,
        &[("trip", "HK:3"), ("cur", "XOF")],
        Lang::En,
        |_| {},
    )
    .await;
    let currencies = option_currencies(&html);
    assert!(!currencies.is_empty(), "an answer");
    assert!(currencies.iter().all(|c| c == "XOF"), "{currencies:?}");
    assert!(!html.contains("currency-note"));
}

#[tokio::test]
async fn a_display_currency_the_catalogue_lacks_is_replaced_and_reported() {
    // zh-Hant readers see HKD by default; this catalogue has no rate for it.
    let catalogue = catalogue_in(&[("XOF", 655.957), ("EUR", 1.0)]);
    assert_eq!(default_currency(Lang::ZhHant).as_str(), "HKD");
    let html = render(catalogue, &[("trip", "HK:3")], Lang::ZhHant, |_| {}).await;
    let currencies = option_currencies(&html);
    assert!(!currencies.is_empty(), "still an answer");
    assert!(currencies.iter().all(|c| c == "EUR"), "{currencies:?}");
    let note = fill(
        texts(Lang::ZhHant).currency_not_in_catalogue,
        &[("currency", "HKD"), ("shown", "EUR")],
    );
    assert!(html.contains(&note), "the reader is told");
    // Without the euro either: the catalogue's own currency.
    let only_xof = catalogue_in(&[("XOF", 655.957)]);
    let html = render(
        only_xof,
        &[("trip", "HK:3"), ("cur", "USD")],
        Lang::Fr,
        |_| {},
    )
    .await;
    assert!(option_currencies(&html).iter().all(|c| c == "XOF"));
    assert!(html.contains(&fill(
        texts(Lang::Fr).currency_not_in_catalogue,
        &[("currency", "USD"), ("shown", "XOF")],
    )));
}

#[tokio::test]
async fn an_own_plan_currency_the_catalogue_lacks_is_reported_at_its_input() {
    let catalogue = catalogue_in(&[("XOF", 655.957), ("EUR", 1.0)]);
    let html = render(
        catalogue,
        &[
            ("trip", "HK:3"),
            ("home", "FR"),
            ("hp_price", "20"),
            ("hp_cur", "GBP"),
        ],
        Lang::En,
        |_| {},
    )
    .await;
    assert!(html.contains("id=\"rp-own-currency-error\""));
    assert!(html.contains("<option value=\"GBP\" selected"));
}

#[tokio::test]
async fn a_failed_save_is_told_in_the_reader_s_language() {
    let html = render(built_in(), &[("trip", "HK:3")], Lang::Fr, |p| {
        p.save_failed = true;
    })
    .await;
    assert_eq!(html.matches("data-testid=\"save-failed\"").count(), 1);
    assert!(html.contains(texts(Lang::Fr).save_failed));
    let quiet = render(built_in(), &[("trip", "HK:3")], Lang::Fr, |_| {}).await;
    assert!(!quiet.contains("save-failed"));
}

#[tokio::test]
async fn a_huge_refused_value_is_echoed_at_a_readable_length() {
    let huge = "9".repeat(100_000);
    let html = render(
        built_in(),
        &[("trip", "HK:3"), ("people", &huge), ("lang", &huge)],
        Lang::En,
        |_| {},
    )
    .await;
    assert!(html.contains("settings-error"));
    assert!(
        !html.contains(&"9".repeat(61)),
        "no echo past 60 characters"
    );
    assert!(html.contains(&format!("{}…", "9".repeat(60))));
    assert!(html.len() < 400_000, "{} bytes", html.len());
}
