//! The map's drawn layers that take no input: the distance lines and the placed labels.

use super::svg::coord;
use render::layout::{MapLayout, Px};
use yew::prelude::*;

/// The straight lines from the zone to the big cities (dashed past the frame's edge).
pub fn distances(l: &MapLayout) -> Vec<Html> {
    l.distances
        .iter()
        .map(|d| {
            html! {
                <line key={d.place.clone()} class={classes!("distance-line", d.off_frame.then_some("off-frame"))}
                    x1={coord(d.from.0)} y1={coord(d.from.1)} x2={coord(d.to.0)} y2={coord(d.to.1)}
                    data-testid={format!("distance-{}", d.place)} />
            }
        })
        .collect()
}

/// The zone's leader line and centre dot, then every placed label with a halo as wide as three
/// CSS pixels.
pub fn labels(l: &MapLayout) -> Vec<Html> {
    let px = Px(l.units_per_px);
    let halo = coord(px.of(3.0));
    let leader = l.zone_leader.map(|(a, b)| {
        html! {
            <g key="zone-leader" class="zone-leader" data-testid="zone-leader">
                <line x1={coord(a.0)} y1={coord(a.1)} x2={coord(b.0)} y2={coord(b.1)} stroke-width={coord(px.of(1.5))} />
                <circle cx={coord(a.0)} cy={coord(a.1)} r={coord(px.of(2.0))} />
            </g>
        }
    });
    leader.into_iter().chain(l.labels
        .iter()
        .map(|label| {
            html! {
                <text key={label.key.clone()} class={classes!("label", format!("label-{}", label.kind.key()))}
                    data-label={label.key.clone()} x={coord(label.x)} y={coord(label.y)}
                    font-size={coord(label.font_units)} text-anchor={label.anchor.svg()} dominant-baseline="central"
                    stroke-width={halo.clone()}>{ &label.text }</text>
            }
        }))
        .collect()
}
