//! The widget rendered to HTML natively (yew's server renderer), in each
//! state a reader can meet: an answer, no coverage, a bad custom catalogue,
//! refused link settings, each language.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use roamplan::core::catalogue::{load_native, Issue, Problem};
use roamplan::core::lang::Lang;
use roamplan::core::share::LinkSettings;
use roamplan::i18n::texts;
use roamplan::ui::components::catalogue_status::{CustomCatalogue, FetchFailure};
use std::rc::Rc;

mod rendered;

use rendered::{catalogue, option_attributes, props, render, render_props, settings, visible_text};

#[tokio::test]
async fn answer_lists_ranked_options_with_test_hooks() {
    // A Hong Kong family of four on a 3HK line: the evidenced catalogue has
    // no card or eSIM a visitor can buy for the mainland, so the trip is
    // answered with the carrier's own passes (HK$168 day pass, which allows
    // sharing, and the HK$108 Macau pass).
    let html = render(
        &[
            ("trip", "HK:3,CN:4,MO:1"),
            ("cur", "HKD"),
            ("lang", "en"),
            ("people", "4"),
            ("home", "HK"),
            ("carrier", "3HK"),
        ],
        CustomCatalogue::None,
    )
    .await;
    let totals: Vec<i64> = option_attributes(&html, "data-total-minor")
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    let reasons = option_attributes(&html, "data-reasons");
    assert!(totals.len() >= 2, "{totals:?}");
    // The headline is the cheapest, or the cheapest of checked offers with
    // a cheaper unverified one listed after it; the rest by total.
    assert!(
        totals[1..].windows(2).all(|w| w[0] <= w[1]),
        "alternatives by total: {totals:?}"
    );
    assert!(
        totals.iter().all(|t| *t >= totals[0]) || reasons[0].contains("verified"),
        "{totals:?} {reasons:?}"
    );
    assert!(option_attributes(&html, "data-currency")
        .iter()
        .all(|c| c == "HKD"));
    let strategies = option_attributes(&html, "data-strategy");
    assert!(strategies
        .iter()
        .all(|s| ["separate", "hotspot", "pool", "bundle", "mixed", "home"].contains(&s.as_str())));
    let catalogue = catalogue();
    for plans in option_attributes(&html, "data-plans") {
        for id in plans.split(',') {
            assert!(
                catalogue.plan(id).is_some() || id == "home",
                "unknown plan id {id}"
            );
        }
    }
    assert!(html.contains("rp-best"), "the best option stands out");
    assert!(!html.contains("data-testid=\"no-option\""));
}

#[tokio::test]
async fn trip_nothing_covers_names_the_countries_sorted() {
    let html = render(&[("trip", "HK:2,AQ:3,BV:1")], CustomCatalogue::None).await;
    assert!(html.contains("data-testid=\"no-option\""));
    assert!(
        html.contains("data-uncovered=\"AQ,BV\""),
        "sorted, uncovered only"
    );
    assert!(
        !html.contains("data-testid=\"option\""),
        "no partial total shown as complete"
    );
}

#[tokio::test]
async fn invalid_custom_catalogue_lists_each_problem_with_plan_and_field() {
    let problems = vec![
        Problem {
            plan: Some("my-esim".into()),
            field: "price".into(),
            issue: Issue::NotPositive,
        },
        Problem {
            plan: Some("other".into()),
            field: "currency".into(),
            issue: Issue::UnknownCurrency { code: "XYZ".into() },
        },
    ];
    let custom = CustomCatalogue::Invalid {
        url: "https://blog.example/plans.json".into(),
        problems: problems.into(),
    };
    let html = render(&[("trip", "HK:3")], custom).await;
    assert!(html.contains("data-testid=\"catalogue-error\""));
    let text = visible_text(&html);
    assert!(
        text.contains("Plan my-esim, field “price”: must be above zero."),
        "{text}"
    );
    assert!(text.contains("currency XYZ has no rate"), "{text}");
    assert!(
        html.contains("data-testid=\"option\""),
        "the widget keeps answering on the built-in plans"
    );
}

#[tokio::test]
async fn a_long_list_of_catalogue_problems_shows_the_first_fifty_and_counts_the_rest() {
    // 53 broken plans: the list must not bury the page, nor hide that there
    // is more to fix.
    let all: Vec<Problem> = (1..=53)
        .map(|n| Problem {
            plan: Some(format!("#{n}")),
            field: "id".into(),
            issue: Issue::Missing,
        })
        .collect();
    let custom = CustomCatalogue::Invalid {
        url: "https://blog.example/plans.json".into(),
        problems: all.into(),
    };
    let html = render(&[("trip", "HK:3")], custom).await;
    assert_eq!(html.matches("data-field=\"id\"").count(), 50, "{html}");
    assert!(html.contains("data-plan=\"#50\""));
    assert!(!html.contains("data-plan=\"#51\""));
    assert!(html.contains("data-more=\"3\""), "{html}");
    assert!(visible_text(&html).contains("…and 3 more."));
}

#[tokio::test]
async fn a_short_list_of_catalogue_problems_has_no_more_line() {
    let custom = CustomCatalogue::Invalid {
        url: "https://blog.example/plans.json".into(),
        problems: vec![Problem {
            plan: None,
            field: String::new(),
            issue: Issue::TooDeep { limit: 64 },
        }]
        .into(),
    };
    let html = render(&[("trip", "HK:3")], custom).await;
    assert!(!html.contains("catalogue-error-more"));
    assert!(visible_text(&html).contains("more than 64 levels deep"));
}

#[tokio::test]
async fn unreachable_custom_catalogue_says_why() {
    let custom = CustomCatalogue::FetchFailed {
        url: "https://blog.example/x.json".into(),
        failure: FetchFailure::Http(404),
    };
    let html = render(&[("trip", "HK:3")], custom).await;
    assert!(html.contains("data-testid=\"catalogue-error\""));
    assert!(visible_text(&html).contains("The server answered 404."));
}

#[tokio::test]
async fn refused_link_settings_are_listed_and_defaults_used() {
    let html = render(
        &[("trip", "HK:3"), ("people", "0"), ("mb", "lots")],
        CustomCatalogue::None,
    )
    .await;
    assert!(html.contains("data-testid=\"settings-error\""));
    let text = visible_text(&html);
    assert!(text.contains("“people=0”: Must be at least 1."), "{text}");
    assert!(text.contains("“mb=lots”: Enter a whole number."), "{text}");
    assert!(
        html.contains("data-testid=\"option\""),
        "defaults still give an answer"
    );
}

#[tokio::test]
async fn empty_trip_asks_for_a_valid_entry_instead_of_an_answer() {
    let empty = LinkSettings {
        legs: Some(Vec::new()),
        ..LinkSettings::default()
    };
    let html = render_props(props(empty, Vec::new(), CustomCatalogue::None)).await;
    assert!(!html.contains("data-testid=\"option\""));
    assert!(visible_text(&html).contains(texts(Lang::En).fix_inputs));
}

#[tokio::test]
async fn every_language_renders_its_own_strings() {
    for lang in Lang::ALL {
        // A French reader on Free's 5G plan (Switzerland included): the
        // evidenced catalogue sells no Europe eSIM to visitors.
        let html = render(
            &[
                ("trip", "FR:4,CH:2"),
                ("lang", lang.code()),
                ("people", "3"),
                ("home", "FR"),
                ("plan", "free-forfait-5g"),
            ],
            CustomCatalogue::None,
        )
        .await;
        let t = texts(lang);
        let text = visible_text(&html);
        for s in [
            t.app_title,
            t.trip_heading,
            t.results_heading,
            t.questions_heading,
            t.browser_heading,
        ] {
            assert!(text.contains(s), "{lang:?}: {s}");
        }
        assert!(html.contains(&format!("lang=\"{}\"", lang.code())));
    }
}

#[tokio::test]
async fn chinese_widget_has_no_english_interface_text() {
    let catalogue = catalogue();
    // Brand and product names stay as sellers write them.
    let mut allowed: Vec<String> = catalogue.plans.iter().map(|p| p.provider.clone()).collect();
    for plan in &catalogue.plans {
        allowed.push(plan.name.get(Lang::ZhHans).to_owned());
        allowed.push(plan.name.get(Lang::ZhHant).to_owned());
    }
    allowed.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for lang in [Lang::ZhHans, Lang::ZhHant] {
        let html = render(
            &[
                ("trip", "HK:3,CN:4,MO:1"),
                ("lang", lang.code()),
                ("people", "4"),
                ("home", "HK"),
                ("carrier", "3HK"),
            ],
            CustomCatalogue::None,
        )
        .await;
        assert!(
            html.contains("data-testid=\"option\""),
            "{lang:?}: an answer, with its plans' names and notes, is shown"
        );
        let mut text = visible_text(&html);
        for name in &allowed {
            text = text.replace(name.as_str(), " ");
        }
        let english: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 4 && w.is_ascii())
            // App brands named by the blocked-apps caveat, which the
            // answer now shows (every pass here sets its breakout).
            .filter(|w| {
                ![
                    "eSIM",
                    "English",
                    "Français",
                    "Google",
                    "WhatsApp",
                    "Instagram",
                ]
                .contains(w)
            })
            .collect();
        assert!(
            english.is_empty(),
            "{lang:?} shows English words: {english:?}"
        );
    }
}

#[tokio::test]
async fn bad_days_value_is_reported_next_to_its_input() {
    // A leg of 0 days from a link is refused as a whole trip value; typed
    // values are checked by the same rule (see state tests).
    let html = render(&[("trip", "HK:0")], CustomCatalogue::None).await;
    assert!(visible_text(&html).contains("“HK:0” is not a stop written as country:days"));
}

#[tokio::test]
async fn share_panel_offers_the_link_and_both_embed_snippets() {
    let (settings, errors) = settings(&[
        ("trip", "HK:3,MO:1"),
        ("people", "2"),
        ("lang", "en"),
        ("cur", "HKD"),
    ]);
    let mut p = props(settings, errors, CustomCatalogue::None);
    p.widget_url = Some("https://blog.example/roamplan/index.html".into());
    let html = render_props(p).await;
    let link = "https://blog.example/roamplan/index.html?trip=HK:3,MO:1&amp;people=2";
    assert!(html.contains(link), "share link with the trip");
    assert!(
        html.contains("https://blog.example/roamplan/embed.js"),
        "embed script beside the widget"
    );
    assert!(
        html.contains("&lt;div data-roamplan-mount data-trip=\"HK:3,MO:1\""),
        "script snippet carries the settings"
    );
    assert!(
        html.contains("sandbox=\"allow-scripts"),
        "iframe snippet is sandboxed"
    );
    // Both snippets carry a way to the calculator when scripts cannot run.
    let noscript = format!(
        "&lt;noscript&gt;{} &lt;a href=\"https://blog.example/roamplan/index.html?trip=HK:3,MO:1&amp;amp;people=2",
        texts(Lang::En).fallback_no_script
    );
    assert_eq!(html.matches(&noscript).count(), 2, "{html}");
}

#[tokio::test]
async fn no_share_panel_without_a_widget_address() {
    let html = render(&[("trip", "HK:3")], CustomCatalogue::None).await;
    assert!(!html.contains("rp-share"));
}

#[tokio::test]
async fn update_and_saved_trip_notices_show_when_told() {
    let (settings, errors) = settings(&[("trip", "HK:3")]);
    let mut p = props(settings.clone(), errors.clone(), CustomCatalogue::None);
    p.update_ready = true;
    p.saved_ignored = true;
    let html = render_props(p).await;
    assert!(html.contains("data-testid=\"update-ready\""));
    assert!(html.contains("data-testid=\"saved-ignored\""));
    let quiet = render_props(props(settings, errors, CustomCatalogue::None)).await;
    assert!(!quiet.contains("update-ready") && !quiet.contains("saved-ignored"));
}

#[tokio::test]
async fn embed_theme_setting_picks_the_colour_scheme() {
    let dark = render(
        &[("trip", "HK:3"), ("theme", "dark")],
        CustomCatalogue::None,
    )
    .await;
    assert!(dark.contains("class=\"rp rp-theme-dark\""));
    let auto = render(&[("trip", "HK:3")], CustomCatalogue::None).await;
    assert!(auto.contains("class=\"rp\""));
}

#[tokio::test]
async fn focus_countries_start_the_trip_when_none_is_given() {
    let html = render(&[("focus", "JP,KR")], CustomCatalogue::None).await;
    assert!(
        html.contains("value=\"JP\"") && html.contains("value=\"KR\""),
        "legs start with the focus countries"
    );
}

/// The number in the plan browser's "Plans: N" line.
fn plans_listed(html: &str) -> usize {
    let text = visible_text(html);
    let at = text
        .find("Plans: ")
        .unwrap_or_else(|| panic!("no plan count in {text}"));
    text[at + 7..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn plan_browser_lists_only_plans_the_travellers_can_buy() {
    use roamplan::core::catalogue::{Buyers, PlanKind};
    use roamplan::core::country::CountryCode;
    let catalogue = catalogue();
    let hk = CountryCode::parse("HK").unwrap();
    // Counted from the plans' own fields, not with the widget's rule.
    let count = |home: &str, carrier: Option<&str>, esim: bool| {
        catalogue
            .plans
            .iter()
            .filter(|p| p.covers(hk))
            .filter(|p| p.kind != PlanKind::HomePlan)
            .filter(|p| esim || p.kind != PlanKind::Esim)
            .filter(|p| match p.buyers {
                Buyers::Anyone => true,
                Buyers::Residents => p.home == CountryCode::parse(home),
                Buyers::Customers => {
                    p.home == CountryCode::parse(home)
                        && carrier.is_some_and(|c| p.carriers.iter().any(|k| k == c))
                }
            })
            .count()
    };
    let base = [("trip", "HK:3"), ("lang", "en")];
    let from_hk =
        plans_listed(&render(&[base[0], base[1], ("home", "HK")], CustomCatalogue::None).await);
    let from_cn =
        plans_listed(&render(&[base[0], base[1], ("home", "CN")], CustomCatalogue::None).await);
    let from_cn_cu = plans_listed(
        &render(
            &[
                base[0],
                base[1],
                ("home", "CN"),
                ("carrier", "China Unicom"),
            ],
            CustomCatalogue::None,
        )
        .await,
    );
    let no_esim = plans_listed(
        &render(
            &[base[0], base[1], ("home", "HK"), ("esim", "0")],
            CustomCatalogue::None,
        )
        .await,
    );
    assert_eq!(from_hk, count("HK", None, true));
    assert_eq!(
        from_cn,
        count("CN", None, true),
        "no carrier: no roaming pass"
    );
    assert_eq!(from_cn_cu, count("CN", Some("China Unicom"), true));
    assert!(
        from_cn_cu > from_cn,
        "the carrier's Hong Kong pass is added"
    );
    assert_eq!(no_esim, count("HK", None, false));
}

/// The part of `html` from the first `data-testid="summary"` element to its end.
fn summary_of(html: &str) -> String {
    let start = html.find("data-testid=\"summary\"").expect("a summary");
    let end = html[start..].find("</a>").expect("its end") + start;
    visible_text(&html[start..end])
}

/// Two csl customers from Hong Kong to the mainland and Macau, in English.
async fn csl_customers_across_the_border() -> String {
    render(
        &[
            ("trip", "HK:3,CN:2,MO:1"),
            ("home", "HK"),
            ("carrier", "csl"),
            ("people", "2"),
            ("cur", "HKD"),
            ("lang", "en"),
        ],
        CustomCatalogue::None,
    )
    .await
}

#[tokio::test]
async fn the_answer_comes_first_a_total_and_its_plan_above_the_form() {
    // A csl customer to the mainland and Macau: the cheapest is csl's
    // cross-border package, HK$10 a month each (catalogue), two travellers.
    let html = csl_customers_across_the_border().await;
    let summary = summary_of(&html);
    let f = roamplan::i18n::Formatter::new(Lang::En);
    let money = |minor| {
        f.money(roamplan::core::money::Money::new(
            minor,
            roamplan::core::money::Currency::parse("HKD").unwrap(),
        ))
    };
    assert!(summary.contains(&money(2000)), "{summary}");
    let plan = catalogue()
        .plan("csl-1o1o-cn-mo-data-package-24m")
        .unwrap()
        .name
        .get(Lang::En)
        .to_owned();
    assert!(summary.contains(&plan.replace('&', "&amp;")), "{summary}");
    // Above the form, and the only live region: not the whole results.
    let (summary_at, form_at) = (
        html.find("data-testid=\"summary\"").unwrap(),
        html.find("<form").unwrap(),
    );
    assert!(summary_at < form_at);
    assert_eq!(html.matches("aria-live").count(), 1, "one live region");
    let live = html.find("data-testid=\"live-summary\"").unwrap();
    assert!(html[..live].rfind("aria-live").is_some());
}

#[tokio::test]
async fn a_trip_nothing_covers_says_so_first() {
    let html = render(
        &[("trip", "HK:2,AQ:3"), ("lang", "en")],
        CustomCatalogue::None,
    )
    .await;
    let summary = summary_of(&html);
    let antarctica = roamplan::i18n::Formatter::new(Lang::En)
        .country(roamplan::core::country::CountryCode::parse("AQ").unwrap());
    assert!(summary.contains(&antarctica), "{summary}");
}

#[tokio::test]
async fn travellers_buying_the_same_are_one_line_with_each_ones_price() {
    let html = csl_customers_across_the_border().await;
    let best_start = html.find("data-testid=\"option\"").unwrap();
    let best_end = html[best_start..].find("</article>").unwrap() + best_start;
    let best = &html[best_start..best_end];
    assert_eq!(
        best.matches("class=\"rp-block\"").count(),
        1,
        "one line for both"
    );
    let text = visible_text(best);
    let each = roamplan::i18n::Formatter::new(Lang::En).money(roamplan::core::money::Money::new(
        1000,
        roamplan::core::money::Currency::parse("HKD").unwrap(),
    ));
    assert!(
        text.contains(&format!("everyone · {each} per person")),
        "{text}"
    );
    // One label per option.
    assert_eq!(best.matches("<span class=\"rp-badge").count(), 1);
}

#[tokio::test]
async fn charts_plan_list_and_share_link_open_on_demand() {
    let (settings, errors) = settings(&[("trip", "JP:5"), ("lang", "en")]);
    let mut p = props(settings, errors, CustomCatalogue::None);
    p.widget_url = Some("https://blog.example/roamplan/".into());
    let html = render_props(p).await;
    for id in ["rp-browser-heading", "rp-share-heading"] {
        let at = html.find(&format!("id=\"{id}\"")).unwrap();
        let details = html[..at].rfind("<details").unwrap();
        assert!(!html[details..at].contains(" open"), "{id} folded");
        assert!(
            html[details..at].contains("<summary"),
            "{id} in the summary"
        );
    }
}

#[tokio::test]
async fn an_embed_with_the_bloggers_trip_shows_it_in_one_line_and_folds_the_form() {
    let (settings, errors) = settings(&[("trip", "HK:3,MO:1"), ("people", "2"), ("lang", "en")]);
    let mut p = props(settings, errors, CustomCatalogue::None);
    p.trip_folded = true;
    let html = render_props(p).await;
    let edit = html
        .find("<details class=\"rp-edit\"")
        .expect("the trip folds");
    let form = html.find("<form").unwrap();
    assert!(edit < form, "the form is inside the fold");
    let f = roamplan::i18n::Formatter::new(Lang::En);
    let hk = f.country(roamplan::core::country::CountryCode::parse("HK").unwrap());
    let line = visible_text(&html[edit..form]);
    assert!(line.contains(&format!("{hk} 3 days")), "{line}");
    assert!(line.contains("2 travellers"), "{line}");
    // The answer follows the line: no summary card repeating it.
    assert!(!html.contains("data-testid=\"summary\""));
}

#[tokio::test]
async fn while_a_blogs_catalogue_loads_no_built_in_answer_is_shown() {
    let html = render(
        &[("trip", "HK:5"), ("lang", "en")],
        CustomCatalogue::Loading {
            url: "/plans.json".into(),
        },
    )
    .await;
    assert!(html.contains("aria-busy=\"true\""));
    for hook in ["option", "no-option", "catalogue-error", "summary"] {
        assert!(
            !html.contains(&format!("data-testid=\"{hook}\"")),
            "{hook} while loading"
        );
    }
}

#[tokio::test]
async fn several_plans_in_one_border_sentence_take_the_plural() {
    // A China Unicom customer in Hong Kong and Japan: its HK/MO/TW day pass
    // and 3HK's card both work in Hong Kong only (catalogue).
    let html = render(
        &[
            ("trip", "HK:3,JP:3"),
            ("home", "CN"),
            ("carrier", "China Unicom"),
            ("lang", "en"),
        ],
        CustomCatalogue::None,
    )
    .await;
    let text = visible_text(&html);
    let plural = text.contains(" work in ");
    let singular_after_list = text
        .split(". ")
        .any(|s| s.contains(", ") && s.contains(" works in ") && s.contains("Pass"));
    assert!(plural, "{text}");
    assert!(!singular_after_list, "{text}");
}

#[tokio::test]
async fn someone_travelling_alone_is_not_told_a_line_each() {
    let t = texts(Lang::En);
    let alone =
        visible_text(&render(&[("trip", "HK:4"), ("lang", "en")], CustomCatalogue::None).await);
    assert!(!alone.contains(t.strategy_separate), "{alone}");
    let two = visible_text(
        &render(
            &[
                ("trip", "HK:4"),
                ("people", "2"),
                ("together", "0"),
                ("lang", "en"),
            ],
            CustomCatalogue::None,
        )
        .await,
    );
    assert!(two.contains(t.strategy_separate), "{two}");
}

#[tokio::test]
async fn a_large_trip_without_a_worker_is_answered_on_the_page() {
    // Six travellers of two kinds for 20 days is work for the engine worker;
    // natively there is none, as in a browser that cannot start one, and
    // the widget must answer it itself rather than wait forever.
    let query = [
        ("trip", "HK:20"),
        ("mb", "2048,2048,2048,300,300,300"),
        ("esim", "1,1,1,0,0,0"),
        ("lang", "en"),
    ];
    let html = render(&query, CustomCatalogue::None).await;
    assert!(!option_attributes(&html, "data-total-minor").is_empty());
    assert!(!html.contains("data-testid=\"results-loading\""));
    assert!(!html.contains("data-testid=\"summary-pending\""));
}

#[tokio::test]
async fn a_trip_beyond_the_engines_bound_is_told_why_in_the_readers_language() {
    // A blog's 2,000-plan list, 120 days in Japan, twelve travellers of four
    // kinds: more work than the engine takes on. The reader learns why and
    // what to change, instead of waiting for an answer that never comes.
    let plans: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                r#"{{"id":"gen-{i}","name":"Gen {i}","provider":"Gen","kind":"esim","coverage":["JP"],"price":{},"currency":"EUR","validity_days":7,"data_mb":10240}}"#,
                10 + i % 50
            )
        })
        .collect();
    let json = format!(
        r#"{{"format":1,"rates_per_eur":{{"EUR":1}},"zones":{{}},"plans":[{}]}}"#,
        plans.join(",")
    );
    let big = Rc::new(load_native(&json).expect("generated catalogue").catalogue);
    let (settings, errors) = settings(&[
        ("trip", "JP:120"),
        (
            "mb",
            "300,1024,2048,5120,300,1024,2048,5120,300,1024,2048,5120",
        ),
        ("lang", "zh-Hans"),
        ("cur", "EUR"),
    ]);
    let mut p = props(
        settings,
        errors,
        CustomCatalogue::InUse {
            url: "/big.json".into(),
        },
    );
    p.catalogue = big;
    let html = render_props(p).await;
    let expected = roamplan::i18n::fill(
        texts(Lang::ZhHans).too_much_work,
        &[("plans", "2000"), ("days", "120"), ("kinds", "4")],
    );
    assert!(html.contains("data-testid=\"no-answer\""), "{html}");
    assert!(html.contains(&expected));
    assert!(!html.contains("data-testid=\"option\""));
}

#[tokio::test]
async fn a_card_says_where_it_is_sold_where_the_catalogue_knows() {
    // Switzerland, a light user (500 MB lasts 5 days at 90 MB): Swisscom's
    // prepaid card is in the answer, and the
    // catalogue says where it is ordered and registered (Swisscom's pages).
    let html = render(
        &[("trip", "CH:5"), ("mb", "90"), ("lang", "zh-Hans")],
        CustomCatalogue::None,
    )
    .await;
    let plans = option_attributes(&html, "data-plans");
    assert!(
        plans
            .iter()
            .any(|p| p.contains("swisscom-ch-prepaid-combi-m")),
        "{plans:?}"
    );
    let catalogue = catalogue();
    let plan = catalogue
        .plans
        .iter()
        .find(|p| p.id == "swisscom-ch-prepaid-combi-m")
        .expect("the Swisscom card");
    let sold = plan.provenance.sold_at.as_ref().expect("where it is sold");
    let line = roamplan::i18n::fill(
        texts(Lang::ZhHans).where_to_buy,
        &[("where", sold.get(Lang::ZhHans))],
    );
    assert!(html.contains(&line.replace('&', "&amp;")), "{line}");
}
