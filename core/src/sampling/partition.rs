//! A stratified draw over a register split into partitions (Dask, Ray, Spark), giving the
//! same selection as one call over the whole register.
//!
//! A stratum's draw depends only on the seed, the stratum's key and its global pool size: the
//! stream `entities|<key>` picks `sample` of the pool positions `0..pool`. So a partitioned draw
//! is three steps: each partition counts its strata ([`StratumCount::count`]); the counts are
//! summed ([`StratumCount::totals`]) and each partition's offsets are the counts of the
//! partitions before it ([`StratumCount::offsets`]); then each partition draws with the global
//! totals and its offsets ([`StratifiedDraw::draw_partition`]), keeping the positions that fall
//! in its own rows. The union of the partitions' rows, shifted by each partition's first row, is
//! the one-call draw, and every partition reports the same (global) stratum figures.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::draw::{Slot, check_seed, draw_positions, realised_ratio, sample_size};
use super::policy::resolve;
use super::stream::Stream;
use super::{CreditClass, RegisterColumns, SampleSpec, StratifiedDraw, StratumDraw, StratumSummary};
use crate::context::Context;
use crate::error::{Error, Result};

/// The size of one stratum in one partition (or, summed, in the whole register).
///
/// # Example
///
/// ```
/// use zhengce::sampling::{RegisterColumns, StratumCount};
///
/// let counts = StratumCount::count(&RegisterColumns::new(&[1, 2, 2]).with_flags(&[0, 1, 0]))?;
/// assert_eq!(counts.iter().map(|c| (c.key.as_str(), c.population, c.flagged)).collect::<Vec<_>>(),
///            [("a", 1, 0), ("b", 2, 1)]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StratumCount {
    /// The stratum's key (`b`, `b|code=17`), as in [`StratumSummary::key`].
    pub key: String,
    /// Its credit class.
    pub credit_class: CreditClass,
    /// Its stratum code, when the register has codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// Entities in the stratum.
    pub population: u64,
    /// Of which flagged (selected whatever the draw).
    pub flagged: u64,
}

impl StratumCount {
    /// Counts the strata of one partition, in the draw's stratum order.
    ///
    /// # Errors
    ///
    /// - `invalid_input` for columns of unequal length or an invalid class code (with the row).
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::sampling::{RegisterColumns, StratumCount};
    ///
    /// let counts = StratumCount::count(&RegisterColumns::new(&[4, 4]).with_strata(&[7, 9]))?;
    /// assert_eq!(counts[1].key, "d|code=9");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn count(columns: &RegisterColumns<'_>) -> Result<Vec<StratumCount>> {
        columns.check()?;
        let mut index: HashMap<(u8, Option<u32>), usize> = HashMap::new();
        let mut out: Vec<StratumCount> = Vec::new();
        for (i, &c) in columns.classes.iter().enumerate() {
            let code = columns.strata.map(|s| s[i]);
            let flagged = columns.flags.is_some_and(|f| f[i] != 0);
            let at = *index.entry((c, code)).or_insert_with(|| {
                let class = CreditClass::from_code(c).unwrap_or(CreditClass::Unclassified);
                out.push(StratumCount {
                    key: Slot::new(class, code, Vec::new()).key(),
                    credit_class: class,
                    code,
                    population: 0,
                    flagged: 0,
                });
                out.len() - 1
            });
            out[at].population += 1;
            out[at].flagged += u64::from(flagged);
        }
        out.sort_by_key(|c| (c.credit_class.rank(), c.code));
        Ok(out)
    }

    /// The counts of several partitions summed per stratum, in the draw's stratum order.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::sampling::{RegisterColumns, StratumCount};
    ///
    /// let parts = [StratumCount::count(&RegisterColumns::new(&[1, 2]))?,
    ///              StratumCount::count(&RegisterColumns::new(&[2]))?];
    /// let totals = StratumCount::totals(&parts);
    /// assert_eq!(totals.iter().map(|c| c.population).collect::<Vec<_>>(), [1, 2]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn totals(partitions: &[Vec<StratumCount>]) -> Vec<StratumCount> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut out: Vec<StratumCount> = Vec::new();
        for c in partitions.iter().flatten() {
            match index.get(&c.key) {
                Some(&at) => {
                    out[at].population += c.population;
                    out[at].flagged += c.flagged;
                }
                None => {
                    index.insert(c.key.clone(), out.len());
                    out.push(c.clone());
                }
            }
        }
        out.sort_by_key(|c| (c.credit_class.rank(), c.code));
        out
    }

    /// Each partition's offsets: the summed counts of the partitions before it.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::sampling::{RegisterColumns, StratumCount};
    ///
    /// let parts = [StratumCount::count(&RegisterColumns::new(&[2, 2]))?,
    ///              StratumCount::count(&RegisterColumns::new(&[2]))?];
    /// let offsets = StratumCount::offsets(&parts);
    /// assert!(offsets[0].is_empty());
    /// assert_eq!(offsets[1][0].population, 2);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn offsets(partitions: &[Vec<StratumCount>]) -> Vec<Vec<StratumCount>> {
        (0..partitions.len()).map(|i| StratumCount::totals(&partitions[..i])).collect()
    }
}

impl StratifiedDraw {
    /// The draw of one partition of a register: `totals` are the whole register's stratum
    /// counts and `before` those of the partitions before this one (see the
    /// [module docs](self)). Positions are rows of this partition; the stratum figures are the
    /// whole register's, so every partition reports the same ones as a draw in one call.
    ///
    /// # Errors
    ///
    /// As [`StratifiedDraw::draw`]; also `invalid_input` (field `totals`) if the partition has
    /// a stratum the totals lack or more entities in one than the totals leave after `before`.
    ///
    /// # Example: two partitions select what one call selects
    ///
    /// ```
    /// use zhengce::sampling::{RegisterColumns, SampleSpec, StratifiedDraw, StratumCount};
    ///
    /// let cat = zhengce::Context::builtin();
    /// let spec: SampleSpec = serde_json::from_value(serde_json::json!(
    ///     {"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "s"})).unwrap();
    /// let classes: Vec<u8> = (0..1000u32).map(|i| [1, 2, 3, 4][i as usize % 4]).collect();
    /// let whole = StratifiedDraw::draw(&cat, &RegisterColumns::new(&classes), &spec)?;
    /// let (left, right) = classes.split_at(600);
    /// let counts = [StratumCount::count(&RegisterColumns::new(left))?, StratumCount::count(&RegisterColumns::new(right))?];
    /// let (totals, offsets) = (StratumCount::totals(&counts), StratumCount::offsets(&counts));
    /// let a = StratifiedDraw::draw_partition(&cat, &RegisterColumns::new(left), &spec, &totals, &offsets[0])?;
    /// let b = StratifiedDraw::draw_partition(&cat, &RegisterColumns::new(right), &spec, &totals, &offsets[1])?;
    /// let d = |draw: &StratifiedDraw, shift: u64| draw.stratum("d").unwrap().random.iter().map(|p| p + shift).collect::<Vec<_>>();
    /// assert_eq!([d(&a, 0), d(&b, 600)].concat(), whole.stratum("d").unwrap().random);
    /// assert_eq!(a.stratum("d").unwrap().summary, whole.stratum("d").unwrap().summary);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn draw_partition(
        ctx: &Context,
        columns: &RegisterColumns<'_>,
        spec: &SampleSpec,
        totals: &[StratumCount],
        before: &[StratumCount],
    ) -> Result<StratifiedDraw> {
        check_seed(&spec.seed)?;
        let local = StratumCount::count(columns)?;
        let resolved = resolve(ctx, &spec.jurisdiction, spec.date, spec.base_ratio, &spec.policies)?;
        let offset = |key: &str| before.iter().find(|c| c.key == key).map_or(0, |c| c.population - c.flagged);
        for c in &local {
            let total = totals.iter().find(|t| t.key == c.key);
            let fits = total.is_some_and(|t| {
                let pool = t.population - t.flagged;
                offset(&c.key) + (c.population - c.flagged) <= pool && c.population <= t.population
            });
            if !fits {
                return Err(Error::invalid_input(
                    "totals",
                    format!("stratum '{}' with {} entities in this partition", c.key, c.population),
                    "the whole register's counts (StratumCount::totals over every partition)",
                ));
            }
        }
        // Per stratum: the global draw, and this partition's window of pool positions.
        let mut strata: Vec<(StratumSummary, Vec<u64>, u64, u64)> = Vec::with_capacity(totals.len());
        for t in totals.iter().filter(|t| t.population > 0) {
            let pool = t.population - t.flagged;
            let ratio = resolved.ratio(t.credit_class);
            let sample = sample_size(pool, ratio)?;
            let mut stream = Stream::new(&spec.seed, &["entities", &t.key]);
            let positions = draw_positions(&mut stream, pool, sample);
            let summary = StratumSummary {
                key: t.key.clone(),
                credit_class: t.credit_class,
                industry: None,
                district: None,
                code: t.code,
                population: t.population,
                flagged: t.flagged,
                pool,
                ratio,
                sample,
                selected: sample + t.flagged,
                realised_ratio: realised_ratio(sample + t.flagged, t.population),
            };
            strata.push((summary, positions, offset(&t.key), 0));
        }
        let index: HashMap<(CreditClass, Option<u32>), usize> =
            strata.iter().enumerate().map(|(i, s)| ((s.0.credit_class, s.0.code), i)).collect();
        let mut random: Vec<Vec<u64>> = vec![Vec::new(); strata.len()];
        let mut mandatory: Vec<Vec<u64>> = vec![Vec::new(); strata.len()];
        let mut cursor: Vec<usize> =
            strata.iter().map(|(_, positions, start, _)| positions.partition_point(|p| p < start)).collect();
        for (i, &c) in columns.classes.iter().enumerate() {
            let class = CreditClass::from_code(c)?;
            let Some(&s) = index.get(&(class, columns.strata.map(|x| x[i]))) else { continue };
            if columns.flags.is_some_and(|f| f[i] != 0) {
                mandatory[s].push(i as u64);
                continue;
            }
            let (_, positions, start, seen) = &mut strata[s];
            let global = *start + *seen;
            *seen += 1;
            if positions.get(cursor[s]) == Some(&global) {
                random[s].push(i as u64);
                cursor[s] += 1;
            }
        }
        let whole = StratifiedDraw::draw(ctx, &RegisterColumns::new(&[]), spec)?;
        Ok(StratifiedDraw {
            strata: strata
                .into_iter()
                .zip(random)
                .zip(mandatory)
                .map(|(((summary, _, _, _), random), mandatory)| StratumDraw { summary, random, mandatory })
                .collect(),
            ..whole
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any split of a register with flags and stratum codes selects what one call selects.
    #[test]
    fn every_split_draws_the_one_call_selection() {
        let cat = Context::builtin();
        let spec: SampleSpec = serde_json::from_value(serde_json::json!(
            {"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "partitions"}))
        .unwrap();
        let n = 5000usize;
        let classes: Vec<u8> = (0..n).map(|i| ((i * 7 + i / 3) % 5) as u8).collect();
        let codes: Vec<u32> = (0..n).map(|i| (i % 3) as u32).collect();
        let flags: Vec<u8> = (0..n).map(|i| u8::from(i % 97 == 0)).collect();
        let all = RegisterColumns::new(&classes).with_strata(&codes).with_flags(&flags);
        let whole = StratifiedDraw::draw(&cat, &all, &spec).unwrap();
        for cuts in [
            vec![0, n],
            vec![0, 1, n],
            vec![0, 1234, 2500, 2501, 4999, n],
            vec![0, 700, 1400, 2100, 2800, 3500, 4200, 4900, n],
        ] {
            let parts: Vec<RegisterColumns<'_>> = cuts
                .windows(2)
                .map(|w| {
                    RegisterColumns::new(&classes[w[0]..w[1]])
                        .with_strata(&codes[w[0]..w[1]])
                        .with_flags(&flags[w[0]..w[1]])
                })
                .collect();
            let counts: Vec<_> = parts.iter().map(|p| StratumCount::count(p).unwrap()).collect();
            let (totals, offsets) = (StratumCount::totals(&counts), StratumCount::offsets(&counts));
            let draws: Vec<_> = parts
                .iter()
                .zip(&offsets)
                .map(|(p, o)| StratifiedDraw::draw_partition(&cat, p, &spec, &totals, o).unwrap())
                .collect();
            for s in &whole.strata {
                let mut random = Vec::new();
                let mut mandatory = Vec::new();
                for (draw, start) in draws.iter().zip(&cuts) {
                    let local = draw.stratum(&s.summary.key).unwrap();
                    assert_eq!(local.summary, s.summary);
                    random.extend(local.random.iter().map(|p| p + *start as u64));
                    mandatory.extend(local.mandatory.iter().map(|p| p + *start as u64));
                }
                assert_eq!((&random, &mandatory), (&s.random, &s.mandatory), "{cuts:?} {}", s.summary.key);
            }
        }
    }

    #[test]
    fn totals_that_miss_a_partition_are_refused() {
        let cat = Context::builtin();
        let spec: SampleSpec = serde_json::from_value(
            serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s"}),
        )
        .unwrap();
        let part = RegisterColumns::new(&[1, 1]);
        let short = StratumCount::count(&RegisterColumns::new(&[1])).unwrap();
        let err = StratifiedDraw::draw_partition(&cat, &part, &spec, &short, &[]).unwrap_err();
        assert_eq!(err.path(), Some("totals"));
    }
}
