//! Assessing one target at a date from its observations: the value assessed, the baseline,
//! the path, and the status with the rule that decided it.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::assessment::{Assessment, Subject, with_assumption};
use super::goal::{Direction, Goal, Unresolved, goal};
use super::observations::MAX_VALUE;
use super::status::{Basis, Status, Thresholds};
use super::store::{Point, Store};
use crate::catalogue::{Aggregation, Comparator, Qualifier, Target, TargetKind};
use crate::error::{Error, Result};

fn tidy(d: Decimal) -> Decimal {
    if d.is_zero() { Decimal::ZERO } else { d.normalize() }
}

fn round(d: Decimal) -> Decimal {
    tidy(d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The share of `start..=end` elapsed at `at`, clamped to 0..=1, as (elapsed days, total days).
fn elapsed(start: Option<NaiveDate>, end: Option<NaiveDate>, at: NaiveDate) -> Option<(Decimal, Decimal)> {
    let (start, end) = (start?, end?);
    let total = days(start, end);
    (total > 0).then(|| (Decimal::from(days(start, at).clamp(0, total)), Decimal::from(total)))
}

/// The largest percentage of a `reduce_by` or `increase_by` target.
const MAX_PERCENT: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

fn check_bounds(target: &Target) -> Result<()> {
    let relative = matches!(target.comparator, Comparator::ReduceBy | Comparator::IncreaseBy);
    let numbers = [target.value, target.upper, target.baseline.as_ref().map(|b| b.value)];
    let too_big = numbers.iter().flatten().any(|v| v.abs() > MAX_VALUE)
        || relative && target.value.is_some_and(|v| v.abs() > MAX_PERCENT);
    if too_big {
        return Err(Error::invalid_input(
            "target",
            format!("'{}'", target.id),
            "a target whose values lie within ±10^15 (percentages of reduce_by and increase_by within ±10,000)",
        ));
    }
    Ok(())
}

pub(crate) fn assess(
    ctx: &Subject<'_>,
    store: &Store,
    t: usize,
    as_of: NaiveDate,
    th: &Thresholds,
) -> Result<Assessment> {
    let target = ctx.target;
    check_bounds(target)?;
    let passed = ctx.deadline.is_some_and(|d| as_of > d);
    let cutoff = if passed { ctx.deadline.unwrap_or(as_of) } else { as_of };
    let all = store.of(t);
    // Placed by the date a value refers to (a year-end figure counts for the year-end
    // deadline), but known only from its publication on.
    let placed = &all[..all.partition_point(|p| p.date <= cutoff)];
    let known: std::borrow::Cow<'_, [Point]> = if placed.iter().all(|p| p.known <= as_of) {
        std::borrow::Cow::Borrowed(placed)
    } else {
        std::borrow::Cow::Owned(placed.iter().filter(|p| p.known <= as_of).copied().collect())
    };
    let known: &[Point] = &known;
    if target.kind == TargetKind::Recurring {
        return Ok(super::recurring::assess(ctx, store, known, as_of, cutoff));
    }

    // The baseline: the target's own (dated by its date, else by the earliest observation
    // reporting it), or else the earliest observation known.
    let stated = target.baseline.as_ref();
    let stated_date = stated.map(|b| {
        b.date.or_else(|| known.iter().find(|p| p.value == b.value && p.qualifier.is_exact()).map(|p| p.date))
    });
    let progress_points: &[Point] = match stated_date {
        Some(Some(date)) => &known[known.partition_point(|p| p.date <= date)..],
        _ => known,
    };

    let mut a = Assessment {
        target: target.id.clone(),
        metric: target.metric.clone(),
        status: Status::NoData,
        basis: Basis::NoObservation,
        as_of,
        comparator: target.comparator,
        unit: target.unit.clone(),
        target_value: target.value,
        upper: target.upper,
        derived: false,
        baseline: stated.map(|b| b.value),
        baseline_date: stated_date.flatten(),
        start: None,
        deadline: ctx.deadline,
        value: None,
        qualifier: Qualifier::Exact,
        observed_on: None,
        observations: Vec::new(),
        progress: None,
        elapsed: None,
        expected: None,
        gap: None,
        note: String::new(),
    };

    // The value assessed.
    let window: &[Point] = match (target.aggregation, target.period) {
        (Aggregation::Mean, Some(p)) => {
            let from = progress_points.partition_point(|q| q.date < p.from);
            let to = progress_points.partition_point(|q| q.date <= p.until);
            &progress_points[from..to]
        }
        (Aggregation::Mean, None) => progress_points,
        (Aggregation::Latest, _) => progress_points.last().map(std::slice::from_ref).unwrap_or(&[]),
    };
    let Some(last) = window.last() else {
        a.note = if known.is_empty() {
            format!("no observation dated on or before {cutoff}")
        } else {
            format!("no observation dated after the baseline and on or before {cutoff}")
        };
        a.start = a.baseline_date.or(ctx.period_start);
        a.note = with_assumption(target, std::mem::take(&mut a.note));
        return Ok(a);
    };
    let (value, qualifier) = if window.len() == 1 {
        (last.value, last.qualifier)
    } else {
        let sum: Decimal = window.iter().map(|p| p.value).sum();
        let exact = window.iter().all(|p| p.qualifier.is_exact());
        (sum / Decimal::from(window.len()), if exact { Qualifier::Exact } else { Qualifier::About })
    };
    a.value = Some(if window.len() == 1 { value } else { round(value) });
    a.qualifier = qualifier;
    a.observed_on = Some(last.date);
    a.observations = window.iter().map(|p| store.id(p, target)).collect();

    // Without a stated baseline, the earliest observation known serves, if it precedes the
    // value assessed (status targets need none: their time axis is their period).
    let is_status = target.comparator == Comparator::Achieve || target.unit == "boolean";
    if stated.is_none()
        && !is_status
        && let Some(first) = known.first().filter(|p| p.date < last.date)
    {
        a.baseline = Some(first.value);
        a.baseline_date = Some(first.date);
    }
    a.start = a.baseline_date.or(ctx.period_start);

    let goal = match goal(target, a.baseline) {
        Ok(g) => g,
        Err(Unresolved::NeedsBaseline) => {
            a.basis = Basis::NoBaseline;
            a.note = format!(
                "a {} target is judged against its baseline; neither the target nor an observation before {} gives one",
                comparator_name(target.comparator),
                last.date
            );
            return Ok(a);
        }
    };
    let directional = matches!(target.comparator, Comparator::Increase | Comparator::Decrease);
    if goal.derived && !directional {
        a.target_value = Some(tidy(goal.bound));
        a.derived = true;
    }
    let met = goal.is_met(value, qualifier);
    if !directional {
        a.gap = Some(round(goal.gap(value)));
    }
    let clock = elapsed(a.start, ctx.deadline, last.date);
    a.elapsed = clock.map(|(e, total)| round(e / total));

    // Progress along the way from baseline to aim.
    let way = match (a.baseline, goal.aim) {
        (Some(s), Some(g)) if goal.has_way(s) => Some((s, g)),
        _ => None,
    };
    let base_met = a.baseline.is_some_and(|s| goal.is_met(s, Qualifier::Exact));
    if let Some((s, g)) = way {
        // A path of a few hundred-millionths can make the share too large to hold: shown as absent.
        a.progress = (value - s).checked_div(g - s).map(round);
        if let Some((e, total)) = clock {
            a.expected = Some(round(s + (g - s) * e / total));
        }
    } else if base_met && !directional {
        a.progress = Some(if met { Decimal::ONE } else { Decimal::ZERO });
    }

    let observed = describe_value(value, qualifier, &target.unit, last.date, window.len());
    let (status, basis, note) = if met {
        (Status::Met, Basis::Comparator, format!("{observed} meets {}", describe_goal(target, &goal)))
    } else if passed {
        let deadline = ctx.deadline.unwrap_or(as_of);
        (
            Status::Missed,
            Basis::DeadlinePassed,
            format!(
                "the deadline {deadline} has passed and {observed} does not meet {}",
                describe_goal(target, &goal)
            ),
        )
    } else if is_status {
        by_time(&a, clock, th, &observed, "a status target has no path to judge pace by")
    } else if let Some((s, g)) = way {
        if (value - g) * goal.direction.sign() > Decimal::ZERO {
            let g = tidy(g);
            (
                Status::OffTrack,
                Basis::LinearPath,
                format!("{observed} has gone past {g} without meeting {}", describe_goal(target, &goal)),
            )
        } else {
            match clock {
                Some((e, total)) => {
                    let shown = (a.progress.unwrap_or_default(), a.elapsed.unwrap_or_default());
                    by_path(value, s, g, goal.direction, (e, total), shown, th, &observed)
                }
                None => by_trend(value, s, goal.direction, &observed, "no deadline to draw a path to"),
            }
        }
    } else if base_met && !directional {
        let s = tidy(a.baseline.unwrap_or_default());
        (
            Status::OffTrack,
            Basis::Slipped,
            format!(
                "the baseline {s} already met {}, and {observed} has slipped back",
                describe_goal(target, &goal)
            ),
        )
    } else if let Some(s) = a.baseline.filter(|_| goal.direction != Direction::None) {
        by_trend(value, s, goal.direction, &observed, "the baseline leaves no distance to cover")
    } else {
        by_time(&a, clock, th, &observed, "no baseline to judge the pace by")
    };
    let (status, basis, note) = cap_approximate(status, basis, note, qualifier, met, &observed);
    a.status = status;
    a.basis = basis;
    a.note = with_assumption(target, note);
    Ok(a)
}

/// An "about" (约, 近) or "estimated" (预计) figure cannot show a target met or on track: the
/// true value may lie on either side of it. Such a reading is at risk at most; one that
/// falls short after the deadline stays missed.
fn cap_approximate(
    status: Status,
    basis: Basis,
    note: String,
    qualifier: Qualifier,
    met: bool,
    observed: &str,
) -> (Status, Basis, String) {
    let approximate = matches!(qualifier, Qualifier::About | Qualifier::Estimated);
    if !approximate || status.rank() <= Status::AtRisk.rank() {
        return (status, basis, note);
    }
    let why = if met { format!("{observed} would meet the target taken at face value") } else { note };
    (
        Status::AtRisk,
        Basis::Approximate,
        format!("{why}, but an approximate figure cannot confirm it: at risk at most"),
    )
}

/// On track, at risk or off track against the straight line, decided exactly:
/// progress ≥ elapsed − lag ⟺ (v − s)·d·T ≥ (e − lag·T)·|g − s|.
#[allow(clippy::too_many_arguments)]
fn by_path(
    v: Decimal,
    s: Decimal,
    g: Decimal,
    dir: Direction,
    (e, total): (Decimal, Decimal),
    (progress, share): (Decimal, Decimal),
    th: &Thresholds,
    observed: &str,
) -> (Status, Basis, String) {
    let advance = (v - s) * dir.sign() * total;
    let distance = (g - s).abs();
    let within = |lag: Decimal| advance >= (e - lag * total) * distance;
    let (status, how) = if within(th.on_track_lag) {
        (
            Status::OnTrack,
            format!("at or ahead of the elapsed {share} (on-track lag {})", tidy(th.on_track_lag)),
        )
    } else if within(th.at_risk_lag) {
        (
            Status::AtRisk,
            format!("behind the elapsed {share} by no more than the at-risk lag {}", tidy(th.at_risk_lag)),
        )
    } else {
        (
            Status::OffTrack,
            format!("behind the elapsed {share} by more than the at-risk lag {}", tidy(th.at_risk_lag)),
        )
    };
    (status, Basis::LinearPath, format!("{observed} is {progress} of the way from {s} to {}, {how}", tidy(g)))
}

fn by_trend(v: Decimal, s: Decimal, dir: Direction, observed: &str, why: &str) -> (Status, Basis, String) {
    let moved = (v - s) * dir.sign();
    let (status, how) = if moved > Decimal::ZERO {
        (Status::OnTrack, "has moved toward the target")
    } else if moved.is_zero() {
        (Status::AtRisk, "has not moved")
    } else {
        (Status::OffTrack, "has moved away from the target")
    };
    (status, Basis::Trend, format!("{why}: {observed} {how} since the baseline {s}"))
}

fn by_time(
    a: &Assessment,
    clock: Option<(Decimal, Decimal)>,
    th: &Thresholds,
    observed: &str,
    why: &str,
) -> (Status, Basis, String) {
    match clock {
        Some((e, total)) if e < th.early_share * total => (
            Status::OnTrack,
            Basis::ElapsedTime,
            format!(
                "{why}: {observed} is not yet met with {} of the time elapsed, under the early share {}",
                a.elapsed.unwrap_or_default(),
                tidy(th.early_share)
            ),
        ),
        Some(_) => (
            Status::AtRisk,
            Basis::ElapsedTime,
            format!(
                "{why}: {observed} is not yet met with {} of the time elapsed, at or past the early share {}",
                a.elapsed.unwrap_or_default(),
                tidy(th.early_share)
            ),
        ),
        None => (
            Status::AtRisk,
            Basis::ElapsedTime,
            format!("{why} and no dated period: {observed} is not yet met"),
        ),
    }
}

fn describe_value(value: Decimal, qualifier: Qualifier, unit: &str, date: NaiveDate, n: usize) -> String {
    let q = match qualifier {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtLeast => "at least ",
        Qualifier::About => "about ",
        Qualifier::Estimated => "an estimated ",
    };
    let value = round(value);
    if n > 1 {
        format!("the mean {q}{value} {unit} of {n} observations to {date}")
    } else {
        format!("{q}{value} {unit} on {date}")
    }
}

fn describe_goal(target: &Target, goal: &Goal) -> String {
    let b = tidy(goal.bound);
    match target.comparator {
        Comparator::AtLeast => format!("at least {b}"),
        Comparator::MoreThan => format!("more than {b}"),
        Comparator::AtMost => format!("at most {b}"),
        Comparator::LessThan => format!("less than {b}"),
        Comparator::Equal => format!("exactly {b}"),
        Comparator::Reach => format!("reaching {b}"),
        Comparator::Range => format!("{b} to {}", tidy(goal.upper.unwrap_or(b))),
        Comparator::ReduceBy => {
            format!("a cut of {}% to at most {b}", tidy(target.value.unwrap_or_default()))
        }
        Comparator::IncreaseBy => {
            format!("a rise of {}% to at least {b}", tidy(target.value.unwrap_or_default()))
        }
        Comparator::Increase => format!("a rise above the baseline {b}"),
        Comparator::Decrease => format!("a fall below the baseline {b}"),
        Comparator::Maintain => format!("at least the baseline {b}"),
        Comparator::Achieve => "achieved (1)".to_owned(),
    }
}

fn comparator_name(c: Comparator) -> &'static str {
    match c {
        Comparator::ReduceBy => "reduce_by",
        Comparator::IncreaseBy => "increase_by",
        Comparator::Increase => "increase",
        Comparator::Decrease => "decrease",
        Comparator::Maintain => "maintain",
        _ => "relative",
    }
}
