//! The catalogue loader and validator against the public contract
//! (`shared/catalogue-format.md`, format 1): every rule, one broken thing at a
//! time, each problem naming its plan and field; and random input never panics.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use proptest::prelude::*;
use roamplan::core::catalogue::{
    from_json, load_native, Billing, Buyers, Catalogue, Confidence, Evidence, Expected, Hotspot,
    Issue, PlanKind, Problem, Problems, Provenance, Severity, MAX_CATALOGUE_BYTES,
};
use roamplan::core::country::CountryCode;
use roamplan::core::date::Date;
use roamplan::core::json::{self, Json, JsonError, MAX_DEPTH};
use roamplan::core::lang::Lang;
use roamplan::core::money::{Currency, Money};
use roamplan::i18n::{problem_text, Formatter};
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------
// The valid base and helpers
// ---------------------------------------------------------------------------

/// A small catalogue that exercises most fields: a pass, a day plan, and a
/// roaming pass with a pool and a top-up. `CNY` and `USD` are listed but
/// unused, so breaking their rates touches no plan.
const BASE: &str = r#"{
  "format": 1,
  "as_of": "2026-11-01",
  "rates_per_eur": { "EUR": 1, "HKD": 8.45, "CNY": 8.2, "USD": 1.08 },
  "zones": {
    "CN_HK_MO": ["CN", "HK", "MO"],
    "GREATER_CHINA": ["CN", "HK", "MO", "TW"]
  },
  "plans": [
    {
      "id": "hk-pass-5d",
      "name": { "en": "Hong Kong 5-day pass", "fr": "Forfait Hong Kong 5 jours", "zh-Hant": "香港五日卡" },
      "provider": "csl",
      "kind": "esim",
      "coverage": ["HK"],
      "price": 88,
      "currency": "HKD",
      "billing": "pass",
      "validity_days": 5,
      "data_mb": 5120,
      "hotspot": true,
      "source": "https://example.com/csl",
      "checked": "2026-10-20",
      "notes": "Real-name registration",
      "confidence": "observed"
    },
    {
      "id": "gc-day",
      "name": "Greater China day plan",
      "provider": "Example Mobile",
      "kind": "sim",
      "coverage": ["@GREATER_CHINA"],
      "price": 2.5,
      "currency": "EUR",
      "billing": "day",
      "daily_mb": 1024,
      "hotspot": 500,
      "confidence": "partial"
    },
    {
      "id": "cmhk-roam-7d",
      "name": { "en": "Mainland & Macau roaming pass" },
      "provider": "China Mobile Hong Kong",
      "kind": "roaming",
      "home": "HK",
      "coverage": ["CN", "MO"],
      "price": 98,
      "currency": "HKD",
      "validity_days": 7,
      "data_mb": 10240,
      "hotspot": false,
      "pool": { "max_lines": 4, "extra_line_price": 30 },
      "topup": { "data_mb": 1024, "price": 20 },
      "confidence": "unverified"
    }
  ]
}"#;

const PASS: &str = "hk-pass-5d";
const DAY: &str = "gc-day";
const ROAMING: &str = "cmhk-roam-7d";

const KINDS: &[&str] = &["esim", "sim", "roaming", "plan"];
const BILLINGS: &[&str] = &["pass", "day"];
const CONFIDENCES: &[&str] = &["observed", "partial", "unverified"];

fn base() -> Value {
    serde_json::from_str(BASE).unwrap()
}

fn to_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

fn plan(root: &mut Value, index: usize) -> &mut Map<String, Value> {
    root["plans"][index].as_object_mut().unwrap()
}

fn top(root: &mut Value) -> &mut Map<String, Value> {
    root.as_object_mut().unwrap()
}

fn load_text(text: &str) -> Catalogue {
    match load_native(text) {
        Ok(loaded) => loaded.catalogue,
        Err(problems) => panic!("expected to load, got {problems:#?}\nfrom {text}"),
    }
}

/// The base with one edit, loaded: it must load.
fn loads(edit: impl FnOnce(&mut Value)) -> Catalogue {
    let mut root = base();
    edit(&mut root);
    load_text(&to_text(&root))
}

/// The base with one edit, loaded: it must fail.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut root = base();
    edit(&mut root);
    problems_of(&to_text(&root))
}

fn problems_of(text: &str) -> Vec<Problem> {
    match load_native(text) {
        Ok(loaded) => panic!(
            "expected problems, loaded {} plans from {text}",
            loaded.catalogue.plans.len()
        ),
        Err(problems) => problems.shown,
    }
}

fn at(plan: &str, field: &str, issue: Issue) -> Problem {
    Problem {
        plan: Some(plan.to_owned()),
        field: field.to_owned(),
        issue,
    }
}

fn at_top(field: &str, issue: Issue) -> Problem {
    Problem {
        plan: None,
        field: field.to_owned(),
        issue,
    }
}

/// The same problems, in any order, each as often.
fn assert_problems(actual: &[Problem], expected: &[Problem]) {
    let mut unmatched: Vec<&Problem> = actual.iter().collect();
    for want in expected {
        match unmatched.iter().position(|got| *got == want) {
            Some(i) => {
                unmatched.remove(i);
            }
            None => panic!("missing {want:#?}\nin {actual:#?}"),
        }
    }
    assert!(
        unmatched.is_empty(),
        "unexpected {unmatched:#?}\nexpected only {expected:#?}"
    );
}

fn assert_one(actual: &[Problem], expected: Problem) {
    assert_problems(actual, &[expected]);
}

fn cc(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap()
}

fn cur(code: &str) -> Currency {
    Currency::parse(code).unwrap()
}

fn wrong_type(expected: Expected, found: &'static str) -> Issue {
    Issue::WrongType { expected, found }
}

fn too_large(max: &str) -> Issue {
    Issue::NumberTooLarge {
        max: max.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// The base
// ---------------------------------------------------------------------------

#[test]
fn base_catalogue_loads_with_every_field_read() {
    let catalogue = load_text(BASE);
    assert_eq!(
        catalogue.as_of.map(|d| d.to_string()),
        Some("2026-11-01".to_owned())
    );
    let ids: Vec<&str> = catalogue.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, [PASS, DAY, ROAMING], "plans keep file order");
    for code in ["EUR", "HKD", "CNY", "USD"] {
        assert!(catalogue.rates.knows(cur(code)), "{code}");
    }

    let pass = catalogue.plan(PASS).unwrap();
    assert_eq!(pass.kind, PlanKind::Esim);
    assert_eq!(pass.provider, "csl");
    assert_eq!(pass.home, None);
    assert_eq!(pass.coverage, vec![cc("HK")]);
    assert_eq!(pass.price, Money::new(8800, cur("HKD")));
    assert_eq!(pass.billing, Billing::Pass { validity_days: 5 });
    assert_eq!(pass.data_mb, Some(5120));
    assert_eq!(pass.daily_mb, None);
    assert_eq!(pass.hotspot, Hotspot::Allowed);
    assert_eq!(pass.pool, None);
    assert_eq!(pass.topup, None);
    assert_eq!(
        pass.provenance.source.as_deref(),
        Some("https://example.com/csl")
    );
    assert_eq!(
        pass.provenance.checked.map(|d| d.to_string()),
        Some("2026-10-20".to_owned())
    );
    assert_eq!(
        pass.provenance.notes.as_ref().map(|n| n.get(Lang::En)),
        Some("Real-name registration")
    );
    assert_eq!(pass.provenance.confidence, Some(Confidence::Observed));

    let day = catalogue.plan(DAY).unwrap();
    assert_eq!(day.kind, PlanKind::Sim);
    assert_eq!(day.billing, Billing::Day);
    assert_eq!(day.validity_days(), None);
    assert_eq!(day.price, Money::new(250, Currency::EUR));
    assert_eq!(day.daily_mb, Some(1024));
    assert_eq!(day.hotspot, Hotspot::CappedPerDay(500));
    assert_eq!(day.provenance.confidence, Some(Confidence::Partial));

    let roaming = catalogue.plan(ROAMING).unwrap();
    assert_eq!(roaming.kind, PlanKind::Roaming);
    assert_eq!(roaming.home, Some(cc("HK")));
    assert_eq!(
        roaming.billing,
        Billing::Pass { validity_days: 7 },
        "billing defaults to pass"
    );
    assert_eq!(roaming.hotspot, Hotspot::Blocked);
    let pool = roaming.pool.unwrap();
    assert_eq!(pool.max_lines, 4);
    assert_eq!(pool.extra_line_price, Money::new(3000, cur("HKD")));
    let topup = roaming.topup.unwrap();
    assert_eq!(topup.data_mb, 1024);
    assert_eq!(topup.price, Money::new(2000, cur("HKD")));
    assert_eq!(roaming.provenance.confidence, Some(Confidence::Unverified));
}

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

#[test]
fn duplicate_id_is_reported_on_the_second_plan() {
    let found = problems(|root| {
        plan(root, 2).insert("id".into(), json!(PASS));
    });
    // The second plan with the id is also named by its position (#3).
    assert_one(&found, at(&format!("{PASS} #3"), "id", Issue::DuplicateId));
}

#[test]
fn id_with_upper_case_is_bad_and_the_plan_is_named_by_position() {
    let found = problems(|root| {
        plan(root, 1).insert("id".into(), json!("GC-Day"));
    });
    assert_one(&found, at("#2", "id", Issue::BadId));
}

#[test]
fn id_with_spaces_or_other_characters_is_bad() {
    for bad in [
        "gc day", " gc-day", "gc_day", "gc.day", "gc-dáy", "gc-day\n",
    ] {
        let found = problems(|root| {
            plan(root, 1).insert("id".into(), json!(bad));
        });
        assert_one(&found, at("#2", "id", Issue::BadId));
    }
}

#[test]
fn empty_id_is_reported_as_empty() {
    let found = problems(|root| {
        plan(root, 0).insert("id".into(), json!(""));
    });
    assert_one(&found, at("#1", "id", Issue::Empty));
}

#[test]
fn id_that_is_not_a_string_is_the_wrong_type() {
    let found = problems(|root| {
        plan(root, 2).insert("id".into(), json!(7));
    });
    assert_one(&found, at("#3", "id", wrong_type(Expected::Text, "number")));
}

#[test]
fn bad_ids_do_not_count_as_duplicates() {
    // Two unusable ids are each reported once, by position.
    let found = problems(|root| {
        plan(root, 0).insert("id".into(), json!("Same"));
        plan(root, 1).insert("id".into(), json!("Same"));
    });
    assert_problems(
        &found,
        &[at("#1", "id", Issue::BadId), at("#2", "id", Issue::BadId)],
    );
}

// ---------------------------------------------------------------------------
// Currency and price
// ---------------------------------------------------------------------------

#[test]
fn currency_without_a_rate_is_unknown() {
    for code in ["JPY", "hkd", "HK", "HKDX", ""] {
        let found = problems(|root| {
            plan(root, 0).insert("currency".into(), json!(code));
        });
        assert_one(
            &found,
            at(
                PASS,
                "currency",
                Issue::UnknownCurrency {
                    code: code.to_owned(),
                },
            ),
        );
    }
}

#[test]
fn currency_that_is_not_a_string_is_the_wrong_type() {
    let found = problems(|root| {
        plan(root, 0).insert("currency".into(), json!(["HKD"]));
    });
    assert_one(
        &found,
        at(PASS, "currency", wrong_type(Expected::Text, "array")),
    );
}

#[test]
fn zero_price_is_not_positive() {
    for zero in [json!(0), json!(0.0), json!(-0.0)] {
        let found = problems(|root| {
            plan(root, 0).insert("price".into(), zero.clone());
        });
        assert_one(&found, at(PASS, "price", Issue::NotPositive));
    }
}

#[test]
fn negative_price_is_not_positive() {
    for negative in [json!(-1), json!(-88.5), json!(-0.01)] {
        let found = problems(|root| {
            plan(root, 1).insert("price".into(), negative.clone());
        });
        assert_one(&found, at(DAY, "price", Issue::NotPositive));
    }
}

#[test]
fn price_that_is_not_a_number_is_the_wrong_type() {
    for (value, found_type) in [
        (json!("88"), "string"),
        (json!(null), "null"),
        (json!(true), "boolean"),
        (json!({ "amount": 88 }), "object"),
    ] {
        let found = problems(|root| {
            plan(root, 0).insert("price".into(), value.clone());
        });
        assert_one(
            &found,
            at(PASS, "price", wrong_type(Expected::Number, found_type)),
        );
    }
}

#[test]
fn decimal_prices_become_exact_minor_units() {
    for (price, minor) in [
        (json!(8.45), 845),
        (json!(39.99), 3999),
        (json!(0.1), 10),
        (json!(0.01), 1),
        (json!(0.29), 29),
        (json!(1.15), 115),
        (json!(4.35), 435),
        (json!(1_234_567.89), 123_456_789),
        (json!(100), 10_000),
    ] {
        let catalogue = loads(|root| {
            plan(root, 0).insert("price".into(), price.clone());
            plan(root, 2).insert(
                "pool".into(),
                json!({ "max_lines": 2, "extra_line_price": price.clone() }),
            );
            plan(root, 2).insert(
                "topup".into(),
                json!({ "data_mb": 1, "price": price.clone() }),
            );
        });
        assert_eq!(
            catalogue.plan(PASS).unwrap().price,
            Money::new(minor, cur("HKD")),
            "{price}"
        );
        let roaming = catalogue.plan(ROAMING).unwrap();
        assert_eq!(
            roaming.pool.unwrap().extra_line_price.minor,
            minor,
            "{price}"
        );
        assert_eq!(roaming.topup.unwrap().price.minor, minor, "{price}");
    }
}

// ---------------------------------------------------------------------------
// Countries, zones, coverage
// ---------------------------------------------------------------------------

#[test]
fn unknown_country_code_in_coverage_is_reported() {
    for code in ["UK", "hk", "Hk", "HKG", "H", "", "ZZ", "EU"] {
        let found = problems(|root| {
            plan(root, 0).insert("coverage".into(), json!(["MO", code]));
        });
        assert_one(
            &found,
            at(
                PASS,
                "coverage",
                Issue::UnknownCountry {
                    code: code.to_owned(),
                },
            ),
        );
    }
}

#[test]
fn unknown_zone_is_reported_without_its_at_sign() {
    let found = problems(|root| {
        plan(root, 1).insert("coverage".into(), json!(["@NOWHERE", "JP"]));
    });
    assert_one(
        &found,
        at(
            DAY,
            "coverage",
            Issue::UnknownZone {
                name: "NOWHERE".to_owned(),
            },
        ),
    );
    // Zone names are case-sensitive.
    let found = problems(|root| {
        plan(root, 1).insert("coverage".into(), json!(["@greater_china"]));
    });
    assert_one(
        &found,
        at(
            DAY,
            "coverage",
            Issue::UnknownZone {
                name: "greater_china".to_owned(),
            },
        ),
    );
}

#[test]
fn empty_coverage_is_reported() {
    let found = problems(|root| {
        plan(root, 0).insert("coverage".into(), json!([]));
    });
    assert_one(&found, at(PASS, "coverage", Issue::Empty));
}

#[test]
fn coverage_of_the_wrong_type_is_reported() {
    let found = problems(|root| {
        plan(root, 0).insert("coverage".into(), json!("HK"));
    });
    assert_one(
        &found,
        at(PASS, "coverage", wrong_type(Expected::List, "string")),
    );
    let found = problems(|root| {
        plan(root, 0).insert("coverage".into(), json!(["HK", 852]));
    });
    assert_one(
        &found,
        at(PASS, "coverage", wrong_type(Expected::Text, "number")),
    );
}

#[test]
fn zones_expand_in_coverage() {
    let catalogue = loads(|root| {
        plan(root, 0).insert(
            "coverage".into(),
            json!(["JP", "@GREATER_CHINA", "HK", "@CN_HK_MO"]),
        );
    });
    let plan = catalogue.plan(PASS).unwrap();
    let codes: Vec<&str> = plan.coverage.iter().map(CountryCode::as_str).collect();
    assert_eq!(
        codes,
        ["CN", "HK", "JP", "MO", "TW"],
        "expanded, sorted, each once"
    );
    assert_eq!(
        plan.coverage_as_written,
        ["JP", "@GREATER_CHINA", "HK", "@CN_HK_MO"]
    );
    assert!(plan.covers(cc("TW")));
    assert!(!plan.covers(cc("KR")));

    let zone = catalogue
        .zones
        .iter()
        .find(|(name, _)| name == "GREATER_CHINA")
        .unwrap();
    assert_eq!(zone.1, vec![cc("CN"), cc("HK"), cc("MO"), cc("TW")]);
}

#[test]
fn zones_may_come_after_the_plans_that_use_them() {
    let text = BASE.replacen(r#""zones": {"#, r#""zones_moved": {"#, 1).replacen(
        "\n}",
        r#", "zones": { "CN_HK_MO": ["CN", "HK", "MO"], "GREATER_CHINA": ["CN", "HK", "MO", "TW"] } }"#,
        1,
    );
    let catalogue = load_text(&text);
    assert_eq!(catalogue.plan(DAY).unwrap().coverage.len(), 4);
}

#[test]
fn zone_with_an_unknown_country_is_reported_at_the_zone() {
    let found = problems(|root| {
        root["zones"]["CN_HK_MO"] = json!(["CN", "HK", "UK"]);
    });
    assert_one(
        &found,
        at_top(
            "zones.CN_HK_MO",
            Issue::UnknownCountry {
                code: "UK".to_owned(),
            },
        ),
    );
}

#[test]
fn zones_of_the_wrong_type_are_reported() {
    let found = problems(|root| {
        root["zones"]["CN_HK_MO"] = json!("CN,HK,MO");
    });
    assert_one(
        &found,
        at_top("zones.CN_HK_MO", wrong_type(Expected::List, "string")),
    );
    let found = problems(|root| {
        root["zones"]["CN_HK_MO"] = json!(["CN", 86]);
    });
    assert_one(
        &found,
        at_top("zones.CN_HK_MO", wrong_type(Expected::Text, "number")),
    );
}

#[test]
fn zones_are_optional_when_no_plan_uses_one() {
    let catalogue = loads(|root| {
        top(root).remove("zones");
        plan(root, 1).insert("coverage".into(), json!(["CN", "TW"]));
    });
    assert!(catalogue.zones.is_empty());
    // ...but a plan that uses one then names a zone that does not exist.
    let found = problems(|root| {
        top(root).remove("zones");
    });
    assert_one(
        &found,
        at(
            DAY,
            "coverage",
            Issue::UnknownZone {
                name: "GREATER_CHINA".to_owned(),
            },
        ),
    );
}

// ---------------------------------------------------------------------------
// Billing, validity, data
// ---------------------------------------------------------------------------

#[test]
fn data_mb_is_not_allowed_with_day_billing() {
    let found = problems(|root| {
        plan(root, 1).insert("data_mb".into(), json!(1024));
    });
    assert_one(&found, at(DAY, "data_mb", Issue::DataWithDayBilling));
}

#[test]
fn pass_without_validity_days_is_reported() {
    // Billing written as "pass"...
    let found = problems(|root| {
        plan(root, 0).remove("validity_days");
    });
    assert_one(&found, at(PASS, "validity_days", Issue::MissingValidity));
    // ...and billing left to its default.
    let found = problems(|root| {
        plan(root, 2).remove("validity_days");
    });
    assert_one(&found, at(ROAMING, "validity_days", Issue::MissingValidity));
}

#[test]
fn validity_days_zero_or_negative_is_not_positive() {
    for days in [json!(0), json!(-3)] {
        let found = problems(|root| {
            plan(root, 0).insert("validity_days".into(), days.clone());
        });
        assert_one(&found, at(PASS, "validity_days", Issue::NotPositive));
    }
}

#[test]
fn validity_days_fractional_is_not_a_whole_number() {
    for days in [json!(1.5), json!(0.5), json!(7.000_001)] {
        let found = problems(|root| {
            plan(root, 0).insert("validity_days".into(), days.clone());
        });
        assert_one(
            &found,
            at(
                PASS,
                "validity_days",
                wrong_type(Expected::Integer, "number"),
            ),
        );
    }
}

#[test]
fn validity_days_as_text_is_the_wrong_type() {
    let found = problems(|root| {
        plan(root, 0).insert("validity_days".into(), json!("5"));
    });
    assert_one(
        &found,
        at(
            PASS,
            "validity_days",
            wrong_type(Expected::Number, "string"),
        ),
    );
}

#[test]
fn validity_days_written_with_a_decimal_point_is_still_whole() {
    let catalogue = loads(|root| {
        plan(root, 0).insert("validity_days".into(), json!(5.0));
    });
    assert_eq!(catalogue.plan(PASS).unwrap().validity_days(), Some(5));
}

#[test]
fn validity_days_too_large_for_a_day_count_is_reported_not_dropped() {
    // 2^32 days: a whole number, but no plan lasts that long. It must be
    // reported as too large (not as "not a whole number"), never make the
    // plan silently vanish from the catalogue.
    for days in [
        json!(4_294_967_296_u64),
        json!(999_999_999_999_u64),
        json!(1e15),
        json!(9_007_199_254_740_992_u64),
        json!(1e300),
    ] {
        let found = problems(|root| {
            plan(root, 0).insert("validity_days".into(), days.clone());
        });
        assert_one(&found, at(PASS, "validity_days", too_large("4294967295")));
    }
    // The largest day count still fits.
    let catalogue = loads(|root| {
        plan(root, 0).insert("validity_days".into(), json!(u32::MAX));
    });
    assert_eq!(
        catalogue.plan(PASS).unwrap().validity_days(),
        Some(u32::MAX)
    );
}

#[test]
fn data_amounts_must_be_positive_whole_megabytes() {
    for field in ["data_mb", "daily_mb"] {
        let found = problems(|root| {
            plan(root, 0).insert(field.into(), json!(0));
        });
        assert_one(&found, at(PASS, field, Issue::NotPositive));
        let found = problems(|root| {
            plan(root, 0).insert(field.into(), json!(512.5));
        });
        assert_one(
            &found,
            at(PASS, field, wrong_type(Expected::Integer, "number")),
        );
        let found = problems(|root| {
            plan(root, 0).insert(field.into(), json!("1GB"));
        });
        assert_one(
            &found,
            at(PASS, field, wrong_type(Expected::Number, "string")),
        );
    }
}

#[test]
fn absent_data_means_no_cap() {
    let catalogue = loads(|root| {
        plan(root, 0).remove("data_mb");
    });
    let plan = catalogue.plan(PASS).unwrap();
    assert_eq!(plan.data_mb, None);
    assert!(plan.is_unlimited());
}

// ---------------------------------------------------------------------------
// Pool and top-up
// ---------------------------------------------------------------------------

#[test]
fn pool_with_fewer_than_two_lines_is_too_small() {
    for lines in [1, 0, -3] {
        let found = problems(|root| {
            plan(root, 2).insert(
                "pool".into(),
                json!({ "max_lines": lines, "extra_line_price": 30 }),
            );
        });
        assert_one(
            &found,
            at(
                ROAMING,
                "pool.max_lines",
                Issue::PoolTooSmall { max_lines: lines },
            ),
        );
    }
}

#[test]
fn pool_max_lines_must_be_a_whole_number() {
    let found = problems(|root| {
        root["plans"][2]["pool"]["max_lines"] = json!(2.5);
    });
    assert_one(
        &found,
        at(
            ROAMING,
            "pool.max_lines",
            wrong_type(Expected::Integer, "number"),
        ),
    );
}

#[test]
fn pool_max_lines_too_large_is_reported_not_dropped() {
    // Dropping the pool silently would change the plan's meaning.
    let found = problems(|root| {
        root["plans"][2]["pool"]["max_lines"] = json!(4_294_967_296_u64);
    });
    assert_one(
        &found,
        at(ROAMING, "pool.max_lines", too_large("4294967295")),
    );
}

#[test]
fn pool_without_max_lines_is_reported() {
    let found = problems(|root| {
        root["plans"][2]["pool"] = json!({ "extra_line_price": 30 });
    });
    assert_one(&found, at(ROAMING, "pool.max_lines", Issue::Missing));
}

#[test]
fn pool_without_extra_line_price_is_reported() {
    let found = problems(|root| {
        root["plans"][2]["pool"] = json!({ "max_lines": 4 });
    });
    assert_one(&found, at(ROAMING, "pool.extra_line_price", Issue::Missing));
}

#[test]
fn pool_with_negative_extra_line_price_is_reported() {
    for price in [json!(-1), json!(-0.5)] {
        let found = problems(|root| {
            root["plans"][2]["pool"]["extra_line_price"] = price.clone();
        });
        assert_one(
            &found,
            at(ROAMING, "pool.extra_line_price", Issue::Negative),
        );
    }
}

#[test]
fn pool_extra_lines_may_be_free() {
    let catalogue = loads(|root| {
        root["plans"][2]["pool"]["extra_line_price"] = json!(0);
    });
    let pool = catalogue.plan(ROAMING).unwrap().pool.unwrap();
    assert_eq!(pool.extra_line_price, Money::new(0, cur("HKD")));
}

#[test]
fn pool_of_the_wrong_type_is_reported() {
    let found = problems(|root| {
        plan(root, 2).insert("pool".into(), json!(4));
    });
    assert_one(
        &found,
        at(ROAMING, "pool", wrong_type(Expected::Object, "number")),
    );
}

#[test]
fn topup_needs_positive_data_and_price() {
    let found = problems(|root| {
        root["plans"][2]["topup"] = json!({ "price": 20 });
    });
    assert_one(&found, at(ROAMING, "topup.data_mb", Issue::Missing));
    let found = problems(|root| {
        root["plans"][2]["topup"] = json!({ "data_mb": 1024 });
    });
    assert_one(&found, at(ROAMING, "topup.price", Issue::Missing));
    let found = problems(|root| {
        root["plans"][2]["topup"]["price"] = json!(0);
    });
    assert_one(&found, at(ROAMING, "topup.price", Issue::NotPositive));
    let found = problems(|root| {
        root["plans"][2]["topup"]["data_mb"] = json!(0);
    });
    assert_one(&found, at(ROAMING, "topup.data_mb", Issue::NotPositive));
    let found = problems(|root| {
        plan(root, 2).insert("topup".into(), json!([1024, 20]));
    });
    assert_one(
        &found,
        at(ROAMING, "topup", wrong_type(Expected::Object, "array")),
    );
}

// ---------------------------------------------------------------------------
// Format and file
// ---------------------------------------------------------------------------

#[test]
fn unknown_format_is_reported_and_stops_further_checks() {
    for (format, found_as) in [
        (Some(json!(2)), "2"),
        (Some(json!(0)), "0"),
        (Some(json!(1.5)), "1.5"),
        (Some(json!("1")), "\"1\""),
        (Some(json!(null)), "null"),
        (Some(json!([1])), "array"),
        (None, ""),
    ] {
        let found = problems(|root| {
            match &format {
                Some(value) => top(root).insert("format".into(), value.clone()),
                None => top(root).remove("format"),
            };
            // Plenty else is broken, but another format may mean anything.
            top(root).insert("as_of".into(), json!("yesterday"));
            plan(root, 0).insert("price".into(), json!(-1));
            plan(root, 1).remove("id");
            top(root).insert("plans".into(), json!([]));
        });
        assert_one(
            &found,
            at_top(
                "format",
                Issue::UnknownFormat {
                    found: found_as.to_owned(),
                },
            ),
        );
    }
}

#[test]
fn format_one_written_as_a_decimal_is_format_one() {
    load_text(&BASE.replacen(r#""format": 1,"#, r#""format": 1.0,"#, 1));
}

fn assert_not_json(text: &str) {
    let found = problems_of(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].plan, None);
    assert_eq!(found[0].field, "");
    match &found[0].issue {
        Issue::NotJson { detail } => assert!(!detail.is_empty()),
        other => panic!("expected NotJson, got {other:?} for {text:?}"),
    }
}

#[test]
fn garbage_is_not_json() {
    for text in [
        "plans: none",
        "<!DOCTYPE html><html><body>404 Not Found</body></html>",
        "{ format: 1 }",
        "{'format': 1}",
        "{\"format\": 1,}",
        "NaN",
        "\u{feff}{\"format\": 1}",
        "{\"format\": 1} {\"format\": 1}",
        "{\"format\": 1e999}",
    ] {
        assert_not_json(text);
    }
}

#[test]
fn empty_or_blank_text_is_not_json() {
    for text in ["", " ", "\n\t  \r\n"] {
        assert_not_json(text);
    }
}

#[test]
fn every_truncation_of_a_valid_file_is_not_json() {
    let text = BASE.trim();
    for (cut, _) in text.char_indices() {
        assert_not_json(&text[..cut]);
    }
}

#[test]
fn file_over_the_size_limit_is_refused_before_parsing() {
    let mut text = BASE.to_owned();
    text.push_str(&" ".repeat(MAX_CATALOGUE_BYTES + 1 - text.len()));
    assert_one(
        &problems_of(&text),
        at_top(
            "",
            Issue::TooLarge {
                bytes: MAX_CATALOGUE_BYTES + 1,
                limit: MAX_CATALOGUE_BYTES,
            },
        ),
    );
    // Not even parsed: garbage that large is too large, not "not JSON".
    let garbage = "x".repeat(MAX_CATALOGUE_BYTES + 10);
    assert_one(
        &problems_of(&garbage),
        at_top(
            "",
            Issue::TooLarge {
                bytes: MAX_CATALOGUE_BYTES + 10,
                limit: MAX_CATALOGUE_BYTES,
            },
        ),
    );
}

#[test]
fn file_exactly_at_the_size_limit_is_accepted() {
    let mut text = BASE.to_owned();
    text.push_str(&" ".repeat(MAX_CATALOGUE_BYTES - text.len()));
    assert_eq!(text.len(), MAX_CATALOGUE_BYTES);
    load_text(&text);
}

#[test]
fn size_limit_counts_bytes_not_characters() {
    // 3-byte characters: fewer characters than the limit, more bytes.
    let filler = "香".repeat(MAX_CATALOGUE_BYTES / 3 + 1);
    let text = BASE.replacen("Real-name registration", &filler, 1);
    assert!(text.chars().count() < MAX_CATALOGUE_BYTES);
    assert_one(
        &problems_of(&text),
        at_top(
            "",
            Issue::TooLarge {
                bytes: text.len(),
                limit: MAX_CATALOGUE_BYTES,
            },
        ),
    );
}

#[test]
fn top_level_that_is_not_an_object_is_reported() {
    for (text, found_type) in [
        ("[]", "array"),
        ("[{\"format\": 1}]", "array"),
        ("\"format 1\"", "string"),
        ("1", "number"),
        ("null", "null"),
        ("true", "boolean"),
    ] {
        assert_one(
            &problems_of(text),
            at_top("", wrong_type(Expected::Object, found_type)),
        );
    }
}

#[test]
fn empty_plans_array_is_reported() {
    let found = problems(|root| {
        top(root).insert("plans".into(), json!([]));
    });
    assert_one(&found, at_top("plans", Issue::NoPlans));
}

#[test]
fn missing_plans_are_reported() {
    let found = problems(|root| {
        top(root).remove("plans");
    });
    assert_one(&found, at_top("plans", Issue::Missing));
}

#[test]
fn plans_of_the_wrong_type_are_reported() {
    let found = problems(|root| {
        let plans = top(root).remove("plans").unwrap();
        top(root).insert("plans".into(), json!({ "first": plans[0].clone() }));
    });
    assert_one(
        &found,
        at_top("plans", wrong_type(Expected::List, "object")),
    );
}

#[test]
fn plan_that_is_not_an_object_is_reported_by_position() {
    let found = problems(|root| {
        root["plans"]
            .as_array_mut()
            .unwrap()
            .push(json!("hk-pass-5d"));
    });
    assert_one(&found, at("#4", "", wrong_type(Expected::Object, "string")));
    let found = problems(|root| {
        root["plans"].as_array_mut().unwrap().insert(0, json!(null));
    });
    assert_one(&found, at("#1", "", wrong_type(Expected::Object, "null")));
}

// ---------------------------------------------------------------------------
// Required fields
// ---------------------------------------------------------------------------

#[test]
fn missing_required_fields_are_reported() {
    for field in [
        "id", "name", "provider", "kind", "coverage", "price", "currency",
    ] {
        for index in 0..3 {
            let found = problems(|root| {
                plan(root, index).remove(field).unwrap();
            });
            let id = [PASS, DAY, ROAMING][index];
            let named = if field == "id" {
                format!("#{}", index + 1)
            } else {
                id.to_owned()
            };
            assert_one(&found, at(&named, field, Issue::Missing));
        }
    }
}

#[test]
fn optional_fields_may_all_be_left_out() {
    let catalogue = loads(|root| {
        for field in [
            "billing",
            "data_mb",
            "daily_mb",
            "hotspot",
            "pool",
            "topup",
            "source",
            "checked",
            "notes",
            "confidence",
        ] {
            for index in 0..3 {
                plan(root, index).remove(field);
            }
        }
        // Without "billing" the day plan is a pass and needs its validity.
        plan(root, 1).insert("validity_days".into(), json!(1));
        top(root).remove("as_of");
        top(root).remove("zones");
        plan(root, 1).insert("coverage".into(), json!(["CN"]));
    });
    assert_eq!(catalogue.as_of, None);
    for plan in &catalogue.plans {
        assert!(matches!(plan.billing, Billing::Pass { .. }), "{}", plan.id);
        assert_eq!(plan.hotspot, Hotspot::Unknown);
        assert_eq!(plan.provenance, Provenance::default());
        assert!(plan.is_unlimited());
    }
}

#[test]
fn blank_provider_or_name_is_empty() {
    let found = problems(|root| {
        plan(root, 0).insert("provider".into(), json!("  "));
    });
    assert_one(&found, at(PASS, "provider", Issue::Empty));
    let found = problems(|root| {
        plan(root, 1).insert("name".into(), json!(""));
    });
    assert_one(&found, at(DAY, "name", Issue::Empty));
    let found = problems(|root| {
        root["plans"][0]["name"]["zh-Hant"] = json!(" ");
    });
    assert_one(&found, at(PASS, "name.zh-Hant", Issue::Empty));
}

#[test]
fn name_of_the_wrong_type_is_reported() {
    let found = problems(|root| {
        plan(root, 1).insert("name".into(), json!(["Greater China day plan"]));
    });
    assert_one(
        &found,
        at(
            DAY,
            "name",
            wrong_type(Expected::TextOrTranslations, "array"),
        ),
    );
    let found = problems(|root| {
        root["plans"][0]["name"]["fr"] = json!(5);
    });
    assert_one(
        &found,
        at(PASS, "name.fr", wrong_type(Expected::Text, "number")),
    );
}

#[test]
fn name_with_no_language_the_widget_speaks_is_empty() {
    let found = problems(|root| {
        plan(root, 0).insert(
            "name".into(),
            json!({ "de": "Hongkong-Pass", "ja": "香港パス" }),
        );
    });
    assert_one(&found, at(PASS, "name", Issue::Empty));
    let found = problems(|root| {
        plan(root, 0).insert("name".into(), json!({}));
    });
    assert_one(&found, at(PASS, "name", Issue::Empty));
}

#[test]
fn name_may_be_plain_or_translated() {
    let catalogue = load_text(BASE);
    let plain = &catalogue.plan(DAY).unwrap().name;
    for lang in Lang::ALL {
        assert_eq!(plain.get(lang), "Greater China day plan");
    }
    let translated = &catalogue.plan(PASS).unwrap().name;
    assert_eq!(translated.get(Lang::En), "Hong Kong 5-day pass");
    assert_eq!(translated.get(Lang::ZhHant), "香港五日卡");
    assert_eq!(
        translated.get(Lang::ZhHans),
        "香港五日卡",
        "falls back to the other script"
    );
    assert_eq!(translated.get(Lang::Fr), "Forfait Hong Kong 5 jours");
    let english_only = &catalogue.plan(ROAMING).unwrap().name;
    assert_eq!(
        english_only.get(Lang::ZhHans),
        "Mainland & Macau roaming pass"
    );
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

#[test]
fn unknown_kind_is_reported_with_the_allowed_words() {
    for word in ["wifi", "eSIM", "ESIM", "e-sim", ""] {
        let found = problems(|root| {
            plan(root, 0).insert("kind".into(), json!(word));
        });
        assert_one(
            &found,
            at(
                PASS,
                "kind",
                Issue::UnknownValue {
                    value: word.to_owned(),
                    allowed: KINDS,
                },
            ),
        );
    }
    let found = problems(|root| {
        plan(root, 0).insert("kind".into(), json!(1));
    });
    assert_one(
        &found,
        at(PASS, "kind", wrong_type(Expected::Text, "number")),
    );
}

#[test]
fn unknown_billing_is_reported_with_the_allowed_words() {
    // On a pass (which has its validity) and on a day plan (which has none):
    // one mistake, one problem; the unknown word is not read as "pass".
    for (index, id) in [(0, PASS), (1, DAY)] {
        for word in ["week", "Day", "daily", "PASS"] {
            let found = problems(|root| {
                plan(root, index).insert("billing".into(), json!(word));
            });
            assert_one(
                &found,
                at(
                    id,
                    "billing",
                    Issue::UnknownValue {
                        value: word.to_owned(),
                        allowed: BILLINGS,
                    },
                ),
            );
        }
    }
    let found = problems(|root| {
        plan(root, 1).insert("billing".into(), json!(null));
    });
    assert_one(
        &found,
        at(DAY, "billing", wrong_type(Expected::Text, "null")),
    );
}

#[test]
fn unknown_confidence_is_reported_with_the_allowed_words() {
    for word in ["certain", "Observed", "verified"] {
        let found = problems(|root| {
            plan(root, 1).insert("confidence".into(), json!(word));
        });
        assert_one(
            &found,
            at(
                DAY,
                "confidence",
                Issue::UnknownValue {
                    value: word.to_owned(),
                    allowed: CONFIDENCES,
                },
            ),
        );
    }
}

// ---------------------------------------------------------------------------
// Roaming
// ---------------------------------------------------------------------------

#[test]
fn roaming_without_home_is_reported() {
    let found = problems(|root| {
        plan(root, 2).remove("home");
    });
    assert_one(&found, at(ROAMING, "home", Issue::RoamingWithoutHome));
}

#[test]
fn roaming_with_a_bad_home_is_reported_once() {
    for code in ["hk", "UK", "HKG"] {
        let found = problems(|root| {
            plan(root, 2).insert("home".into(), json!(code));
        });
        assert_one(
            &found,
            at(
                ROAMING,
                "home",
                Issue::UnknownCountry {
                    code: code.to_owned(),
                },
            ),
        );
    }
    let found = problems(|root| {
        plan(root, 2).insert("home".into(), json!(null));
    });
    assert_one(
        &found,
        at(ROAMING, "home", wrong_type(Expected::Text, "null")),
    );
}

#[test]
fn home_on_an_esim_is_accepted() {
    let catalogue = loads(|root| {
        plan(root, 0).insert("home".into(), json!("HK"));
    });
    assert_eq!(catalogue.plan(PASS).unwrap().home, Some(cc("HK")));
}

// ---------------------------------------------------------------------------
// Dates, hotspot, rates
// ---------------------------------------------------------------------------

#[test]
fn bad_as_of_date_is_reported() {
    for value in [
        "2026-13-01",
        "2026-02-29",
        "01/11/2026",
        "2026-11-1",
        "2026-11-01T00:00:00Z",
        "",
        "soon",
    ] {
        let found = problems(|root| {
            top(root).insert("as_of".into(), json!(value));
        });
        assert_one(
            &found,
            at_top(
                "as_of",
                Issue::BadDate {
                    value: value.to_owned(),
                },
            ),
        );
    }
    let found = problems(|root| {
        top(root).insert("as_of".into(), json!(20_261_101));
    });
    assert_one(
        &found,
        at_top("as_of", wrong_type(Expected::Text, "number")),
    );
}

#[test]
fn bad_checked_date_is_reported() {
    for value in ["2026-10-32", "20/10/2026", "last week"] {
        let found = problems(|root| {
            plan(root, 0).insert("checked".into(), json!(value));
        });
        assert_one(
            &found,
            at(
                PASS,
                "checked",
                Issue::BadDate {
                    value: value.to_owned(),
                },
            ),
        );
    }
}

#[test]
fn hotspot_of_a_wrong_type_is_reported() {
    for (value, found_type) in [
        (json!("yes"), "string"),
        (json!(1.5), "number"),
        (json!(-1), "number"),
        (json!([]), "array"),
        (json!({ "mb": 500 }), "object"),
    ] {
        let found = problems(|root| {
            plan(root, 0).insert("hotspot".into(), value.clone());
        });
        assert_one(
            &found,
            at(
                PASS,
                "hotspot",
                wrong_type(Expected::BooleanOrInteger, found_type),
            ),
        );
    }
}

#[test]
fn hotspot_cap_beyond_any_amount_of_data_is_too_large() {
    for value in [json!(1e15), json!(9_007_199_254_740_992_u64)] {
        let found = problems(|root| {
            plan(root, 0).insert("hotspot".into(), value.clone());
        });
        assert_one(&found, at(PASS, "hotspot", too_large("1000000000000")));
    }
}

#[test]
fn hotspot_maps_to_allowed_blocked_capped_or_unknown() {
    for (value, expected) in [
        (Some(json!(true)), Hotspot::Allowed),
        (Some(json!(false)), Hotspot::Blocked),
        (Some(json!(1024)), Hotspot::CappedPerDay(1024)),
        (Some(json!(1)), Hotspot::CappedPerDay(1)),
        (Some(json!(0)), Hotspot::Blocked),
        (Some(json!(null)), Hotspot::Unknown),
        (None, Hotspot::Unknown),
    ] {
        let catalogue = loads(|root| match &value {
            Some(v) => {
                plan(root, 0).insert("hotspot".into(), v.clone());
            }
            None => {
                plan(root, 0).remove("hotspot");
            }
        });
        assert_eq!(catalogue.plan(PASS).unwrap().hotspot, expected, "{value:?}");
    }
    assert!(Hotspot::CappedPerDay(1024).allows(1024));
    assert!(!Hotspot::CappedPerDay(1024).allows(1025));
    assert!(!Hotspot::Unknown.allows(1));
}

#[test]
fn non_positive_rate_is_reported() {
    for rate in [json!(0), json!(-8.2), json!(-0.0)] {
        let found = problems(|root| {
            root["rates_per_eur"]["CNY"] = rate.clone();
        });
        assert_one(&found, at_top("rates_per_eur.CNY", Issue::NotPositive));
    }
    let found = problems(|root| {
        root["rates_per_eur"]["CNY"] = json!("8.2");
    });
    assert_one(
        &found,
        at_top("rates_per_eur.CNY", wrong_type(Expected::Number, "string")),
    );
}

#[test]
fn bad_rate_also_makes_the_plans_in_that_currency_unknown() {
    let found = problems(|root| {
        root["rates_per_eur"]["HKD"] = json!(0);
    });
    assert_problems(
        &found,
        &[
            at_top("rates_per_eur.HKD", Issue::NotPositive),
            at(
                PASS,
                "currency",
                Issue::UnknownCurrency {
                    code: "HKD".to_owned(),
                },
            ),
            at(
                ROAMING,
                "currency",
                Issue::UnknownCurrency {
                    code: "HKD".to_owned(),
                },
            ),
        ],
    );
}

#[test]
fn rate_for_a_code_that_is_not_a_currency_is_reported() {
    let found = problems(|root| {
        root["rates_per_eur"]["usd"] = json!(1.08);
    });
    assert_one(
        &found,
        at_top(
            "rates_per_eur.usd",
            Issue::UnknownCurrency {
                code: "usd".to_owned(),
            },
        ),
    );
}

#[test]
fn missing_rates_are_reported() {
    let found = problems(|root| {
        top(root).remove("rates_per_eur");
    });
    assert_problems(
        &found,
        &[
            at_top("rates_per_eur", Issue::Missing),
            at(
                PASS,
                "currency",
                Issue::UnknownCurrency {
                    code: "HKD".to_owned(),
                },
            ),
            at(
                DAY,
                "currency",
                Issue::UnknownCurrency {
                    code: "EUR".to_owned(),
                },
            ),
            at(
                ROAMING,
                "currency",
                Issue::UnknownCurrency {
                    code: "HKD".to_owned(),
                },
            ),
        ],
    );
    let found = problems(|root| {
        top(root).insert("rates_per_eur".into(), json!([1, 8.45]));
    });
    assert_eq!(
        found[0],
        at_top("rates_per_eur", wrong_type(Expected::Object, "array"))
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}

// ---------------------------------------------------------------------------
// Several problems, forward compatibility
// ---------------------------------------------------------------------------

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let found = problems(|root| {
        top(root).insert("as_of".into(), json!("2026-11-31"));
        plan(root, 0).insert("price".into(), json!(0));
        plan(root, 0).insert("hotspot".into(), json!("sometimes"));
        plan(root, 1).insert("coverage".into(), json!(["CN", "UK", "@ASIA"]));
        plan(root, 1).insert("currency".into(), json!("RMB"));
        plan(root, 1).insert("data_mb".into(), json!(2048));
        plan(root, 2).insert("id".into(), json!("CMHK Roam"));
        plan(root, 2).remove("home");
        root["plans"][2]["pool"]["max_lines"] = json!(1);
        root["plans"][2]["topup"]["price"] = json!(-5);
        root["plans"].as_array_mut().unwrap().push(json!({
            "id": PASS, "name": "Copy", "provider": "csl", "kind": "sim",
            "coverage": ["HK"], "price": 10, "currency": "HKD", "validity_days": 1
        }));
    });
    assert_problems(
        &found,
        &[
            at_top(
                "as_of",
                Issue::BadDate {
                    value: "2026-11-31".to_owned(),
                },
            ),
            at(PASS, "price", Issue::NotPositive),
            at(
                PASS,
                "hotspot",
                wrong_type(Expected::BooleanOrInteger, "string"),
            ),
            at(
                DAY,
                "coverage",
                Issue::UnknownCountry {
                    code: "UK".to_owned(),
                },
            ),
            at(
                DAY,
                "coverage",
                Issue::UnknownZone {
                    name: "ASIA".to_owned(),
                },
            ),
            at(
                DAY,
                "currency",
                Issue::UnknownCurrency {
                    code: "RMB".to_owned(),
                },
            ),
            at(DAY, "data_mb", Issue::DataWithDayBilling),
            at("#3", "id", Issue::BadId),
            at("#3", "home", Issue::RoamingWithoutHome),
            at("#3", "pool.max_lines", Issue::PoolTooSmall { max_lines: 1 }),
            at("#3", "topup.price", Issue::NotPositive),
            at(&format!("{PASS} #4"), "id", Issue::DuplicateId),
        ],
    );
}

#[test]
fn unknown_extra_fields_are_allowed() {
    let catalogue = loads(|root| {
        top(root).insert("generator".into(), json!("blog-tool 3.1"));
        top(root).insert("display_currencies".into(), json!(["HKD", "EUR"]));
        top(root).insert(
            "future_section".into(),
            json!({ "anything": [1, null, { "deep": true }] }),
        );
        let pass = plan(root, 0);
        pass.insert("speed_after_cap_kbps".into(), json!(384));
        pass.insert("5g".into(), json!(true));
        pass.insert("operators".into(), json!({ "HK": ["csl", "1O1O"] }));
        pass.insert(
            "name".into(),
            json!({ "en": "Hong Kong 5-day pass", "de": "Hongkong-Pass", "ja": 5, "ko": null }),
        );
        root["plans"][2]["pool"]["family_only"] = json!(true);
        root["plans"][2]["topup"]["speed"] = json!("full");
    });
    let pass = catalogue.plan(PASS).unwrap();
    assert_eq!(pass.name.get(Lang::En), "Hong Kong 5-day pass");
    assert_eq!(
        pass.name.get(Lang::Fr),
        "Hong Kong 5-day pass",
        "unknown languages are ignored"
    );
    assert_eq!(catalogue.plan(ROAMING).unwrap().pool.unwrap().max_lines, 4);
    // And the rest reads exactly as without the extras.
    let plain = load_text(BASE);
    assert_eq!(catalogue.plan(DAY), plain.plan(DAY));
    assert_eq!(catalogue.plan(ROAMING), plain.plan(ROAMING));
    assert_eq!(catalogue.rates, plain.rates);
}

#[test]
fn extension_fields_are_read_and_checked() {
    let catalogue = loads(|root| {
        plan(root, 0).insert("needs_activation".into(), json!(true));
        plan(root, 0).insert("real_name".into(), json!(true));
        plan(root, 0).insert("account_lines".into(), json!(3));
    });
    let pass = catalogue.plan(PASS).unwrap();
    assert!(pass.needs_activation && pass.real_name);
    assert_eq!(pass.cards, Some(3), "account_lines is read as cards");
    let found = problems(|root| {
        plan(root, 0).insert("real_name".into(), json!("yes"));
    });
    assert_one(
        &found,
        at(PASS, "real_name", wrong_type(Expected::Boolean, "string")),
    );
    let found = problems(|root| {
        plan(root, 0).insert("account_lines".into(), json!(4_294_967_296_u64));
    });
    assert_one(&found, at(PASS, "account_lines", too_large("4294967295")));
}

#[test]
fn from_json_reads_a_tree_from_any_parser() {
    // The browser hands over a tree built by JSON.parse; from_json must read
    // it the same way.
    let tree: Json = serde_json::from_str(BASE).unwrap();
    assert_eq!(
        from_json(&tree, None).map(|loaded| loaded.catalogue),
        Ok(load_text(BASE))
    );
    // Values JSON text cannot hold do not slip through, and are not called
    // "not a number" (the browser reads 1e400 as infinity).
    for odd in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut tree: Json = serde_json::from_str(BASE).unwrap();
        set_plan_field(&mut tree, 0, "price", Json::Number(odd));
        let found = from_json(&tree, None).unwrap_err();
        assert_one(&found, at(PASS, "price", Issue::NotFinite));
    }
}

fn set_plan_field(tree: &mut Json, index: usize, key: &str, value: Json) {
    let Json::Object(members) = tree else {
        panic!("object")
    };
    let Some((_, Json::Array(plans))) = members.iter_mut().find(|(k, _)| k == "plans") else {
        panic!("plans")
    };
    let Json::Object(fields) = &mut plans[index] else {
        panic!("plan")
    };
    match fields.iter_mut().find(|(k, _)| k == key) {
        Some((_, slot)) => *slot = value,
        None => fields.push((key.to_owned(), value)),
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Every problem names a plan that exists in the file (its id, or `#n` for
/// a position within the list), or the top level.
fn assert_problems_are_located(root: &Value, found: &[Problem]) {
    assert!(!found.is_empty());
    let plans = root.get("plans").and_then(Value::as_array);
    for problem in found {
        let Some(name) = &problem.plan else { continue };
        let plans = plans.unwrap_or_else(|| panic!("{problem:?} but no plans list"));
        if let Some(position) = name.strip_prefix('#') {
            let n: usize = position.parse().unwrap();
            assert!((1..=plans.len()).contains(&n), "{problem:?}");
        } else {
            assert!(
                plans
                    .iter()
                    .any(|p| p.get("id").and_then(Value::as_str) == Some(name.as_str())),
                "{problem:?}"
            );
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-3_i64..12).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (-1e6_f64..1e6).prop_map(Value::from),
        "[a-zA-Z0-9@ _-]{0,8}".prop_map(Value::String),
        prop::sample::select(vec![
            "HK",
            "@GREATER_CHINA",
            "HKD",
            "esim",
            "day",
            "pass",
            "roaming",
            "2026-11-01",
            "1"
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                "[a-z_]{0,6}|format|plans|id|price|coverage|pool",
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const FIELDS: &[&str] = &[
    "format",
    "as_of",
    "rates_per_eur",
    "zones",
    "plans",
    "id",
    "name",
    "provider",
    "kind",
    "home",
    "coverage",
    "price",
    "currency",
    "billing",
    "validity_days",
    "data_mb",
    "daily_mb",
    "hotspot",
    "pool",
    "topup",
    "max_lines",
    "extra_line_price",
    "source",
    "checked",
    "notes",
    "confidence",
    "en",
    "HKD",
    "GREATER_CHINA",
    "account_lines",
    "cards",
    "buyers",
    "carriers",
    "contract_months",
    "breakout",
    "buy_url",
    "evidence",
    "url",
    "quote",
    "seen",
    "roaming",
    "rates_source",
    "rates_date",
    "stale_after_months",
];

/// One edit somewhere in the tree: at a random depth, delete or replace a
/// field, or replace an array element.
#[derive(Clone, Debug)]
enum Edit {
    Delete,
    Replace(Value),
}

fn descend<'a>(node: &'a mut Value, path: &[usize]) -> &'a mut Value {
    let Some((&step, rest)) = path.split_first() else {
        return node;
    };
    let index = match &*node {
        Value::Object(map) if !map.is_empty() => step % map.len(),
        Value::Array(items) if !items.is_empty() => step % items.len(),
        _ => return node,
    };
    let child = match &*node {
        Value::Object(map) => map.values().nth(index),
        Value::Array(items) => items.get(index),
        _ => None,
    };
    if !child.is_some_and(|c| c.is_object() || c.is_array()) {
        return node;
    }
    let child = match node {
        Value::Object(map) => map.values_mut().nth(index),
        Value::Array(items) => items.get_mut(index),
        _ => None,
    };
    descend(child.unwrap(), rest)
}

fn apply(root: &mut Value, path: &[usize], field: &str, edit: &Edit) {
    let node = descend(root, path);
    match (node, edit) {
        (Value::Object(map), Edit::Delete) => {
            map.remove(field);
        }
        (Value::Object(map), Edit::Replace(value)) => {
            map.insert(field.to_owned(), value.clone());
        }
        (Value::Array(items), Edit::Delete) if !items.is_empty() => {
            items.remove(field.len() % items.len());
        }
        (Value::Array(items), Edit::Replace(value)) if !items.is_empty() => {
            let len = items.len();
            items[field.len() % len] = value.clone();
        }
        _ => {}
    }
}

fn arb_edit() -> impl Strategy<Value = (Vec<usize>, String, Edit)> {
    (
        prop::collection::vec(0_usize..16, 0..4),
        prop_oneof![
            prop::sample::select(FIELDS).prop_map(str::to_owned),
            "[a-z_]{1,6}"
        ],
        prop_oneof![Just(Edit::Delete), arb_json().prop_map(Edit::Replace)],
    )
}

/// A valid plan, as parameters, and the JSON that says it.
#[derive(Clone, Debug)]
struct PlanSpec {
    id: String,
    price_minor: i64,
    currency: &'static str,
    kind: &'static str,
    coverage: Vec<&'static str>,
    day: bool,
    validity: u32,
    data_mb: Option<u64>,
    daily_mb: Option<u64>,
    hotspot: Option<Value>,
    pool: Option<(u32, i64)>,
}

fn arb_plan() -> impl Strategy<Value = PlanSpec> {
    (
        "[a-z0-9-]{1,12}",
        1_i64..100_000_000,
        prop::sample::select(vec!["EUR", "HKD", "CNY", "USD"]),
        prop::sample::select(vec!["esim", "sim", "roaming"]),
        prop::sample::subsequence(
            vec!["CN", "HK", "JP", "MO", "@GREATER_CHINA", "@CN_HK_MO", "FR"],
            1..4,
        ),
        any::<bool>(),
        1_u32..400,
        prop::option::of(1_u64..1_000_000),
        prop::option::of(1_u64..100_000),
        prop::option::of(prop_oneof![
            any::<bool>().prop_map(Value::Bool),
            (0_u64..100_000).prop_map(Value::from)
        ]),
        prop::option::of((2_u32..10, 0_i64..1_000_000)),
    )
        .prop_map(
            |(
                id,
                price_minor,
                currency,
                kind,
                coverage,
                day,
                validity,
                data_mb,
                daily_mb,
                hotspot,
                pool,
            )| {
                PlanSpec {
                    id,
                    price_minor,
                    currency,
                    kind,
                    coverage,
                    day,
                    validity,
                    data_mb: if day { None } else { data_mb },
                    daily_mb,
                    hotspot,
                    pool,
                }
            },
        )
}

fn minor_as_json(minor: i64) -> Value {
    // Written the way a person writes a price: "12", "12.5", "12.05".
    let text = match minor % 100 {
        0 => format!("{}", minor / 100),
        cents if cents % 10 == 0 => format!("{}.{}", minor / 100, cents / 10),
        cents => format!("{}.{cents:02}", minor / 100),
    };
    serde_json::from_str(&text).unwrap()
}

fn plan_json(spec: &PlanSpec, index: usize) -> Value {
    let mut plan = json!({
        "id": format!("p{index}-{}", spec.id),
        "name": { "en": format!("Plan {index}") },
        "provider": "Someone",
        "kind": spec.kind,
        "coverage": spec.coverage,
        "price": minor_as_json(spec.price_minor),
        "currency": spec.currency,
    });
    let fields = plan.as_object_mut().unwrap();
    if spec.kind == "roaming" {
        fields.insert("home".into(), json!("HK"));
    }
    if spec.day {
        fields.insert("billing".into(), json!("day"));
    } else {
        fields.insert("validity_days".into(), json!(spec.validity));
    }
    if let Some(mb) = spec.data_mb {
        fields.insert("data_mb".into(), json!(mb));
    }
    if let Some(mb) = spec.daily_mb {
        fields.insert("daily_mb".into(), json!(mb));
    }
    if let Some(h) = &spec.hotspot {
        fields.insert("hotspot".into(), h.clone());
    }
    if let Some((lines, extra)) = spec.pool {
        fields.insert(
            "pool".into(),
            json!({ "max_lines": lines, "extra_line_price": minor_as_json(extra) }),
        );
    }
    plan
}

fn check_plan_matches(spec: &PlanSpec, index: usize, catalogue: &Catalogue) {
    let plan = &catalogue.plans[index];
    assert_eq!(plan.id, format!("p{index}-{}", spec.id));
    assert_eq!(plan.price, Money::new(spec.price_minor, cur(spec.currency)));
    assert_eq!(plan.kind.code(), spec.kind);
    assert_eq!(plan.home.is_some(), spec.kind == "roaming");
    let expected_billing = if spec.day {
        Billing::Day
    } else {
        Billing::Pass {
            validity_days: spec.validity,
        }
    };
    assert_eq!(plan.billing, expected_billing);
    assert_eq!(plan.data_mb, spec.data_mb);
    assert_eq!(plan.daily_mb, spec.daily_mb);
    let expected_hotspot = match &spec.hotspot {
        None => Hotspot::Unknown,
        Some(Value::Bool(true)) => Hotspot::Allowed,
        Some(Value::Bool(false)) => Hotspot::Blocked,
        Some(n) => match n.as_u64().unwrap() {
            0 => Hotspot::Blocked,
            cap => Hotspot::CappedPerDay(cap),
        },
    };
    assert_eq!(plan.hotspot, expected_hotspot);
    assert_eq!(
        plan.pool.map(|p| (p.max_lines, p.extra_line_price)),
        spec.pool
            .map(|(l, e)| (l, Money::new(e, cur(spec.currency))))
    );
    assert_eq!(plan.coverage_as_written, spec.coverage);
    let mut expanded: Vec<&str> = Vec::new();
    for entry in &spec.coverage {
        match *entry {
            "@GREATER_CHINA" => expanded.extend(["CN", "HK", "MO", "TW"]),
            "@CN_HK_MO" => expanded.extend(["CN", "HK", "MO"]),
            code => expanded.push(code),
        }
    }
    expanded.sort_unstable();
    expanded.dedup();
    assert_eq!(
        plan.coverage
            .iter()
            .map(CountryCode::as_str)
            .collect::<Vec<_>>(),
        expanded
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(found) = load_native(&text) {
            prop_assert!(!found.is_empty());
        }
    }

    #[test]
    fn random_json_like_text_never_panics(text in r#"[{}\[\]",:0-9a-z .eE+-]{0,200}"#) {
        if let Err(found) = load_native(&text) {
            prop_assert!(!found.is_empty());
        }
    }

    #[test]
    fn random_json_never_panics(value in arb_json()) {
        for candidate in [
            json!({ "format": 1, "rates_per_eur": { "EUR": 1 }, "plans": [value] }),
            json!({ "format": 1, "rates_per_eur": value, "zones": value, "plans": value }),
            value,
        ] {
            match load_native(&to_text(&candidate)) {
                Ok(loaded) => prop_assert!(!loaded.catalogue.plans.is_empty()),
                Err(found) => assert_problems_are_located(&candidate, &found),
            }
        }
    }

    #[test]
    fn mutated_base_never_panics_and_explains_itself(edits in prop::collection::vec(arb_edit(), 1..4)) {
        let mut root = base();
        for (path, field, edit) in &edits {
            apply(&mut root, path, field, edit);
        }
        match load_native(&to_text(&root)) {
            Ok(loaded) => {
                // Nothing was lost: every plan in the file is in the catalogue.
                let count = root["plans"].as_array().map_or(0, Vec::len);
                prop_assert_eq!(loaded.catalogue.plans.len(), count);
            }
            Err(found) => assert_problems_are_located(&root, &found),
        }
    }

    #[test]
    fn random_trees_with_odd_numbers_never_panic_from_json(
        value in arb_json(),
        odd in prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, f64::MAX, f64::MIN_POSITIVE]),
        field in prop::sample::select(FIELDS),
    ) {
        let mut tree: Json = serde_json::from_str(BASE).unwrap();
        set_plan_field(&mut tree, 2, field, Json::Number(odd));
        let _ = from_json(&tree, None);
        let tree: Json = serde_json::from_str(&to_text(&value)).unwrap();
        if let Err(found) = from_json(&tree, None) {
            prop_assert!(!found.is_empty());
        }
    }

    #[test]
    fn valid_catalogues_load_exactly_what_they_say(plans in prop::collection::vec(arb_plan(), 1..6)) {
        let mut root = base();
        let list: Vec<Value> = plans.iter().enumerate().map(|(i, spec)| plan_json(spec, i)).collect();
        top(&mut root).insert("plans".into(), Value::Array(list));
        let text = to_text(&root);
        let catalogue = load_text(&text);
        prop_assert_eq!(catalogue.plans.len(), plans.len());
        for (i, spec) in plans.iter().enumerate() {
            check_plan_matches(spec, i, &catalogue);
        }
        // Round trip: re-serialised (pretty, re-parsed), it loads the same.
        let again: Value = serde_json::from_str(&serde_json::to_string_pretty(&root).unwrap()).unwrap();
        prop_assert_eq!(&again, &root);
        prop_assert_eq!(load_text(&serde_json::to_string_pretty(&again).unwrap()), catalogue);
    }

    #[test]
    fn two_decimal_prices_are_exact(units in 0_i64..10_000_000, cents in 0_i64..100) {
        let minor = units * 100 + cents;
        prop_assume!(minor > 0);
        let text = format!("{units}.{cents:02}");
        let catalogue = loads(|root| {
            plan(root, 0).insert("price".into(), serde_json::from_str(&text).unwrap());
        });
        prop_assert_eq!(catalogue.plan(PASS).unwrap().price.minor, minor);
    }
}

#[test]
fn base_round_trips_through_serde_json() {
    let catalogue = load_text(BASE);
    let compact = to_text(&base());
    let pretty = serde_json::to_string_pretty(&base()).unwrap();
    assert_eq!(load_text(&compact), catalogue);
    assert_eq!(load_text(&pretty), catalogue);
}

#[test]
fn euro_rate_must_be_one() {
    // Rates are units per euro: an EUR rate of 2 would halve every euro price.
    let found = problems(|root| {
        top(root)
            .get_mut("rates_per_eur")
            .and_then(|r| r.as_object_mut())
            .unwrap()
            .insert("EUR".into(), json!(2));
    });
    assert!(found.iter().any(|p| p.plan.is_none()
        && p.field == "rates_per_eur.EUR"
        && p.issue == Issue::EuroRateNotOne));
}

// ---------------------------------------------------------------------------
// Rates beyond what can be converted
// ---------------------------------------------------------------------------

#[test]
fn rates_too_small_or_too_large_to_convert_are_out_of_range_not_below_zero() {
    // 1e10 is above zero: saying "must be above zero" would send the blog
    // owner looking for a sign they never wrote.
    for rate in [json!(1e10), json!(0.000_000_1), json!(1e300)] {
        let found = problems(|root| {
            root["rates_per_eur"]["CNY"] = rate.clone();
        });
        assert_one(
            &found,
            at_top(
                "rates_per_eur.CNY",
                Issue::RateOutOfRange {
                    min: "0.000001",
                    max: "9000000000",
                },
            ),
        );
    }
    // The limits themselves are accepted.
    loads(|root| {
        root["rates_per_eur"]["CNY"] = json!(0.000_001);
        root["rates_per_eur"]["USD"] = json!(8_999_999_999_u64);
    });
}

// ---------------------------------------------------------------------------
// New fields of the contract: home plans
// ---------------------------------------------------------------------------

/// A French home plan as the contract's README example writes it.
fn home_plan() -> Value {
    json!({
        "id": "free-5g",
        "name": { "en": "Free 5G plan", "fr": "Forfait Free 5G" },
        "provider": "Free",
        "kind": "plan",
        "home": "FR",
        "price": 19.99,
        "currency": "EUR",
        "data_mb": 358_400,
        "roaming": [
            { "coverage": ["@CN_HK_MO", "TW"], "data_mb": 35_840 },
            { "coverage": ["GB"] }
        ]
    })
}

fn with_home_plan(root: &mut Value, edit: impl FnOnce(&mut Map<String, Value>)) {
    let mut plan = home_plan();
    edit(plan.as_object_mut().unwrap());
    root["plans"].as_array_mut().unwrap().push(plan);
}

const HOME: &str = "free-5g";

#[test]
fn home_plan_reads_as_the_readers_own_monthly_line() {
    let catalogue = loads(|root| with_home_plan(root, |_| {}));
    let plan = catalogue.plan(HOME).unwrap();
    assert_eq!(plan.kind, PlanKind::HomePlan);
    assert!(plan.is_home_plan());
    assert_eq!(plan.home, Some(cc("FR")));
    assert_eq!(
        plan.price,
        Money::new(1999, Currency::EUR),
        "monthly, incl. VAT"
    );
    assert_eq!(plan.data_mb, Some(358_400));
    // No billing or validity written: a month.
    assert_eq!(plan.billing, Billing::Pass { validity_days: 30 });
    // Works at home unless it says otherwise.
    assert_eq!(plan.coverage, vec![cc("FR")]);
    assert_eq!(plan.buyers, Buyers::Residents);
    let first = &plan.roaming[0];
    let codes: Vec<&str> = first.coverage.iter().map(CountryCode::as_str).collect();
    assert_eq!(codes, ["CN", "HK", "MO", "TW"], "zones expanded, sorted");
    assert_eq!(first.coverage_as_written, ["@CN_HK_MO", "TW"]);
    assert_eq!(first.data_mb, Some(35_840));
    assert!(first.covers(cc("MO")) && !first.covers(cc("JP")));
    assert_eq!(plan.roaming[1].data_mb, None, "the domestic allowance");
    assert_eq!(plan.roaming.len(), 2);
}

#[test]
fn home_plan_without_data_is_unlimited() {
    let catalogue = loads(|root| {
        with_home_plan(root, |p| {
            p.remove("data_mb");
            p.remove("roaming");
        });
    });
    let plan = catalogue.plan(HOME).unwrap();
    assert_eq!(plan.data_mb, None);
    assert!(plan.is_unlimited());
    assert!(plan.roaming.is_empty());
}

#[test]
fn home_plan_needs_home() {
    let found = problems(|root| {
        with_home_plan(root, |p| {
            p.remove("home");
        });
    });
    assert_one(&found, at(HOME, "home", Issue::HomePlanWithoutHome));
}

#[test]
fn home_plan_billed_by_the_day_is_a_contradiction() {
    let found = problems(|root| {
        with_home_plan(root, |p| {
            p.insert("billing".into(), json!("day"));
        });
    });
    assert_one(
        &found,
        at(
            HOME,
            "billing",
            Issue::NotForKind {
                kind: PlanKind::HomePlan,
            },
        ),
    );
    // A month written as a pass is fine, and validity_days is not needed.
    let catalogue = loads(|root| {
        with_home_plan(root, |p| {
            p.insert("billing".into(), json!("pass"));
        });
    });
    assert_eq!(
        catalogue.plan(HOME).unwrap().billing,
        Billing::Pass { validity_days: 30 }
    );
}

#[test]
fn home_plan_may_name_its_domestic_coverage() {
    let catalogue = loads(|root| {
        with_home_plan(root, |p| {
            p.insert("coverage".into(), json!(["FR", "RE", "GP"]));
        });
    });
    let plan = catalogue.plan(HOME).unwrap();
    assert_eq!(plan.coverage, vec![cc("FR"), cc("GP"), cc("RE")]);
}

#[test]
fn roaming_inclusions_problems_are_located_by_position() {
    let found = problems(|root| {
        with_home_plan(root, |p| {
            p.insert(
                "roaming".into(),
                json!([
                    { "coverage": ["CN", "UK"], "data_mb": 0 },
                    "GB",
                    { "data_mb": 1024 },
                    { "coverage": ["@NOWHERE"], "data_mb": 1.5 }
                ]),
            );
        });
    });
    assert_problems(
        &found,
        &[
            at(
                HOME,
                "roaming.1.coverage",
                Issue::UnknownCountry {
                    code: "UK".to_owned(),
                },
            ),
            at(HOME, "roaming.1.data_mb", Issue::NotPositive),
            at(HOME, "roaming.2", wrong_type(Expected::Object, "string")),
            at(HOME, "roaming.3.coverage", Issue::Missing),
            at(
                HOME,
                "roaming.4.coverage",
                Issue::UnknownZone {
                    name: "NOWHERE".to_owned(),
                },
            ),
            at(
                HOME,
                "roaming.4.data_mb",
                wrong_type(Expected::Integer, "number"),
            ),
        ],
    );
    let found = problems(|root| {
        with_home_plan(root, |p| {
            p.insert("roaming".into(), json!({ "coverage": ["GB"] }));
        });
    });
    assert_one(
        &found,
        at(HOME, "roaming", wrong_type(Expected::List, "object")),
    );
}

#[test]
fn roaming_inclusions_belong_to_home_plans_only() {
    let found = problems(|root| {
        plan(root, 0).insert("roaming".into(), json!([{ "coverage": ["GB"] }]));
    });
    assert_one(
        &found,
        at(
            PASS,
            "roaming",
            Issue::NotForKind {
                kind: PlanKind::Esim,
            },
        ),
    );
}

// ---------------------------------------------------------------------------
// New fields: buyers, carriers, contract, cards, breakout, links, provider
// ---------------------------------------------------------------------------

#[test]
fn buyers_default_to_anyone_for_cards_and_esims_and_customers_for_roaming() {
    let catalogue = load_text(BASE);
    assert_eq!(catalogue.plan(PASS).unwrap().buyers, Buyers::Anyone);
    assert_eq!(catalogue.plan(DAY).unwrap().buyers, Buyers::Anyone);
    assert_eq!(catalogue.plan(ROAMING).unwrap().buyers, Buyers::Customers);
}

#[test]
fn buyers_are_read_and_residents_need_home() {
    for (word, expected) in [
        ("anyone", Buyers::Anyone),
        ("customers", Buyers::Customers),
        ("residents", Buyers::Residents),
    ] {
        let catalogue = loads(|root| {
            plan(root, 2).insert("buyers".into(), json!(word));
        });
        assert_eq!(catalogue.plan(ROAMING).unwrap().buyers, expected, "{word}");
    }
    let found = problems(|root| {
        plan(root, 0).insert("buyers".into(), json!("residents"));
    });
    assert_one(&found, at(PASS, "buyers", Issue::ResidentsWithoutHome));
    let catalogue = loads(|root| {
        plan(root, 0).insert("buyers".into(), json!("residents"));
        plan(root, 0).insert("home".into(), json!("HK"));
    });
    assert_eq!(catalogue.plan(PASS).unwrap().buyers, Buyers::Residents);
    let found = problems(|root| {
        plan(root, 0).insert("buyers".into(), json!("tourists"));
    });
    assert_one(
        &found,
        at(
            PASS,
            "buyers",
            Issue::UnknownValue {
                value: "tourists".to_owned(),
                allowed: &["anyone", "residents", "customers"],
            },
        ),
    );
}

#[test]
fn carriers_default_to_the_provider() {
    let catalogue = load_text(BASE);
    let roaming = catalogue.plan(ROAMING).unwrap();
    assert_eq!(roaming.carriers, ["China Mobile Hong Kong"]);
    assert!(roaming.takes_carrier("china mobile hong kong"));
    assert!(!roaming.takes_carrier("csl"));
}

#[test]
fn carriers_are_a_non_empty_list_of_names() {
    let catalogue = loads(|root| {
        plan(root, 2).insert("carriers".into(), json!(["CMHK", "China Mobile Hong Kong"]));
    });
    let roaming = catalogue.plan(ROAMING).unwrap();
    assert_eq!(roaming.carriers, ["CMHK", "China Mobile Hong Kong"]);
    assert!(roaming.takes_carrier("CMHK"));
    for (value, issue) in [
        (json!([]), Issue::Empty),
        (json!(["CMHK", " "]), Issue::Empty),
        (json!("CMHK"), wrong_type(Expected::List, "string")),
        (json!(["CMHK", 3]), wrong_type(Expected::Text, "number")),
    ] {
        let found = problems(|root| {
            plan(root, 2).insert("carriers".into(), value.clone());
        });
        assert_one(&found, at(ROAMING, "carriers", issue));
    }
}

#[test]
fn contract_months_is_a_whole_number_of_at_least_one() {
    let catalogue = loads(|root| {
        plan(root, 1).insert("contract_months".into(), json!(24));
    });
    assert_eq!(catalogue.plan(DAY).unwrap().contract_months, Some(24));
    assert_eq!(catalogue.plan(PASS).unwrap().contract_months, None);
    for (value, issue) in [
        (json!(0), Issue::NotPositive),
        (json!(1.5), wrong_type(Expected::Integer, "number")),
        (json!("24"), wrong_type(Expected::Number, "string")),
    ] {
        let found = problems(|root| {
            plan(root, 1).insert("contract_months".into(), value.clone());
        });
        assert_one(&found, at(DAY, "contract_months", issue));
    }
}

#[test]
fn cards_are_two_or_more_and_account_lines_is_their_old_name() {
    let catalogue = loads(|root| {
        plan(root, 0).insert("cards".into(), json!(4));
        plan(root, 1).insert("account_lines".into(), json!(3));
        plan(root, 2).insert("cards".into(), json!(2));
        plan(root, 2).insert("account_lines".into(), json!(2));
    });
    assert_eq!(catalogue.plan(PASS).unwrap().cards, Some(4));
    assert_eq!(catalogue.plan(DAY).unwrap().cards, Some(3));
    assert_eq!(catalogue.plan(ROAMING).unwrap().cards, Some(2));
    for field in ["cards", "account_lines"] {
        let found = problems(|root| {
            plan(root, 0).insert(field.into(), json!(1));
        });
        assert_one(&found, at(PASS, field, Issue::TooSmall { min: 2 }));
    }
    let found = problems(|root| {
        plan(root, 0).insert("cards".into(), json!(4));
        plan(root, 0).insert("account_lines".into(), json!(3));
    });
    assert_one(
        &found,
        at(
            PASS,
            "cards",
            Issue::CardsDisagree {
                cards: 4,
                account_lines: 3,
            },
        ),
    );
}

#[test]
fn breakout_is_a_country_code() {
    let catalogue = loads(|root| {
        plan(root, 1).insert("breakout".into(), json!("CN"));
    });
    assert_eq!(catalogue.plan(DAY).unwrap().breakout, Some(cc("CN")));
    assert_eq!(catalogue.plan(PASS).unwrap().breakout, None);
    let found = problems(|root| {
        plan(root, 1).insert("breakout".into(), json!("China"));
    });
    assert_one(
        &found,
        at(
            DAY,
            "breakout",
            Issue::UnknownCountry {
                code: "China".to_owned(),
            },
        ),
    );
}

#[test]
fn buy_url_must_be_an_http_or_https_address() {
    let catalogue = loads(|root| {
        plan(root, 0).insert(
            "buy_url".into(),
            json!("https://blog.example/go/csl?ref=blog"),
        );
    });
    assert_eq!(
        catalogue.plan(PASS).unwrap().provenance.buy_url.as_deref(),
        Some("https://blog.example/go/csl?ref=blog")
    );
    for bad in [
        "javascript:alert(document.cookie)",
        " https://blog.example/x",
        "data:text/html;base64,PHNjcmlwdD4=",
        "www.csl.com",
        "/go/csl",
        "ftp://files.example/plan",
        "https://",
    ] {
        let found = problems(|root| {
            plan(root, 0).insert("buy_url".into(), json!(bad));
        });
        assert_one(&found, at(PASS, "buy_url", Issue::NotWebAddress));
    }
    let found = problems(|root| {
        plan(root, 0).insert("buy_url".into(), json!(["https://x.example/"]));
    });
    assert_one(
        &found,
        at(PASS, "buy_url", wrong_type(Expected::Text, "array")),
    );
}

#[test]
fn provider_may_be_translated_and_its_key_is_the_english_or_first_name() {
    // Written as text: "the first" is the first in the file, and serde_json's
    // own maps would sort the keys.
    let catalogue = load_text(
        &BASE
            .replacen(
                r#""provider": "csl","#,
                r#""provider": { "zh-Hant": "數碼通", "en": "SmarTone" },"#,
                1,
            )
            .replacen(
                r#""provider": "China Mobile Hong Kong","#,
                r#""provider": { "de": "CMHK", "zh-Hant": "中國移動香港", "zh-Hans": "中国移动香港" },"#,
                1,
            ),
    );
    let pass = catalogue.plan(PASS).unwrap();
    assert_eq!(pass.provider, "SmarTone");
    assert_eq!(pass.provider_name.get(Lang::ZhHant), "數碼通");
    assert_eq!(pass.provider_name.get(Lang::Fr), "SmarTone");
    let roaming = catalogue.plan(ROAMING).unwrap();
    assert_eq!(roaming.provider, "中國移動香港", "no English: the first");
    assert_eq!(roaming.provider_name.get(Lang::ZhHans), "中国移动香港");
    assert_eq!(
        roaming.carriers,
        ["中國移動香港"],
        "carriers default to the key"
    );
    // A plain provider is its own name in every language.
    let day = catalogue.plan(DAY).unwrap();
    assert_eq!(day.provider_name.get(Lang::ZhHant), "Example Mobile");

    let found = problems(|root| {
        plan(root, 0).insert("provider".into(), json!({ "en": "", "fr": "SFR" }));
    });
    assert_one(&found, at(PASS, "provider.en", Issue::Empty));
    let found = problems(|root| {
        plan(root, 0).insert("provider".into(), json!(42));
    });
    assert_one(
        &found,
        at(
            PASS,
            "provider",
            wrong_type(Expected::TextOrTranslations, "number"),
        ),
    );
}

#[test]
fn rates_source_and_date_are_read_and_checked() {
    let catalogue = loads(|root| {
        top(root).insert(
            "rates_source".into(),
            json!("https://www.ecb.europa.eu/stats/eurofxref/"),
        );
        top(root).insert("rates_date".into(), json!("2026-10-31"));
        top(root).insert("stale_after_months".into(), json!(6));
    });
    assert_eq!(
        catalogue.rates_source.as_deref(),
        Some("https://www.ecb.europa.eu/stats/eurofxref/")
    );
    assert_eq!(
        catalogue.rates_date.map(|d| d.to_string()).as_deref(),
        Some("2026-10-31")
    );
    assert_eq!(catalogue.stale_after_months(), 6);
    assert_eq!(load_text(BASE).stale_after_months(), 12, "the default");
    let found = problems(|root| {
        top(root).insert("rates_source".into(), json!("ECB"));
        top(root).insert("rates_date".into(), json!("31/10/2026"));
        top(root).insert("stale_after_months".into(), json!(0));
    });
    assert_problems(
        &found,
        &[
            at_top("rates_source", Issue::NotWebAddress),
            at_top(
                "rates_date",
                Issue::BadDate {
                    value: "31/10/2026".to_owned(),
                },
            ),
            at_top("stale_after_months", Issue::NotPositive),
        ],
    );
}

#[test]
fn evidence_entries_are_read() {
    let catalogue = loads(|root| {
        plan(root, 1).insert(
            "evidence".into(),
            json!([
                { "url": "https://example.com/gc/day-plan", "quote": "€2.50 a day", "seen": "2026-10-20" },
                { "url": "https://example.com/gc/terms", "quote": "1GB per day at full speed" }
            ]),
        );
    });
    let evidence = &catalogue.plan(DAY).unwrap().provenance.evidence;
    assert_eq!(
        evidence,
        &[
            Evidence {
                url: "https://example.com/gc/day-plan".to_owned(),
                quote: "€2.50 a day".to_owned(),
                seen: Date::parse("2026-10-20"),
            },
            Evidence {
                url: "https://example.com/gc/terms".to_owned(),
                quote: "1GB per day at full speed".to_owned(),
                seen: None,
            },
        ]
    );
}

#[test]
fn evidence_problems_are_located_by_entry() {
    let found = problems(|root| {
        plan(root, 1).insert(
            "evidence".into(),
            json!([
                { "quote": "€2.50" },
                { "url": "javascript:alert(1)", "quote": " ", "seen": "yesterday" },
                "https://example.com/gc",
            ]),
        );
    });
    assert_problems(
        &found,
        &[
            at(DAY, "evidence.1.url", Issue::Missing),
            at(DAY, "evidence.2.url", Issue::NotWebAddress),
            at(DAY, "evidence.2.quote", Issue::Empty),
            at(
                DAY,
                "evidence.2.seen",
                Issue::BadDate {
                    value: "yesterday".to_owned(),
                },
            ),
            at(DAY, "evidence.3", wrong_type(Expected::Object, "string")),
        ],
    );
    let found = problems(|root| {
        plan(root, 1).insert(
            "evidence".into(),
            json!({ "url": "https://example.com/gc" }),
        );
    });
    assert_one(
        &found,
        at(DAY, "evidence", wrong_type(Expected::List, "object")),
    );
}

// ---------------------------------------------------------------------------
// Prices are never rounded (issue 11 a): errors
// ---------------------------------------------------------------------------

fn too_many_decimals(currency: &str, allowed: u8) -> Issue {
    Issue::TooManyDecimals {
        currency: currency.to_owned(),
        allowed,
    }
}

#[test]
fn prices_with_more_than_two_decimals_are_errors_never_rounded() {
    for price in [json!(19.999), json!(0.125), json!(0.004), json!(88.001)] {
        let found = problems(|root| {
            plan(root, 0).insert("price".into(), price.clone());
        });
        assert_one(&found, at(PASS, "price", too_many_decimals("HKD", 2)));
    }
    let found = problems(|root| {
        root["plans"][2]["pool"]["extra_line_price"] = json!(29.995);
        root["plans"][2]["topup"]["price"] = json!(19.999);
    });
    assert_problems(
        &found,
        &[
            at(
                ROAMING,
                "pool.extra_line_price",
                too_many_decimals("HKD", 2),
            ),
            at(ROAMING, "topup.price", too_many_decimals("HKD", 2)),
        ],
    );
}

#[test]
fn yen_and_won_prices_have_no_decimals() {
    let with_yen_and_won = |root: &mut Value| {
        root["rates_per_eur"]["JPY"] = json!(162);
        root["rates_per_eur"]["KRW"] = json!(1450);
        plan(root, 0).insert("currency".into(), json!("JPY"));
        plan(root, 2).insert("currency".into(), json!("KRW"));
    };
    let catalogue = loads(|root| {
        with_yen_and_won(root);
        plan(root, 0).insert("price".into(), json!(2500));
        plan(root, 2).insert("price".into(), json!(33_000.0));
    });
    assert_eq!(
        catalogue.plan(PASS).unwrap().price,
        Money::new(250_000, cur("JPY")),
        "hundredths for every currency"
    );
    assert_eq!(catalogue.plan(ROAMING).unwrap().price.minor, 3_300_000);
    let found = problems(|root| {
        with_yen_and_won(root);
        plan(root, 0).insert("price".into(), json!(2500.5));
        plan(root, 2).insert("price".into(), json!(33_000.01));
        root["plans"][2]["topup"]["price"] = json!(0.5);
    });
    assert_problems(
        &found,
        &[
            at(PASS, "price", too_many_decimals("JPY", 0)),
            at(ROAMING, "price", too_many_decimals("KRW", 0)),
            at(ROAMING, "topup.price", too_many_decimals("KRW", 0)),
        ],
    );
}

#[test]
fn amounts_too_large_to_hold_are_reported_as_too_large() {
    for price in [json!(1e14), json!(1e20), json!(f64::MAX)] {
        let found = problems(|root| {
            plan(root, 0).insert("price".into(), price.clone());
            root["plans"][2]["pool"]["extra_line_price"] = price.clone();
        });
        assert_problems(
            &found,
            &[
                at(PASS, "price", too_large("90071992547409.91")),
                at(
                    ROAMING,
                    "pool.extra_line_price",
                    too_large("90071992547409.91"),
                ),
            ],
        );
    }
    // Just below the limit still holds, exactly.
    let catalogue = loads(|root| {
        plan(root, 0).insert("price".into(), json!(90_071_992_547_409.0));
    });
    assert_eq!(
        catalogue.plan(PASS).unwrap().price.minor,
        9_007_199_254_740_900
    );
}

#[test]
fn whole_numbers_of_two_to_the_53_are_too_large_not_fractional() {
    for field in ["data_mb", "daily_mb"] {
        let found = problems(|root| {
            plan(root, 0).insert(field.into(), json!(9_007_199_254_740_992_u64));
        });
        assert_one(&found, at(PASS, field, too_large("1000000000000")));
    }
}

// ---------------------------------------------------------------------------
// Evidence and dates (issue 11 b, c): advisories, never errors
// ---------------------------------------------------------------------------

/// The base with one edit: it must load; its advisories.
fn advisories(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    advisories_on(None, edit)
}

fn advisories_on(today: Option<&str>, edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut root = base();
    edit(&mut root);
    let tree: Json = serde_json::from_str(&to_text(&root)).unwrap();
    let today = today.map(|d| Date::parse(d).unwrap());
    match from_json(&tree, today) {
        Ok(loaded) => {
            assert!(
                loaded.advisories.iter().all(|p| !p.is_error()),
                "{:#?}",
                loaded.advisories
            );
            loaded.advisories.shown
        }
        Err(problems) => panic!("advisories must never stop a file: {problems:#?}"),
    }
}

/// The base's observed plan (price HK$88) with these evidence entries.
fn observed_with(evidence: Value) -> impl FnOnce(&mut Value) {
    move |root: &mut Value| {
        plan(root, 0).insert("evidence".into(), evidence);
    }
}

#[test]
fn observed_without_evidence_is_an_advisory_not_an_error() {
    // The base is a valid format-1 file: it stays valid, with one advisory.
    let found = advisories(|_| {});
    assert_one(&found, at(PASS, "evidence", Issue::ObservedWithoutEvidence));
    assert_eq!(found[0].severity(), Severity::Advisory);
    // An empty list is no evidence either.
    let found = advisories(observed_with(json!([])));
    assert_one(&found, at(PASS, "evidence", Issue::ObservedWithoutEvidence));
}

#[test]
fn observed_backed_by_a_specific_page_quoting_the_price_has_no_advisory() {
    for quote in [
        "HK$88 for 5 days",
        "$88",
        "88.00 HKD",
        "港幣88元",
        "HK$ 88",
        "５日 ＨＫ＄８８",
    ] {
        let found = advisories(observed_with(json!([{
            "url": "https://www.example.com/en/prepaid/5-day-pass",
            "quote": quote,
            "seen": "2026-10-20"
        }])));
        assert_problems(&found, &[]);
    }
}

#[test]
fn decimal_prices_are_found_in_quotes_with_a_point_or_a_comma() {
    for quote in ["2,50 € par jour", "€2.50/day", "2.5 EUR a day"] {
        let found = advisories(|root| {
            plan(root, 1).insert("confidence".into(), json!("observed"));
            plan(root, 1).insert(
                "evidence".into(),
                json!([{ "url": "https://example.com/gc/day", "quote": quote }]),
            );
        });
        // Only the base's own observed plan without evidence.
        assert_one(&found, at(PASS, "evidence", Issue::ObservedWithoutEvidence));
    }
}

#[test]
fn home_page_evidence_and_quotes_without_the_price_are_advisories() {
    let found = advisories(observed_with(json!([
        { "url": "https://www.example.com/", "quote": "HK$88 for 5 days" },
        { "url": "https://www.example.com/tc/", "quote": "5日 無限數據" },
        { "url": "https://www.example.com/en/prepaid/5-day-pass", "quote": "HK$188 for 5 days" },
    ])));
    assert_problems(
        &found,
        &[
            at(
                PASS,
                "evidence.1.url",
                Issue::HomePageOnly {
                    url: "https://www.example.com/".to_owned(),
                },
            ),
            at(
                PASS,
                "evidence.2.url",
                Issue::HomePageOnly {
                    url: "https://www.example.com/tc/".to_owned(),
                },
            ),
            at(
                PASS,
                "evidence.2.quote",
                Issue::QuoteWithoutPrice {
                    price: "88".to_owned(),
                },
            ),
            at(
                PASS,
                "evidence.3.quote",
                Issue::QuoteWithoutPrice {
                    price: "88".to_owned(),
                },
            ),
        ],
    );
    // One entry that shows the price on the offer's page is enough.
    let found = advisories(observed_with(json!([
        { "url": "https://www.example.com/", "quote": "Travel SIMs" },
        { "url": "https://www.example.com/en/prepaid/5-day-pass", "quote": "HK$88 for 5 days" },
    ])));
    assert_problems(&found, &[]);
}

#[test]
fn a_decimal_price_missing_from_its_quote_is_named_as_written() {
    let found = advisories(|root| {
        plan(root, 0).insert("price".into(), json!(88.5));
        plan(root, 0).insert(
            "evidence".into(),
            json!([{ "url": "https://example.com/p/5d", "quote": "HK$88 for 5 days" }]),
        );
    });
    assert_one(
        &found,
        at(
            PASS,
            "evidence.1.quote",
            Issue::QuoteWithoutPrice {
                price: "88.50".to_owned(),
            },
        ),
    );
}

#[test]
fn partial_and_unverified_plans_need_no_evidence() {
    let found = advisories(|root| {
        plan(root, 0).insert("confidence".into(), json!("partial"));
    });
    assert_problems(&found, &[]);
}

#[test]
fn dates_after_the_catalogues_own_date_are_advisories() {
    let found = advisories(|root| {
        plan(root, 0).insert("checked".into(), json!("2026-11-02"));
        plan(root, 0).insert(
            "evidence".into(),
            json!([
                { "url": "https://example.com/p/5d", "quote": "HK$88", "seen": "2026-12-01" },
                { "url": "https://example.com/p/5d-terms", "quote": "5GB", "seen": "2026-11-01" }
            ]),
        );
    });
    let as_of = Date::parse("2026-11-01").unwrap();
    assert_problems(
        &found,
        &[
            at(PASS, "checked", Issue::AfterAsOf { as_of }),
            at(PASS, "evidence.1.seen", Issue::AfterAsOf { as_of }),
        ],
    );
}

#[test]
fn dates_after_today_are_advisories_when_today_is_known() {
    let evidence =
        || json!([{ "url": "https://example.com/p/5d", "quote": "HK$88", "seen": "2026-10-25" }]);
    let found = advisories_on(Some("2026-10-22"), |root| {
        plan(root, 0).insert("evidence".into(), evidence());
    });
    let today = Date::parse("2026-10-22").unwrap();
    assert_one(
        &found,
        at(PASS, "evidence.1.seen", Issue::InTheFuture { today }),
    );
    // Without today, only the catalogue's date is a reference: none here.
    let found = advisories(|root| {
        plan(root, 0).insert("evidence".into(), evidence());
    });
    assert_problems(&found, &[]);
}

#[test]
fn dates_older_than_the_staleness_limit_are_advisories() {
    let stale = |months| Issue::Stale { months, limit: 12 };
    for (checked, expected) in [
        ("2025-11-02", None),
        ("2025-11-01", Some(stale(12))),
        ("2025-10-31", Some(stale(12))),
        ("2024-01-15", Some(stale(33))),
    ] {
        let found = advisories(|root| {
            plan(root, 1).insert("checked".into(), json!(checked));
        });
        let mut want = vec![at(PASS, "evidence", Issue::ObservedWithoutEvidence)];
        want.extend(expected.map(|issue| at(DAY, "checked", issue)));
        assert_problems(&found, &want);
    }
    // The catalogue's own limit, counted back from as_of.
    let found = advisories(|root| {
        top(root).insert("stale_after_months".into(), json!(3));
        plan(root, 0).insert(
            "evidence".into(),
            json!([{ "url": "https://example.com/p/5d", "quote": "HK$88", "seen": "2026-07-31" }]),
        );
    });
    assert_one(
        &found,
        at(
            PASS,
            "evidence.1.seen",
            Issue::Stale {
                months: 3,
                limit: 3,
            },
        ),
    );
    // Without as_of there is nothing to count back from.
    let found = advisories(|root| {
        top(root).remove("as_of");
        plan(root, 1).insert("checked".into(), json!("2019-01-01"));
    });
    assert_one(&found, at(PASS, "evidence", Issue::ObservedWithoutEvidence));
}

#[test]
fn advisories_are_capped_like_errors() {
    let found = match load_native(&{
        let mut root = base();
        let pass = root["plans"][0].clone();
        let plans: Vec<Value> = (0..60)
            .map(|i| {
                let mut p = pass.clone();
                p["id"] = json!(format!("observed-{i}"));
                p
            })
            .collect();
        top(&mut root).insert("plans".into(), Value::Array(plans));
        to_text(&root)
    }) {
        Ok(loaded) => loaded.advisories,
        Err(problems) => panic!("{problems:#?}"),
    };
    assert_eq!(found.shown.len(), Problems::SHOWN);
    assert_eq!(found.more, 10);
    assert_eq!(found.total(), 60);
    assert_eq!(found[0].plan.as_deref(), Some("observed-0"), "file order");
}

// ---------------------------------------------------------------------------
// Robustness (issue 15): nesting, caps, number messages
// ---------------------------------------------------------------------------

/// The base with an unknown field holding arrays nested so that the deepest
/// one is at `depth` levels (the file's own object being the first).
fn nested_to(depth: usize) -> String {
    let inner = depth - 1;
    BASE.replacen(
        "\"format\": 1,",
        &format!(
            "\"format\": 1, \"deep\": {}{},",
            "[".repeat(inner),
            "]".repeat(inner)
        ),
        1,
    )
}

#[test]
fn nesting_up_to_the_limit_is_read() {
    assert_eq!(MAX_DEPTH, 64);
    load_text(&nested_to(MAX_DEPTH));
}

#[test]
fn nesting_beyond_the_limit_names_the_depth_whatever_the_depth() {
    // 65: just beyond; 129: beyond serde_json's own limit of 128, whose
    // message must not be the one shown; 100,000: would exhaust the stack.
    for depth in [MAX_DEPTH + 1, 129, 1_000, 100_000] {
        let found = problems_of(&nested_to(depth));
        assert_one(&found, at_top("", Issue::TooDeep { limit: 64 }));
    }
    let text = problem_text(
        &at_top("", Issue::TooDeep { limit: 64 }),
        Formatter::new(Lang::En),
    );
    assert!(text.contains("64"), "{text}");
    // Objects count as much as arrays.
    let objects = format!("{}1{}", "{\"a\":".repeat(70), "}".repeat(70));
    assert_eq!(
        json::from_str(&objects),
        Err(JsonError::TooDeep { limit: 64 })
    );
}

/// A deserializer that, like serde-wasm-bindgen over a JavaScript object,
/// produces an endlessly nested value one level per call: without a depth
/// check it recurses until the stack runs out.
struct Endless {
    objects: bool,
}

struct EndlessLevel {
    objects: bool,
    done: bool,
}

impl<'de> serde::Deserializer<'de> for Endless {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let level = EndlessLevel {
            objects: self.objects,
            done: false,
        };
        if self.objects {
            visitor.visit_map(level)
        } else {
            visitor.visit_seq(level)
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> serde::de::SeqAccess<'de> for EndlessLevel {
    type Error = serde::de::value::Error;

    fn next_element_seed<T: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        seed.deserialize(Endless {
            objects: self.objects,
        })
        .map(Some)
    }
}

impl<'de> serde::de::MapAccess<'de> for EndlessLevel {
    type Error = serde::de::value::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        if self.done {
            return Ok(None);
        }
        seed.deserialize(serde::de::value::StrDeserializer::new("deeper"))
            .map(Some)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        self.done = true;
        seed.deserialize(Endless {
            objects: self.objects,
        })
    }
}

#[test]
fn a_lazily_recursing_deserializer_is_stopped_at_the_limit() {
    for objects in [false, true] {
        assert_eq!(
            json::from_deserializer(Endless { objects }),
            Err(JsonError::TooDeep { limit: 64 })
        );
        // Deserialized directly, the error still names the limit.
        let error = <Json as serde::Deserialize>::deserialize(Endless { objects }).unwrap_err();
        assert!(error.to_string().contains("64"), "{error}");
    }
}

#[test]
fn a_quarter_of_a_million_empty_plans_are_validated_fast_and_capped() {
    let mut text = String::from(r#"{"format": 1, "rates_per_eur": {"EUR": 1}, "plans": ["#);
    for i in 0..250_000 {
        text.push_str(if i == 0 { "{}" } else { ",     {}" });
    }
    text.push_str("]}");
    assert!(
        text.len() > 2_000_000 && text.len() <= MAX_CATALOGUE_BYTES,
        "{}",
        text.len()
    );
    let start = std::time::Instant::now();
    let Err(found) = load_native(&text) else {
        panic!("empty plans cannot load")
    };
    // Printed, not asserted: the machine may be busy.
    eprintln!(
        "250,000 empty plans ({} bytes): validated in {:?}, {} problems",
        text.len(),
        start.elapsed(),
        found.total()
    );
    assert_eq!(found.shown.len(), Problems::SHOWN);
    // Each empty plan misses its seven required fields.
    assert_eq!(found.total(), 7 * 250_000);
    assert_eq!(found.more, 7 * 250_000 - Problems::SHOWN);
    assert_eq!(
        found[0],
        at("#1", "id", Issue::Missing),
        "the first ones, in order"
    );
}

#[test]
fn numbers_too_large_for_json_are_never_called_not_a_number() {
    // serde_json refuses 1e400 in the text; the browser reads it as infinity.
    let native = problems_of(&BASE.replacen("\"price\": 88,", "\"price\": 1e400,", 1));
    let lang = Formatter::new(Lang::En);
    for problem in &native {
        let text = problem_text(problem, lang);
        assert!(!text.contains("not a number"), "{text}");
        assert!(text.contains("out of range"), "{text}");
    }
    let mut tree: Json = serde_json::from_str(BASE).unwrap();
    set_plan_field(&mut tree, 0, "price", Json::Number(f64::INFINITY));
    let found = from_json(&tree, None).unwrap_err();
    assert_one(&found, at(PASS, "price", Issue::NotFinite));
    let text = problem_text(&found[0], lang);
    assert!(!text.contains("not a number"), "{text}");
    assert!(text.contains("too large"), "{text}");
    // The same for a rate, an integer and the hotspot.
    for field in ["validity_days", "hotspot", "data_mb"] {
        let mut tree: Json = serde_json::from_str(BASE).unwrap();
        set_plan_field(&mut tree, 0, field, Json::Number(f64::INFINITY));
        let found = from_json(&tree, None).unwrap_err();
        assert_one(&found, at(PASS, field, Issue::NotFinite));
    }
}

#[test]
fn number_messages_say_what_is_wrong() {
    let en = |issue: Issue| problem_text(&at(PASS, "x", issue), Formatter::new(Lang::En));
    let rate = en(Issue::RateOutOfRange {
        min: "0.000001",
        max: "9000000000",
    });
    assert!(
        rate.contains("out of range") && !rate.contains("above zero"),
        "{rate}"
    );
    let big = en(too_large("4294967295"));
    assert!(
        big.contains("too large") && !big.contains("whole number"),
        "{big}"
    );
}

// ---------------------------------------------------------------------------
// Messages: every new problem, in every language, for a blog owner
// ---------------------------------------------------------------------------

fn new_issues() -> Vec<Issue> {
    let day = Date::parse("2026-11-01").unwrap();
    vec![
        Issue::TooDeep { limit: 64 },
        Issue::NotFinite,
        too_large("4294967295"),
        Issue::RateOutOfRange {
            min: "0.000001",
            max: "9000000000",
        },
        Issue::TooSmall { min: 2 },
        too_many_decimals("HKD", 2),
        too_many_decimals("JPY", 0),
        Issue::HomePlanWithoutHome,
        Issue::ResidentsWithoutHome,
        Issue::NotForKind {
            kind: PlanKind::HomePlan,
        },
        Issue::CardsDisagree {
            cards: 4,
            account_lines: 3,
        },
        Issue::NotWebAddress,
        Issue::ObservedWithoutEvidence,
        Issue::HomePageOnly {
            url: "https://www.csl.com/".to_owned(),
        },
        Issue::QuoteWithoutPrice {
            price: "88".to_owned(),
        },
        Issue::AfterAsOf { as_of: day },
        Issue::InTheFuture { today: day },
        Issue::Stale {
            months: 13,
            limit: 12,
        },
    ]
}

#[test]
fn every_new_problem_has_a_message_in_every_language() {
    for issue in new_issues() {
        let mut seen = Vec::new();
        for lang in Lang::ALL {
            let text = problem_text(&at(PASS, "field", issue.clone()), Formatter::new(lang));
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{lang:?}: {text}"
            );
            assert!(text.contains(PASS), "{text}");
            seen.push(text);
        }
        // Four languages, four sentences (Chinese scripts differ too).
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 4, "{issue:?}: {seen:#?}");
    }
}

#[test]
fn messages_carry_the_values_the_blog_owner_must_act_on() {
    let en = |issue: Issue| problem_text(&at(PASS, "price", issue), Formatter::new(Lang::En));
    assert!(en(too_many_decimals("JPY", 0)).contains("JPY"));
    assert!(en(too_many_decimals("HKD", 2)).contains('2'));
    assert!(en(Issue::HomePageOnly {
        url: "https://www.csl.com/".to_owned()
    })
    .contains("https://www.csl.com/"));
    assert!(en(Issue::QuoteWithoutPrice {
        price: "19.90".to_owned()
    })
    .contains("19.90"));
    let stale = en(Issue::Stale {
        months: 13,
        limit: 12,
    });
    assert!(stale.contains("13") && stale.contains("12"), "{stale}");
    let cards = en(Issue::CardsDisagree {
        cards: 4,
        account_lines: 3,
    });
    assert!(cards.contains('4') && cards.contains('3'), "{cards}");
    let kind = en(Issue::NotForKind {
        kind: PlanKind::HomePlan,
    });
    assert!(kind.contains("Monthly plan"), "{kind}");
}

#[test]
fn only_evidence_and_date_problems_are_advisories() {
    let advisory: Vec<Issue> = new_issues()
        .into_iter()
        .filter(|i| i.severity() == Severity::Advisory)
        .collect();
    assert_eq!(advisory.len(), 6, "{advisory:#?}");
    for issue in advisory {
        assert!(matches!(
            issue,
            Issue::ObservedWithoutEvidence
                | Issue::HomePageOnly { .. }
                | Issue::QuoteWithoutPrice { .. }
                | Issue::AfterAsOf { .. }
                | Issue::InTheFuture { .. }
                | Issue::Stale { .. }
        ));
    }
    assert_eq!(
        Issue::TooManyDecimals {
            currency: "HKD".into(),
            allowed: 2
        }
        .severity(),
        Severity::Error
    );
}

// ---------------------------------------------------------------------------
// The README's examples are valid catalogue entries
// ---------------------------------------------------------------------------

/// The plan examples of the README (indented blocks starting `{` whose
/// first member is `"id"`).
fn readme_plans() -> Vec<String> {
    let readme = include_str!("../README.md");
    let mut plans = Vec::new();
    let mut current: Option<String> = None;
    for line in readme.lines() {
        match &mut current {
            None if line == "    {" => current = Some("{".to_owned()),
            None => {}
            Some(block) => {
                let Some(code) = line.strip_prefix("    ") else {
                    if let Some(done) = current.take() {
                        plans.push(done);
                    }
                    continue;
                };
                block.push('\n');
                block.push_str(code);
                if code == "}" {
                    if let Some(done) = current.take() {
                        plans.push(done);
                    }
                }
            }
        }
    }
    plans
        .into_iter()
        .filter(|p| p.trim_start_matches('{').trim_start().starts_with("\"id\""))
        .collect()
}

#[test]
fn readme_plan_examples_load_without_advisories() {
    let plans = readme_plans();
    assert_eq!(plans.len(), 2, "{plans:#?}");
    let eu: Vec<&str> = vec![
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ];
    let text = format!(
        r#"{{ "format": 1, "as_of": "2026-11-01",
             "rates_per_eur": {{ "EUR": 1, "HKD": 8.45 }},
             "zones": {{ "EU_EEA": {} }},
             "plans": [{}] }}"#,
        serde_json::to_string(&eu).unwrap(),
        plans.join(",")
    );
    let loaded = load_native(&text).unwrap_or_else(|p| panic!("{p:#?}\n{text}"));
    assert_problems(&loaded.advisories, &[]);
    let home = &loaded.catalogue.plans[0];
    assert!(home.is_home_plan());
    assert_eq!(home.roaming[0].coverage.len(), 30);
    let pass = &loaded.catalogue.plans[1];
    assert_eq!(pass.provider, "Harbour Mobile");
    assert_eq!(pass.provenance.evidence.len(), 1);
}

#[test]
fn where_a_card_is_sold_is_read_in_each_language_and_a_wrong_type_reported() {
    let catalogue = loads(|root| {
        plan(root, 0).insert(
            "sold_at".into(),
            json!({"en": "Airport arrivals hall", "zh-Hans": "机场到达大厅"}),
        );
        plan(root, 1).insert("sold_at".into(), json!("Any 7-Eleven"));
    });
    let sold = |index: usize, lang: Lang| {
        catalogue.plans[index]
            .provenance
            .sold_at
            .as_ref()
            .map(|w| w.get(lang).to_owned())
    };
    assert_eq!(sold(0, Lang::ZhHans).as_deref(), Some("机场到达大厅"));
    assert_eq!(sold(0, Lang::Fr).as_deref(), Some("Airport arrivals hall"));
    assert_eq!(sold(1, Lang::ZhHant).as_deref(), Some("Any 7-Eleven"));
    assert_eq!(catalogue.plans[2].provenance.sold_at, None);
    let found = problems(|root| {
        plan(root, 0).insert("sold_at".into(), json!(42));
    });
    assert_one(
        &found,
        at(
            PASS,
            "sold_at",
            wrong_type(Expected::TextOrTranslations, "number"),
        ),
    );
}
