//! Which plan serves which day: a bar of the trip's days coloured by plan.
//! Drawn in SVG geometry (no inline styles, so it works under a strict CSP);
//! the block list beside it carries the same facts for screen readers.

use yew::prelude::*;

/// One coloured run of days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StripBlock {
    /// First day, 0-based.
    pub first_day: u32,
    /// Days.
    pub days: u32,
    /// Colour slot (index of the plan in the option).
    pub colour: usize,
}

/// Props of [`DayStrip`].
#[derive(Properties, PartialEq)]
pub struct DayStripProps {
    /// Runs of days.
    pub blocks: Vec<StripBlock>,
    /// Days in the trip.
    pub total_days: u32,
    /// Where each leg starts (day index), for the ticks between countries.
    pub leg_starts: Vec<u32>,
}

/// The day strip.
#[component]
pub fn DayStrip(props: &DayStripProps) -> Html {
    let total = props.total_days.max(1);
    // Width in units of 1/10 day so that gaps of 0.1 day separate blocks.
    let width = total * 10;
    html! {
        <svg class="rp-strip" viewBox={format!("0 0 {width} 12")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            { for props.blocks.iter().map(|b| html! {
                <rect class={format!("rp-fill-{}", b.colour % 6)} x={(b.first_day * 10).to_string()} y="0"
                    width={(b.days * 10).saturating_sub(1).max(1).to_string()} height="12" rx="2" />
            }) }
            { for props.leg_starts.iter().filter(|d| **d > 0).map(|d| html! {
                <rect class="rp-tick" x={(d * 10).saturating_sub(1).to_string()} y="0" width="1" height="12" />
            }) }
        </svg>
    }
}
