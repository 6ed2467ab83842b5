//! Charts drawn by the app as inline SVG, each with a text equivalent: a summary as the
//! image's name and the numbers in a table beneath.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::progress::calendar::{WeekTotal, WEEKLY_GOAL_MINUTES};
use crate::domain::progress::pain::PainWeek;
use crate::ui::format::{day_short, month_short, pain_trend, tenths};

/// The chart's drawing area, in SVG units.
const WIDTH: i32 = 320;
const LEFT: i32 = 30;
const RIGHT: i32 = 314;
const TOP: i32 = 14;
const BOTTOM: i32 = 150;
const HEIGHT: i32 = 180;

/// Whole SVG units: attributes are written as integers, which is precise enough at this
/// size and keeps float formatting out of the app.
fn px(v: f32) -> i32 {
    v.round() as i32
}

/// The x of the middle of column `i` of `n`.
fn column_x(i: usize, n: usize) -> i32 {
    let width = (RIGHT - LEFT) as f32 / n.max(1) as f32;
    px(LEFT as f32 + width * (i as f32 + 0.5))
}

/// The y of `value` on a scale from 0 to `max`.
fn scale_y(value: f32, max: f32) -> i32 {
    BOTTOM - px((BOTTOM - TOP) as f32 * (value / max.max(1.0)).clamp(0.0, 1.0))
}

/// Week labels along the bottom: the Monday's day, and its month below where the month
/// changes (or first).
fn x_labels(mondays: &[chrono::NaiveDate]) -> impl IntoView {
    let n = mondays.len();
    mondays
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = column_x(i, n);
            let new_month = i == 0 || mondays.get(i - 1).is_some_and(|p| p.month() != m.month());
            view! {
                <text class="chart-label" x=x y=BOTTOM + 14 text-anchor="middle">
                    {m.day()}
                </text>
                {new_month.then(|| view! {
                    <text class="chart-label" x=x y=BOTTOM + 26 text-anchor="middle">
                        {month_short(*m)}
                    </text>
                })}
            }
        })
        .collect_view()
}

/// Minutes per week as bars, with the line of the weekly 150.
#[component]
pub fn MinutesChart(
    /// The weeks to draw, oldest first.
    weeks: Vec<WeekTotal>,
) -> impl IntoView {
    let n = weeks.len();
    let top = weeks.iter().map(WeekTotal::minutes).max().unwrap_or(0);
    // The scale reaches past the goal, in steps of 50.
    let max = top.max(WEEKLY_GOAL_MINUTES + 25).div_ceil(50) * 50;
    let bar = px((RIGHT - LEFT) as f32 / n.max(1) as f32 * 0.6);
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let minutes = w.minutes();
            let y = scale_y(minutes as f32, max as f32);
            let x = column_x(i, n);
            let met = minutes >= WEEKLY_GOAL_MINUTES;
            view! {
                <rect
                    class="chart-bar"
                    class:met=met
                    x=x - bar / 2
                    y=y
                    width=bar
                    height=BOTTOM - y
                    rx="3"
                ></rect>
                <text class="chart-value" x=x y=y - 4 text-anchor="middle">{minutes}</text>
            }
        })
        .collect_view();
    let goal_y = scale_y(WEEKLY_GOAL_MINUTES as f32, max as f32);
    let this_week = weeks.last().map_or(0, WeekTotal::minutes);
    let met = weeks
        .iter()
        .filter(|w| w.minutes() >= WEEKLY_GOAL_MINUTES)
        .count();
    let label = format!(
        "Minutes of exercise per week, last {n} weeks. This week {this_week}. The goal of \
         {WEEKLY_GOAL_MINUTES} was reached in {met} of them."
    );
    let mondays: Vec<_> = weeks.iter().map(|w| w.monday).collect();
    let rows = weeks
        .iter()
        .map(|w| {
            view! {
                <tr>
                    <th scope="row">{day_short(w.monday)}</th>
                    <td>{w.minutes()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                <line class="chart-axis" x1=LEFT y1=BOTTOM x2=RIGHT y2=BOTTOM></line>
                <text class="chart-label" x=LEFT - 4 y=BOTTOM + 4 text-anchor="end">"0"</text>
                {bars}
                <line class="chart-goal" x1=LEFT y1=goal_y x2=RIGHT y2=goal_y></line>
                <text class="chart-label" x=LEFT - 4 y=goal_y + 4 text-anchor="end">
                    {WEEKLY_GOAL_MINUTES}
                </text>
                {x_labels(&mondays)}
            </svg>
            <details class="chart-table">
                <summary>"Show the numbers"</summary>
                <table>
                    <thead><tr><th scope="col">"Week of"</th><th scope="col">"Minutes"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The path through the points that exist, starting afresh after a gap.
fn line_path(points: &[Option<(i32, i32)>]) -> String {
    let mut path = String::new();
    let mut pen_down = false;
    for point in points {
        match point {
            Some((x, y)) => {
                path.push_str(&format!("{}{x} {y} ", if pen_down { "L" } else { "M" }));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    path
}

/// "4.5" or "–".
fn rating_text(value: Option<f32>) -> String {
    value.map_or_else(|| "–".to_string(), tenths)
}

/// Average pain before and after sessions, week by week, as two lines.
#[component]
pub fn PainChart(
    /// The weeks to draw, oldest first.
    weeks: Vec<PainWeek>,
) -> impl IntoView {
    let n = weeks.len();
    let points = |get: fn(&PainWeek) -> Option<f32>| -> Vec<Option<(i32, i32)>> {
        weeks
            .iter()
            .enumerate()
            .map(|(i, w)| get(w).map(|v| (column_x(i, n), scale_y(v, 10.0))))
            .collect()
    };
    let before = points(|w| w.before);
    let after = points(|w| w.after);
    let dots = |list: &[Option<(i32, i32)>], class: &'static str| {
        list.iter()
            .flatten()
            .map(|(x, y)| view! { <circle class=class cx=*x cy=*y r="3.5"></circle> })
            .collect_view()
    };
    let grid = [0, 5, 10]
        .into_iter()
        .map(|v| {
            let y = scale_y(v as f32, 10.0);
            view! {
                <line class="chart-grid" x1=LEFT y1=y x2=RIGHT y2=y></line>
                <text class="chart-label" x=LEFT - 4 y=y + 4 text-anchor="end">{v}</text>
            }
        })
        .collect_view();
    let label = match pain_trend(&weeks) {
        Some(trend) => format!(
            "Average pain out of 10, week by week over {n} weeks, first week with ratings \
             to the latest: {trend}."
        ),
        None => format!("Average pain out of 10 over {n} weeks: not enough ratings for a trend."),
    };
    let mondays: Vec<_> = weeks.iter().map(|w| w.monday).collect();
    let rows = weeks
        .iter()
        .map(|w| {
            view! {
                <tr>
                    <th scope="row">{day_short(w.monday)}</th>
                    <td>{rating_text(w.before)}</td>
                    <td>{rating_text(w.after)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                {grid}
                <path class="chart-line before" d=line_path(&before)></path>
                <path class="chart-line after" d=line_path(&after)></path>
                {dots(&before, "chart-dot before")}
                {dots(&after, "chart-dot after")}
                {x_labels(&mondays)}
            </svg>
            <p class="chart-key" aria-hidden="true">
                <span class="key before">"Before a session"</span>
                <span class="key after">"After"</span>
            </p>
            <details class="chart-table">
                <summary>"Show the numbers"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Week of"</th>
                            <th scope="col">"Before"</th>
                            <th scope="col">"After"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
