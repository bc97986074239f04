//! The first answer as markup: the widget's own classes and structure
//! (header, summary card, results with the ranked options and their test
//! hooks), so that little moves when the widget replaces it. The form's
//! place holds a line saying it is on its way; details (who uses what,
//! sources, cautions) come with the widget.

use crate::core::catalogue::Catalogue;
use crate::core::engine::{Answer, TripOption};
use crate::core::lang::Lang;
use crate::core::money::Currency;
use crate::core::trip::Trip;
use crate::i18n::{
    answer_words, badge_is_best, colon, endonym, fill, plan_line, plans_label, reasons_label,
    strategy_label, trip_line, Formatter,
};
use std::fmt::Write;

/// What the page shows.
pub struct Page<'a> {
    pub lang: Lang,
    /// The theme's class, when the settings choose one.
    pub theme: Option<&'static str>,
    pub currency: Currency,
    pub catalogue: &'a Catalogue,
    pub trip: &'a Trip,
    pub answer: &'a Answer,
    pub trip_folded: bool,
}

/// Text made safe for markup, in an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole first answer.
pub fn page(p: &Page<'_>) -> String {
    let w = answer_words(p.lang);
    let mut html = String::new();
    let theme = p.theme.map(|t| format!(" {t}")).unwrap_or_default();
    let _ = write!(
        html,
        r#"<div class="rp{theme}" lang="{}" data-testid="first-answer">"#,
        p.lang.code()
    );
    header(&mut html, p);
    let best = p.answer.options.first();
    if !p.trip_folded {
        summary(&mut html, p, best);
    }
    html.push_str(r#"<div class="rp-layout">"#);
    if p.trip_folded {
        let _ = write!(
            html,
            r#"<div class="rp-edit"><div class="rp-card"><span>{}</span></div></div>"#,
            escape(&trip_line(p.trip, p.lang))
        );
    } else {
        let _ = write!(
            html,
            r#"<div class="rp-inputs rp-first-form" aria-busy="true"><p class="rp-notice rp-working" role="status">{}</p></div>"#,
            escape(w.loading)
        );
    }
    let _ = write!(
        html,
        r#"<div class="rp-outputs"><section class="rp-results" aria-labelledby="rp-results-heading"><h2 id="rp-results-heading">{}</h2>"#,
        escape(w.results_heading)
    );
    if p.answer.uncovered.is_empty() {
        let mut options = p.answer.options.iter();
        if let Some(first) = options.next() {
            option_card(&mut html, p, first, true);
        }
        if p.answer.options.len() > 1 {
            let _ = write!(
                html,
                r#"<h3 class="rp-subheading">{}</h3><div class="rp-options">"#,
                escape(w.alternatives_heading)
            );
            for option in options {
                option_card(&mut html, p, option, false);
            }
            html.push_str("</div>");
        }
    } else {
        let codes: Vec<String> = p.answer.uncovered.iter().map(ToString::to_string).collect();
        let _ = write!(
            html,
            r#"<div class="rp-card rp-no-option" data-testid="no-option" data-uncovered="{}" role="status"><p><strong>{}</strong></p><p class="rp-muted">{}</p></div>"#,
            escape(&codes.join(",")),
            escape(&uncovered_sentence(p)),
            escape(w.no_option_hint)
        );
    }
    html.push_str("</section></div></div></div>");
    html
}

/// Title, intro, and the language and currency as chosen (the menus open
/// once the widget is up).
fn header(html: &mut String, p: &Page<'_>) {
    let w = answer_words(p.lang);
    let _ = write!(
        html,
        concat!(
            r#"<header class="rp-header"><div><h1>{}</h1><p class="rp-intro">{}</p></div>"#,
            r#"<div class="rp-prefs"><div class="rp-field"><label for="rp-first-lang">{}</label>"#,
            r#"<select id="rp-first-lang" disabled><option>{}</option></select></div>"#,
            r#"<div class="rp-field"><label for="rp-first-currency">{}</label>"#,
            r#"<select id="rp-first-currency" disabled><option>{}</option></select></div></div></header>"#
        ),
        escape(w.app_title),
        escape(w.app_intro),
        escape(w.language_label),
        escape(endonym(p.lang)),
        escape(w.currency_label),
        escape(p.currency.as_str()),
    );
}

/// "No plan covers Monaco" with the countries' names.
fn uncovered_sentence(p: &Page<'_>) -> String {
    let f = Formatter::new(p.lang);
    let names: Vec<String> = p.answer.uncovered.iter().map(|c| f.country(*c)).collect();
    fill(
        answer_words(p.lang).no_option,
        &[("countries", &f.list(&names))],
    )
}

/// The best total at the top, as the widget's summary card says it.
fn summary(html: &mut String, p: &Page<'_>, best: Option<&TripOption>) {
    let (w, f) = (answer_words(p.lang), Formatter::new(p.lang));
    html.push_str(
        r##"<a class="rp-card rp-summary" href="#rp-results-heading" data-testid="summary">"##,
    );
    if let Some(best) = best {
        let _ = write!(
            html,
            r#"<span class="rp-summary-line"><span class="rp-badge rp-badge-best">{}</span><strong class="rp-summary-total">{}</strong>"#,
            escape(w.best_badge),
            escape(&f.money(best.total))
        );
        if let Some(label) = strategy_label(best.strategy, p.trip.people(), p.lang) {
            let _ = write!(html, r#"<span class="rp-muted">{}</span>"#, escape(label));
        }
        let _ = write!(
            html,
            r#"</span><span class="rp-summary-plans">{}</span><span class="rp-summary-link">{} ↓</span>"#,
            escape(&plan_line(p.catalogue, best, p.lang)),
            escape(w.summary_link)
        );
    } else {
        let _ = write!(
            html,
            r#"<span class="rp-summary-plans">{}</span>"#,
            escape(&uncovered_sentence(p))
        );
    }
    html.push_str("</a>");
}

/// One ranked option: its hooks, label, total and figures, and plans.
fn option_card(html: &mut String, p: &Page<'_>, option: &TripOption, headline: bool) {
    let (w, f) = (answer_words(p.lang), Formatter::new(p.lang));
    let reasons: Vec<&str> = option.reasons.iter().map(|r| r.code()).collect();
    let _ = write!(
        html,
        r#"<article class="rp-option{}" data-testid="option" data-total-minor="{}" data-currency="{}" data-strategy="{}" data-plans="{}" data-reasons="{}">"#,
        if headline { " rp-best" } else { "" },
        option.total.minor,
        escape(option.total.currency.as_str()),
        option.strategy.code(),
        escape(&option.plan_ids.join(",")),
        reasons.join(" ")
    );
    let _ = write!(
        html,
        r#"<header class="rp-option-head"><div class="rp-badges"><span class="rp-badge{}">{}</span></div>"#,
        if badge_is_best(option, headline) {
            " rp-badge-best"
        } else {
            ""
        },
        escape(&reasons_label(option, p.lang))
    );
    let _ = write!(
        html,
        r#"<div class="rp-total"><span class="rp-visually-hidden">{} </span><span class="rp-amount">{}</span><span class="rp-muted rp-figures">"#,
        escape(w.total_label),
        escape(&f.money(option.total))
    );
    if p.trip.people() > 1 {
        let each = fill(w.per_person, &[("amount", &f.money(option.per_person))]);
        let _ = write!(html, "<span>{}</span>", escape(&each));
    }
    if let Some(g) = option.per_gb {
        let per_gb = fill(w.per_gb, &[("amount", &f.money(g))]);
        let _ = write!(html, "<span>{}</span>", escape(&per_gb));
    }
    html.push_str(r#"</span></div></header><p class="rp-option-plans">"#);
    if let Some(label) = plans_label(option, p.trip.people(), p.lang) {
        let _ = write!(
            html,
            r#"<span class="rp-muted">{}{}</span>"#,
            escape(label),
            colon(p.lang)
        );
    }
    let _ = write!(
        html,
        "{}</p></article>",
        escape(&plan_line(p.catalogue, option, p.lang))
    );
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_cannot_open_a_tag_or_leave_an_attribute() {
        assert_eq!(
            escape(r#"<img src=x onerror="a('b')"> & co"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co"
        );
        assert_eq!(escape("香港 · 3 天"), "香港 · 3 天");
    }
}
