//! Total cost against data per day, one line per way of staying online, so
//! the reader sees where the cheapest answer changes as usage grows.

use super::fold::Fold;
use crate::core::catalogue::Megabytes;
use crate::core::engine::Reason;
use crate::i18n::reason_name;
pub use crate::ui::calculation::{Series, USAGE_GRID};
use crate::ui::context::use_ui;
use std::fmt::Write;
use yew::prelude::*;

/// Props of [`CostLines`].
#[derive(Properties, PartialEq)]
pub struct CostLinesProps {
    /// The lines.
    pub series: Vec<Series>,
    /// The reader's current data per day (marked on the chart).
    pub current_mb: Megabytes,
    /// Display currency code.
    pub currency: AttrValue,
}

const WIDTH: i64 = 320;
const HEIGHT: i64 = 190;
const LEFT: i64 = 52;
const RIGHT: i64 = 12;
const TOP: i64 = 22;
const BOTTOM: i64 = 34;

/// The line chart.
#[component]
pub fn CostLines(props: &CostLinesProps) -> Html {
    let ui = use_ui();
    let (t, f) = (ui.t(), ui.f());
    let max = props
        .series
        .iter()
        .flat_map(|s| s.totals.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(100);
    let points = i64::try_from(USAGE_GRID.len()).unwrap_or(1) - 1;
    let x =
        |i: usize| LEFT + i64::try_from(i).unwrap_or(0) * (WIDTH - LEFT - RIGHT) / points.max(1);
    let y = |minor: i64| TOP + (HEIGHT - TOP - BOTTOM) - minor * (HEIGHT - TOP - BOTTOM) / max;
    let path = |totals: &[Option<i64>]| {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, total) in totals.iter().enumerate() {
            match total {
                Some(v) => {
                    let _ = write!(d, "{}{},{} ", if pen_down { "L" } else { "M" }, x(i), y(*v));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        d
    };
    // Where the reader is: between grid points, by position in the grid.
    let current_x = {
        let i = USAGE_GRID
            .iter()
            .position(|g| *g >= props.current_mb)
            .unwrap_or(USAGE_GRID.len() - 1);
        if i == 0 {
            x(0)
        } else {
            let (lo, hi) = (USAGE_GRID[i - 1], USAGE_GRID[i]);
            let frac =
                i64::try_from((props.current_mb.clamp(lo, hi) - lo) * 100 / (hi - lo)).unwrap_or(0);
            x(i - 1) + (x(i) - x(i - 1)) * frac / 100
        }
    };
    let ticks = [0, max / 2, max];
    html! {
        <Fold class={classes!("rp-card", "rp-chart")} heading_id="rp-lines-title" heading={t.chart_lines_title}>
            <figure>
            <svg class="rp-lines" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="rp-lines-title">
                { for ticks.iter().map(|v| html! {
                    <g>
                        <line class="rp-grid-line" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={y(*v).to_string()} y2={y(*v).to_string()} />
                        <text class="rp-axis" x={(LEFT - 4).to_string()} y={(y(*v) + 3).to_string()} text-anchor="end">{ f.decimal(*v, 0) }</text>
                    </g>
                }) }
                // Every other grid point, evenly spaced (the first two are too
                // close for two labels side by side).
                { for USAGE_GRID.iter().enumerate().filter(|(i, _)| i % 2 == 1).map(|(i, mb)| html! {
                    <text class="rp-axis" x={x(i).to_string()} y={(HEIGHT - BOTTOM + 14).to_string()} text-anchor="middle">{ f.data(*mb) }</text>
                }) }
                <text class="rp-axis" x={((LEFT + WIDTH - RIGHT) / 2).to_string()} y={(HEIGHT - 4).to_string()} text-anchor="middle">{ t.chart_axis_mb }</text>
                <text class="rp-axis" x="4" y="10">{ props.currency.clone() }</text>
                <line class="rp-current" x1={current_x.to_string()} x2={current_x.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                { for props.series.iter().enumerate().map(|(i, s)| html! {
                    <path class={classes!("rp-line", format!("rp-stroke-{}", i % 6), (s.reason == Reason::Cheapest).then_some("rp-line-cheapest"))} d={path(&s.totals)} />
                }) }
            </svg>
            <ul class="rp-legend">
                { for props.series.iter().enumerate().map(|(i, s)| html! {
                    <li><span class={classes!("rp-swatch", format!("rp-fill-{}", i % 6))} aria-hidden="true"></span>{ reason_name(s.reason, ui.lang) }</li>
                }) }
            </ul>
            </figure>
        </Fold>
    }
}
