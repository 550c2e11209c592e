//! Day numbers: days since 1970-01-01, the representation of numpy `datetime64[D]`, Arrow
//! `date32` and JavaScript `Date`, and the weekday arithmetic that answers for days beyond a
//! calendar's tables in closed form.

use chrono::{Datelike, NaiveDate};

/// Days since 1970-01-01 of a date (the epoch of numpy `datetime64[D]`, Arrow `date32` and
/// JavaScript `Date`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::calendar::{day_number, from_day_number};
///
/// let d = NaiveDate::from_ymd_opt(2024, 2, 4).unwrap();
/// assert_eq!(day_number(d), 19757);
/// assert_eq!(from_day_number(19757), Some(d));
/// assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
/// ```
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - EPOCH_CE
}

/// The date of a day number (days since 1970-01-01); `None` outside the years 0001 to 9999
/// ([`is_supported_date`](crate::value::is_supported_date)).
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::calendar::from_day_number(-1).unwrap().to_string(), "1969-12-31");
/// ```
pub fn from_day_number(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_CE)?)
        .filter(|d| crate::value::is_supported_date(*d))
}

/// The common-era day count of 1970-01-01 (chrono counts 0001-01-01 as day 1).
const EPOCH_CE: i32 = 719_163;

/// Weekdays in [0, n): day 0 (1970-01-01) is a Thursday.
pub(super) fn weekdays_before(n: i64) -> i64 {
    const G: [i64; 7] = [0, 1, 2, 2, 2, 3, 4];
    5 * n.div_euclid(7) + G[n.rem_euclid(7) as usize]
}

/// The weekday with `k` weekdays before it (inverse of [`weekdays_before`] on weekdays).
pub(super) fn kth_weekday(k: i64) -> i64 {
    const H: [i64; 5] = [0, 1, 4, 5, 6];
    7 * k.div_euclid(5) + H[k.rem_euclid(5) as usize]
}

/// True if day `n` is a Saturday or a Sunday.
pub(super) fn is_weekend_number(n: i64) -> bool {
    (n + 3).rem_euclid(7) >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_counts_match_a_walk() {
        let mut count = 0;
        for n in -30..60i64 {
            assert_eq!(weekdays_before(n) - weekdays_before(-30), count, "n = {n}");
            if !is_weekend_number(n) {
                assert_eq!(kth_weekday(weekdays_before(n)), n);
                count += 1;
            }
        }
        assert!(!is_weekend_number(0), "1970-01-01 was a Thursday");
        assert!(is_weekend_number(2) && is_weekend_number(3));
    }
}
