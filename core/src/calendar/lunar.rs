//! The lunisolar (农历) dates and the 清明 solar term that fix statutory holidays.
//!
//! 春节, 端午 and 中秋 fall on lunisolar dates: the crate `chinese-lunisolar-calendar` converts
//! them (its month tables cover 1901-2100). 清明 is a solar term, the day (Beijing time) on
//! which the sun's apparent longitude reaches 15°; the crate has no solar terms, so it is
//! computed here with Meeus's low-accuracy solar theory (Astronomical Algorithms ch. 25,
//! about 0.01°, a quarter of an hour). The test below checks it against every 清明 2004-2026
//! (the 2008 and 2009 notices name it); bindings-python/tests/test_calendar_oracles.py checks
//! 2008-2099 against chinese-calendar's solar terms (a one-off run over 1901-2099 found no
//! difference either).

use chinese_lunisolar_calendar::LunisolarDate;
use chrono::{NaiveDate, TimeDelta};

/// First and last Gregorian years the lunisolar tables cover.
pub(crate) const LUNAR_YEARS: (i32, i32) = (1901, 2099);

/// The Gregorian date of day `day` of month `month` (not a leap month) of lunisolar year
/// `year` (the year whose 正月初一 falls in Gregorian `year`).
pub(crate) fn lunisolar(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !(LUNAR_YEARS.0..=LUNAR_YEARS.1).contains(&year) {
        return None;
    }
    LunisolarDate::from_ymd(u16::try_from(year).ok()?, month, false, day).ok().map(|d| d.to_naive_date())
}

/// 除夕: the day before 正月初一 of lunisolar year `year`.
pub(crate) fn new_years_eve(year: i32) -> Option<NaiveDate> {
    lunisolar(year, 1, 1)?.pred_opt()
}

/// Julian day of 0h TT of a Gregorian date, plus `hours`.
fn julian_day(date: NaiveDate, hours: f64) -> f64 {
    let days = (date - NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date")).num_days();
    2_451_544.5 + days as f64 + hours / 24.0
}

/// The sun's apparent geocentric longitude, degrees in [0, 360), at Julian ephemeris day `jde`
/// (Meeus, Astronomical Algorithms, 2nd ed., ch. 25, low accuracy).
fn solar_longitude(jde: f64) -> f64 {
    let t = (jde - 2_451_545.0) / 36_525.0;
    let l0 = 280.46646 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let m = (357.52911 + 35_999.050_29 * t - 0.000_153_7 * t * t).to_radians();
    let c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * m.sin()
        + (0.019993 - 0.000101 * t) * (2.0 * m).sin()
        + 0.000289 * (3.0 * m).sin();
    let omega = (125.04 - 1934.136 * t).to_radians();
    (l0 + c - 0.00569 - 0.00478 * omega.sin()).rem_euclid(360.0)
}

/// TT − UT in seconds (Espenak and Meeus polynomials), enough for a date in Beijing time.
fn delta_t(year: i32) -> f64 {
    let y = f64::from(year);
    let t = y - 2000.0;
    if year < 2005 {
        63.86 + 0.3345 * t - 0.060374 * t * t
    } else if year < 2050 {
        62.92 + 0.32217 * t + 0.005589 * t * t
    } else {
        -20.0 + 32.0 * ((y - 1820.0) / 100.0).powi(2) - 0.5628 * (2150.0 - y)
    }
}

/// 清明: the day, in Beijing time (UTC+8), on which the sun's apparent longitude reaches 15°.
pub(crate) fn qingming(year: i32) -> Option<NaiveDate> {
    if !(LUNAR_YEARS.0..=LUNAR_YEARS.1).contains(&year) {
        return None;
    }
    let guess = NaiveDate::from_ymd_opt(year, 4, 4)?;
    let mut jde = julian_day(guess, 0.0);
    for _ in 0..20 {
        let diff = (15.0 - solar_longitude(jde) + 180.0).rem_euclid(360.0) - 180.0;
        jde += diff * 365.2422 / 360.0;
        if diff.abs() < 1e-7 {
            break;
        }
    }
    // Julian day (UT) to Beijing civil day: JD starts at noon, Beijing is UT+8.
    let beijing = jde - delta_t(year) / 86_400.0 + 8.0 / 24.0 + 0.5;
    let day = beijing.floor() as i64 - 2_451_545;
    NaiveDate::from_ymd_opt(2000, 1, 1)?.checked_add_signed(TimeDelta::days(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn lunisolar_dates_of_the_notices() {
        // 2024 notice: 春节 2月10日 (初一); 2026: 2月17日 is 初一, 2月16日 除夕; 2023 端午 6月22日;
        // 2024 中秋 9月17日; 2020 中秋 = 10月1日.
        assert_eq!(lunisolar(2024, 1, 1), Some(d(2024, 2, 10)));
        assert_eq!(new_years_eve(2026), Some(d(2026, 2, 16)));
        assert_eq!(lunisolar(2023, 5, 5), Some(d(2023, 6, 22)));
        assert_eq!(lunisolar(2024, 8, 15), Some(d(2024, 9, 17)));
        assert_eq!(lunisolar(2020, 8, 15), Some(d(2020, 10, 1)));
        assert_eq!(lunisolar(2100, 1, 1), None);
    }

    #[test]
    fn qingming_of_the_notices() {
        // The 清明 day of each year 2004-2026 (chinese-calendar's solar terms; the 2008 and 2009
        // notices name it: 4月4日（清明节）, 4月4日（星期六、农历清明当日）).
        let april = [4, 5, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5];
        for (i, day) in april.iter().enumerate() {
            let year = 2004 + i as i32;
            assert_eq!(qingming(year), Some(d(year, 4, *day)), "{year}");
        }
        assert_eq!(qingming(2027), Some(d(2027, 4, 5)));
        assert_eq!(qingming(2100), None);
    }
}
