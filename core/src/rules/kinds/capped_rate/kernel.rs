//! The capped-rate integer kernel: a run of rows in integer fen, no decimals on the hot path.

use super::{IntKernel, POW10, ZERO};

/// One run of rows sharing a kernel: the integer hot loop.
pub(crate) struct Run<'a> {
    pub(crate) kernel: &'a IntKernel,
    pub(crate) lut: &'a [(u8, i32)],
    pub(crate) base: &'a [i64],
    /// The key of each row (empty: key 0 for every row).
    pub(crate) keys: &'a [u16],
    pub(crate) to_fen: i64,
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

    pub(crate) fn fill_const<const D: i64, const MODE: u8>(
        &self,
        amounts: &mut [i64],
        status: &mut [i32],
    ) -> std::result::Result<(), (usize, bool)> {
        let m = self.kernel.mantissa;
        let round = |x: i64| -> i64 {
            let (q, r) = (x / D, x % D);
            match MODE {
                0 => q,
                1 => q + (r != 0) as i64,
                2 => q + (2 * r >= D) as i64,
                _ => q + ((2 * r > D) || (2 * r == D && q & 1 == 1)) as i64,
            }
        };
        // One key for every row and no floor: the common case, kept branch-light.
        if self.keys.is_empty() && self.kernel.floor.is_none() && self.to_fen == 1 {
            let (effects, st) = self.lut[0];
            if st == 3 {
                if let Some(i) = self.base.iter().position(|b| *b < 0) {
                    return Err((i, false));
                }
                amounts.fill(0);
                status.fill(3);
                return Ok(());
            }
            let cap =
                if effects & super::NO_CAP == 0 { self.kernel.cap.unwrap_or(i64::MAX) } else { i64::MAX };
            let zero = effects & ZERO != 0;
            for (i, ((b, a), s)) in
                self.base.iter().zip(amounts.iter_mut()).zip(status.iter_mut()).enumerate()
            {
                let b = *b;
                if b < 0 {
                    return Err((i, false));
                }
                let q = match b.checked_mul(m) {
                    Some(x) => round(x),
                    None => self.kernel.product(b).ok_or((i, false))?,
                };
                let q = if zero { 0 } else { q };
                let capped = q > cap;
                *a = if capped { cap } else { q };
                *s = if st != 0 { st } else { capped as i32 };
            }
            return Ok(());
        }
        for i in 0..self.base.len() {
            let b = self.base[i];
            if b < 0 {
                return Err((i, false));
            }
            let (effects, st) = self.lut[if self.keys.is_empty() { 0 } else { self.keys[i] as usize }];
            if st == 3 {
                amounts[i] = 0;
                status[i] = 3;
                continue;
            }
            let fen = if self.to_fen == 1 { b } else { b.checked_mul(self.to_fen).ok_or((i, true))? };
            let q = match fen.checked_mul(m) {
                Some(x) => round(x),
                None => self.kernel.product(fen).ok_or((i, false))?,
            };
            (amounts[i], status[i]) = self.finish(q, effects, st);
        }
        Ok(())
    }

    /// Any other divisor or mode, through the kernel's general product.
    pub(crate) fn fill_slow(
        &self,
        amounts: &mut [i64],
        status: &mut [i32],
    ) -> std::result::Result<(), (usize, bool)> {
        for i in 0..self.base.len() {
            let b = self.base[i];
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
            let q = self.kernel.product(fen).ok_or((i, false))?;
            (amounts[i], status[i]) = self.finish(q, effects, st);
        }
        Ok(())
    }
}
