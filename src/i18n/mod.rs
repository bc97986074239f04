//! Every string the reader sees, in the widget's four languages.
//!
//! One `Texts` value per language: a missing translation is a compile error,
//! so no English can leak into the Chinese widget. Templates carry named
//! `{placeholders}` filled by `fill`.

mod answer_words;
mod en;
mod format;
mod fr;
mod messages;
pub mod report;
mod zh_hans;
mod zh_hant;

pub use answer_words::{
    answer_words, badge_is_best, colon, endonym, plans_label, reason_name, reasons_label,
    strategy_label, strategy_name, trip_line, AnswerWords,
};
pub use format::Formatter;
pub use messages::{
    activity_name, input_error, kind_name, mode_phrase, plan_line, plan_name, problem_text,
    problems_more, warning_text,
};

use crate::core::lang::Lang;

/// The widget's strings in one language.
#[derive(Debug)]
pub struct Texts {
    // Page
    pub app_title: &'static str,
    pub app_intro: &'static str,
    pub language_label: &'static str,
    pub currency_label: &'static str,
    // Trip editor
    pub trip_heading: &'static str,
    pub leg_label: &'static str,
    pub country_label: &'static str,
    pub country_placeholder: &'static str,
    pub days_label: &'static str,
    pub add_leg: &'static str,
    pub remove_leg: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub decrease: &'static str,
    pub increase: &'static str,
    pub start_label: &'static str,
    pub trip_length: &'static str,
    pub group_heading: &'static str,
    pub travellers_label: &'static str,
    pub together_label: &'static str,
    pub esim_label: &'static str,
    pub data_heading: &'static str,
    pub data_label: &'static str,
    pub data_unit_mb: &'static str,
    pub data_unit_gb: &'static str,
    pub estimate_toggle: &'static str,
    pub estimator_hours: &'static str,
    pub estimator_rate: &'static str,
    pub estimator_total: &'static str,
    pub estimator_use: &'static str,
    pub home_heading: &'static str,
    pub home_label: &'static str,
    pub home_none: &'static str,
    pub carrier_label: &'static str,
    pub carrier_any: &'static str,
    pub own_plan_intro: &'static str,
    pub own_plan_price: &'static str,
    pub own_plan_currency: &'static str,
    pub own_plan_gb: &'static str,
    pub own_plan_gb_hint: &'static str,
    // Results
    pub results_heading: &'static str,
    pub best_badge: &'static str,
    pub alternatives_heading: &'static str,
    pub total_label: &'static str,
    pub per_person: &'static str,
    pub per_gb: &'static str,
    pub day_one: &'static str,
    pub day_range: &'static str,
    pub days_count_one: &'static str,
    pub days_count_other: &'static str,
    pub topups: &'static str,
    pub own_plan_block: &'static str,
    pub own_plan_surcharge: &'static str,
    pub own_plan_free: &'static str,
    pub block_cost: &'static str,
    pub source_link: &'static str,
    pub checked_on: &'static str,
    pub confidence_observed: &'static str,
    pub confidence_partial: &'static str,
    pub confidence_unverified: &'static str,
    pub warnings_heading: &'static str,
    pub no_option: &'static str,
    pub no_option_hint: &'static str,
    pub stale_answer: &'static str,
    pub fix_inputs: &'static str,
    pub prices_as_of: &'static str,
    pub day_strip_label: &'static str,
    pub plan_details: &'static str,
    // The three questions
    pub questions_heading: &'static str,
    pub q_borders: &'static str,
    pub q_borders_all: &'static str,
    pub q_borders_some: &'static str,
    pub q_borders_eu_note: &'static str,
    pub q_family: &'static str,
    pub q_family_single: &'static str,
    pub q_family_separate: &'static str,
    pub q_family_hotspot: &'static str,
    pub q_family_hotspot_none: &'static str,
    pub q_family_hotspot_apart: &'static str,
    pub q_family_pool: &'static str,
    pub q_family_pool_none: &'static str,
    pub q_family_bound: &'static str,
    pub q_own: &'static str,
    pub q_own_not_given: &'static str,
    pub q_own_not_eu: &'static str,
    pub q_own_no_eu_days: &'static str,
    pub q_own_allowance: &'static str,
    pub q_own_within: &'static str,
    pub q_own_over: &'static str,
    pub q_own_outside: &'static str,
    // Charts
    pub chart_bars_title: &'static str,
    pub chart_lines_title: &'static str,
    pub chart_axis_mb: &'static str,
    pub chart_axis_total: &'static str,
    // Plan browser
    pub browser_heading: &'static str,
    pub browser_filter_country: &'static str,
    pub browser_all_countries: &'static str,
    pub browser_filter_kind: &'static str,
    pub browser_all_kinds: &'static str,
    pub browser_only_esim: &'static str,
    pub browser_only_hotspot: &'static str,
    pub browser_only_pool: &'static str,
    pub browser_sort: &'static str,
    pub sort_price: &'static str,
    pub sort_per_gb: &'static str,
    pub sort_validity: &'static str,
    pub browser_count: &'static str,
    pub browser_empty: &'static str,
    pub col_plan: &'static str,
    pub col_price: &'static str,
    pub col_data: &'static str,
    pub col_validity: &'static str,
    pub col_hotspot: &'static str,
    pub col_covers: &'static str,
    pub unlimited: &'static str,
    pub per_day_price: &'static str,
    pub daily_then_slow: &'static str,
    pub hotspot_yes: &'static str,
    pub hotspot_no: &'static str,
    pub hotspot_capped: &'static str,
    pub hotspot_unknown: &'static str,
    pub pool_lines: &'static str,
    pub bound_lines: &'static str,
    pub validity_days: &'static str,
    pub billed_daily: &'static str,
    // Catalogue
    pub catalogue_error_heading: &'static str,
    pub catalogue_loading: &'static str,
    pub catalogue_custom_in_use: &'static str,
    pub fetch_http: &'static str,
    pub fetch_network: &'static str,
    pub fetch_offline: &'static str,
    pub problem_at: &'static str,
    pub problem_at_file: &'static str,
    pub settings_error_heading: &'static str,
    pub setting_ignored: &'static str,
    // Input errors
    pub err_not_a_number: &'static str,
    pub err_too_small: &'static str,
    pub err_too_large: &'static str,
    pub err_unknown_country: &'static str,
    pub err_unknown_currency: &'static str,
    pub err_unknown_language: &'static str,
    pub err_bad_date: &'static str,
    pub err_not_a_flag: &'static str,
    pub err_not_a_carrier: &'static str,
    pub err_bad_leg: &'static str,
    pub err_too_many_legs: &'static str,
    pub err_trip_too_long: &'static str,
    pub err_not_a_price: &'static str,
    pub err_bad_address: &'static str,
    // Catalogue problems
    pub issue_not_json: &'static str,
    pub issue_too_large: &'static str,
    pub issue_unknown_format: &'static str,
    pub issue_missing: &'static str,
    pub issue_wrong_type: &'static str,
    pub issue_empty: &'static str,
    pub issue_bad_id: &'static str,
    pub issue_duplicate_id: &'static str,
    pub issue_unknown_currency: &'static str,
    pub issue_not_positive: &'static str,
    pub issue_negative: &'static str,
    pub issue_unknown_country: &'static str,
    pub issue_unknown_zone: &'static str,
    pub issue_data_with_day_billing: &'static str,
    pub issue_pool_too_small: &'static str,
    pub issue_missing_validity: &'static str,
    pub issue_roaming_without_home: &'static str,
    pub issue_unknown_value: &'static str,
    pub issue_bad_date: &'static str,
    pub issue_no_plans: &'static str,
    pub issue_euro_rate_not_one: &'static str,
    // Catalogue problems added with evidence, home plans and limits
    pub issue_too_deep: &'static str,
    pub issue_not_finite: &'static str,
    pub issue_number_too_large: &'static str,
    pub issue_rate_out_of_range: &'static str,
    pub issue_too_small: &'static str,
    pub issue_too_many_decimals: &'static str,
    pub issue_no_decimals: &'static str,
    pub issue_home_plan_without_home: &'static str,
    pub issue_residents_without_home: &'static str,
    pub issue_not_for_kind: &'static str,
    pub issue_cards_disagree: &'static str,
    pub issue_not_web_address: &'static str,
    pub issue_observed_without_evidence: &'static str,
    pub issue_home_page_only: &'static str,
    pub issue_quote_without_price: &'static str,
    pub issue_after_as_of: &'static str,
    pub issue_in_the_future: &'static str,
    pub issue_stale: &'static str,
    pub problems_more: &'static str,
    pub expected_text: &'static str,
    pub expected_number: &'static str,
    pub expected_integer: &'static str,
    pub expected_boolean: &'static str,
    pub expected_boolean_or_integer: &'static str,
    pub expected_text_or_translations: &'static str,
    pub expected_object: &'static str,
    pub expected_list: &'static str,
    // Names
    pub kind_esim: &'static str,
    pub kind_sim: &'static str,
    pub kind_roaming: &'static str,
    /// A home plan (the reader's own monthly subscription).
    pub kind_plan: &'static str,
    pub strategy_separate: &'static str,
    pub strategy_hotspot: &'static str,
    pub strategy_pool: &'static str,
    pub strategy_mixed: &'static str,
    pub strategy_home: &'static str,
    pub reason_cheapest: &'static str,
    pub reason_separate: &'static str,
    pub reason_pool: &'static str,
    pub reason_hotspot: &'static str,
    pub reason_own_plan: &'static str,
    pub reason_single_plan: &'static str,
    pub mode_separate: &'static str,
    pub mode_pool: &'static str,
    pub mode_hotspot: &'static str,
    pub activity_maps: &'static str,
    pub activity_social: &'static str,
    pub activity_web: &'static str,
    pub activity_music: &'static str,
    pub activity_video_low: &'static str,
    pub activity_video_sd: &'static str,
    pub activity_video_hd: &'static str,
    pub activity_video_calls: &'static str,
    // Warnings
    pub warn_activate: &'static str,
    pub warn_real_name: &'static str,
    pub warn_speed_cut: &'static str,
    pub warn_hotspot_close: &'static str,
    pub warn_validity_ends: &'static str,
    pub warn_stale: &'static str,
    pub warn_fair_use: &'static str,
    pub warn_unverified: &'static str,
    pub warn_topups: &'static str,
    pub warn_own_plan_over: &'static str,
    // Sharing, embedding, saved trips, updates
    pub err_not_a_theme: &'static str,
    pub saved_ignored: &'static str,
    // Hardening: dates and stops the rules allow, currencies a catalogue
    // lacks, a save that failed, and the page shown when the widget cannot
    // start (read by scripts/postbuild.mjs for the loader and embed.js).
    pub err_outside_rules: &'static str,
    pub err_too_many_countries: &'static str,
    pub currency_not_in_catalogue: &'static str,
    pub save_failed: &'static str,
    pub fallback_failed: &'static str,
    pub fallback_open: &'static str,
    pub fallback_no_script: &'static str,
    pub share_heading: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub embed_intro: &'static str,
    pub embed_iframe_label: &'static str,
    pub embed_script_label: &'static str,
    pub copy_snippet: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub frame_title: &'static str,
    pub browser_show_all: &'static str,
    pub browser_show_fewer: &'static str,
    /// A traveller's row label ({n} = position).
    pub traveller_label: &'static str,
    /// Label of a traveller's data per day.
    pub traveller_data_label: &'static str,
    /// Label of a traveller's phone question.
    pub traveller_esim_label: &'static str,
    /// eSIM answer: yes.
    pub esim_yes: &'static str,
    /// eSIM answer: no.
    pub esim_no: &'static str,
    /// eSIM answer: not sure.
    pub esim_not_sure: &'static str,
    /// How to check eSIM support (shown for 'not sure').
    pub esim_how_to_check: &'static str,
    /// Button: add a traveller.
    pub traveller_add: &'static str,
    /// Button: copy this traveller ({n} = position).
    pub traveller_copy: &'static str,
    /// Button: remove this traveller ({n} = position).
    pub traveller_remove: &'static str,
    /// Carrier choice: another carrier not listed.
    pub carrier_other: &'static str,
    /// Label of the own-plan menu.
    pub own_plan_label: &'static str,
    /// Own-plan choice: not said.
    pub own_plan_unknown: &'static str,
    /// Own-plan choice: describe another plan (EU homes).
    pub own_plan_custom: &'static str,
    /// Why the carrier is asked.
    pub carrier_why: &'static str,
    /// Warning: a contract ({months}).
    pub warn_contract: &'static str,
    /// Warning: traffic exits in the mainland.
    pub warn_apps_blocked: &'static str,
    /// Note: traffic exits outside the mainland.
    pub warn_apps_work: &'static str,
    /// Warning: own line beyond its allowance.
    pub warn_own_line_over: &'static str,
    /// Name of the reader's own line in lists.
    pub own_line_name: &'static str,
    /// Strategy: a bundle of cards.
    pub strategy_bundle: &'static str,
    /// Reason: cheapest of checked plans.
    pub reason_verified: &'static str,
    /// Reason: simplest (one product each).
    pub reason_simplest: &'static str,
    /// Reason: everyone on their own.
    pub reason_no_sharing: &'static str,
    /// Mode: each member buys it ({n} people).
    pub mode_each_own: &'static str,
    /// Mode: a bundle ({n} cards).
    pub mode_bundle: &'static str,
    /// Days served, as a list of ranges ({days}).
    pub days_list: &'static str,
    /// One day served ({days}).
    pub day_single: &'static str,
    /// A pass resumed after a gap.
    pub resumed_note: &'static str,
    /// Cost of one purchase ({amount}).
    pub purchase_cost: &'static str,
    /// Who uses a purchase: everyone.
    pub who_everyone: &'static str,
    /// Hotspot: the host shares with others ({host}, {guests}).
    pub hotspot_for: &'static str,
    /// Own line serves some days at no cost ({who}, {days}).
    pub own_line_covers: &'static str,
    /// Link to the page the figures come from.
    pub evidence_link: &'static str,
    /// Date a page was seen ({date}).
    pub seen_on: &'static str,
    /// Link to buy the offer.
    pub buy_link: &'static str,
    /// Heading of who uses what.
    pub who_uses: &'static str,
    /// Question 3 heading (own line).
    pub q_own_line: &'static str,
    /// Own line: home not given.
    pub q_own_no_home: &'static str,
    /// Own line: home days are free ({days}).
    pub q_own_home_days: &'static str,
    /// Own line: works in countries with an allowance ({countries}, {allowance}).
    pub q_own_group: &'static str,
    /// Own line: works in countries with the domestic allowance ({countries}).
    pub q_own_group_unlimited: &'static str,
    /// Own line: EU days but plan not known ({countries}).
    pub q_own_eu_unknown: &'static str,
    /// Own line: countries not included ({countries}).
    pub q_own_not_included: &'static str,
    /// Own line: plan not picked, non-EU home ({countries}).
    pub q_own_plan_unknown: &'static str,
    /// Hint: a carrier's customers would pay less ({carrier}, {amount}).
    pub carrier_hint: &'static str,
    /// The simplest costs more by {amount}.
    pub simplest_diff: &'static str,
    /// A cheaper answer relies on unverified figures ({amount}).
    pub unverified_cheaper: &'static str,
    /// Input error: a plan id with other characters.
    pub err_not_a_plan_id: &'static str,
    /// Input error: more travellers than allowed ({max}).
    pub err_too_many_travellers: &'static str,
    /// What a screen reader hears once the answer settles: the best total and its plans.
    pub summary_live: &'static str,
    /// The top summary's link down to the reasons and the other options.
    pub summary_link: &'static str,
    /// Own-line answer when the reader's carrier has no plans in the catalogue to choose from.
    pub q_own_plan_not_listed: &'static str,
    /// Own-line answer for a reader on a carrier the catalogue does not list.
    pub q_own_ask_carrier: &'static str,
    /// In an embed showing the blogger's trip: opens the form to change it.
    pub edit_trip: &'static str,
    /// One traveller, in the folded trip line.
    pub travellers_count_one: &'static str,
    /// Several travellers, in the folded trip line.
    pub travellers_count_other: &'static str,
    /// Under the embed snippets' choices: what an embed does unless chosen otherwise.
    pub embed_defaults: &'static str,
    /// Embed choice: always this language.
    pub embed_fix_lang: &'static str,
    /// Embed choice: always this currency.
    pub embed_fix_cur: &'static str,
    /// Embed choice: pin the trip's first day (the EU cap of that year).
    pub embed_fix_start: &'static str,
    /// Embed choice: colours.
    pub embed_theme_label: &'static str,
    /// Embed colours: light.
    pub theme_light: &'static str,
    /// Embed colours: dark.
    pub theme_dark: &'static str,
    /// Embed colours: as the reader's system.
    pub theme_auto: &'static str,
    /// Embed choice: what readers start with.
    pub embed_start_label: &'static str,
    /// Embed choice: this trip.
    pub embed_start_trip: &'static str,
    /// Embed choice: the trip's countries, days to fill in.
    pub embed_start_focus: &'static str,
    /// Readers' one line when the blog's own plan list cannot be used.
    pub catalogue_quiet: &'static str,
    /// Opens the list of the catalogue's problems (for the blog owner).
    pub catalogue_quiet_details: &'static str,
    /// Caveat for a physical card: the reader's own number.
    pub warn_sim_slot: &'static str,
    /// Caveat for an eSIM beside the own line.
    pub warn_esim_roaming_off: &'static str,
    /// Home menu group: the usual homes of these articles' readers.
    pub home_group_common: &'static str,
    /// Home menu group: every country, in the language's order.
    pub home_group_all: &'static str,
    /// Shown by the page loader until the widget has started (no blank box).
    pub fallback_loading: &'static str,
    /// Border answer when several plans cover every country (plural verb).
    pub q_borders_all_many: &'static str,
    /// Border answer when several plans cover some countries (plural verb).
    pub q_borders_some_many: &'static str,
    /// Shown while the engine worker works out a large trip's answer.
    pub calculating: &'static str,
    /// The engine's totals overflow (a catalogue's figures out of range).
    pub answer_too_large: &'static str,
    /// The trip is more work than the engine takes on. {plans}, {days}, {kinds} are numbers.
    pub too_much_work: &'static str,
    /// Where a card is sold ({where} is the catalogue's `sold_at` text).
    pub where_to_buy: &'static str,
}

/// The strings of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::ZhHans => &zh_hans::TEXTS,
        Lang::ZhHant => &zh_hant::TEXTS,
        Lang::Fr => &fr::TEXTS,
    }
}

/// Fills `{name}` placeholders of a template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
