//! Reading calendar JSON into [`CalendarData`] and checking it, collecting every problem with
//! its JSON path.
//!
//! serde stops at the first error, so the header and each year are read on their own: a bad
//! year gives one problem (with the path inside it) and the other years are still read and
//! checked.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use serde_json::Value;

use super::data::{CalendarData, CalendarYear, HolidayRule};
use crate::catalogue::{Period, Text};
use crate::error::Problem;
use crate::value::is_valid_id;

/// Parses and checks calendar JSON text; `label` prefixes every path (`overlay:$...`).
pub(crate) fn parse_text(text: &str, label: &str, problems: &mut Vec<Problem>) -> Option<CalendarData> {
    if let Err(e) = crate::value::check_json_text(text) {
        problems.push(Problem::new(e.code, format!("{label}{}", e.path), e.message));
        return None;
    }
    // Valid data is read straight into the typed data; the entry-by-entry path below only
    // finds the problems. Not in WebAssembly, where a second deserializer of every calendar
    // type (from text, besides the one from a JSON value) costs module size, not speed worth having.
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(data) = serde_json::from_str::<CalendarData>(text) {
        check(&data, label, problems);
        return Some(data);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => parse_value(&value, label, problems),
        Err(e) => {
            problems.push(Problem::new(
                "invalid_json",
                format!("{label}$"),
                format!("expected JSON, got a syntax error at line {} column {}: {e}", e.line(), e.column()),
            ));
            None
        }
    }
}

/// Reads and checks calendar data out of a parsed JSON value.
pub(crate) fn parse_value(value: &Value, label: &str, problems: &mut Vec<Problem>) -> Option<CalendarData> {
    /// Every field but the years, which are read one by one.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Header {
        id: String,
        name: Text,
        jurisdiction: String,
        #[serde(default)]
        extends: Option<String>,
        coverage: Vec<Period>,
        #[serde(default)]
        rules: Vec<HolidayRule>,
        years: Vec<Value>,
    }
    let before = problems.len();
    let header: Header = match crate::value::from_value_at_path(value) {
        Ok(h) => h,
        Err(e) => {
            problems
                .push(serde_problem(join(label, "$", &e.path().to_string()), &e.into_inner().to_string()));
            return None;
        }
    };
    let mut years = Vec::with_capacity(header.years.len());
    for (i, year) in header.years.iter().enumerate() {
        match crate::value::from_value_at_path::<CalendarYear>(year) {
            Ok(y) => years.push(y),
            Err(e) => problems.push(serde_problem(
                join(label, &format!("$.years[{i}]"), &e.path().to_string()),
                &e.into_inner().to_string(),
            )),
        }
    }
    let data = CalendarData {
        id: header.id,
        name: header.name,
        jurisdiction: header.jurisdiction,
        extends: header.extends,
        coverage: header.coverage,
        rules: header.rules,
        years,
    };
    if problems.len() == before {
        check(&data, label, problems);
    }
    Some(data)
}

fn join(label: &str, base: &str, inner: &str) -> String {
    let path = if inner == "." { base.to_owned() } else { format!("{base}.{inner}") };
    format!("{label}{}", path.replace(".[", "["))
}

/// Gives a serde message its stable code.
fn serde_problem(path: String, message: &str) -> Problem {
    if let Some(rest) = message.strip_prefix("invalid_date: ") {
        return Problem::new("invalid_date", path, rest);
    }
    let code = if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("missing field") {
        "missing_field"
    } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
        "invalid_type"
    } else {
        "invalid_value"
    };
    Problem::new(code, path, message)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The semantic checks of one layer; every problem is appended.
pub(crate) fn check(data: &CalendarData, label: &str, problems: &mut Vec<Problem>) {
    let mut push = |code: &str, path: String, message: String| {
        problems.push(Problem::new(code, format!("{label}{path}"), message));
    };
    for (field, id) in [
        ("id", Some(&data.id)),
        ("jurisdiction", Some(&data.jurisdiction)),
        ("extends", data.extends.as_ref()),
    ] {
        if let Some(id) = id
            && !is_valid_id(id)
        {
            push(
                "invalid_id",
                format!("$.{field}"),
                format!("expected an id of lower-case letters, digits and - _ . / @, got '{id}'"),
            );
        }
    }
    if data.extends.as_deref() == Some(data.id.as_str()) {
        push(
            "cycle",
            "$.extends".into(),
            format!("expected another layer, got '{}' extending itself", data.id),
        );
    }
    for (field, text) in [("zh", &data.name.zh), ("en", &data.name.en)] {
        if text.trim().is_empty() {
            push("empty_name", format!("$.name.{field}"), "expected a non-empty name".into());
        }
    }
    if data.coverage.is_empty() {
        push("missing_value", "$.coverage".into(), "expected at least one covered range, got none".into());
    }
    for (i, p) in data.coverage.iter().enumerate() {
        if p.from > p.until {
            push(
                "invalid_period",
                format!("$.coverage[{i}]"),
                format!("expected from <= until, got {}..{}", p.from, p.until),
            );
        }
        if i > 0 && data.coverage[i - 1].until >= p.from {
            push(
                "overlapping_periods",
                format!("$.coverage[{i}].from"),
                format!(
                    "expected ranges sorted and disjoint, got {} after a range ending {}",
                    p.from,
                    data.coverage[i - 1].until
                ),
            );
        }
    }
    let covered = |d: NaiveDate| data.coverage.iter().any(|p| p.contains(d));
    // Every calendar year the coverage touches must have its notice.
    let mut seen: HashMap<i32, usize> = HashMap::new();
    for (y, year) in data.years.iter().enumerate() {
        if let Some(first) = seen.insert(year.year, y) {
            push(
                "duplicate_id",
                format!("$.years[{y}].year"),
                format!("expected one entry per year, got {} again (first at $.years[{first}])", year.year),
            );
        }
        if year.source.title.trim().is_empty() {
            push("empty_text", format!("$.years[{y}].source.title"), "expected the notice's title".into());
        }
    }
    for p in data.coverage.iter().filter(|p| p.from <= p.until) {
        for year in p.from.year()..=p.until.year() {
            if !seen.contains_key(&year) {
                push(
                    "missing_year",
                    "$.years".into(),
                    format!(
                        "expected the notice of {year}, which the coverage {}..{} includes, got none",
                        p.from, p.until
                    ),
                );
            }
        }
    }
    // Day-level checks, across every year of the layer: a day is off or worked, not both.
    let mut days: BTreeMap<NaiveDate, (bool, String)> = BTreeMap::new();
    for (y, year) in data.years.iter().enumerate() {
        for (b, block) in year.holidays.iter().enumerate() {
            let at = format!("$.years[{y}].holidays[{b}]");
            if !is_valid_id(&block.festival) {
                push(
                    "invalid_id",
                    format!("{at}.festival"),
                    format!(
                        "expected a festival key of lower-case letters, digits and _, got '{}'",
                        block.festival
                    ),
                );
            }
            for (key, list) in [("off", &block.off), ("statutory", &block.statutory), ("work", &block.work)] {
                for (i, d) in list.iter().enumerate() {
                    let path = format!("{at}.{key}[{i}]");
                    if i > 0 && list[i - 1] >= *d {
                        push(
                            "unsorted_dates",
                            path.clone(),
                            format!(
                                "expected dates in increasing order without repeats, got {d} after {}",
                                list[i - 1]
                            ),
                        );
                    }
                    if !covered(*d) {
                        push(
                            "uncovered_date",
                            path.clone(),
                            format!("expected a date within the layer's coverage, got {d}"),
                        );
                    }
                    if key == "work" && !is_weekend(*d) {
                        push(
                            "not_weekend",
                            path.clone(),
                            format!(
                                "expected a Saturday or Sunday made a working day, got {d}, a {}",
                                d.weekday()
                            ),
                        );
                    }
                    if key != "statutory" {
                        let off = key == "off";
                        if let Some((was_off, other)) = days.get(d)
                            && *was_off != off
                        {
                            push(
                                "conflicting_day",
                                path.clone(),
                                format!(
                                    "expected a day either off or worked, got {d} also {} at {other}",
                                    if *was_off { "off" } else { "worked" }
                                ),
                            );
                        }
                        days.insert(*d, (off, path));
                    }
                }
            }
            let host: Vec<NaiveDate> = match &block.merged_into {
                Some(host) => {
                    match year.holidays.iter().find(|h| &h.festival == host && h.merged_into.is_none()) {
                        Some(h) => h.off.clone(),
                        None => {
                            push(
                                "dangling_reference",
                                format!("{at}.merged_into"),
                                format!("expected a festival of the same year, got '{host}'"),
                            );
                            continue;
                        }
                    }
                }
                None => block.off.clone(),
            };
            for (i, d) in block.statutory.iter().enumerate() {
                if host.binary_search(d).is_err() {
                    push(
                        "statutory_not_off",
                        format!("{at}.statutory[{i}]"),
                        format!("expected a statutory day among the block's days off, got {d}"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(json: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        parse_text(json, "", &mut out);
        out.into_iter().map(|p| (p.code, p.path)).collect()
    }

    #[test]
    fn builtin_layers_are_valid() {
        for text in
            [include_str!("../../data/calendar/cn.json"), include_str!("../../data/calendar/cn-xj.json")]
        {
            assert_eq!(problems(text), Vec::<(String, String)>::new());
        }
    }

    #[test]
    fn every_problem_with_its_path() {
        let json = r#"{"id": "cn", "name": {"zh": "全国", "en": ""}, "jurisdiction": "cn",
          "coverage": [{"from": "2030-01-01", "until": "2030-12-31"}, {"from": "2030-06-01", "until": "2031-01-31"}],
          "years": [{"year": 2030, "source": {"title": "t"}, "holidays": [
             {"festival": "new_year", "name": {"zh": "元旦", "en": "New Year"},
              "off": ["2030-01-02", "2030-01-01"], "statutory": ["2030-01-03"], "work": ["2030-01-04", "2030-01-02"]}]},
            {"year": 2031, "source": {"title": "t"}, "holidays": [{"festival": "x", "name": {"zh": "x", "en": "x"},
              "off": ["2031-13-01"], "statutory": [], "work": []}]}]}"#;
        let found = problems(json);
        let codes: Vec<_> = found.iter().map(|(c, p)| format!("{c} {p}")).collect();
        assert_eq!(
            codes,
            ["invalid_date $.years[1].holidays[0].off[0]",],
            "a year that does not parse is reported alone first"
        );
        // Fix the date's form: now the semantic problems appear, all of them.
        let json = json.replace("2031-13-01", "2031-02-13");
        let codes: Vec<String> = problems(&json).iter().map(|(c, p)| format!("{c} {p}")).collect();
        assert_eq!(
            codes,
            [
                "empty_name $.name.en",
                "overlapping_periods $.coverage[1].from",
                "unsorted_dates $.years[0].holidays[0].off[1]",
                "not_weekend $.years[0].holidays[0].work[0]",
                "unsorted_dates $.years[0].holidays[0].work[1]",
                "not_weekend $.years[0].holidays[0].work[1]",
                "conflicting_day $.years[0].holidays[0].work[1]",
                "statutory_not_off $.years[0].holidays[0].statutory[0]",
                "uncovered_date $.years[1].holidays[0].off[0]",
            ]
        );
    }
}
