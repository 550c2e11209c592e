//! The provisional layers behind `assume: statutory`: the data, with every year it lacks
//! computed from the law (national layer) or left without regional days (overlays).

use chrono::{Datelike, NaiveDate};

use super::data::CalendarData;
use super::statutory::statutory_year;
use crate::catalogue::Period;

/// How many years past the data's last the provisional tables reach.
const YEARS_AHEAD: i32 = 3;

fn year_period(year: i32) -> Option<Period> {
    Some(Period { from: NaiveDate::from_ymd_opt(year, 1, 1)?, until: NaiveDate::from_ymd_opt(year, 12, 31)? })
}

fn touches(coverage: &[Period], year: i32) -> bool {
    coverage.iter().any(|p| p.from.year() <= year && year <= p.until.year())
}

/// The layers extended over the provisional span, and the provisional periods (the years some
/// layer lacked). The national layer (jurisdiction `cn`) gets each missing year computed by
/// [`statutory_year`]; another layer only has its coverage extended (no regional day is
/// assumed). A year some layer covers in part is left as it is.
pub(crate) fn extend(layers: &[&CalendarData]) -> (Vec<CalendarData>, Vec<Period>) {
    let mut out: Vec<CalendarData> = layers.iter().map(|l| (*l).clone()).collect();
    let first = layers.iter().filter_map(|l| l.coverage.first()).map(|p| p.from.year()).min();
    let last = layers.iter().filter_map(|l| l.coverage.last()).map(|p| p.until.year()).max();
    let (Some(first), Some(last)) = (first, last) else {
        return (out, Vec::new());
    };
    let span = first.max(2000)..=(last + YEARS_AHEAD).min(2099);
    let mut provisional: Vec<Period> = Vec::new();
    let national_known = out.iter().any(|l| l.jurisdiction == "cn");
    for layer in &mut out {
        let national = layer.jurisdiction == "cn";
        if !national && !national_known {
            continue;
        }
        let mut added = Vec::new();
        for year in span.clone() {
            if touches(&layer.coverage, year) {
                continue;
            }
            let Some(period) = year_period(year) else { continue };
            if national {
                let Ok(computed) = statutory_year(year) else { continue };
                layer.years.push(computed);
            }
            added.push(period);
            provisional.push(period);
        }
        if !added.is_empty() {
            layer.years.sort_by_key(|y| y.year);
            layer.coverage.extend(added);
            layer.coverage.sort_by_key(|p| p.from);
        }
    }
    provisional.sort_by_key(|p| p.from);
    provisional.dedup();
    (out, provisional)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendars;

    #[test]
    fn national_years_computed_regional_years_left_empty() {
        let calendars = Calendars::builtin();
        let layers = [calendars.layer("cn").unwrap(), calendars.layer("cn-xj").unwrap()];
        let (out, provisional) = extend(&layers);
        let years: Vec<i32> = out[0].years.iter().map(|y| y.year).filter(|y| *y > 2026).collect();
        assert_eq!(years, [2027, 2028, 2029]);
        assert_eq!(out[1].years.len(), layers[1].years.len());
        // Xinjiang lacks 2004-2021 and 2027-2029; the national layer 2027-2029.
        assert_eq!(provisional.len(), 18 + 3);
        assert_eq!(provisional[0], year_period(2004).unwrap());
    }
}
