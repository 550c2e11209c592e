//! Scorecards as CSV and JSON text (the core does no I/O: these return strings).
//!
//! CSV follows RFC 4180 (a field holding a comma, a quote or a line break is quoted, quotes
//! doubled), with `\n` line ends, a header row, UTF-8 and no byte-order mark. Empty fields
//! stand for absent values.

use super::scorecard::Scorecard;
use crate::catalogue::Qualifier;
use crate::value::{CsvOptions, format_date};

fn row(out: &mut String, fields: &[&str], options: &CsvOptions) {
    crate::value::push_csv_row(out, fields, options);
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl Scorecard {
    /// The scorecard's groups as CSV: one row per group with its counts.
    ///
    /// Columns: `dimension, key, name_zh, name_en, met, on_track, at_risk, off_track, missed,
    /// no_data, total`. A first row with dimension `all` holds the totals.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::targets::{Dimension, Monitor, ScorecardOptions};
    ///
    /// let monitor = Monitor::new(&zhengce::Context::builtin());
    /// let options = ScorecardOptions { by: vec![Dimension::Document], ..Default::default() };
    /// let csv = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &options)?.to_csv();
    /// assert!(csv.starts_with("dimension,key,name_zh,name_en,met,on_track,at_risk,off_track,missed,no_data,total\nall,"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        self.to_csv_with(&CsvOptions::default())
    }

    /// [`Scorecard::to_csv`] with options: by default a text cell starting with `=`, `+`,
    /// `-`, `@`, tab or CR gets a leading `'` (formula injection); `raw_text` keeps it.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let card = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &Default::default())?;
    /// let raw = card.to_csv_with(&zhengce::value::CsvOptions { raw_text: true });
    /// assert_eq!(raw, card.to_csv(), "the built-in names start with no formula character");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_csv_with(&self, options: &CsvOptions) -> String {
        let mut out = String::new();
        row(
            &mut out,
            &[
                "dimension",
                "key",
                "name_zh",
                "name_en",
                "met",
                "on_track",
                "at_risk",
                "off_track",
                "missed",
                "no_data",
                "total",
            ],
            options,
        );
        let counts = |c: &super::StatusCounts| {
            [c.met, c.on_track, c.at_risk, c.off_track, c.missed, c.no_data, c.total].map(|n| n.to_string())
        };
        let mut push = |dimension: &str, key: &str, zh: &str, en: &str, c: &super::StatusCounts| {
            let n = counts(c);
            let mut fields = vec![dimension, key, zh, en];
            fields.extend(n.iter().map(String::as_str));
            row(&mut out, &fields, options);
        };
        push("all", "", "", "", &self.counts);
        for g in &self.groups {
            let (zh, en) = g.name.as_ref().map_or(("", ""), |n| (n.zh.as_str(), n.en.as_str()));
            push(g.dimension.as_str(), g.key.as_deref().unwrap_or(""), zh, en, &g.counts);
        }
        out
    }

    /// The scorecard's assessments as CSV: one row per target.
    ///
    /// Columns: `target, metric_zh, metric_en, status, basis, comparator, unit, target_value,
    /// upper, derived, baseline, baseline_date, start, deadline, value, qualifier, observed_on,
    /// progress, elapsed, expected, gap, note`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::targets::{Monitor, ScorecardOptions};
    ///
    /// let monitor = Monitor::new(&zhengce::Context::builtin());
    /// let options = ScorecardOptions { document: Some("putuo-2019-startup-district".into()), ..Default::default() };
    /// let csv = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &options)?.assessments_to_csv();
    /// assert_eq!(csv.lines().count(), 1 + 8);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn assessments_to_csv(&self) -> String {
        self.assessments_to_csv_with(&CsvOptions::default())
    }

    /// [`Scorecard::assessments_to_csv`] with options (see [`Scorecard::to_csv_with`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let card = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &Default::default())?;
    /// let csv = card.assessments_to_csv_with(&zhengce::value::CsvOptions { raw_text: true });
    /// assert!(csv.starts_with("target,"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn assessments_to_csv_with(&self, options: &CsvOptions) -> String {
        let mut out = String::new();
        row(
            &mut out,
            &[
                "target",
                "metric_zh",
                "metric_en",
                "status",
                "basis",
                "comparator",
                "unit",
                "target_value",
                "upper",
                "derived",
                "baseline",
                "baseline_date",
                "start",
                "deadline",
                "value",
                "qualifier",
                "observed_on",
                "progress",
                "elapsed",
                "expected",
                "gap",
                "note",
            ],
            options,
        );
        for a in &self.assessments {
            let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
            let fields = [
                a.target.clone(),
                a.metric.zh.clone(),
                a.metric.en.clone(),
                a.status.as_str().to_owned(),
                a.basis.as_str().to_owned(),
                name(&a.comparator),
                a.unit.clone(),
                opt(a.target_value),
                opt(a.upper),
                if a.derived { "true".to_owned() } else { String::new() },
                opt(a.baseline),
                date(a.baseline_date),
                date(a.start),
                date(a.deadline),
                opt(a.value),
                if a.qualifier == Qualifier::Exact { String::new() } else { name(&a.qualifier) },
                date(a.observed_on),
                opt(a.progress),
                opt(a.elapsed),
                opt(a.expected),
                opt(a.gap),
                a.note.clone(),
            ];
            let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
            row(&mut out, &refs, options);
        }
        out
    }

    /// The scorecard as JSON text, in the shape of its serialisation.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let monitor = zhengce::targets::Monitor::new(&zhengce::Context::builtin());
    /// let card = monitor.scorecard(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(), &Default::default())?;
    /// let json: serde_json::Value = serde_json::from_str(&card.to_json()).unwrap();
    /// assert_eq!(json["as_of"], "2022-12-31");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a scorecard serialises")
    }
}

/// The JSON name of a unit-like enum value (`linear_path`, `at_least`).
fn name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        let mut out = String::new();
        super::row(&mut out, &["a,b", "say \"hi\"", "plain", "two\nlines"], &Default::default());
        assert_eq!(out, "\"a,b\",\"say \"\"hi\"\"\",plain,\"two\nlines\"\n");
    }

    #[test]
    fn formula_prefixes_are_neutralised_unless_raw() {
        let cells = ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "-0.5", "a=b"];
        let mut out = String::new();
        super::row(&mut out, &cells, &Default::default());
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\",\"'-1+2\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",-0.5,a=b\n"
        );
        let mut raw = String::new();
        super::row(&mut raw, &cells, &crate::value::CsvOptions { raw_text: true });
        assert!(raw.starts_with("\"=HYPERLINK(") && raw.contains(",+1,-1+2,@SUM(A1),\tx,"));
    }
}
