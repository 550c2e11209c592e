//! The draw: sample sizes from ratios, k of n positions per stratum, and the columnar entry point.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::policy::{Resolved, resolve};
use super::stream::{ALGORITHM, Stream};
use super::{ClassPolicy, CreditClass, RegisterColumns, SampleSpec};
use crate::catalogue::ParameterUse;
use crate::context::Context;
use crate::error::{Error, Result};

/// The random sample size of a stratum: `⌈n × ratio⌉`, at most `n`.
///
/// Computed exactly in integers: with `ratio = m / 10^s` (its decimal digits), `k = (n·m +
/// 10^s − 1) div 10^s`. Rounding up because a ratio is a floor (企业公示信息抽查暂行办法 art 4:
/// 不少于3%): a plan never samples fewer than the ratio says, and a small stratum with a
/// positive ratio (a handful of class D firms in a district) still gets at least one check.
///
/// # Errors
///
/// - `invalid_input` (field `ratio`) for a negative ratio, or one with so many digits that
///   `n·m` does not fit in 128 bits.
///
/// # Example
///
/// ```
/// use rust_decimal::Decimal;
/// use zhengce::sampling::sample_size;
///
/// assert_eq!(sample_size(1000, "0.03".parse().unwrap())?, 30);
/// assert_eq!(sample_size(1001, "0.03".parse().unwrap())?, 31); // 30.03 rounds up
/// assert_eq!(sample_size(7, "0.015".parse().unwrap())?, 1);
/// assert_eq!(sample_size(10, "1.2".parse().unwrap())?, 10);    // never more than the stratum
/// assert_eq!(sample_size(10, Decimal::ZERO)?, 0);
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn sample_size(n: u64, ratio: Decimal) -> Result<u64> {
    let bad = || Error::invalid_input("ratio", ratio, "a non-negative ratio of at most 28 decimal digits");
    if ratio.is_sign_negative() && !ratio.is_zero() {
        return Err(bad());
    }
    let m = ratio.mantissa().unsigned_abs();
    let scale = 10u128.pow(ratio.scale());
    let product = u128::from(n).checked_mul(m).ok_or_else(bad)?;
    let k = product.div_ceil(scale);
    Ok(u64::try_from(k).unwrap_or(u64::MAX).min(n))
}

/// Draws `k` of the positions `0..n` uniformly without replacement and returns them in
/// ascending order.
///
/// Method (specified, so any implementation can re-derive it): when `2k ≤ n`, repeat "draw
/// `p = below(n)`; if `p` is not yet taken, take it" until `k` positions are taken; when `2k >
/// n`, take `n − k` positions the same way and return the others. Each accepted draw is uniform
/// over the positions not yet taken, so the result is a uniform `k`-subset; fewer than two
/// draws are needed per taken position on average. Memory: one bit per position.
pub(crate) fn draw_positions(stream: &mut Stream, n: u64, k: u64) -> Vec<u64> {
    if k == 0 {
        return Vec::new();
    }
    if k >= n {
        return (0..n).collect();
    }
    let complement = 2 * u128::from(k) > u128::from(n);
    let take = if complement { n - k } else { k };
    let words = usize::try_from(n.div_ceil(64)).expect("a stratum fits in memory");
    let mut bits = vec![0u64; words];
    let mut taken = 0;
    while taken < take {
        let p = stream.below(n);
        let (w, b) = ((p / 64) as usize, p % 64);
        if bits[w] & (1 << b) == 0 {
            bits[w] |= 1 << b;
            taken += 1;
        }
    }
    let mut out = Vec::with_capacity(usize::try_from(k).unwrap_or(0));
    for (w, &word) in bits.iter().enumerate() {
        let mut word = if complement { !word } else { word };
        while word != 0 {
            let p = (w as u64) * 64 + u64::from(word.trailing_zeros());
            if p < n {
                out.push(p);
            }
            word &= word - 1;
        }
    }
    out
}

/// The realised share `selected / population`, rounded half to even to 6 decimal places.
pub(crate) fn realised_ratio(selected: u64, population: u64) -> Decimal {
    if population == 0 {
        return Decimal::ZERO;
    }
    let num = u128::from(selected) * 1_000_000;
    let (p, mut q, r) = (u128::from(population), num / u128::from(population), num % u128::from(population));
    if 2 * r > p || (2 * r == p && q % 2 == 1) {
        q += 1;
    }
    Decimal::from_i128_with_scale(q as i128, 6)
}

/// The draw of one stratum: its size, ratio and sample.
///
/// # Example
///
/// ```
/// let s: zhengce::sampling::StratumSummary = serde_json::from_value(serde_json::json!({
///     "key": "b", "credit_class": "b", "population": 100, "flagged": 2, "pool": 98, "ratio": "0.03",
///     "sample": 3, "selected": 5, "realised_ratio": "0.050000"})).unwrap();
/// assert_eq!(s.pool, s.population - s.flagged);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StratumSummary {
    /// The stratum's key: the class, then each stratifying attribute (`b|industry=food`); the
    /// draw's stream is derived from it.
    pub key: String,
    /// The credit class of the stratum.
    pub credit_class: CreditClass,
    /// The industry of the stratum, when stratified by industry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// The district of the stratum, when stratified by district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The stratum code, when a columnar draw was given stratum codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// Entities in the stratum (N).
    pub population: u64,
    /// Flagged entities, inspected whatever the draw (F).
    pub flagged: u64,
    /// Entities the random draw picks from: N − F.
    pub pool: u64,
    /// The stratum's sampling ratio: base ratio × class multiplier.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub ratio: Decimal,
    /// Entities drawn at random: ⌈pool × ratio⌉, at most the pool.
    pub sample: u64,
    /// Entities selected: sample + flagged.
    pub selected: u64,
    /// selected / population, rounded half to even to 6 places.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub realised_ratio: Decimal,
}

/// One stratum of a columnar draw: its summary and the positions selected, ascending.
///
/// # Example
///
/// ```
/// # use zhengce::sampling::*;
/// let spec: SampleSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s"})).unwrap();
/// let draw = StratifiedDraw::draw(&zhengce::Context::builtin(), &RegisterColumns::new(&[2, 2, 2]), &spec)?;
/// let b: &StratumDraw = draw.stratum("b").unwrap();
/// assert_eq!((b.random.len(), b.mandatory.len()), (1, 0));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StratumDraw {
    /// The stratum's size, ratio and sample.
    pub summary: StratumSummary,
    /// Positions (0-based rows of the columns) drawn at random, ascending.
    pub random: Vec<u64>,
    /// Positions of flagged entities, ascending.
    pub mandatory: Vec<u64>,
}

/// A stratified random draw over a register given as columns: the researcher's path to a
/// whole country's register.
///
/// Strata are the credit classes (with stratum codes: each (class, code) pair). Each stratum
/// draws `⌈pool × ratio⌉` of its unflagged entities from its own stream, and flagged entities
/// are selected whatever the draw. With the same classes, [`InspectionPlan::draw`](super::InspectionPlan::draw)
/// selects the same entities (its strata without `stratify_by` are the classes).
///
/// Memory beyond the borrowed columns: one bit per entity of the largest stratum while it is
/// drawn, and 8 bytes per selected entity.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::sampling::{RegisterColumns, SampleSpec, StratifiedDraw};
///
/// let ctx = zhengce::Context::builtin();
/// let classes: Vec<u8> = (0..10_000u32).map(|i| [1, 1, 2, 2, 3, 4][i as usize % 6]).collect();
/// let spec = SampleSpec { jurisdiction: "cn-xj-urumqi-tianshan".into(),
///     date: NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(), seed: "demo".into(),
///     base_ratio: None, policies: vec![] };
/// let draw = StratifiedDraw::draw(&ctx, &RegisterColumns::new(&classes), &spec)?;
/// let d = draw.stratum("d").unwrap();
/// assert_eq!(d.summary.population, 1666);
/// assert_eq!(d.summary.sample, 200); // ⌈1666 × 0.03 × 4⌉ = ⌈199.92⌉
/// assert!(d.random.iter().all(|&p| classes[p as usize] == 4));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "StratifiedDrawData")]
pub struct StratifiedDraw {
    /// The algorithm (`zhengce.sampling.v1`).
    pub algorithm: String,
    /// The library version that drew it.
    pub library_version: String,
    /// The content hash of the catalogue the parameters came from.
    pub catalogue_hash: String,
    /// The jurisdiction whose parameters applied.
    pub jurisdiction: String,
    /// The date the parameters were read at.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// The published seed.
    pub seed: String,
    /// The base (class B) ratio.
    #[schemars(with = "String")]
    pub base_ratio: Decimal,
    /// The treatment of each class.
    pub policies: Vec<ClassPolicy>,
    /// The rule the policies came from, if a rule gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_rule: Option<String>,
    /// The catalogue parameters used, with their sources.
    pub parameters: Vec<ParameterUse>,
    /// The strata in order: class A, B, C, D, unclassified, then by code.
    pub strata: Vec<StratumDraw>,
}

impl StratifiedDraw {
    /// Draws over columns.
    ///
    /// # Errors
    ///
    /// - `invalid_input` for columns of unequal length or invalid codes (with the row), an
    ///   empty seed, a negative multiplier or a base ratio outside 0..=1.
    /// - `not_found` / `invalid_input` (field `date`) if a parameter is missing at the date.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// let spec: SampleSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s"})).unwrap();
    /// let (classes, flags) = ([1u8, 1, 4, 4], [0u8, 0, 1, 0]);
    /// let draw = StratifiedDraw::draw(&zhengce::Context::builtin(), &RegisterColumns::new(&classes).with_flags(&flags), &spec)?;
    /// assert_eq!(draw.stratum("d").unwrap().mandatory, [2]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn draw(ctx: &Context, columns: &RegisterColumns<'_>, spec: &SampleSpec) -> Result<StratifiedDraw> {
        columns.check()?;
        check_seed(&spec.seed)?;
        let resolved = resolve(ctx, &spec.jurisdiction, spec.date, spec.base_ratio, &spec.policies)?;
        let classes = columns.classes;
        let class = |c: u8| CreditClass::from_code(c).expect("codes were checked");
        // The row iterator is generic, so each case gets a loop without bounds checks.
        macro_rules! go {
            ($slots:expr, $rows:expr) => {
                match columns.flags {
                    None => draw_slots(&spec.seed, &resolved, $slots, $rows.map(|s| (s, false)))?,
                    Some(f) => {
                        draw_slots(&spec.seed, &resolved, $slots, $rows.zip(f).map(|(s, &b)| (s, b != 0)))?
                    }
                }
            };
        }
        let drawn = match columns.strata {
            None => {
                let slots = (0..5u8).map(|c| Slot::new(class(c), None, Vec::new())).collect();
                go!(slots, classes.iter().map(|&c| c as usize))
            }
            // Dense lookup for small codes keeps the hot loop free of hashing.
            Some(codes) if codes.iter().all(|&c| c < 1 << 16) => {
                let mut table = vec![u32::MAX; (codes.iter().copied().max().unwrap_or(0) as usize + 1) * 5];
                let mut slots = Vec::new();
                for (&c, &code) in classes.iter().zip(codes) {
                    let t = &mut table[code as usize * 5 + c as usize];
                    if *t == u32::MAX {
                        *t = slots.len() as u32;
                        slots.push(Slot::new(class(c), Some(code), Vec::new()));
                    }
                }
                let table = &table;
                go!(
                    slots,
                    classes
                        .iter()
                        .zip(codes)
                        .map(|(&c, &code)| table[code as usize * 5 + c as usize] as usize)
                )
            }
            Some(codes) => {
                let mut index: HashMap<(u8, u32), u32> = HashMap::new();
                let mut slots = Vec::new();
                let of_row: Vec<u32> = classes
                    .iter()
                    .zip(codes)
                    .map(|(&c, &code)| {
                        *index.entry((c, code)).or_insert_with(|| {
                            slots.push(Slot::new(class(c), Some(code), Vec::new()));
                            slots.len() as u32 - 1
                        })
                    })
                    .collect();
                go!(slots, of_row.iter().map(|&s| s as usize))
            }
        };
        Ok(finish(ctx, spec, resolved, drawn))
    }

    /// The stratum with this key (`a`, `b|code=17`), if it has entities.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// let spec: SampleSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s"})).unwrap();
    /// let draw = StratifiedDraw::draw(&zhengce::Context::builtin(), &RegisterColumns::new(&[1, 1]), &spec)?;
    /// assert!(draw.stratum("a").is_some() && draw.stratum("b").is_none());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn stratum(&self, key: &str) -> Option<&StratumDraw> {
        self.strata.iter().find(|s| s.summary.key == key)
    }
}

fn finish(
    ctx: &Context,
    spec: &SampleSpec,
    resolved: Resolved,
    drawn: Vec<(StratumSummary, Vec<u64>, Vec<u64>)>,
) -> StratifiedDraw {
    let mut parameters: Vec<ParameterUse> = resolved.base_lookup.clone().into_iter().collect();
    parameters.extend(resolved.policies.parameters.iter().cloned());
    StratifiedDraw {
        algorithm: ALGORITHM.to_owned(),
        library_version: crate::value::VERSION.to_owned(),
        catalogue_hash: ctx.catalogue().content_hash().to_owned(),
        jurisdiction: spec.jurisdiction.clone(),
        date: spec.date,
        seed: spec.seed.clone(),
        base_ratio: resolved.base_ratio,
        policies: resolved.policies.policies.clone(),
        policy_rule: resolved.policies.rule.clone(),
        parameters,
        strata: drawn
            .into_iter()
            .map(|(summary, random, mandatory)| StratumDraw { summary, random, mandatory })
            .collect(),
    }
}

pub(crate) fn check_seed(seed: &str) -> Result<()> {
    if seed.is_empty() {
        return Err(Error::invalid_input("spec.seed", "''", "a non-empty published seed"));
    }
    Ok(())
}

/// A stratum before the draw: its class, attributes and counts.
pub(crate) struct Slot {
    pub class: CreditClass,
    pub code: Option<u32>,
    /// Values of the stratifying attributes (industry, district), in `stratify_by` order.
    pub attributes: Vec<(&'static str, Option<String>)>,
    pub population: u64,
    pub flagged: u64,
}

impl Slot {
    pub(crate) fn new(
        class: CreditClass,
        code: Option<u32>,
        attributes: Vec<(&'static str, Option<String>)>,
    ) -> Slot {
        Slot { class, code, attributes, population: 0, flagged: 0 }
    }

    pub(crate) fn key(&self) -> String {
        let mut key = self.class.as_str().to_owned();
        for (name, value) in &self.attributes {
            key.push_str(&format!("|{name}={}", value.as_deref().unwrap_or("")));
        }
        if let Some(code) = self.code {
            key.push_str(&format!("|code={code}"));
        }
        key
    }
}

/// Counts, draws and maps back every stratum. `rows` gives each row's stratum slot and whether
/// it is flagged, in register order (it is walked twice). Returns the non-empty strata in listing order with
/// their random and mandatory rows, ascending.
#[allow(clippy::type_complexity)]
pub(crate) fn draw_slots(
    seed: &str,
    resolved: &Resolved,
    mut slots: Vec<Slot>,
    rows: impl Iterator<Item = (usize, bool)> + Clone,
) -> Result<Vec<(StratumSummary, Vec<u64>, Vec<u64>)>> {
    // Pass 1: stratum sizes.
    for (slot, flagged) in rows.clone() {
        let s = &mut slots[slot];
        s.population += 1;
        s.flagged += u64::from(flagged);
    }
    // The draw, stratum by stratum, each from its own stream.
    let mut summaries = Vec::with_capacity(slots.len());
    let mut positions: Vec<Vec<u64>> = Vec::with_capacity(slots.len());
    for slot in &slots {
        let pool = slot.population - slot.flagged;
        let ratio = resolved.ratio(slot.class);
        let key = slot.key();
        let sample = sample_size(pool, ratio)?;
        let mut stream = Stream::new(seed, &["entities", &key]);
        positions.push(if slot.population == 0 {
            Vec::new()
        } else {
            draw_positions(&mut stream, pool, sample)
        });
        summaries.push(StratumSummary {
            key,
            credit_class: slot.class,
            industry: slot.attributes.iter().find(|a| a.0 == "industry").and_then(|a| a.1.clone()),
            district: slot.attributes.iter().find(|a| a.0 == "district").and_then(|a| a.1.clone()),
            code: slot.code,
            population: slot.population,
            flagged: slot.flagged,
            pool,
            ratio,
            sample,
            selected: sample + slot.flagged,
            realised_ratio: realised_ratio(sample + slot.flagged, slot.population),
        });
    }
    // Pass 2: pool positions back to rows.
    let mut random: Vec<Vec<u64>> = positions.iter().map(|p| Vec::with_capacity(p.len())).collect();
    let mut mandatory: Vec<Vec<u64>> =
        slots.iter().map(|s| Vec::with_capacity(usize::try_from(s.flagged).unwrap_or(0))).collect();
    let mut seen = vec![0u64; slots.len()];
    let mut cursor = vec![0usize; slots.len()];
    let mut next: Vec<u64> = positions.iter().map(|p| p.first().copied().unwrap_or(u64::MAX)).collect();
    for (i, (s, flagged)) in rows.enumerate() {
        if flagged {
            mandatory[s].push(i as u64);
            continue;
        }
        let at = seen[s];
        seen[s] = at + 1;
        if at == next[s] {
            random[s].push(i as u64);
            cursor[s] += 1;
            next[s] = positions[s].get(cursor[s]).copied().unwrap_or(u64::MAX);
        }
    }
    let mut out: Vec<_> = summaries
        .into_iter()
        .zip(random)
        .zip(mandatory)
        .zip(&slots)
        .filter(|(_, slot)| slot.population > 0)
        .map(|(((s, r), m), slot)| (slot.class.rank(), slot.code, slot.attributes.clone(), s, r, m))
        .collect();
    out.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    Ok(out.into_iter().map(|(_, _, _, s, r, m)| (s, r, m)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_sorted_distinct_and_exactly_k() {
        for (n, k) in
            [(10u64, 0u64), (10, 1), (10, 5), (10, 6), (10, 9), (10, 10), (1000, 333), (64, 63), (65, 1)]
        {
            let mut s = Stream::new("t", &[&format!("{n}-{k}")]);
            let p = draw_positions(&mut s, n, k);
            assert_eq!(p.len() as u64, k, "n={n} k={k}");
            assert!(p.windows(2).all(|w| w[0] < w[1]));
            assert!(p.iter().all(|&x| x < n));
        }
    }

    #[test]
    fn realised_ratio_rounds_half_to_even() {
        assert_eq!(realised_ratio(1, 3).to_string(), "0.333333");
        assert_eq!(realised_ratio(2, 3).to_string(), "0.666667");
        assert_eq!(realised_ratio(1, 8_000_000).to_string(), "0.000000"); // 0.000000125 -> down
        assert_eq!(realised_ratio(3, 2_000_000).to_string(), "0.000002"); // 0.0000015 -> even 2
        assert_eq!(realised_ratio(5, 2_000_000).to_string(), "0.000002"); // 0.0000025 -> even 2
        assert_eq!(realised_ratio(0, 0).to_string(), "0");
    }
}
