//! The maintainer's catalogue report as text, in the four languages.
//!
//! Its strings are a table of their own, not part of [`super::Texts`]: only
//! the `catalogue_report` tool uses them, so the widget does not carry them.

use super::{fill, problem_text, Formatter};
use crate::core::catalogue::report::{Age, Report};
use crate::core::catalogue::{Confidence, Problems};
use crate::core::lang::Lang;

/// The report's strings in one language.
#[derive(Debug)]
pub struct ReportTexts {
    pub title: &'static str,
    pub errors_heading: &'static str,
    pub advisories_heading: &'static str,
    pub none: &'static str,
    pub more: &'static str,
    pub confidence_heading: &'static str,
    pub confidence_observed: &'static str,
    pub confidence_partial: &'static str,
    pub confidence_unverified: &'static str,
    pub confidence_none: &'static str,
    pub age_heading: &'static str,
    pub age_future: &'static str,
    pub age_under_one_month: &'static str,
    pub age_one_to_three: &'static str,
    pub age_three_to_six: &'static str,
    pub age_six_to_twelve: &'static str,
    pub age_over_a_year: &'static str,
    pub age_undated: &'static str,
    pub home_pages_heading: &'static str,
    pub catalogue_level: &'static str,
    pub due_heading: &'static str,
    pub due_dated: &'static str,
    pub due_undated: &'static str,
    pub summary: &'static str,
}

static EN: ReportTexts = ReportTexts {
    title: "Catalogue report for {file}, {today}",
    errors_heading: "Errors (the widget refuses the file while there are any): {n}",
    advisories_heading: "Advisories (the file is used; worth a look): {n}",
    none: "none",
    more: "…and {n} more",
    confidence_heading: "Plans by confidence ({n} plans read)",
    confidence_observed: "observed",
    confidence_partial: "partial",
    confidence_unverified: "unverified",
    confidence_none: "not given",
    age_heading: "Plans by the age of their newest check (checked or evidence seen)",
    age_future: "dated in the future",
    age_under_one_month: "under a month",
    age_one_to_three: "1 to 3 months",
    age_three_to_six: "3 to 6 months",
    age_six_to_twelve: "6 to 12 months",
    age_over_a_year: "a year or more",
    age_undated: "no date",
    home_pages_heading: "Sources that are only a home page: {n}",
    catalogue_level: "catalogue",
    due_heading: "Plans not checked for {months} months or more: {n}",
    due_dated: "{plan}: last checked {date} ({months} months ago)",
    due_undated: "{plan}: no date at all",
    summary: "{errors} errors, {advisories} advisories.",
};

static ZH_HANS: ReportTexts = ReportTexts {
    title: "{file} 的套餐目录报告（{today}）",
    errors_heading: "错误（存在错误时组件不会使用此文件）：{n}",
    advisories_heading: "提示（文件仍会使用，但值得检查）：{n}",
    none: "无",
    more: "……另有 {n} 项",
    confidence_heading: "按可信度统计套餐（已读取 {n} 个套餐）",
    confidence_observed: "已核实（observed）",
    confidence_partial: "部分核实（partial）",
    confidence_unverified: "未核实（unverified）",
    confidence_none: "未注明",
    age_heading: "按最近一次核实（checked 或 evidence 的 seen）距今时间统计套餐",
    age_future: "日期在未来",
    age_under_one_month: "不到 1 个月",
    age_one_to_three: "1 至 3 个月",
    age_three_to_six: "3 至 6 个月",
    age_six_to_twelve: "6 至 12 个月",
    age_over_a_year: "1 年或以上",
    age_undated: "没有日期",
    home_pages_heading: "只是首页的来源：{n}",
    catalogue_level: "目录",
    due_heading: "{months} 个月或以上未核实的套餐：{n}",
    due_dated: "{plan}：最后核实于 {date}（{months} 个月前）",
    due_undated: "{plan}：没有任何日期",
    summary: "{errors} 个错误，{advisories} 个提示。",
};

static ZH_HANT: ReportTexts = ReportTexts {
    title: "{file} 的計劃目錄報告（{today}）",
    errors_heading: "錯誤（有錯誤時本工具不會使用此檔案）：{n}",
    advisories_heading: "提示（檔案仍會使用，但值得檢查）：{n}",
    none: "無",
    more: "……另有 {n} 項",
    confidence_heading: "按可信程度統計計劃（已讀取 {n} 個計劃）",
    confidence_observed: "已核實（observed）",
    confidence_partial: "部分核實（partial）",
    confidence_unverified: "未核實（unverified）",
    confidence_none: "未註明",
    age_heading: "按最近一次核實（checked 或 evidence 的 seen）距今時間統計計劃",
    age_future: "日期在未來",
    age_under_one_month: "不足 1 個月",
    age_one_to_three: "1 至 3 個月",
    age_three_to_six: "3 至 6 個月",
    age_six_to_twelve: "6 至 12 個月",
    age_over_a_year: "1 年或以上",
    age_undated: "沒有日期",
    home_pages_heading: "只是首頁的來源：{n}",
    catalogue_level: "目錄",
    due_heading: "{months} 個月或以上未核實的計劃：{n}",
    due_dated: "{plan}：最後核實於 {date}（{months} 個月前）",
    due_undated: "{plan}：沒有任何日期",
    summary: "{errors} 個錯誤，{advisories} 個提示。",
};

static FR: ReportTexts = ReportTexts {
    title: "Rapport sur le catalogue {file}, {today}",
    errors_heading: "Erreurs (le widget refuse le fichier tant qu’il y en a)\u{a0}: {n}",
    advisories_heading: "Avis (le fichier est utilisé\u{a0}; à regarder)\u{a0}: {n}",
    none: "aucun",
    more: "… et {n} autres",
    confidence_heading: "Forfaits par niveau de confiance ({n}\u{a0}forfaits lus)",
    confidence_observed: "observé (observed)",
    confidence_partial: "partiel (partial)",
    confidence_unverified: "non vérifié (unverified)",
    confidence_none: "non précisé",
    age_heading:
        "Forfaits selon l’âge de leur dernière vérification (checked ou seen d’une evidence)",
    age_future: "date dans le futur",
    age_under_one_month: "moins d’un mois",
    age_one_to_three: "1 à 3\u{a0}mois",
    age_three_to_six: "3 à 6\u{a0}mois",
    age_six_to_twelve: "6 à 12\u{a0}mois",
    age_over_a_year: "un an ou plus",
    age_undated: "sans date",
    home_pages_heading: "Sources qui ne sont qu’une page d’accueil\u{a0}: {n}",
    catalogue_level: "catalogue",
    due_heading: "Forfaits non vérifiés depuis {months}\u{a0}mois ou plus\u{a0}: {n}",
    due_dated: "{plan}\u{a0}: vérifié le {date} (il y a {months}\u{a0}mois)",
    due_undated: "{plan}\u{a0}: aucune date",
    summary: "{errors}\u{a0}erreurs, {advisories}\u{a0}avis.",
};

/// The report's strings in `lang`.
pub fn report_texts(lang: Lang) -> &'static ReportTexts {
    match lang {
        Lang::En => &EN,
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::Fr => &FR,
    }
}

fn age_name(age: Age, t: &ReportTexts) -> &'static str {
    match age {
        Age::Future => t.age_future,
        Age::UnderOneMonth => t.age_under_one_month,
        Age::OneToThreeMonths => t.age_one_to_three,
        Age::ThreeToSixMonths => t.age_three_to_six,
        Age::SixToTwelveMonths => t.age_six_to_twelve,
        Age::OverAYear => t.age_over_a_year,
        Age::Undated => t.age_undated,
    }
}

fn confidence_name(confidence: Option<Confidence>, t: &ReportTexts) -> &'static str {
    match confidence {
        Some(Confidence::Observed) => t.confidence_observed,
        Some(Confidence::Partial) => t.confidence_partial,
        Some(Confidence::Unverified) => t.confidence_unverified,
        None => t.confidence_none,
    }
}

/// The report on the catalogue file `file`, as text in `lang`.
pub fn render(report: &Report, file: &str, lang: Lang) -> String {
    let t = report_texts(lang);
    let f = Formatter::new(lang);
    let n = |count: usize| count.to_string();
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(&fill(
        t.title,
        &[("file", file), ("today", &f.date(report.today))],
    ));
    let problems = |heading: &str, list: &Problems, line: &mut dyn FnMut(&str)| {
        line("");
        line(&fill(heading, &[("n", &n(list.total()))]));
        if list.total() == 0 {
            line(&format!("  {}", t.none));
        }
        for problem in list.iter() {
            line(&format!("  - {}", problem_text(problem, f)));
        }
        if list.more > 0 {
            line(&format!("  {}", fill(t.more, &[("n", &n(list.more))])));
        }
    };
    problems(t.errors_heading, &report.errors, &mut line);
    problems(t.advisories_heading, &report.advisories, &mut line);

    line("");
    line(&fill(t.confidence_heading, &[("n", &n(report.plans))]));
    for (confidence, count) in &report.by_confidence {
        line(&format!(
            "  {:>5}  {}",
            count,
            confidence_name(*confidence, t)
        ));
    }
    line("");
    line(t.age_heading);
    for (age, count) in &report.by_age {
        line(&format!("  {:>5}  {}", count, age_name(*age, t)));
    }

    line("");
    line(&fill(
        t.home_pages_heading,
        &[("n", &n(report.home_pages.len()))],
    ));
    for source in &report.home_pages {
        let plan = source.plan.as_deref().unwrap_or(t.catalogue_level);
        line(&format!("  - {plan} {}: {}", source.field, source.url));
    }

    line("");
    line(&fill(
        t.due_heading,
        &[
            ("months", &report.older_than_months.to_string()),
            ("n", &n(report.due.len())),
        ],
    ));
    for due in &report.due {
        let text = match (due.newest, due.months) {
            (Some(date), Some(months)) => fill(
                t.due_dated,
                &[
                    ("plan", &due.plan),
                    ("date", &f.date(date)),
                    ("months", &months.to_string()),
                ],
            ),
            _ => fill(t.due_undated, &[("plan", &due.plan)]),
        };
        line(&format!("  - {text}"));
    }

    line("");
    line(&fill(
        t.summary,
        &[
            ("errors", &n(report.errors.total())),
            ("advisories", &n(report.advisories.total())),
        ],
    ));
    out
}
