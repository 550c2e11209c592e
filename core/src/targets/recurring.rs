//! Recurring duties (每年, 每半年, 定期): status from dated evidence per slot of the period.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::assessment::{Assessment, Subject, with_assumption};
use super::status::{Basis, Status};
use super::store::{Point, Store};
use crate::catalogue::{Every, Qualifier};

/// One slot of a recurring duty: its first and last day.
fn slots(from: NaiveDate, until: NaiveDate, every: Every) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut start = from;
    while start <= until {
        let next = start.checked_add_months(Months::new(every.months())).unwrap_or(NaiveDate::MAX);
        let end = next.pred_opt().unwrap_or(next).min(until);
        out.push((start, end));
        if next <= start {
            break;
        }
        start = next;
    }
    out
}

fn label(start: NaiveDate, end: NaiveDate) -> String {
    format!("{start}..{end}")
}

/// Assesses a recurring duty at `as_of` from the points known then (`known`: placed on or
/// before `cutoff` and published by `as_of`).
pub(crate) fn assess(
    ctx: &Subject<'_>,
    store: &Store,
    known: &[Point],
    as_of: NaiveDate,
    cutoff: NaiveDate,
) -> Assessment {
    let target = ctx.target;
    let every = target.every.unwrap_or(Every::Year);
    let need = target.value.unwrap_or(Decimal::ONE);
    let (from, until) = match (ctx.period_start, ctx.deadline) {
        (Some(f), Some(u)) => (f, u),
        // Validation requires a period; without one, the evidence alone is all there is.
        _ => (known.first().map_or(as_of, |p| p.date), cutoff),
    };
    let in_period: Vec<&Point> = known.iter().filter(|p| from <= p.date && p.date <= until).collect();
    let all = slots(from, until, every);
    let ended: Vec<(NaiveDate, NaiveDate)> = all.iter().copied().filter(|(_, end)| *end <= cutoff).collect();
    let count = |(s, e): (NaiveDate, NaiveDate)| -> Decimal {
        in_period.iter().filter(|p| s <= p.date && p.date <= e).map(|p| p.value).sum()
    };
    let missing: Vec<String> =
        ended.iter().filter(|slot| count(**slot) < need).map(|(s, e)| label(*s, *e)).collect();
    let over = cutoff >= until;
    let total: Decimal = in_period.iter().map(|p| p.value).sum();
    let n_all = Decimal::from(all.len());
    let covered = Decimal::from(ended.len() - missing.len());
    let slot_name = match every {
        Every::Year => "year",
        Every::HalfYear => "half year",
        Every::Quarter => "quarter",
        Every::Month => "month",
    };
    let need_s = need.normalize();
    let (status, basis, note) = if in_period.is_empty() {
        (
            Status::NoData,
            Basis::NoObservation,
            format!("no evidence dated within {from}..{until} and known by {as_of}"),
        )
    } else if missing.is_empty() && over {
        (
            Status::Met,
            Basis::Recurrence,
            format!(
                "every {slot_name} of {from}..{until} ({}) has at least {need_s} piece(s) of dated evidence",
                all.len()
            ),
        )
    } else if missing.is_empty() {
        (
            Status::OnTrack,
            Basis::Recurrence,
            format!(
                "{} of {} {slot_name}s have ended by {cutoff}, each with at least {need_s} piece(s) of dated evidence",
                ended.len(),
                all.len()
            ),
        )
    } else {
        let status = if over { Status::Missed } else { Status::OffTrack };
        (
            status,
            Basis::Recurrence,
            format!(
                "{} of {} {slot_name}s ended by {cutoff} lack the {need_s} piece(s) of evidence due: {}",
                missing.len(),
                ended.len(),
                missing.join(", ")
            ),
        )
    };
    Assessment {
        target: target.id.clone(),
        metric: target.metric.clone(),
        status,
        basis,
        as_of,
        comparator: target.comparator,
        unit: target.unit.clone(),
        target_value: target.value,
        upper: None,
        derived: false,
        baseline: None,
        baseline_date: None,
        start: Some(from),
        deadline: Some(until),
        value: (!in_period.is_empty()).then_some(total.normalize()),
        qualifier: Qualifier::Exact,
        observed_on: in_period.last().map(|p| p.date),
        observations: in_period.iter().map(|p| store.id(p, target)).collect(),
        progress: (!in_period.is_empty()).then(|| (covered / n_all).round_dp(4).normalize()),
        elapsed: Some((Decimal::from(ended.len()) / n_all).round_dp(4).normalize()),
        expected: None,
        gap: None,
        note: with_assumption(target, note),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn half_years_of_2022_are_january_june_and_july_december() {
        // 「每半年对全区行政执法情况进行1次审查」 over 2022
        let s = slots(d(2022, 1, 1), d(2022, 12, 31), Every::HalfYear);
        assert_eq!(s, vec![(d(2022, 1, 1), d(2022, 6, 30)), (d(2022, 7, 1), d(2022, 12, 31))]);
        let years = slots(d(2021, 1, 1), d(2025, 12, 31), Every::Year);
        assert_eq!((years.len(), years[4]), (5, (d(2025, 1, 1), d(2025, 12, 31))));
    }
}
