//! Two scenarios compared over one batch.

use super::{Batch, Comparison, ComparisonTotals, OutColumn};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::rules::Options;
use chrono::NaiveDate;
use rust_decimal::Decimal;

impl Context {
    /// Compares this scenario (the baseline) with `alternative` over one batch of rule
    /// `rule`: both results, the per-row difference of the compared output, and totals.
    ///
    /// The compared output is the capped rate's `amount` (exact, in integer units), the
    /// eligibility's `eligible` or the threshold's `compliant` (counted as 1 and 0), a
    /// decision table's first decimal output, or a time limit's `deadline` (counted as the
    /// calendar days from the row's date to its deadline: the difference is the days gained
    /// or lost, the totals the days given over the batch).
    ///
    /// # Errors
    ///
    /// - As for [`Context::evaluator`] and [`Evaluator::evaluate_batch`] in either scenario.
    ///
    /// # Example: raising the bid-bond cap to 50,000 yuan
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Batch, Options, Column, ColumnData, Dates};
    /// use zhengce::context::ScenarioSpec;
    ///
    /// let base = zhengce::Context::builtin();
    /// let spec: ScenarioSpec = serde_json::from_str(r#"{"name": "cap-50000", "parameters": [
    ///   {"parameter": "procurement.bid_bond.cap_per_lot", "jurisdiction": "cn-xj-urumqi-tianshan",
    ///    "effective_from": "2022-05-18", "value": "50000"}]}"#).unwrap();
    /// let alt = base.with_scenario(spec)?;
    /// let budgets = [100_000_000i64, 300_000_000, 800_000_000]; // 1, 3 and 8 million yuan
    /// let batch = Batch { dates: Dates::One(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()), jurisdiction: None,
    ///     columns: vec![Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 })] };
    /// let cmp = base.compare(&alt, "tianshan-2022-87/r68-bid-bond", &batch, &Options::default())?;
    /// assert_eq!(cmp.totals.baseline.to_string(), "50000.00");     // 10,000 + 20,000 + 20,000
    /// assert_eq!(cmp.totals.alternative.to_string(), "90000.00");  // 10,000 + 30,000 + 50,000
    /// assert_eq!(cmp.totals.changed, 2);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn compare(
        &self,
        alternative: &Context,
        rule: &str,
        batch: &Batch<'_>,
        options: &Options,
    ) -> Result<Comparison> {
        let base_ev = self.evaluator(rule)?;
        let alt_ev = alternative.evaluator(rule)?;
        let baseline = base_ev.evaluate_batch(batch, options)?;
        let alt = alt_ev.evaluate_batch(batch, options)?;
        let column = base_ev.inner.kind.compared_column();
        let (b, a) = match (baseline.column(&column), alt.column(&column)) {
            (Some(b), Some(a)) => (b, a),
            _ => {
                return Err(Error::invalid_input(
                    "rule",
                    rule,
                    "a rule with the same outputs in both scenarios",
                ));
            }
        };
        let (difference, totals) = match (b, a) {
            (OutColumn::Int { values: bv, scale: bs }, OutColumn::Int { values: av, scale: as_ })
                if bs == as_ =>
            {
                let diff: Vec<i64> = bv.iter().zip(av).map(|(x, y)| y - x).collect();
                let sum = |v: &[i64]| Decimal::from_i128_with_scale(v.iter().map(|x| *x as i128).sum(), *bs);
                let changed = diff.iter().filter(|d| **d != 0).count();
                let (tb, ta) = (sum(bv), sum(av));
                (OutColumn::Int { values: diff, scale: *bs }, totals(baseline.rows, tb, ta, changed))
            }
            (OutColumn::Date { values: bv }, OutColumn::Date { values: av }) => {
                // Deadlines compare as the days each case is given: the deadline minus the
                // row's start date, in calendar days.
                let days = |v: &[Option<NaiveDate>]| -> Result<Vec<i64>> {
                    v.iter()
                        .enumerate()
                        .map(|(row, d)| {
                            let start = batch.dates.at(row)?;
                            Ok(d.map_or(0, |d| (d - start).num_days()))
                        })
                        .collect()
                };
                let (bd, ad) = (days(bv)?, days(av)?);
                let diff: Vec<i64> = bd.iter().zip(&ad).map(|(x, y)| y - x).collect();
                let changed = bv.iter().zip(av).filter(|(x, y)| x != y).count();
                let (tb, ta) = (Decimal::from(bd.iter().sum::<i64>()), Decimal::from(ad.iter().sum::<i64>()));
                (OutColumn::Int { values: diff, scale: 0 }, totals(baseline.rows, tb, ta, changed))
            }
            _ => {
                let (bn, an) = (b.numbers(), a.numbers());
                let diff: Vec<Option<Decimal>> = bn
                    .iter()
                    .zip(&an)
                    .map(|(x, y)| Some(y.unwrap_or_default() - x.unwrap_or_default()))
                    .collect();
                let changed = bn.iter().zip(&an).filter(|(x, y)| x != y).count();
                let tb: Decimal = bn.iter().flatten().sum();
                let ta: Decimal = an.iter().flatten().sum();
                (OutColumn::Decimal { values: diff }, totals(baseline.rows, tb, ta, changed))
            }
        };
        Ok(Comparison { rule: rule.to_owned(), column, baseline, alternative: alt, difference, totals })
    }
}

/// The totals of a comparison: both sums, their difference and the rows that changed.
pub(crate) fn totals(
    rows: usize,
    baseline: Decimal,
    alternative: Decimal,
    changed: usize,
) -> ComparisonTotals {
    ComparisonTotals { rows, baseline, alternative, difference: alternative - baseline, changed }
}
