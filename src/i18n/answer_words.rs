//! The words of an answer at a glance: the summary card, the options'
//! headings, totals and plans, the trip in one line. Picked at compile time
//! from each language's `Texts` (one source for every string), so that the
//! first-answer module (`crate::first`), which uses only these, carries a
//! few hundred bytes of text per language instead of all of the widget's.
//! The widget uses the same table for the same words.

use super::{en, fr, zh_hans, zh_hant, Texts};
use crate::core::engine::{Reason, Strategy, TripOption};
use crate::core::lang::Lang;
use crate::core::trip::Trip;

/// The answer's words in one language.
#[derive(Debug)]
pub struct AnswerWords {
    pub app_title: &'static str,
    pub app_intro: &'static str,
    pub language_label: &'static str,
    pub currency_label: &'static str,
    pub loading: &'static str,
    pub results_heading: &'static str,
    pub best_badge: &'static str,
    pub alternatives_heading: &'static str,
    pub total_label: &'static str,
    pub per_person: &'static str,
    pub per_gb: &'static str,
    pub summary_link: &'static str,
    pub own_line_name: &'static str,
    pub no_option: &'static str,
    pub no_option_hint: &'static str,
    pub days_count_one: &'static str,
    pub days_count_other: &'static str,
    pub travellers_count_one: &'static str,
    pub travellers_count_other: &'static str,
    pub edit_trip: &'static str,
    strategy_separate: &'static str,
    strategy_hotspot: &'static str,
    strategy_pool: &'static str,
    strategy_bundle: &'static str,
    strategy_mixed: &'static str,
    strategy_home: &'static str,
    reason_cheapest: &'static str,
    reason_verified: &'static str,
    reason_simplest: &'static str,
    reason_no_sharing: &'static str,
}

const fn pick(t: &Texts) -> AnswerWords {
    AnswerWords {
        app_title: t.app_title,
        app_intro: t.app_intro,
        language_label: t.language_label,
        currency_label: t.currency_label,
        loading: t.fallback_loading,
        results_heading: t.results_heading,
        best_badge: t.best_badge,
        alternatives_heading: t.alternatives_heading,
        total_label: t.total_label,
        per_person: t.per_person,
        per_gb: t.per_gb,
        summary_link: t.summary_link,
        own_line_name: t.own_line_name,
        no_option: t.no_option,
        no_option_hint: t.no_option_hint,
        days_count_one: t.days_count_one,
        days_count_other: t.days_count_other,
        travellers_count_one: t.travellers_count_one,
        travellers_count_other: t.travellers_count_other,
        edit_trip: t.edit_trip,
        strategy_separate: t.strategy_separate,
        strategy_hotspot: t.strategy_hotspot,
        strategy_pool: t.strategy_pool,
        strategy_bundle: t.strategy_bundle,
        strategy_mixed: t.strategy_mixed,
        strategy_home: t.strategy_home,
        reason_cheapest: t.reason_cheapest,
        reason_verified: t.reason_verified,
        reason_simplest: t.reason_simplest,
        reason_no_sharing: t.reason_no_sharing,
    }
}

static EN: AnswerWords = pick(&en::TEXTS);
static ZH_HANS: AnswerWords = pick(&zh_hans::TEXTS);
static ZH_HANT: AnswerWords = pick(&zh_hant::TEXTS);
static FR: AnswerWords = pick(&fr::TEXTS);

/// The answer's words in `lang`.
pub fn answer_words(lang: Lang) -> &'static AnswerWords {
    match lang {
        Lang::En => &EN,
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::Fr => &FR,
    }
}

/// Name of a strategy.
pub fn strategy_name(strategy: Strategy, lang: Lang) -> &'static str {
    let w = answer_words(lang);
    match strategy {
        Strategy::Separate => w.strategy_separate,
        Strategy::Hotspot => w.strategy_hotspot,
        Strategy::Pool => w.strategy_pool,
        Strategy::Bundle => w.strategy_bundle,
        Strategy::Mixed => w.strategy_mixed,
        Strategy::Home => w.strategy_home,
    }
}

/// The word for how an option is used, when it says something: "a line
/// each" means nothing to someone travelling alone.
pub fn strategy_label(strategy: Strategy, people: u32, lang: Lang) -> Option<&'static str> {
    (people > 1 || strategy != Strategy::Separate).then(|| strategy_name(strategy, lang))
}

/// The label before an option's plans: its strategy, except for the own
/// plan ("Your own plan: your own line" would say it twice).
pub fn plans_label(option: &TripOption, people: u32, lang: Lang) -> Option<&'static str> {
    strategy_label(option.strategy, people, lang).filter(|_| option.strategy != Strategy::Home)
}

/// Why an option is listed.
pub fn reason_name(reason: Reason, lang: Lang) -> &'static str {
    let w = answer_words(lang);
    match reason {
        Reason::Cheapest => w.reason_cheapest,
        Reason::Verified => w.reason_verified,
        Reason::Simplest => w.reason_simplest,
        Reason::Separate => w.reason_no_sharing,
    }
}

/// An option's one label: all its reasons ("Cheapest · Simplest").
pub fn reasons_label(option: &TripOption, lang: Lang) -> String {
    option
        .reasons
        .iter()
        .map(|r| reason_name(*r, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Whether the headline option's label is the "best" badge (it is the
/// cheapest, or the cheapest of verified prices).
pub fn badge_is_best(option: &TripOption, headline: bool) -> bool {
    headline
        && option
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Cheapest | Reason::Verified))
}

/// A colon as each language writes it before what follows.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans | Lang::ZhHant => "：",
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// The trip in one line: "Hong Kong 3 days → Macao 1 day · 2 travellers".
pub fn trip_line(trip: &Trip, lang: Lang) -> String {
    let (w, f) = (answer_words(lang), super::Formatter::new(lang));
    let stops: Vec<String> = trip
        .legs
        .iter()
        .map(|leg| format!("{} {}", f.country(leg.country), f.days(leg.days)))
        .collect();
    let people = trip.travellers.len();
    let who = if people == 1 {
        w.travellers_count_one.to_owned()
    } else {
        super::fill(w.travellers_count_other, &[("n", &people.to_string())])
    };
    format!("{} · {who}", stops.join(" → "))
}

/// Each language's name in itself, for the language menu.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::ZhHans => "简体中文",
        Lang::ZhHant => "繁體中文",
        Lang::Fr => "Français",
    }
}
