//! Prints the answers the built-in catalogue gives for the articles'
//! reference trips: `cargo run --example reference_trips`.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use roamplan::core::catalogue::{load_native, BUILT_IN_JSON};
use roamplan::core::country::CountryCode;
use roamplan::core::date::Date;
use roamplan::core::engine::{compute, Request};
use roamplan::core::money::Currency;
use roamplan::core::trip::{Leg, OwnPlan, Trip};

fn trip(legs: &[(&str, u32)], people: u32, mb: u64) -> Trip {
    Trip::uniform(
        legs.iter()
            .map(|(c, d)| Leg {
                country: CountryCode::parse(c).unwrap(),
                days: *d,
            })
            .collect(),
        people,
        mb,
        Date::parse("2026-12-10").unwrap(),
    )
}

fn main() {
    let catalogue = load_native(BUILT_IN_JSON).unwrap().catalogue;
    let family = trip(&[("HK", 3), ("CN", 2), ("MO", 1)], 4, 1024);
    let europe = trip(&[("FR", 5), ("GB", 3), ("CH", 2)], 1, 1536);
    let mut cases: Vec<(String, Trip, &str)> = vec![(
        "HK3+CN2+MO1, 4 visitors, 1 GB/day".into(),
        family.clone(),
        "HKD",
    )];
    for carrier in [
        None,
        Some("csl"),
        Some("3HK"),
        Some("SmarTone"),
        Some("China Mobile Hong Kong"),
    ] {
        let mut t = family.clone();
        t.home = CountryCode::parse("HK");
        t.carrier = carrier.map(str::to_owned);
        cases.push((
            format!("same, Hong Kong residents, carrier {carrier:?}"),
            t,
            "HKD",
        ));
    }
    let mut cn = family;
    cn.home = CountryCode::parse("CN");
    cn.carrier = Some("China Unicom".into());
    cases.push(("same, mainland China Unicom customers".into(), cn, "CNY"));
    cases.push((
        "Paris 5 + London 3 + Zurich 2, visitor, 1.5 GB/day".into(),
        europe.clone(),
        "EUR",
    ));
    for (carrier, plan) in [
        ("Free", Some("free-forfait-5g")),
        ("Orange", None),
        ("SFR", None),
        ("Sosh", Some("sosh-forfait-2e-1gb")),
    ] {
        let mut t = europe.clone();
        t.home = CountryCode::parse("FR");
        t.carrier = Some(carrier.into());
        t.own_plan = plan.map(|p| OwnPlan::Catalogue(p.into()));
        cases.push((format!("same, {carrier} customer, plan {plan:?}"), t, "EUR"));
    }
    for (label, t, currency) in cases {
        let answer = compute(Request {
            catalogue: &catalogue,
            trip: &t,
            currency: Currency::parse(currency).unwrap(),
            today: Date::parse("2026-11-30").unwrap(),
        });
        println!("## {label}");
        if !answer.uncovered.is_empty() {
            println!(
                "  no plan covers {:?}; hints {:?}",
                answer.uncovered,
                answer
                    .carrier_hints
                    .iter()
                    .map(|h| (&h.carrier, h.total.minor))
                    .collect::<Vec<_>>()
            );
        }
        for o in &answer.options {
            let reasons: Vec<&str> = o.reasons.iter().map(|r| r.code()).collect();
            let (whole, cents) = (o.total.minor / 100, o.total.minor % 100);
            println!(
                "  {currency} {whole}.{cents:02} {} [{}] {:?}",
                o.strategy.code(),
                reasons.join(" "),
                o.plan_ids
            );
            for p in &o.purchases {
                let plan = &catalogue.plans[p.plan];
                let url = plan
                    .provenance
                    .evidence
                    .first()
                    .map_or("-", |e| e.url.as_str());
                println!(
                    "      {} days {:?} travellers {:?} {:?} -> {}",
                    p.id,
                    p.served.iter().map(|d| d + 1).collect::<Vec<_>>(),
                    p.travellers,
                    plan.provenance.confidence,
                    url
                );
            }
        }
    }
}
