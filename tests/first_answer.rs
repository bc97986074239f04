//! The first answer (drawn without Yew while the widget's module loads) is
//! the widget's own answer: the same options in the same order with the
//! same hooks, the same headline total, for the same settings; and nothing
//! at all where the widget must answer first.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

mod rendered;

use rendered::{option_attributes, render, settings, today, visible_text};
use roamplan::core::catalogue::{load_native, Catalogue, BUILT_IN_FIRST_JSON};
use roamplan::core::lang::Lang;
use roamplan::first::{first_answer, Start};
use roamplan::i18n::trip_line;
use roamplan::ui::calculation::is_heavy;
use roamplan::ui::components::catalogue_status::CustomCatalogue;
use roamplan::ui::state::State;

/// The catalogue the first-answer module carries: the built-in figures,
/// without the readers' notes and the sources.
fn figures() -> Catalogue {
    load_native(BUILT_IN_FIRST_JSON).unwrap().catalogue
}

fn first(query: &[(&str, &str)], trip_folded: bool) -> Option<String> {
    let (settings, _) = settings(query);
    first_answer(&Start {
        settings: &settings,
        lang: Lang::En,
        today: today(),
        catalogue: &figures(),
        trip_folded,
    })
}

/// The text inside the first element with `class` (e.g. the summary total).
fn text_of_class(html: &str, class: &str) -> Option<String> {
    let at = html.find(&format!("class=\"{class}\""))?;
    let rest = &html[at..];
    let open = rest.find('>')? + 1;
    let close = rest[open..].find('<')? + open;
    Some(rest[open..close].trim().to_owned())
}

const HOOKS: [&str; 5] = [
    "data-total-minor",
    "data-currency",
    "data-strategy",
    "data-plans",
    "data-reasons",
];

/// Trips a reader meets, in each language: a family with two phones
/// without eSIM, Hong Kong and a resumed pass; three people across the
/// border; the own line from Hong Kong; a trip in France; the default trip.
const LINKS: [&str; 6] = [
    "trip=HK:3,JP:4,HK:2&mb=2048,2048,300,300&esim=1,1,0,0&together=1&lang=en&cur=EUR",
    "trip=HK:3,CN:2,MO:1&home=HK&carrier=csl&people=2&lang=zh-Hans&cur=CNY",
    "trip=JP:5,HK:2&home=HK&carrier=csl&mb=1536&lang=zh-Hant&cur=HKD",
    "trip=FR:6,IT:3&home=FR&mb=700,700&together=0&lang=fr&cur=EUR",
    "trip=MO:2,HK:4&home=MO&mb=3072&esim=1&lang=en&cur=MOP",
    "lang=en",
];

fn pairs(link: &str) -> Vec<(&str, &str)> {
    link.split('&')
        .filter_map(|pair| pair.split_once('='))
        .collect()
}

#[tokio::test]
async fn the_first_answer_lists_the_widgets_options_with_the_same_hooks() {
    for link in LINKS {
        let query = pairs(link);
        let widget = render(&query, CustomCatalogue::None).await;
        let first = first(&query, false).unwrap_or_else(|| panic!("no first answer for {link}"));
        assert!(
            !option_attributes(&widget, "data-total-minor").is_empty(),
            "the widget has options for {link}: {}",
            visible_text(&widget)
        );
        for hook in HOOKS {
            assert_eq!(
                option_attributes(&first, hook),
                option_attributes(&widget, hook),
                "{hook} for {link}"
            );
        }
        // The headline as the summary card says it, and each total as shown.
        assert_eq!(
            text_of_class(&first, "rp-summary-total"),
            text_of_class(&widget, "rp-summary-total"),
            "summary for {link}"
        );
        let amounts = |html: &str| -> Vec<String> {
            html.split("class=\"rp-amount\">")
                .skip(1)
                .map(|rest| rest[..rest.find('<').unwrap()].to_owned())
                .collect()
        };
        assert_eq!(amounts(&first), amounts(&widget), "totals for {link}");
    }
}

#[tokio::test]
async fn a_trip_nothing_covers_names_the_same_countries() {
    let query = pairs("trip=FR:3,MC:1&lang=en&cur=EUR");
    let widget = render(&query, CustomCatalogue::None).await;
    let first = first(&query, false).unwrap();
    let uncovered = |html: &str| {
        let at = html.find("data-uncovered=\"").unwrap() + "data-uncovered=\"".len();
        html[at..at + html[at..].find('"').unwrap()].to_owned()
    };
    assert_eq!(uncovered(&first), uncovered(&widget));
    assert!(option_attributes(&first, "data-total-minor").is_empty());
}

#[test]
fn nothing_is_drawn_from_the_built_in_plans_for_a_blog_owners_catalogue() {
    let with_catalogue = pairs("trip=HK:3&catalogue=https://blog.example/plans.json");
    assert!(first(&with_catalogue, false).is_none());
    // The same trip without it is answered: the catalogue alone decides.
    assert!(first(&pairs("trip=HK:3"), false).is_some());
}

#[test]
fn a_trip_for_the_engine_worker_is_left_to_the_widget() {
    let legs: Vec<String> = (0..20)
        .map(|i| format!("{}:6", ["HK", "JP", "MO", "CN"][i % 4]))
        .collect();
    let mb: Vec<String> = (0..12).map(|i| (300 + i * 150).to_string()).collect();
    let esim: Vec<&str> = (0..12)
        .map(|i| if i % 2 == 0 { "1" } else { "0" })
        .collect();
    let (trip, mb, esim) = (legs.join(","), mb.join(","), esim.join(","));
    let query = [
        ("trip", trip.as_str()),
        ("mb", mb.as_str()),
        ("esim", esim.as_str()),
    ];
    let (settings, errors) = settings(&query);
    assert!(errors.is_empty(), "{errors:?}");
    let state = State::new(
        &settings,
        Lang::En,
        roamplan::core::money::Currency::EUR,
        today(),
    );
    let heavy = state.trip.as_ref().unwrap();
    assert!(
        is_heavy(&figures(), heavy),
        "the test's trip is one for the worker"
    );
    assert!(first(&query, false).is_none());
}

#[test]
fn an_embed_with_the_bloggers_trip_shows_it_in_a_line_and_no_summary_card() {
    let query = pairs("trip=HK:3,MO:1&mb=1024,1024&lang=zh-Hant&cur=HKD");
    let folded = first(&query, true).unwrap();
    let open = first(&query, false).unwrap();
    let (settings, _) = settings(&query);
    let state = State::new(
        &settings,
        Lang::ZhHant,
        roamplan::core::money::Currency::parse("HKD").unwrap(),
        today(),
    );
    let line = trip_line(state.trip.as_ref().unwrap(), Lang::ZhHant);
    assert!(visible_text(&folded).contains(&line), "{folded}");
    assert!(!folded.contains("data-testid=\"summary\""));
    assert!(open.contains("data-testid=\"summary\""));
    // The options are the same either way.
    assert_eq!(
        option_attributes(&folded, "data-plans"),
        option_attributes(&open, "data-plans")
    );
}

#[test]
fn the_first_answer_speaks_the_readers_language_and_marks_itself() {
    let html = first(&pairs("trip=HK:3&lang=zh-Hans&cur=CNY"), false).unwrap();
    assert!(html.contains("lang=\"zh-Hans\""));
    assert!(html.contains("data-testid=\"first-answer\""));
    let words = roamplan::i18n::answer_words(Lang::ZhHans);
    assert!(html.contains(words.results_heading));
    assert!(
        html.contains(words.loading),
        "the form's place says it is coming"
    );
    assert!(!html.contains(roamplan::i18n::answer_words(Lang::En).results_heading));
}

/// The module's figures lack the sources (evidence, where to buy) but give
/// the same answer, cautions included (a stale price's date is kept).
#[test]
fn the_modules_figures_give_the_widgets_answer_cautions_included() {
    use roamplan::core::catalogue::BUILT_IN_CORE_JSON;
    use roamplan::core::engine::{compute_options, Request};
    let widget = load_native(BUILT_IN_CORE_JSON).unwrap().catalogue;
    let module = figures();
    assert_eq!(module.plans.len(), widget.plans.len());
    assert!(module
        .plans
        .iter()
        .all(|p| p.provenance.evidence.is_empty()));
    // Three years on, every price is stale: the caution must still come.
    let later = roamplan::core::date::Date::parse("2029-12-01").unwrap();
    let mut stale_later = false;
    for link in LINKS {
        let (settings, _) = settings(&pairs(link));
        let lang = settings.lang.unwrap_or_default();
        let currency = settings
            .currency
            .unwrap_or_else(|| roamplan::ui::state::default_currency(lang));
        let trip = State::new(&settings, lang, currency, today()).trip.unwrap();
        for day in [today(), later] {
            let answer = |catalogue| {
                compute_options(Request {
                    catalogue,
                    trip: &trip,
                    currency,
                    today: day,
                })
            };
            let (a, b) = (answer(&widget), answer(&module));
            assert_eq!(a.options, b.options, "{link} on {day}");
            let stale = a
                .options
                .iter()
                .flat_map(|o| &o.warnings)
                .any(|w| matches!(w, roamplan::core::engine::Warning::StalePrice { .. }));
            assert!(!stale || day == later, "{link} on {day}");
            stale_later |= stale;
        }
    }
    assert!(stale_later, "three years on, a price is stale");
}
