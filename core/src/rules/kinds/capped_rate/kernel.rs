//! The capped-rate integer kernel: a run of rows in integer fen, no decimals on the hot path.

use super::{IntKernel, POW10, ZERO};

/// One run of rows sharing a kernel: the integer hot loop.
pub(crate) struct Run<'a> {
    pub(crate) kernel: &'a IntKernel,
    pub(crate) lut: &'a [(u8, i32)],
    pub(crate) base: Base<'a>,
    /// The key of each row (empty: key 0 for every row).
    pub(crate) keys: &'a [u16],
    pub(crate) to_fen: i64,
}

/// The base column of a run: 64-bit integers, or 128-bit ones (Arrow's decimal128, read in
/// place rather than narrowed into a copy first).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Base<'a> {
    I64(&'a [i64]),
    I128(&'a [i128]),
}

impl<'a> Base<'a> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Base::I64(v) => v.len(),
            Base::I128(v) => v.len(),
        }
    }

    /// Rows `range`.
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> Base<'a> {
        match self {
            Base::I64(v) => Base::I64(&v[range]),
            Base::I128(v) => Base::I128(&v[range]),
        }
    }

    /// Row `row`'s value.
    pub(crate) fn get(&self, row: usize) -> i128 {
        match self {
            Base::I64(v) => i128::from(v[row]),
            Base::I128(v) => v[row],
        }
    }

    /// Row `row` in 64 bits; `Err((row, beyond))` if it does not fit (`beyond`: too large
    /// rather than negative).
    #[inline(always)]
    fn at(&self, row: usize) -> std::result::Result<i64, (usize, bool)> {
        match self {
            Base::I64(v) => Ok(v[row]),
            Base::I128(v) => i64::try_from(v[row]).map_err(|_| (row, v[row] > 0)),
        }
    }
}

/// A key's rule for the hot loop: the multiplier (0 for a zeroed or inapplicable row), the
/// floor and cap in force (0 and `i64::MAX` for none) and the status of each outcome.
#[derive(Debug, Clone, Copy)]
struct Entry {
    mul: i64,
    floor: i64,
    cap: i64,
    st_rate: i32,
    st_floor: i32,
    st_cap: i32,
}

/// Rounds a non-negative product `x` (units of `10^-(2+s)`) to a multiple of `D`, divided.
#[inline(always)]
fn round<const D: i64, const MODE: u8>(x: u64) -> u64 {
    // Unsigned: the product is non-negative on every row the result is kept for, and an
    // unsigned division by a constant is a multiply and a shift.
    let d = D as u64;
    let (q, r) = (x / d, x % d);
    match MODE {
        0 => q,
        1 => q + (r != 0) as u64,
        2 => q + (2 * r >= d) as u64,
        _ => q + ((2 * r > d) || (2 * r == d && q & 1 == 1)) as u64,
    }
}

/// [`row_loop`] with one entry for every row, or each row's key's.
#[inline(always)]
fn rows<const D: i64, const MODE: u8>(
    base: &[i64],
    keys: &[u16],
    table: &[Entry],
    amounts: &mut [i64],
    status: &mut [i32],
) -> (i64, i64) {
    if keys.is_empty() {
        let e = table[0];
        row_loop::<D, MODE>(base, amounts, status, |_| e)
    } else {
        row_loop::<D, MODE>(base, amounts, status, |i| table[keys[i] as usize])
    }
}

/// The branch-free row loop; returns the smallest and largest base seen.
#[inline(always)]
fn row_loop<const D: i64, const MODE: u8>(
    base: &[i64],
    amounts: &mut [i64],
    status: &mut [i32],
    entry: impl Fn(usize) -> Entry,
) -> (i64, i64) {
    let (mut lo, mut hi) = (0i64, 0i64);
    for (i, ((b, a), s)) in base.iter().zip(amounts.iter_mut()).zip(status.iter_mut()).enumerate() {
        let b = *b;
        lo = lo.min(b);
        hi = hi.max(b);
        let e = entry(i);
        let q = round::<D, MODE>(b.wrapping_mul(e.mul) as u64) as i64;
        let floored = q < e.floor;
        let v = if floored { e.floor } else { q };
        let capped = v > e.cap;
        *a = if capped { e.cap } else { v };
        *s = if capped {
            e.st_cap
        } else if floored {
            e.st_floor
        } else {
            e.st_rate
        };
    }
    (lo, hi)
}

/// The key of each row of a dictionary column, from each label's key (`None`: the label is
/// not a key). `None` if a code is null (negative), beyond the labels or its label is no key:
/// the caller then reads the column row by row, which reports the row.
///
/// One table load per row instead of a lookup and a check: the labels are checked once.
pub(crate) fn code_keys(codes: &[i32], labels: &[Option<u16>]) -> Option<Vec<u16>> {
    // A sentinel above every u16 marks a code that is not a key; it also ends the table, where
    // a negative or too large code lands (clamped, so the load needs no bounds check).
    let mut table: Vec<u32> = labels.iter().map(|k| k.map_or(u32::MAX, u32::from)).collect();
    table.push(u32::MAX);
    let last = labels.len();
    let table = &table[..=last];
    let mut keys = vec![0u16; codes.len()];
    let mut bad = 0u32;
    for (key, &c) in keys.iter_mut().zip(codes) {
        let k = table[(c as u32 as usize).min(last)];
        bad |= k;
        *key = k as u16;
    }
    (bad <= u32::from(u16::MAX)).then_some(keys)
}

impl Run<'_> {
    /// Fills amounts and status codes; `Err((row, fen_overflow))` at a negative base or an
    /// overflow.
    pub(crate) fn fill(
        &self,
        amounts: &mut [i64],
        status: &mut [i32],
    ) -> std::result::Result<(), (usize, bool)> {
        use crate::catalogue::rule::RoundingMode::*;
        // Dividing by a constant power of ten compiles to a multiply and a shift.
        macro_rules! dispatch {
            ($($e:literal),*) => {
                match (self.kernel.exp, self.kernel.mode) {
                    $(
                        ($e, Down) => self.fill_const::<{ POW10[$e] }, 0>(amounts, status),
                        ($e, Up) => self.fill_const::<{ POW10[$e] }, 1>(amounts, status),
                        ($e, HalfUp) => self.fill_const::<{ POW10[$e] }, 2>(amounts, status),
                        ($e, HalfEven) => self.fill_const::<{ POW10[$e] }, 3>(amounts, status),
                    )*
                    _ => self.fill_slow(amounts, status),
                }
            };
        }
        dispatch!(0, 1, 2, 3, 4, 5, 6)
    }

    #[inline(always)]
    pub(crate) fn finish(&self, q: i64, effects: u8, st: i32) -> (i64, i32) {
        let k = self.kernel;
        let mut amount = if effects & ZERO != 0 { 0 } else { q };
        let mut code = st;
        if let Some(f) = k.floor
            && effects & (super::NO_FLOOR | ZERO) == 0
            && amount < f
        {
            amount = f;
            code = if st == 0 { 2 } else { st };
        }
        if let Some(cap) = k.cap
            && effects & super::NO_CAP == 0
            && amount > cap
        {
            amount = cap;
            code = if st == 0 { 1 } else { st };
        }
        (amount, code)
    }

    /// The hot loop for a divisor `D` and rounding `MODE` known at compile time.
    ///
    /// Each key's effects and status are resolved once into an [`Entry`], so a row is one
    /// table load, a wrapping multiply, a division by a constant and selects: no branch that
    /// depends on the data. The loop records the smallest and largest base instead of checking
    /// each row; if any row is negative or its product could overflow 64 bits, the run is
    /// computed again by [`Run::fill_slow`], which finds the row and the error (or takes the
    /// 128-bit product). Nothing wraps silently: a wrapped product is always recomputed.
    pub(crate) fn fill_const<const D: i64, const MODE: u8>(
        &self,
        amounts: &mut [i64],
        status: &mut [i32],
    ) -> std::result::Result<(), (usize, bool)> {
        let n = self.base.len();
        let (amounts, status) = (&mut amounts[..n], &mut status[..n]);
        let Some(table) = self.entries() else { return self.fill_slow(amounts, status) };
        let max_mul = table.iter().map(|e| e.mul).max().unwrap_or(0);
        // Any base up to `limit` is within 64 bits in fen and has a product within 64 bits.
        let limit = i64::MAX / max_mul.max(self.to_fen).max(1);
        let keys = if self.keys.is_empty() { &[][..] } else { &self.keys[..n] };
        // A key beyond the table would be a bug upstream; the fallback reports it as a row.
        if keys.iter().fold(0u16, |m, k| m.max(*k)) as usize >= table.len() {
            return self.fill_slow(amounts, status);
        }
        let (lo, hi) = match self.base {
            Base::I64(base) => rows::<D, MODE>(base, keys, &table, amounts, status),
            Base::I128(base) => {
                // Narrowed a block at a time into a buffer that stays in the first-level
                // cache: a tight conversion loop streams the 16-byte values from memory
                // faster than the row loop's own loads would.
                const BLOCK: usize = 2048;
                let mut buf = vec![0i64; BLOCK.min(n)];
                let (mut lo, mut hi) = (0i64, 0i64);
                for start in (0..n).step_by(BLOCK) {
                    let end = (start + BLOCK).min(n);
                    let narrow = &mut buf[..end - start];
                    let mut fits = true;
                    for (o, v) in narrow.iter_mut().zip(&base[start..end]) {
                        *o = *v as i64;
                        fits &= i128::from(*o) == *v;
                    }
                    let keys = if keys.is_empty() { keys } else { &keys[start..end] };
                    let (l, h) = rows::<D, MODE>(
                        narrow,
                        keys,
                        &table,
                        &mut amounts[start..end],
                        &mut status[start..end],
                    );
                    lo = lo.min(if fits { l } else { i64::MIN });
                    hi = hi.max(h);
                }
                (lo, hi)
            }
        };
        if lo < 0 || hi > limit {
            return self.fill_slow(amounts, status);
        }
        Ok(())
    }

    /// Each key's [`Entry`]; `None` if the base's conversion to fen times the rate overflows.
    fn entries(&self) -> Option<Vec<Entry>> {
        let k = self.kernel;
        let mul = k.mantissa.checked_mul(self.to_fen)?;
        let entries = self
            .lut
            .iter()
            .map(|&(effects, st)| {
                if st == 3 {
                    // Not applicable: amount 0, status 3, whatever the base (which must still
                    // be valid: the fallback checks it).
                    return Entry { mul: 0, floor: 0, cap: i64::MAX, st_rate: 3, st_floor: 3, st_cap: 3 };
                }
                let zero = effects & ZERO != 0;
                let floor = match k.floor {
                    Some(f) if effects & (super::NO_FLOOR | ZERO) == 0 => f,
                    _ => 0, // amounts are never negative: a floor of 0 never applies
                };
                let cap = match k.cap {
                    Some(c) if effects & super::NO_CAP == 0 => c,
                    _ => i64::MAX,
                };
                Entry {
                    mul: if zero { 0 } else { mul },
                    floor,
                    cap,
                    st_rate: st,
                    st_floor: if st == 0 { 2 } else { st },
                    st_cap: if st == 0 { 1 } else { st },
                }
            })
            .collect();
        Some(entries)
    }

    /// Any other divisor or mode, through the kernel's general product.
    pub(crate) fn fill_slow(
        &self,
        amounts: &mut [i64],
        status: &mut [i32],
    ) -> std::result::Result<(), (usize, bool)> {
        for i in 0..self.base.len() {
            let b = self.base.at(i)?;
            if b < 0 {
                return Err((i, false));
            }
            let (effects, st) = self.lut[if self.keys.is_empty() { 0 } else { self.keys[i] as usize }];
            if st == 3 {
                amounts[i] = 0;
                status[i] = 3;
                continue;
            }
            let fen = b.checked_mul(self.to_fen).ok_or((i, true))?;
            // A zeroed row needs no product (the decimal path's is discarded too).
            let q = if effects & ZERO != 0 { 0 } else { self.kernel.product(fen).ok_or((i, false))? };
            (amounts[i], status[i]) = self.finish(q, effects, st);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::rule::{Rounding, RoundingMode};
    use crate::rules::kinds::capped_rate::{NO_CAP, NO_FLOOR};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// One key's outcome by the decimal path's rules (`Compiled::calc` and `compute`):
    /// `Err(())` where the batch must refuse the row (a negative base, or an amount beyond 64
    /// bits), else the amount in units and the status code.
    fn by_decimals(
        rate: Decimal,
        cap: Option<Decimal>,
        floor: Option<Decimal>,
        rounding: Rounding,
        fen: i128,
        (effects, st): (u8, i32),
    ) -> Result<(i64, i32), ()> {
        if fen < 0 {
            return Err(());
        }
        if st == 3 {
            return Ok((0, 3));
        }
        if fen > i128::from(i64::MAX) {
            return Err(());
        }
        let exact = rate.checked_mul(Decimal::new(fen as i64, 2)).expect("test inputs stay within 96 bits");
        let computed = rounding.apply(exact);
        let units = |d: Decimal| -> Option<i64> {
            let mut d = d;
            d.rescale(rounding.places);
            i64::try_from(d.mantissa()).ok()
        };
        // The kernel refuses a row whose rounded product leaves 64 bits, even when a cap
        // would bring it back: an error, never a wrapped amount.
        if effects & ZERO == 0 {
            units(computed).ok_or(())?;
        }
        let mut amount = if effects & ZERO != 0 { rounding.apply(Decimal::ZERO) } else { computed };
        let mut code = st;
        if let Some(f) = floor.filter(|_| effects & (NO_FLOOR | ZERO) == 0)
            && amount < f
        {
            amount = rounding.apply(f);
            code = if st == 0 { 2 } else { st };
        }
        if let Some(c) = cap.filter(|_| effects & NO_CAP == 0)
            && amount > c
        {
            amount = rounding.apply(c);
            code = if st == 0 { 1 } else { st };
        }
        Ok((units(amount).ok_or(())?, code))
    }

    fn modes() -> impl Strategy<Value = RoundingMode> {
        prop::sample::select(vec![
            RoundingMode::Down,
            RoundingMode::Up,
            RoundingMode::HalfUp,
            RoundingMode::HalfEven,
        ])
    }

    /// Where a row's base lies: small, large, at a rounding tie, near the cap (where it is
    /// reached exactly), near the 64-bit limit of the product, or negative.
    struct Bases {
        near_cap: i64,
        near_limit: i64,
        /// A base whose product is exactly half a unit, and the step to the next one (0: none).
        tie: (i64, i64),
    }

    impl Bases {
        fn new(kernel: &IntKernel, to_fen: i64) -> Bases {
            let d = POW10[kernel.exp as usize];
            let mul = kernel.mantissa.max(1).saturating_mul(to_fen);
            let tie = if d % 2 == 0 && (d / 2) % mul == 0 { (d / 2 / mul, d / mul) } else { (0, 0) };
            Bases {
                near_cap: kernel.cap.map_or(0, |c| c.saturating_mul(d) / mul),
                near_limit: i64::MAX / mul,
                tie,
            }
        }

        /// A base; `hostile`: also bases the fast loop hands over to the checked one (near or
        /// beyond the limit, negative).
        fn pick(&self, pick: u8, raw: i64, hostile: bool) -> i64 {
            let around = |x: i64| x.saturating_add(raw.rem_euclid(5) - 2).max(0);
            match pick % if hostile { 16 } else { 12 } {
                0..=4 => raw.rem_euclid(1_000_000),
                5 => raw.rem_euclid(100_000_000_000_000),
                6..=8 => self.tie.0.saturating_add(self.tie.1.saturating_mul(raw.rem_euclid(1000))),
                9..=11 => around(self.near_cap),
                12 | 13 => around(self.near_limit),
                14 => i64::MAX - raw.rem_euclid(3),
                _ => -1 - raw.rem_euclid(3),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The integer kernel gives the decimal path's amount and status for every row, or
        /// refuses the first row the decimal path cannot give in 64 bits; it never wraps.
        #[test]
        fn the_kernel_equals_the_decimal_path(
            (mantissa, scale) in (prop_oneof![1 => Just(0i64), 3 => 1i64..=50, 3 => 0i64..=1_000_000], 0u32..=8),
            places in 0u32..=4,
            mode in modes(),
            cap in prop::option::of(0i64..=10_000_000_000),
            floor in prop::option::of(0i64..=1_000_000),
            lut in prop::collection::vec((0u8..8, prop::sample::select(vec![0i32, 0, 3, 4, 5])), 1..4),
            keyed in any::<bool>(),
            hostile in prop::bool::weighted(0.3),
            as_i128 in any::<bool>(),
            to_fen in prop::sample::select(vec![1i64, 10, 100]),
            rows in prop::collection::vec((any::<u8>(), any::<i64>(), any::<u16>()), 0..40),
        ) {
            let places = places.min(2 + scale);
            let rounding = Rounding { places, mode };
            let rate = Decimal::new(mantissa, scale);
            let (cap, floor) = (cap.map(|c| Decimal::new(c, places)), floor.map(|f| Decimal::new(f, places)));
            let Some(kernel) = IntKernel::new(rate, cap, floor, rounding) else {
                return Ok(()); // not an integer kernel: the decimal path runs instead
            };
            let bases = Bases::new(&kernel, to_fen);
            let lut = if keyed { lut } else { lut[..1].to_vec() };
            let base: Vec<i64> = rows.iter().map(|(p, raw, _)| bases.pick(*p, *raw, hostile)).collect();
            // As decimal128, some beyond 64 bits either way.
            let wide: Vec<i128> = rows
                .iter()
                .zip(&base)
                .map(|((p, raw, _), b)| match (hostile, p / 16 % 8) {
                    (true, 0) => i128::from(i64::MAX) + 1 + i128::from(raw.rem_euclid(1000)),
                    (true, 1) => i128::from(i64::MIN) - 1 - i128::from(raw.rem_euclid(1000)),
                    _ => i128::from(*b),
                })
                .collect();
            let keys: Vec<u16> = if keyed { rows.iter().map(|r| r.2 % lut.len() as u16).collect() } else { Vec::new() };
            let base_in = if as_i128 { Base::I128(&wide) } else { Base::I64(&base) };
            let run = Run { kernel: &kernel, lut: &lut, base: base_in, keys: &keys, to_fen };
            let (mut amounts, mut status) = (vec![0i64; base.len()], vec![0i32; base.len()]);
            let got = run.fill(&mut amounts, &mut status);
            let want: Vec<Result<(i64, i32), ()>> = (0..base.len())
                .map(|i| base_in.get(i))
                .enumerate()
                .map(|(i, b)| {
                    let key = if keyed { keys[i] as usize } else { 0 };
                    // A base beyond 64 bits is refused before anything else (the driver then
                    // hands the batch to the decimal path).
                    if i64::try_from(b).is_err() {
                        return Err(());
                    }
                    by_decimals(rate, cap, floor, rounding, b * i128::from(to_fen), lut[key])
                })
                .collect();
            match want.iter().position(Result::is_err) {
                Some(row) => prop_assert_eq!(got.map_err(|(i, _)| i), Err(row)),
                None => {
                    prop_assert_eq!(got, Ok(()));
                    for (i, w) in want.iter().enumerate() {
                        prop_assert_eq!(Ok((amounts[i], status[i])), *w, "row {} base {}", i, base[i]);
                    }
                }
            }
        }
    }
}
