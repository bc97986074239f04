//! The maintainer's catalogue report (issue 11 part 5): the pure report on a
//! validation as of a given day, its text in each language, and the
//! `catalogue_report` command's output and exit codes.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use roamplan::core::catalogue::report::{build, newest_date, Age, DuePlan, HomePageSource};
use roamplan::core::catalogue::{validate_text, Confidence, Issue, Validation};
use roamplan::core::date::Date;
use roamplan::core::json;
use roamplan::core::lang::Lang;
use roamplan::i18n::report::render;
use std::process::Command;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// Four plans, one of each confidence (and one without), of different ages,
/// with home pages among their sources.
const CATALOGUE: &str = r#"{
  "format": 1,
  "as_of": "2026-11-01",
  "rates_per_eur": { "EUR": 1, "HKD": 8.45 },
  "rates_source": "https://www.ecb.europa.eu/",
  "plans": [
    {
      "id": "seen-recently", "name": "A", "provider": "csl", "kind": "esim",
      "coverage": ["HK"], "price": 88, "currency": "HKD", "validity_days": 5,
      "confidence": "observed", "checked": "2026-10-01",
      "source": "https://www.csl.com/en/prepaid/5-day",
      "evidence": [{ "url": "https://www.csl.com/en/prepaid/5-day", "quote": "HK$88 / 5 days", "seen": "2026-10-20" }]
    },
    {
      "id": "seen-in-march", "name": "B", "provider": "3HK", "kind": "sim",
      "coverage": ["HK"], "price": 50, "currency": "HKD", "validity_days": 7,
      "confidence": "partial", "checked": "2026-03-01",
      "source": "https://www.three.com.hk/"
    },
    {
      "id": "never-dated", "name": "C", "provider": "SmarTone", "kind": "esim",
      "coverage": ["HK"], "price": 2.5, "currency": "EUR", "billing": "day",
      "confidence": "unverified",
      "evidence": [{ "url": "https://www.smartone.com/en/", "quote": "Day pass" }]
    },
    {
      "id": "seen-long-ago", "name": "D", "provider": "CMHK", "kind": "roaming",
      "home": "HK", "coverage": ["CN"], "price": 38, "currency": "HKD", "validity_days": 1,
      "checked": "2025-01-01"
    }
  ]
}"#;

fn validation(text: &str) -> Validation {
    validate_text(text, Some(d("2026-11-15")), usize::MAX, json::from_str)
}

#[test]
fn counts_plans_by_confidence_and_by_age_of_their_newest_check() {
    let report = build(&validation(CATALOGUE), d("2026-11-15"), 6);
    assert!(!report.has_errors());
    assert_eq!(report.plans, 4);
    assert_eq!(
        report.by_confidence,
        [
            (Some(Confidence::Observed), 1),
            (Some(Confidence::Partial), 1),
            (Some(Confidence::Unverified), 1),
            (None, 1),
        ]
    );
    // A: seen 2026-10-20 (its evidence, newer than its checked date);
    // B: 2026-03-01, eight months; C: never; D: 2025-01-01.
    assert_eq!(
        report.by_age,
        [
            (Age::Future, 0),
            (Age::UnderOneMonth, 1),
            (Age::OneToThreeMonths, 0),
            (Age::ThreeToSixMonths, 0),
            (Age::SixToTwelveMonths, 1),
            (Age::OverAYear, 1),
            (Age::Undated, 1),
        ]
    );
}

#[test]
fn the_newest_date_is_the_latest_of_checked_and_every_seen() {
    let catalogue = validation(CATALOGUE).catalogue;
    let newest = |id: &str| newest_date(catalogue.plan(id).unwrap());
    assert_eq!(newest("seen-recently"), Some(d("2026-10-20")));
    assert_eq!(newest("seen-in-march"), Some(d("2026-03-01")));
    assert_eq!(newest("never-dated"), None);
}

#[test]
fn lists_sources_that_are_only_a_home_page() {
    let report = build(&validation(CATALOGUE), d("2026-11-15"), 6);
    assert_eq!(
        report.home_pages,
        [
            HomePageSource {
                plan: None,
                field: "rates_source".to_owned(),
                url: "https://www.ecb.europa.eu/".to_owned(),
            },
            HomePageSource {
                plan: Some("seen-in-march".to_owned()),
                field: "source".to_owned(),
                url: "https://www.three.com.hk/".to_owned(),
            },
            HomePageSource {
                plan: Some("never-dated".to_owned()),
                field: "evidence.1.url".to_owned(),
                url: "https://www.smartone.com/en/".to_owned(),
            },
        ]
    );
}

#[test]
fn lists_plans_not_checked_for_the_given_months_undated_and_oldest_first() {
    let report = build(&validation(CATALOGUE), d("2026-11-15"), 6);
    assert_eq!(
        report.due,
        [
            DuePlan {
                plan: "never-dated".to_owned(),
                newest: None,
                months: None,
            },
            DuePlan {
                plan: "seen-long-ago".to_owned(),
                newest: Some(d("2025-01-01")),
                months: Some(22),
            },
            DuePlan {
                plan: "seen-in-march".to_owned(),
                newest: Some(d("2026-03-01")),
                months: Some(8),
            },
        ]
    );
    // Nine months: March is recent enough; a later today makes it due again.
    let ids = |months: u32, today: &str| -> Vec<String> {
        build(&validation(CATALOGUE), d(today), months)
            .due
            .into_iter()
            .map(|p| p.plan)
            .collect()
    };
    assert_eq!(ids(9, "2026-11-15"), ["never-dated", "seen-long-ago"]);
    assert_eq!(
        ids(9, "2026-12-01"),
        ["never-dated", "seen-long-ago", "seen-in-march"]
    );
    // Today is the report's parameter: the same file a month earlier.
    assert_eq!(
        ids(1, "2026-10-31"),
        ["never-dated", "seen-long-ago", "seen-in-march"]
    );
}

#[test]
fn ages_have_clear_boundaries() {
    let today = d("2026-11-15");
    for (date, age) in [
        (Some("2026-11-16"), Age::Future),
        (Some("2026-11-15"), Age::UnderOneMonth),
        (Some("2026-10-16"), Age::UnderOneMonth),
        (Some("2026-10-15"), Age::OneToThreeMonths),
        (Some("2026-08-15"), Age::ThreeToSixMonths),
        (Some("2026-05-16"), Age::ThreeToSixMonths),
        (Some("2026-05-15"), Age::SixToTwelveMonths),
        (Some("2025-11-16"), Age::SixToTwelveMonths),
        (Some("2025-11-15"), Age::OverAYear),
        (None, Age::Undated),
    ] {
        assert_eq!(Age::of(date.map(d), today), age, "{date:?}");
    }
}

#[test]
fn problems_are_reported_in_full_with_errors_and_advisories_apart() {
    // 60 plans observed without evidence: all 60 advisories, not the
    // widget's first 50. One broken plan: an error, the rest still counted.
    let plan = |i: usize| {
        format!(
            r#"{{ "id": "p{i}", "name": "P", "provider": "X", "kind": "esim", "coverage": ["HK"],
                "price": 10, "currency": "EUR", "validity_days": 1, "confidence": "observed" }}"#
        )
    };
    let mut plans: Vec<String> = (0..60).map(plan).collect();
    plans.push(r#"{ "id": "broken", "name": "B" }"#.to_owned());
    let text = format!(
        r#"{{ "format": 1, "as_of": "2026-11-01", "rates_per_eur": {{ "EUR": 1 }}, "plans": [{}] }}"#,
        plans.join(",")
    );
    let report = build(&validation(&text), d("2026-11-15"), 6);
    assert!(report.has_errors());
    assert_eq!(report.advisories.shown.len(), 60);
    assert_eq!(report.advisories.more, 0);
    assert!(report
        .advisories
        .iter()
        .all(|p| p.issue == Issue::ObservedWithoutEvidence));
    assert!(report
        .errors
        .iter()
        .all(|p| p.plan.as_deref() == Some("broken")));
    assert_eq!(report.plans, 60, "the plans that read cleanly");
}

#[test]
fn renders_every_section_in_every_language() {
    let report = build(&validation(CATALOGUE), d("2026-11-15"), 6);
    let mut texts = Vec::new();
    for lang in Lang::ALL {
        let text = render(&report, "plans.json", lang);
        assert!(!text.contains('{'), "{lang:?}:\n{text}");
        for expected in [
            "plans.json",
            "seen-in-march",
            "https://www.three.com.hk/",
            "never-dated",
            "seen-long-ago",
        ] {
            assert!(
                text.contains(expected),
                "{lang:?} lacks {expected}:\n{text}"
            );
        }
        texts.push(text);
    }
    let english = &texts[0];
    for expected in [
        "Errors (the widget refuses the file while there are any): 0",
        "Advisories",
        "observed",
        "Plans not checked for 6 months or more: 3",
        "seen-long-ago: last checked 2025-01-01 (22 months ago)",
        "never-dated: no date at all",
        "0 errors,",
    ] {
        assert!(english.contains(expected), "lacks {expected}:\n{english}");
    }
    assert!(texts[3].contains("Erreurs"), "{}", texts[3]);
    assert!(texts[1].contains("错误") && texts[2].contains("錯誤"));
}

// ---------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_catalogue_report"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("roamplan-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn command_reports_a_valid_catalogue_and_exits_zero() {
    let path = temp_file("valid.json", CATALOGUE);
    let (code, out, _) = run(&[&path]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Errors (the widget refuses the file while there are any): 0"));
    assert!(out.contains("https://www.three.com.hk/"));
    // By default, six months before the real today: the 2025 plan is due.
    assert!(
        out.contains("seen-long-ago: last checked 2025-01-01"),
        "{out}"
    );
}

#[test]
fn command_exits_one_on_errors_and_lists_them() {
    let path = temp_file(
        "broken.json",
        &CATALOGUE.replacen(r#""price": 88,"#, r#""price": 88.005,"#, 1),
    );
    let (code, out, _) = run(&[&path, "--lang", "fr"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("seen-recently"), "{out}");
    assert!(out.contains("décimales"), "{out}");
    let (code, out, _) = run(&[&temp_file("not-json.json", "<html>")]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn command_takes_the_months_and_refuses_bad_arguments() {
    let path = temp_file("months.json", CATALOGUE);
    let (code, out, _) = run(&[&path, "--older-than-months", "1000"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Plans not checked for 1000 months or more: 1"),
        "{out}"
    );
    for args in [
        vec![],
        vec![path.as_str(), "--lang", "de"],
        vec![path.as_str(), "--older-than-months", "six"],
        vec![path.as_str(), "--older-than-months"],
        vec![path.as_str(), "--colour"],
        vec!["/nonexistent/catalogue.json"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(!err.is_empty(), "{args:?}");
    }
}

#[test]
fn command_accepts_the_built_in_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/catalogue.json");
    let (code, out, _) = run(&[path, "--lang", "zh-Hant"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("錯誤"), "{out}");
}
