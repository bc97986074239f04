//! The catalogue that ships with the widget, rebuilt from evidence (issue 11):
//! it validates, every plan shows the page its figures come from, and the
//! facts the evidence established stay true. Each assertion states a fact
//! from the research (`research-out/catalogue-build.md` lists the pages).

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use roamplan::core::catalogue::evidence::{is_home_page, is_web_address, quote_contains_price};
use roamplan::core::catalogue::{
    load_native, validate_text, Billing, Buyers, Catalogue, Confidence, Hotspot, Plan, PlanKind,
    BUILT_IN_CORE_JSON, BUILT_IN_FIRST_JSON, BUILT_IN_JSON,
};
use roamplan::core::country::CountryCode;
use roamplan::core::date::Date;
use roamplan::core::json::{self, Json};
use roamplan::core::lang::Lang;
use roamplan::core::money::Currency;

fn built_in() -> Catalogue {
    match load_native(BUILT_IN_JSON) {
        Ok(loaded) => loaded.catalogue,
        Err(problems) => panic!("built-in catalogue has problems: {problems:#?}"),
    }
}

fn cc(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap_or_else(|| panic!("{code}"))
}

fn plan<'a>(catalogue: &'a Catalogue, id: &str) -> &'a Plan {
    catalogue
        .plan(id)
        .unwrap_or_else(|| panic!("plan {id} is missing"))
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text}"))
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The plans as written in the file (for what the typed catalogue folds
/// away, such as which languages a note was given in).
fn raw_plans() -> Vec<Json> {
    let json = json::from_str(BUILT_IN_JSON).unwrap();
    match json.get("plans") {
        Some(Json::Array(plans)) => plans.clone(),
        other => panic!("plans: {other:?}"),
    }
}

fn text<'a>(json: &'a Json, key: &str) -> &'a str {
    match json.get(key) {
        Some(Json::String(s)) => s,
        other => panic!("{key}: {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// The file as a whole
// ---------------------------------------------------------------------------

#[test]
fn validates_with_zero_errors_and_no_advisory() {
    // Zero errors: the widget would otherwise refuse its own plans. No
    // advisory either: every "observed" plan quotes its price on a specific
    // page, and every page was seen on the catalogue's own date.
    let validation = validate_text(BUILT_IN_JSON, None, usize::MAX, json::from_str);
    assert_eq!(
        validation.errors.total(),
        0,
        "{:#?}",
        validation.errors.shown
    );
    assert_eq!(
        validation.advisories.total(),
        0,
        "{:#?}",
        validation.advisories.shown
    );
    assert_eq!(validation.catalogue, built_in());
}

#[test]
fn dated_as_the_research_and_stale_after_a_year() {
    let catalogue = built_in();
    assert_eq!(catalogue.as_of, Some(date("2026-11-30")));
    assert_eq!(catalogue.stale_after_months, Some(12));
}

#[test]
fn rates_are_the_cfets_parity_of_27_january_2026_for_every_currency_shown() {
    let catalogue = built_in();
    assert_eq!(catalogue.rates_date, Some(date("2026-01-27")));
    let source = catalogue.rates_source.as_deref().unwrap();
    assert!(is_web_address(source) && !is_home_page(source), "{source}");
    for code in [
        "EUR", "HKD", "CNY", "MOP", "USD", "GBP", "CHF", "JPY", "KRW", "TWD", "SGD", "THB",
    ] {
        let currency = Currency::parse(code).unwrap();
        assert!(catalogue.rates.knows(currency), "display currency {code}");
    }
    for p in &catalogue.plans {
        assert!(catalogue.rates.knows(p.currency()), "{}", p.id);
    }
    // CFETS: 100 euros = 827.55 yuan, so 100 EUR is 827.55 CNY exactly.
    let cny = Currency::parse("CNY").unwrap();
    let hundred_euros = roamplan::core::money::Money::new(10_000, Currency::EUR);
    assert_eq!(
        catalogue.rates.convert(hundred_euros, cny).map(|m| m.minor),
        Some(82_755)
    );
}

#[test]
fn eu_eea_zone_is_exactly_the_regulations() {
    // Regulation (EU) 2022/612 applies in the 27 member states and, through
    // the EEA agreement, Iceland, Liechtenstein and Norway: nothing else is
    // in the zone (the outermost regions are handled by the engine's
    // `in_eu_roaming_area`, not listed here).
    let catalogue = built_in();
    let zone = catalogue
        .zones
        .iter()
        .find(|(name, _)| name == "EU_EEA")
        .map_or_else(|| panic!("EU_EEA zone"), |(_, c)| c.clone());
    let mut expected: Vec<CountryCode> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]
    .iter()
    .map(|c| cc(c))
    .collect();
    expected.sort_unstable();
    assert_eq!(zone, expected);
    assert!(zone.iter().all(|c| c.in_eu_roaming_area()));
    for outside in ["GB", "CH", "AD", "MC"] {
        assert!(!zone.contains(&cc(outside)), "{outside}");
    }
}

// ---------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------

#[test]
fn every_plan_shows_a_specific_page_seen_on_a_date() {
    let catalogue = built_in();
    let as_of = catalogue.as_of.unwrap();
    for p in &catalogue.plans {
        let pages: Vec<_> = p
            .provenance
            .evidence
            .iter()
            .filter(|e| is_web_address(&e.url) && !is_home_page(&e.url))
            .filter(|e| !e.quote.trim().is_empty())
            .collect();
        let unverified = p.provenance.confidence == Some(Confidence::Unverified);
        assert!(
            !pages.is_empty() || unverified,
            "{}: no specific page with a quote",
            p.id
        );
        for e in &pages {
            let seen = e
                .seen
                .unwrap_or_else(|| panic!("{}: {} has no seen date", p.id, e.url));
            assert!(seen <= as_of, "{}: seen after as_of", p.id);
        }
        assert!(p.provenance.confidence.is_some(), "{} confidence", p.id);
        assert!(
            p.provenance.source.is_none(),
            "{}: evidence, not a bare source",
            p.id
        );
    }
}

#[test]
fn unverified_plans_say_why_in_every_language() {
    let catalogue = built_in();
    let unverified: Vec<&Plan> = catalogue
        .plans
        .iter()
        .filter(|p| p.provenance.confidence == Some(Confidence::Unverified))
        .collect();
    assert!(!unverified.is_empty());
    for p in unverified {
        let notes = p.provenance.notes.as_ref().unwrap();
        for (lang, word) in [
            (Lang::En, "Unverified:"),
            (Lang::ZhHans, "未核实"),
            (Lang::ZhHant, "未經核實"),
            (Lang::Fr, "Non vérifié"),
        ] {
            assert!(notes.get(lang).contains(word), "{} {lang:?}", p.id);
        }
    }
}

#[test]
fn no_plan_is_observed_without_a_quote_of_its_price() {
    let catalogue = built_in();
    let observed: Vec<&Plan> = catalogue
        .plans
        .iter()
        .filter(|p| p.provenance.confidence == Some(Confidence::Observed))
        .collect();
    // The csl/1O1O mainland + Macau package (x2), 1O1O's one-card-two-numbers
    // (x2) and 3 Macau's six basic plans: current pages quoting the price.
    assert_eq!(observed.len(), 10);
    for p in observed {
        assert!(
            p.provenance
                .evidence
                .iter()
                .any(|e| !is_home_page(&e.url) && quote_contains_price(&e.quote, p.price.minor)),
            "{}: observed, but no quote shows {}",
            p.id,
            p.price.minor
        );
    }
}

// ---------------------------------------------------------------------------
// What the evidence removed
// ---------------------------------------------------------------------------

#[test]
fn expired_invented_and_assumed_offers_are_absent() {
    let catalogue = built_in();
    for id in [
        // CMHK's Chinese New Year promotion, 13-28 Feb 2018, long expired.
        "cmhk-roam-cn-mo-3d",
        "cmhk-roam-cn-mo-7d",
        // Paid UK/CH passes on no page: the UK is included by all four French
        // majors, Switzerland by Orange/Sosh; Bouygues caps it inside plans.
        "sfr-pass-uk-ch-30d",
        "bouygues-pass-uk-7d",
        "orange-pass-europe-plus-7d",
        "bouygues-suisse-andorre-cap",
        // Subscriptions once sold to visitors as SIMs (the 2 € plan as 2 GB).
        "free-forfait-5g-sim",
        "free-forfait-2e-sim",
        // Coverage only assumed: "165+ countries", "Europe", "Asia Pacific".
        "maya-global-unlimited-30d",
        "maya-global-unlimited-3d",
        "fet-travel-card-europe-12gb-30d",
        "aerobile-europe-100gb-30d",
        "truely-europe-unlimited-30d",
        "smartone-roaming-flex-apac-24m",
    ] {
        assert!(catalogue.plan(id).is_none(), "{id} should be gone");
    }
    // No French carrier sells a pass for the UK or Switzerland in the
    // evidence: a French reader there uses their own plan.
    for p in &catalogue.plans {
        if p.kind == PlanKind::Roaming && p.home == Some(cc("FR")) {
            assert!(!p.covers(cc("GB")) && !p.covers(cc("CH")), "{}", p.id);
        }
    }
}

#[test]
fn china_mobile_day_pass_covers_only_the_countries_its_pages_name() {
    // The articles name Japan and Thailand; "243 destinations" names no
    // Hong Kong or Macau.
    let catalogue = built_in();
    let p = plan(&catalogue, "cmcc-world-day");
    assert_eq!(p.coverage, vec![cc("JP"), cc("TH")]);
    assert_eq!(p.price.minor, 3_000);
    assert_eq!(p.provenance.confidence, Some(Confidence::Unverified));
}

// ---------------------------------------------------------------------------
// Figures the evidence corrected
// ---------------------------------------------------------------------------

#[test]
fn three_hk_mainland_and_macau_day_pass_is_hk168() {
    // "同日穿梭內地及澳門只收一次$168日費" (the old catalogue said HK$48).
    let catalogue = built_in();
    let p = plan(&catalogue, "3hk-roam-day-pass-cn-mo");
    assert_eq!(p.price.minor, 16_800);
    assert_eq!(p.price.currency, Currency::parse("HKD").unwrap());
    assert_eq!(p.billing, Billing::Day);
    assert!(p.covers(cc("CN")) && p.covers(cc("MO")));
    assert_eq!(p.kind, PlanKind::Roaming);
    assert_eq!(p.buyers, Buyers::Customers);
    assert!(p.takes_carrier("3HK"));
    // "仲可以分享數據比平板電腦同其他手機": sharing is allowed.
    assert_eq!(p.hotspot, Hotspot::Allowed);
    assert!(p
        .provenance
        .evidence
        .iter()
        .any(|e| quote_contains_price(&e.quote, 16_800)));
}

#[test]
fn free_forfait_2e_has_50_mb() {
    // "ce forfait offre uniquement 50 Mo / mois" (not 2 GB).
    let catalogue = built_in();
    let p = plan(&catalogue, "free-forfait-2e");
    assert_eq!(p.kind, PlanKind::HomePlan);
    assert_eq!(p.home, Some(cc("FR")));
    assert_eq!(p.data_mb, Some(50));
    assert_eq!(p.price.minor, 200);
    assert!(p
        .provenance
        .evidence
        .iter()
        .any(|e| e.quote.contains("50 Mo")));
}

#[test]
fn french_home_plans_include_the_uk() {
    // "les quatre principaux opérateurs français ... n'appliquent pas de
    // surcoût à leurs clients en voyage au Royaume-Uni" (ariase, 2023).
    let catalogue = built_in();
    let french: Vec<&Plan> = catalogue
        .plans
        .iter()
        .filter(|p| p.kind == PlanKind::HomePlan && p.home == Some(cc("FR")))
        .collect();
    assert!(french.len() >= 4, "{}", french.len());
    for p in &french {
        assert!(
            p.roaming.iter().any(|i| i.covers(cc("GB"))),
            "{}: the UK at no extra cost",
            p.id
        );
        assert_eq!(p.buyers, Buyers::Residents, "{}", p.id);
    }
    // Orange/Sosh: the whole allowance in the EU, Switzerland and Andorra.
    let sosh = plan(&catalogue, "sosh-forfait-2e-1gb");
    for country in ["CH", "AD"] {
        assert!(
            sosh.roaming.iter().any(|i| i.covers(cc(country))),
            "{country}"
        );
    }
    // Free 5G: 35 GB a month in the destinations named, Monaco among them.
    let free = plan(&catalogue, "free-forfait-5g");
    let abroad = free.roaming.iter().find(|i| i.covers(cc("MC"))).unwrap();
    assert_eq!(abroad.data_mb, Some(35 * 1024));
    assert!(abroad.covers(cc("GB")) && abroad.covers(cc("DE")));
}

#[test]
fn contracts_pools_and_buyers_follow_the_offers() {
    let catalogue = built_in();
    // Monthly add-ons with a commitment are bought once per line.
    for (id, months) in [
        ("csl-1o1o-cn-mo-data-package-24m", 24),
        ("csl-1o1o-cn-mo-data-package-36m", 36),
        ("1o1o-one-card-two-numbers-1gb", 24),
        ("1o1o-one-card-two-numbers-3gb", 24),
        ("csl-one-card-two-numbers-1gb", 24),
        ("csl-one-card-two-numbers-3gb", 24),
    ] {
        let p = plan(&catalogue, id);
        assert_eq!(p.contract_months, Some(months), "{id}");
        assert_eq!(p.buyers, Buyers::Customers, "{id}");
        assert_eq!(p.home, Some(cc("HK")), "{id}");
    }
    // The package's terms name both brands' personal accounts.
    let package = plan(&catalogue, "csl-1o1o-cn-mo-data-package-24m");
    assert!(package.takes_carrier("csl") && package.takes_carrier("1O1O"));
    assert_eq!(package.data_mb, Some(12 * 1024));
    // The only shared pool evidenced: 3 Macau's plan, main line plus two
    // free extra SIMs, for Macau residents, 24 months.
    let pools: Vec<&Plan> = catalogue
        .plans
        .iter()
        .filter(|p| p.pool.is_some())
        .collect();
    assert_eq!(pools.len(), 2);
    for p in pools {
        let pool = p.pool.unwrap();
        assert_eq!(pool.max_lines, 3, "{}", p.id);
        assert_eq!(pool.extra_line_price.minor, 0, "{}", p.id);
        assert_eq!(p.buyers, Buyers::Residents, "{}", p.id);
        assert_eq!(p.home, Some(cc("MO")), "{}", p.id);
        assert_eq!(p.contract_months, Some(24), "{}", p.id);
        for c in ["MO", "HK", "CN"] {
            assert!(p.covers(cc(c)), "{} {c}", p.id);
        }
    }
    // No bundle of bound cards was evidenced.
    assert!(catalogue.plans.iter().all(|p| p.cards.is_none()));
    // Every roaming pass is for the carrier that sells it, from a home line.
    for p in &catalogue.plans {
        match p.kind {
            PlanKind::Roaming => {
                assert_eq!(p.buyers, Buyers::Customers, "{}", p.id);
                assert!(p.home.is_some(), "{}", p.id);
                assert!(p.takes_carrier(&p.provider), "{}", p.id);
            }
            PlanKind::HomePlan => assert_eq!(p.buyers, Buyers::Residents, "{}", p.id),
            PlanKind::Esim | PlanKind::Sim => {}
        }
    }
    // A mainland line roaming in Hong Kong or Macau breaks out in the mainland.
    for id in ["cucc-hk-mo-day", "cmcc-world-day"] {
        assert_eq!(plan(&catalogue, id).breakout, Some(cc("CN")), "{id}");
    }
}

#[test]
fn hotspot_is_set_only_where_a_page_says() {
    let catalogue = built_in();
    let said: Vec<(&str, Hotspot)> = catalogue
        .plans
        .iter()
        .filter(|p| p.hotspot != Hotspot::Unknown)
        .map(|p| (p.id.as_str(), p.hotspot))
        .collect();
    assert_eq!(
        said,
        vec![
            // "仲可以分享數據比平板電腦同其他手機"
            ("3hk-roam-day-pass-cn-mo", Hotspot::Allowed),
            // "reached to 1GB each day ... Tethering ... will not be supported"
            ("cmhk-prepaid-roam-cn-daycap", Hotspot::CappedPerDay(1024)),
            // "40GB of UK data usage per month ... with tethering allowed"
            ("giffgaff-gb-always-on-25", Hotspot::Allowed),
            // aggregator: "官方明示可多裝置分享、不另收費"
            ("ubigi-jp-unlimited-7d", Hotspot::Allowed),
            // aggregator: "支援，無限制、不另計費"
            ("saily-jp-unlimited-5d", Hotspot::Allowed),
        ]
    );
}

// ---------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------

/// Characters written one way in Simplified and another in Traditional.
const SIMPLIFIED_ONLY: &[char] = &['数', '据', '费', '门', '国', '内', '计', '划', '话', '网'];
const TRADITIONAL_ONLY: &[char] = &['數', '據', '費', '門', '國', '內', '計', '劃', '話', '網'];

#[test]
fn every_note_is_given_in_all_four_languages() {
    for plan in raw_plans() {
        let id = text(&plan, "id").to_owned();
        let notes = plan.get("notes").unwrap_or_else(|| panic!("{id}: notes"));
        let en = text(notes, "en");
        let simplified = text(notes, "zh-Hans");
        let traditional = text(notes, "zh-Hant");
        let fr = text(notes, "fr");
        for (lang, note) in [
            ("en", en),
            ("zh-Hans", simplified),
            ("zh-Hant", traditional),
            ("fr", fr),
        ] {
            assert!(note.trim().len() >= 20, "{id}: {lang} note too short");
        }
        assert!(
            has_han(simplified) && has_han(traditional),
            "{id}: Chinese notes"
        );
        assert_ne!(simplified, traditional, "{id}: one script for both readers");
        assert!(
            !simplified.contains(TRADITIONAL_ONLY),
            "{id}: Traditional characters in the Simplified note"
        );
        assert!(
            !traditional.contains(SIMPLIFIED_ONLY),
            "{id}: Simplified characters in the Traditional note"
        );
        assert!(!has_han(en) && !has_han(fr), "{id}");
        assert_ne!(en, fr, "{id}: French note untranslated");
    }
}

#[test]
fn names_are_given_in_all_four_languages_and_say_mainland_not_china() {
    for plan in raw_plans() {
        let id = text(&plan, "id").to_owned();
        let name = plan.get("name").unwrap();
        for lang in ["en", "zh-Hans", "zh-Hant", "fr"] {
            assert!(!text(name, lang).trim().is_empty(), "{id} {lang}");
        }
        // Beside Hong Kong and Macau the mainland is 中国内地 / 中國內地.
        let notes = plan.get("notes").unwrap();
        for t in [
            text(name, "zh-Hans"),
            text(name, "zh-Hant"),
            text(notes, "zh-Hans"),
            text(notes, "zh-Hant"),
        ] {
            for wrong in ["中国及澳门", "中國及澳門", "中国、香港", "中國、香港"]
            {
                assert!(!t.contains(wrong), "{id}: {wrong}");
            }
        }
    }
}

#[test]
fn hong_kong_readers_get_hong_kong_usage() {
    // Hong Kong and Macau carriers' notes in Traditional say 數據 (not the
    // mainland's 流量) and 月費計劃 where they speak of a monthly plan.
    let catalogue = built_in();
    let local = [
        "csl",
        "1O1O",
        "3HK",
        "SmarTone",
        "China Mobile Hong Kong",
        "3 Macau",
        "CTM",
    ];
    let mut monthly = 0;
    for p in catalogue
        .plans
        .iter()
        .filter(|p| local.contains(&p.provider.as_str()))
    {
        let hant = p.provenance.notes.as_ref().unwrap().get(Lang::ZhHant);
        assert!(!hant.contains("流量"), "{}: {hant}", p.id);
        if hant.contains("月費計劃") {
            monthly += 1;
        }
    }
    assert!(monthly >= 5, "{monthly}");
}

#[test]
fn hong_kong_macau_and_mainland_carriers_are_named_as_they_write_themselves() {
    let catalogue = built_in();
    // (carrier key, Simplified, Traditional). csl and 1O1O write their
    // brands in Latin letters on their Chinese pages ("與 csl 暢遊天下").
    let expected = [
        ("China Mobile Hong Kong", "中国移动香港", "中國移動香港"),
        ("3HK", "3香港", "3香港"),
        ("SmarTone", "数码通", "數碼通"),
        ("3 Macau", "3澳门", "3澳門"),
        ("CTM", "澳门电讯", "澳門電訊"),
        ("China Mobile", "中国移动", "中國移動"),
        ("China Unicom", "中国联通", "中國聯通"),
        ("China Telecom", "中国电信", "中國電信"),
        ("Chunghwa Telecom", "中华电信", "中華電信"),
        ("csl", "csl", "csl"),
        ("1O1O", "1O1O", "1O1O"),
    ];
    for (key, hans, hant) in expected {
        let plans: Vec<&Plan> = catalogue
            .plans
            .iter()
            .filter(|p| p.provider == key)
            .collect();
        assert!(!plans.is_empty(), "{key}");
        for p in plans {
            assert_eq!(p.provider_name.get(Lang::ZhHans), hans, "{}", p.id);
            assert_eq!(p.provider_name.get(Lang::ZhHant), hant, "{}", p.id);
            assert_eq!(p.provider_name.get(Lang::En), key, "{}", p.id);
        }
    }
}

// ---------------------------------------------------------------------------
// What a reader finds
// ---------------------------------------------------------------------------

#[test]
fn home_plans_exist_for_hong_kong_macau_the_mainland_and_france() {
    let catalogue = built_in();
    for (home, carriers) in [
        ("HK", &["SmarTone", "China Mobile Hong Kong"][..]),
        ("MO", &["3 Macau", "CTM"][..]),
        ("CN", &["China Mobile", "China Unicom", "China Telecom"][..]),
        ("FR", &["Free", "Sosh", "B&You"][..]),
    ] {
        for carrier in carriers {
            assert!(
                catalogue.plans.iter().any(|p| p.kind == PlanKind::HomePlan
                    && p.home == Some(cc(home))
                    && p.provider == *carrier),
                "{home} {carrier}"
            );
        }
    }
    // Mainland plans say they are for the mainland only ("不含港澳台"): no
    // inclusion abroad.
    for p in catalogue
        .plans
        .iter()
        .filter(|p| p.kind == PlanKind::HomePlan && p.home == Some(cc("CN")))
    {
        assert!(p.roaming.is_empty(), "{}", p.id);
    }
}

#[test]
fn hong_kong_customers_can_roam_to_the_mainland_and_macau() {
    let catalogue = built_in();
    for carrier in ["csl", "1O1O", "3HK", "SmarTone", "China Mobile Hong Kong"] {
        assert!(
            catalogue.plans.iter().any(|p| p.kind == PlanKind::Roaming
                && p.home == Some(cc("HK"))
                && p.takes_carrier(carrier)
                && p.covers(cc("CN"))),
            "{carrier}"
        );
    }
    // A visitor can buy a Hong Kong card without a local account: 3HK's
    // prepaid packs (2, 7, 14 days) and the csl tourist card.
    let open = catalogue
        .plans
        .iter()
        .filter(|p| p.buyers == Buyers::Anyone && p.covers(cc("HK")))
        .count();
    assert!(open >= 4, "{open}");
}

/// The carrier menu and the carrier hint name carriers as a Chinese reader
/// knows them: the carrier's own plans carry its name in each language.
#[test]
fn carriers_are_named_in_the_readers_language() {
    let c = built_in();
    assert_eq!(c.carrier_name("China Mobile", Lang::ZhHans), "中国移动");
    assert_eq!(c.carrier_name("China Unicom", Lang::ZhHant), "中國聯通");
    assert_eq!(c.carrier_name("SmarTone", Lang::ZhHant), "數碼通");
    assert_eq!(c.carrier_name("3HK", Lang::ZhHans), "3香港");
    assert_eq!(c.carrier_name("3HK", Lang::En), "3HK");
    // A carrier that sells nothing here keeps the name the catalogue gives it.
    assert_eq!(c.carrier_name("Orange", Lang::ZhHans), "Orange");
}

#[test]
fn the_shipped_figures_and_the_served_notes_make_the_catalogue_as_written() {
    // The wasm carries BUILT_IN_CORE_JSON (no notes, quotes left out); the
    // notes come from catalogue.json once the answer shows. Together they
    // must be exactly the catalogue as written, and the core alone must
    // differ only in those words.
    let full = built_in();
    let core = match load_native(roamplan::core::catalogue::BUILT_IN_CORE_JSON) {
        Ok(loaded) => loaded.catalogue,
        Err(problems) => panic!("core catalogue has problems: {problems:#?}"),
    };
    assert!(core.plans.iter().all(|p| p.provenance.notes.is_none()));
    assert!(full.plans.iter().any(|p| p.provenance.notes.is_some()));
    let merged = core.with_texts_from(&full);
    for (a, b) in merged.plans.iter().zip(&full.plans) {
        assert_eq!(a, b, "plan {}", b.id);
    }
    assert_eq!(merged, full);
    let mut without_words = full;
    for plan in &mut without_words.plans {
        plan.provenance.notes = None;
        for entry in &mut plan.provenance.evidence {
            entry.quote = "…".to_owned();
        }
    }
    assert_eq!(core, without_words, "only notes and quotes are left out");
}

/// Every number literal of a JSON text, in order (outside strings).
fn number_literals(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let (mut out, mut i, mut in_string) = (Vec::new(), 0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'-' | b'0'..=b'9' if !in_string => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                out.push(&text[start..i]);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The numbers of a JSON tree, in document order.
fn numbers_in(json: &Json, out: &mut Vec<f64>) {
    match json {
        Json::Number(n) => out.push(*n),
        Json::Array(items) => items.iter().for_each(|item| numbers_in(item, out)),
        Json::Object(members) => members.iter().for_each(|(_, value)| numbers_in(value, out)),
        _ => {}
    }
}

/// The wasm reads catalogues with `serde_json`'s default number parsing (its
/// exact `float_roundtrip` costs 7 KB): for the built-in catalogue's short
/// decimals it gives the correctly rounded double, as the browser's
/// `JSON.parse` does, so no price or rate moves by a bit.
#[test]
fn every_number_reads_as_the_correctly_rounded_double() {
    for text in [BUILT_IN_JSON, BUILT_IN_CORE_JSON, BUILT_IN_FIRST_JSON] {
        let literals = number_literals(text);
        let mut parsed = Vec::new();
        numbers_in(&json::from_str(text).unwrap(), &mut parsed);
        assert_eq!(parsed.len(), literals.len());
        assert!(literals.len() > 100, "{} numbers", literals.len());
        for (literal, read) in literals.iter().zip(parsed) {
            let exact: f64 = literal.parse().unwrap();
            assert_eq!(read.to_bits(), exact.to_bits(), "{literal}");
        }
    }
}
