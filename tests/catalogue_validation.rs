//! The catalogue loader and validator against the public contract
//! (`shared/catalogue-format.md`, format 1): every rule, one broken thing at a
//! time, each problem naming its plan and field; and random input never panics.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use proptest::prelude::*;
use roamplan::core::catalogue::{
    from_json, load_native, Billing, Catalogue, Confidence, Expected, Hotspot, Issue, PlanKind,
    Problem, Provenance, MAX_CATALOGUE_BYTES,
};
use roamplan::core::country::CountryCode;
use roamplan::core::json::Json;
use roamplan::core::lang::Lang;
use roamplan::core::money::{Currency, Money};
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

const KINDS: &[&str] = &["esim", "sim", "roaming"];
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
        Ok(catalogue) => catalogue,
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
        Ok(catalogue) => panic!(
            "expected problems, loaded {} plans from {text}",
            catalogue.plans.len()
        ),
        Err(problems) => problems,
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
        pass.provenance.notes.as_deref(),
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
    for zero in [json!(0), json!(0.0), json!(-0.0), json!(0.004)] {
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
        (json!(0.125), 13),
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
    // reported, never make the plan silently vanish from the catalogue.
    for days in [json!(4_294_967_296_u64), json!(999_999_999_999_u64)] {
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
    // Beyond 10^12 the same problem was already reported.
    let found = problems(|root| {
        plan(root, 0).insert("validity_days".into(), json!(1e15));
    });
    assert_one(
        &found,
        at(
            PASS,
            "validity_days",
            wrong_type(Expected::Integer, "number"),
        ),
    );
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
        at(
            ROAMING,
            "pool.max_lines",
            wrong_type(Expected::Integer, "number"),
        ),
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
        (json!(1e15), "number"),
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
    for rate in [json!(0), json!(-8.2), json!(0.000_000_1)] {
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
    assert_eq!(pass.cards, Some(3));
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
    assert_one(
        &found,
        at(
            PASS,
            "account_lines",
            wrong_type(Expected::Integer, "number"),
        ),
    );
}

#[test]
fn from_json_reads_a_tree_from_any_parser() {
    // The browser hands over a tree built by JSON.parse; from_json must read
    // it the same way.
    let tree: Json = serde_json::from_str(BASE).unwrap();
    assert_eq!(from_json(&tree), Ok(load_text(BASE)));
    // Values JSON text cannot hold do not slip through.
    for odd in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut tree: Json = serde_json::from_str(BASE).unwrap();
        set_plan_field(&mut tree, 0, "price", Json::Number(odd));
        let found = from_json(&tree).unwrap_err();
        assert_one(
            &found,
            at(PASS, "price", wrong_type(Expected::Number, "number")),
        );
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
                Ok(catalogue) => prop_assert!(!catalogue.plans.is_empty()),
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
            Ok(catalogue) => {
                // Nothing was lost: every plan in the file is in the catalogue.
                let count = root["plans"].as_array().map_or(0, Vec::len);
                prop_assert_eq!(catalogue.plans.len(), count);
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
        let _ = from_json(&tree);
        let tree: Json = serde_json::from_str(&to_text(&value)).unwrap();
        if let Err(found) = from_json(&tree) {
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
