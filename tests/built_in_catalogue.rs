//! The catalogue that ships with the widget: valid, and as rich as promised.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use roamplan::core::catalogue::{load_native, validate_text, Catalogue, PlanKind, BUILT_IN_JSON};
use roamplan::core::country::CountryCode;
use roamplan::core::json;

fn built_in() -> Catalogue {
    match load_native(BUILT_IN_JSON) {
        Ok(loaded) => loaded.catalogue,
        Err(problems) => panic!("built-in catalogue has problems: {problems:#?}"),
    }
}

fn cc(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap_or_else(|| panic!("{code}"))
}

#[test]
fn built_in_catalogue_validates() {
    let catalogue = built_in();
    assert!(
        catalogue.plans.len() >= 60,
        "{} plans",
        catalogue.plans.len()
    );
    assert!(catalogue.as_of.is_some());
}

#[test]
fn built_in_catalogue_has_no_errors_whatever_its_advisories() {
    // Advisories (evidence to add, dates to renew) are for the maintainer's
    // report; an error would make the widget refuse its own plans.
    let validation = validate_text(BUILT_IN_JSON, None, usize::MAX, json::from_str);
    assert_eq!(
        validation.errors.total(),
        0,
        "{:#?}",
        validation.errors.shown
    );
    assert!(validation.advisories.iter().all(|p| !p.is_error()));
    assert_eq!(validation.catalogue, built_in());
}

#[test]
fn every_plan_says_where_its_figures_come_from() {
    for plan in built_in().plans {
        let p = &plan.provenance;
        let web = |s: &str| s.starts_with("https://") || s.starts_with("http://");
        assert!(
            p.source.as_deref().is_some_and(web) || p.evidence.iter().any(|e| web(&e.url)),
            "{} source or evidence",
            plan.id
        );
        assert!(p.checked.is_some(), "{} checked", plan.id);
        assert!(p.confidence.is_some(), "{} confidence", plan.id);
        assert!(!plan.provider.is_empty(), "{} provider", plan.id);
    }
}

#[test]
fn eu_eea_zone_is_exactly_the_regulations() {
    let catalogue = built_in();
    let zone = catalogue
        .zones
        .iter()
        .find(|(name, _)| name == "EU_EEA")
        .map(|(_, c)| c.clone());
    let zone = zone.unwrap_or_else(|| panic!("EU_EEA zone"));
    assert_eq!(zone.len(), 30);
    assert!(zone.iter().all(|c| c.in_eu_roaming_area()));
    for outside in ["GB", "CH", "AD", "MC"] {
        assert!(!zone.contains(&cc(outside)), "{outside}");
    }
}

#[test]
fn covers_the_hong_kong_carriers_and_their_offer_shapes() {
    let catalogue = built_in();
    for provider in [
        "China Mobile Hong Kong",
        "China Unicom (Hong Kong)",
        "csl",
        "SmarTone",
        "3HK",
    ] {
        assert!(
            catalogue.plans.iter().any(|p| p.provider == provider),
            "{provider}"
        );
    }
    let cross_border =
        |p: &&roamplan::core::catalogue::Plan| ["HK", "CN", "MO"].iter().all(|c| p.covers(cc(c)));
    assert!(catalogue.plans.iter().filter(cross_border).count() >= 3);
    assert!(
        catalogue
            .plans
            .iter()
            .any(|p| p.pool.is_some() && p.covers(cc("HK"))),
        "a real HK pool"
    );
    assert!(
        catalogue
            .plans
            .iter()
            .any(|p| p.cards.is_some() && p.pool.is_none()),
        "cards bound, no pool"
    );
    assert!(catalogue
        .plans
        .iter()
        .any(|p| p.kind == PlanKind::Roaming && p.home == Some(cc("HK")) && p.covers(cc("CN"))));
}

#[test]
fn mainland_roaming_passes_need_activation() {
    let catalogue = built_in();
    let mainland: Vec<_> = catalogue
        .plans
        .iter()
        .filter(|p| p.kind == PlanKind::Roaming && p.home == Some(cc("CN")))
        .collect();
    for provider in ["China Mobile", "China Unicom", "China Telecom"] {
        assert!(
            mainland.iter().any(|p| p.provider == provider),
            "{provider}"
        );
    }
    assert!(mainland.iter().all(|p| p.needs_activation));
}

#[test]
fn french_carriers_and_europe_beyond_the_eu_are_covered() {
    let catalogue = built_in();
    for provider in ["Orange", "SFR", "Bouygues Telecom", "Free"] {
        assert!(
            catalogue.plans.iter().any(|p| p.provider == provider),
            "{provider}"
        );
    }
    for country in ["FR", "DE", "IT", "ES", "GB", "CH"] {
        let open_to_all = catalogue
            .plans
            .iter()
            .filter(|p| p.kind != PlanKind::Roaming && p.covers(cc(country)))
            .count();
        assert!(open_to_all >= 3, "{country}: {open_to_all}");
    }
}

#[test]
fn asia_trip_countries_have_plans_anyone_can_buy() {
    let catalogue = built_in();
    for country in ["HK", "MO", "CN", "JP", "KR", "TW", "SG", "TH"] {
        let esims = catalogue
            .plans
            .iter()
            .filter(|p| p.kind == PlanKind::Esim && p.covers(cc(country)))
            .count();
        let cards = catalogue
            .plans
            .iter()
            .filter(|p| p.kind == PlanKind::Sim && p.covers(cc(country)))
            .count();
        assert!(esims >= 2, "{country}: {esims} eSIMs");
        assert!(esims + cards >= 3, "{country}");
    }
}

#[test]
fn travel_esims_come_in_fixed_and_unlimited_shapes_with_hotspot_rules() {
    use roamplan::core::catalogue::{Billing, Hotspot};
    let catalogue = built_in();
    let plans = &catalogue.plans;
    assert!(plans
        .iter()
        .any(|p| p.billing == Billing::Day && p.daily_mb.is_some()));
    assert!(plans
        .iter()
        .any(|p| matches!(p.billing, Billing::Pass { .. })
            && p.data_mb.is_some()
            && p.topup.is_some()));
    assert!(plans.iter().any(|p| p.hotspot == Hotspot::Allowed));
    assert!(plans.iter().any(|p| p.hotspot == Hotspot::Blocked));
    assert!(plans
        .iter()
        .any(|p| matches!(p.hotspot, Hotspot::CappedPerDay(_))));
}
