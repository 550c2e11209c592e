//! Observations as columns: the bulk load of a table (Arrow, pandas, typed arrays) without a
//! row value per observation.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::monitor::Monitor;
use super::observations::{Fields, ObservationInput, check};
use super::store::{NONE, Plain};
use crate::catalogue::{Citation, Qualifier};
use crate::error::{Error, Result};

/// Observations as columns, row `i` being the `i`-th entry of each: the bulk form of
/// [`ObservationInput`](super::ObservationInput) rows, for a table read column by column.
///
/// `target`, `as_of`, `value` and `unit` have a value in every row. `source` is text naming
/// where the figure comes from; an empty cell is refused as for a row. The optional columns
/// are `None` when the table has none, and a `None` cell takes the row's default (the id
/// `<target>@<as_of>`, qualifier `exact`, the target's scope, no reading).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rust_decimal::Decimal;
/// use zhengce::targets::ObservationColumns;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let columns = ObservationColumns {
///     target: &["tianshan-2022-87/t28"; 2],
///     as_of: &[d(2022, 3, 31), d(2022, 9, 30)],
///     value: &[Decimal::from(60), Decimal::from(75)],
///     unit: &["%"; 2],
///     source: &[Some("district government-service statistics"); 2],
///     ..Default::default()
/// };
/// assert_eq!(columns.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ObservationColumns<'a> {
    /// The target observed.
    pub target: &'a [&'a str],
    /// The date the value refers to.
    pub as_of: &'a [NaiveDate],
    /// The value (in the target's unit).
    pub value: &'a [Decimal],
    /// The value's unit; it must be the target's.
    pub unit: &'a [&'a str],
    /// Where the value comes from, as text (required in every row).
    pub source: &'a [Option<&'a str>],
    /// The date the value was published, if later than `as_of`.
    pub published: Option<&'a [Option<NaiveDate>]>,
    /// Stable ids (default `<target>@<as_of>`); an id already held replaces that observation.
    pub id: Option<&'a [Option<&'a str>]>,
    /// How exactly the source states the value (default `exact`).
    pub qualifier: Option<&'a [Option<Qualifier>]>,
    /// The jurisdiction measured; only the target's scope is accepted.
    pub scope: Option<&'a [Option<&'a str>]>,
    /// How an ambiguous point was read, and why.
    pub reading: Option<&'a [Option<&'a str>]>,
}

impl ObservationColumns<'_> {
    /// The number of rows (the length of `target`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::targets::ObservationColumns::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.target.len()
    }

    /// True if there is no row.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::targets::ObservationColumns::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.target.is_empty()
    }

    /// Every column has as many rows as `target`.
    fn check_lengths(&self) -> Result<()> {
        let n = self.len();
        let lengths = [
            ("as_of", Some(self.as_of.len())),
            ("value", Some(self.value.len())),
            ("unit", Some(self.unit.len())),
            ("source", Some(self.source.len())),
            ("published", self.published.map(<[_]>::len)),
            ("id", self.id.map(<[_]>::len)),
            ("qualifier", self.qualifier.map(<[_]>::len)),
            ("scope", self.scope.map(<[_]>::len)),
            ("reading", self.reading.map(<[_]>::len)),
        ];
        for (name, len) in lengths {
            if let Some(len) = len.filter(|len| *len != n) {
                return Err(Error::invalid_input(
                    format!("observations.{name}"),
                    format!("a column of {len} rows"),
                    format!("{n} rows, as many as 'target'"),
                ));
            }
        }
        Ok(())
    }

    /// Row `i` as a row value.
    fn row(&self, i: usize) -> ObservationInput {
        let text = |c: Option<&[Option<&str>]>| c.and_then(|c| c[i]).map(str::to_owned);
        ObservationInput {
            id: text(self.id),
            target: self.target[i].to_owned(),
            as_of: self.as_of[i],
            published: self.published.and_then(|c| c[i]),
            value: self.value[i],
            unit: self.unit[i].to_owned(),
            source: self.source[i].map(|s| Citation { document: s.to_owned(), clause: None, quote: None }),
            qualifier: self.qualifier.and_then(|c| c[i]),
            metric: None,
            scope: text(self.scope),
            reading: text(self.reading),
        }
    }
}

/// Texts of a column seen so far, each with its index: a table repeats a few sources, often
/// row after row, so the previous row's is tried before the map.
#[derive(Default)]
struct Seen<'a> {
    list: Vec<&'a str>,
    index: HashMap<&'a str, u32>,
    last: Option<(&'a str, u32)>,
}

impl<'a> Seen<'a> {
    fn index(&mut self, text: &'a str) -> u32 {
        if let Some((last, i)) = self.last
            && last == text
        {
            return i;
        }
        let i = *self.index.entry(text).or_insert_with(|| {
            self.list.push(text);
            (self.list.len() - 1) as u32
        });
        self.last = Some((text, i));
        i
    }
}

impl Monitor {
    /// Adds observations given as columns, all or none; returns how many rows were added.
    /// The result is the same as [`add_observations`](Monitor::add_observations) of the same
    /// rows (a later row with the id of an earlier one replaces it), without a value per row:
    /// the targets are looked up once per run of equal ids and the rows stored by target.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `observations.<column>`) if a column's length differs from
    ///   `target`'s.
    /// - As [`add_observation`](Monitor::add_observation), for the first bad row, naming it
    ///   (`observations[3].unit`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    /// use zhengce::targets::{AssessOptions, Monitor, ObservationColumns, Status};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let mut monitor = Monitor::new(&zhengce::Context::builtin());
    /// // Tianshan item 28: 85 % of application-based items handled online by the end of 2022.
    /// let columns = ObservationColumns {
    ///     target: &["tianshan-2022-87/t28"; 2],
    ///     as_of: &[d(2022, 3, 31), d(2022, 12, 31)],
    ///     value: &[Decimal::from(60), "86.5".parse().unwrap()],
    ///     unit: &["%"; 2],
    ///     source: &[Some("synthetic"); 2],
    ///     ..Default::default()
    /// };
    /// assert_eq!(monitor.add_observation_columns(&columns)?, 2);
    /// let a = monitor.assess("tianshan-2022-87/t28", d(2023, 1, 31), &AssessOptions::default())?;
    /// assert_eq!(a.status, Status::Met);
    /// assert_eq!(a.observations, ["tianshan-2022-87/t28@2022-12-31"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn add_observation_columns(&mut self, columns: &ObservationColumns<'_>) -> Result<usize> {
        columns.check_lengths()?;
        let n = columns.len();
        // An explicit id may name another row's observation (of another target, or another
        // date); so may one already held. Such tables take the row path.
        let explicit = columns.id.is_some_and(|ids| ids.iter().any(Option::is_some));
        if explicit || !self.store.all_plain() {
            return self.add_observations((0..n).map(|i| columns.row(i)).collect());
        }
        let targets = &self.context.catalogue().data().targets;
        let mut rows = Vec::with_capacity(n);
        let mut sources = Seen::default();
        let mut readings: Vec<&str> = Vec::new();
        let mut last: Option<(&str, u32)> = None;
        for i in 0..n {
            let what = || format!("observations[{i}]");
            let name = columns.target[i];
            let t = match last {
                Some((id, t)) if id == name => t,
                _ => {
                    let t = self.index.get(name).copied().ok_or_else(|| {
                        Error::not_found("target", name)
                            .context(format!("failed to add {}", what()))
                            .at_row(i)
                    })?;
                    last = Some((name, t));
                    t
                }
            };
            let (as_of, published) = (columns.as_of[i], columns.published.and_then(|c| c[i]));
            let fields = Fields {
                unit: columns.unit[i],
                scope: columns.scope.and_then(|c| c[i]),
                value: columns.value[i],
                id: None,
                source: columns.source[i],
                as_of,
                published,
            };
            check(&fields, &targets[t as usize], &what).map_err(|e| e.at_row(i))?;
            let reading = match columns.reading.and_then(|c| c[i]) {
                Some(text) => {
                    readings.push(text);
                    (readings.len() - 1) as u32
                }
                None => NONE,
            };
            rows.push(Plain {
                target: t,
                date: as_of,
                known: published.unwrap_or(as_of),
                value: columns.value[i],
                qualifier: columns.qualifier.and_then(|c| c[i]).unwrap_or_default(),
                source: sources.index(columns.source[i].unwrap_or_default()),
                reading,
            });
        }
        let interned: Vec<u32> = sources.list.iter().map(|s| self.store.intern_text(s)).collect();
        for row in &mut rows {
            row.source = interned[row.source as usize];
        }
        self.store.insert_plain(&rows, &readings);
        Ok(n)
    }
}
