//! The monitor's store of observations: a few columns per record and, per target, its points
//! in date order.
//!
//! A million observations must load in well under a second, so nothing per row is a string or
//! a hashed key when it need not be: a row without an explicit id is known by its default id
//! `<target>@<as_of>`, which is two numbers (the target's index and the date) and is written
//! out only when asked for; sources are interned (a table repeats a handful of them); the rare
//! fields (an explicit id, a metric, a reading) sit in a side list. Rows added in bulk are
//! grouped by target with a counting sort, not hashed one by one.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::catalogue::{Citation, Observation, Qualifier, Target, Text};

/// One stored observation, in date order within its target.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    /// The date the value refers to.
    pub date: NaiveDate,
    /// The date the value became known: its publication date, else `date`.
    pub known: NaiveDate,
    pub value: Decimal,
    pub qualifier: Qualifier,
    /// Index into the store's records.
    pub record: u32,
    /// Insertion order, which breaks ties between observations of one date.
    seq: u32,
}

/// What an id names: one observation at a time holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    /// `<target>@<date>` of a catalogue target: the default id, or an explicit id spelled so.
    Pair(u32, NaiveDate),
    /// Any other id.
    Name(String),
}

impl Key {
    /// The key of a row of target `t` dated `as_of` with explicit id `id`, if any; `find`
    /// looks a target up by id, so that an explicit `<target>@<date>` names the same
    /// observation as the default id it spells.
    pub(crate) fn of(id: Option<&str>, t: u32, as_of: NaiveDate, find: &dyn Fn(&str) -> Option<u32>) -> Key {
        let Some(id) = id else { return Key::Pair(t, as_of) };
        // `parse_date` reads only the canonical `YYYY-MM-DD` (what the default id spells), as
        // chrono's parser followed by a check that the date prints back as `tail` did; without
        // chrono's format parser in the WebAssembly module (7 KB).
        if let Some((head, tail)) = id.rsplit_once('@')
            && let Some(date) = crate::value::parse_date(tail)
            && let Some(named) = find(head)
        {
            return Key::Pair(named, date);
        }
        Key::Name(id.to_owned())
    }
}

/// The fields few rows have.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extra {
    /// The explicit id, unless it is the default one.
    pub id: Option<String>,
    pub metric: Option<Text>,
    pub reading: Option<String>,
}

impl Extra {
    fn is_empty(&self) -> bool {
        self.id.is_none() && self.metric.is_none() && self.reading.is_none()
    }
}

/// A row checked against its target, ready to store.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub target: u32,
    pub key: Key,
    pub date: NaiveDate,
    pub published: Option<NaiveDate>,
    pub value: Decimal,
    pub qualifier: Qualifier,
    pub source: Citation,
    /// The explicit id (kept only when it is not the default), metric and reading.
    pub extra: Extra,
}

/// A row of a bulk load whose id is the default one, its source already interned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plain {
    pub target: u32,
    pub date: NaiveDate,
    pub known: NaiveDate,
    pub value: Decimal,
    pub qualifier: Qualifier,
    pub source: u32,
    /// Index into the load's readings, or [`NONE`].
    pub reading: u32,
}

/// No entry (of the extras, of a load's readings).
pub(crate) const NONE: u32 = u32::MAX;

/// The observations held by a monitor, indexed by target.
#[derive(Debug, Clone, Default)]
pub(crate) struct Store {
    points: Vec<Vec<Point>>,
    /// Per record: its target, its source (into `sources`) and its extra fields (into
    /// `extras`, or [`NONE`]).
    target: Vec<u32>,
    source: Vec<u32>,
    extra: Vec<u32>,
    sources: Vec<Citation>,
    /// Sources given as text alone (no clause, no quote), by text.
    texts: HashMap<String, u32>,
    extras: Vec<Extra>,
    /// Records held under an id that is not `<target>@<date>` of a catalogue target.
    named: HashMap<String, u32>,
    /// Records held under `<target>@<date>` other than their own target and date (an explicit
    /// id naming another date or target). Almost always empty; the rest are found by date in
    /// their target's points.
    odd: HashMap<(u32, NaiveDate), u32>,
    seq: u32,
}

impl Store {
    pub(crate) fn new(targets: usize) -> Store {
        Store { points: vec![Vec::new(); targets], ..Store::default() }
    }

    /// The observations of target `t`, by date (ties in insertion order).
    pub(crate) fn of(&self, t: usize) -> &[Point] {
        &self.points[t]
    }

    pub(crate) fn len(&self) -> usize {
        self.target.len()
    }

    /// True if no record is held under a `<target>@<date>` other than its own: then a row with
    /// the default id can only meet an observation of its own target and date.
    pub(crate) fn all_plain(&self) -> bool {
        self.odd.is_empty()
    }

    /// The record held under `key`, if any.
    fn holder(&self, key: &Key) -> Option<u32> {
        match key {
            Key::Name(id) => self.named.get(id).copied(),
            Key::Pair(t, date) if self.odd.is_empty() => self.plain_at(*t, *date),
            Key::Pair(t, date) => self.odd.get(&(*t, *date)).copied().or_else(|| self.plain_at(*t, *date)),
        }
    }

    /// The target of the observation held under `key`, if any.
    pub(crate) fn target_of(&self, key: &Key) -> Option<u32> {
        self.holder(key).map(|r| self.target[r as usize])
    }

    fn explicit_id(&self, record: u32) -> Option<&str> {
        let e = self.extra[record as usize];
        if e == NONE { None } else { self.extras[e as usize].id.as_deref() }
    }

    /// The record of target `t` dated `date` held under its default id.
    fn plain_at(&self, t: u32, date: NaiveDate) -> Option<u32> {
        let list = &self.points[t as usize];
        let from = list.partition_point(|p| p.date < date);
        list[from..]
            .iter()
            .take_while(|p| p.date == date)
            .find(|p| self.explicit_id(p.record).is_none())
            .map(|p| p.record)
    }

    /// The id of the observation behind a point of `target`.
    pub(crate) fn id(&self, point: &Point, target: &Target) -> String {
        match self.explicit_id(point.record) {
            Some(id) => id.to_owned(),
            None => format!("{}@{}", target.id, point.date),
        }
    }

    /// The index of a source, added if new.
    pub(crate) fn intern(&mut self, source: Citation) -> u32 {
        let plain = source.clause.is_none() && source.quote.is_none();
        if plain && let Some(&i) = self.texts.get(&source.document) {
            return i;
        }
        let i = self.sources.len() as u32;
        if plain {
            self.texts.insert(source.document.clone(), i);
        }
        self.sources.push(source);
        i
    }

    /// The index of a source given as text, added if new.
    pub(crate) fn intern_text(&mut self, text: &str) -> u32 {
        match self.texts.get(text) {
            Some(&i) => i,
            None => self.intern(Citation { document: text.to_owned(), clause: None, quote: None }),
        }
    }

    fn set_extra(&mut self, record: u32, extra: Extra) {
        let slot = &mut self.extra[record as usize];
        if extra.is_empty() {
            *slot = NONE;
        } else if *slot == NONE {
            *slot = self.extras.len() as u32;
            self.extras.push(extra);
        } else {
            self.extras[*slot as usize] = extra;
        }
    }

    /// Stores a checked row; a row with an id already held replaces that observation.
    pub(crate) fn insert(&mut self, row: Checked) {
        self.seq += 1;
        let source = self.intern(row.source);
        let record = match self.holder(&row.key) {
            Some(r) => {
                let old = self.target[r as usize] as usize;
                self.points[old].retain(|p| p.record != r);
                self.target[r as usize] = row.target;
                self.source[r as usize] = source;
                r
            }
            None => {
                self.target.push(row.target);
                self.source.push(source);
                self.extra.push(NONE);
                (self.target.len() - 1) as u32
            }
        };
        let mut extra = row.extra;
        match &row.key {
            Key::Name(id) => {
                extra.id = Some(id.clone());
                self.named.insert(id.clone(), record);
            }
            Key::Pair(t, date) if (*t, *date) == (row.target, row.date) => {
                extra.id = None;
                self.odd.remove(&(*t, *date));
            }
            Key::Pair(t, date) => {
                self.odd.insert((*t, *date), record);
            }
        }
        self.set_extra(record, extra);
        let p = Point {
            date: row.date,
            known: row.published.unwrap_or(row.date),
            value: row.value,
            qualifier: row.qualifier,
            record,
            seq: self.seq,
        };
        let list = &mut self.points[row.target as usize];
        let at = list.partition_point(|q| (q.date, q.seq) <= (p.date, p.seq));
        list.insert(at, p);
    }

    /// Stores rows that all have their default id (the caller checked that no record is held
    /// under another's `<target>@<date>`), in order: a later row of a target and date replaces
    /// an earlier one and any held. Rows are grouped by target with a counting sort and each
    /// target's points sorted once. `readings` are the texts the rows' `reading` index.
    pub(crate) fn insert_plain(&mut self, rows: &[Plain], readings: &[&str]) {
        let first_seq = self.seq;
        self.seq += rows.len() as u32;
        let mut start = vec![0u32; self.points.len() + 1];
        for r in rows {
            start[r.target as usize + 1] += 1;
        }
        for t in 0..self.points.len() {
            start[t + 1] += start[t];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; rows.len()];
        for (i, r) in rows.iter().enumerate() {
            let at = &mut next[r.target as usize];
            order[*at as usize] = i as u32;
            *at += 1;
        }
        let mut group: Vec<u32> = Vec::new();
        for t in 0..self.points.len() {
            let (a, b) = (start[t] as usize, start[t + 1] as usize);
            if a == b {
                continue;
            }
            group.clear();
            group.extend_from_slice(&order[a..b]);
            // Row order within a date: the last row of a date is the one kept.
            group.sort_unstable_by_key(|&i| (rows[i as usize].date, i));
            let had = !self.points[t].is_empty();
            let mut fresh = Vec::with_capacity(group.len());
            for (k, &i) in group.iter().enumerate() {
                let row = &rows[i as usize];
                if group.get(k + 1).is_some_and(|&j| rows[j as usize].date == row.date) {
                    continue;
                }
                let held = if had { self.plain_at(t as u32, row.date) } else { None };
                let record = match held {
                    Some(r) => {
                        self.source[r as usize] = row.source;
                        r
                    }
                    None => {
                        self.target.push(t as u32);
                        self.source.push(row.source);
                        self.extra.push(NONE);
                        (self.target.len() - 1) as u32
                    }
                };
                let reading = (row.reading != NONE).then(|| readings[row.reading as usize].to_owned());
                if reading.is_some() || held.is_some() {
                    self.set_extra(record, Extra { id: None, metric: None, reading });
                }
                fresh.push((
                    held,
                    Point {
                        date: row.date,
                        known: row.known,
                        value: row.value,
                        qualifier: row.qualifier,
                        record,
                        seq: first_seq + i + 1,
                    },
                ));
            }
            let list = &mut self.points[t];
            if had {
                let mut replaced: Vec<u32> = fresh.iter().filter_map(|(held, _)| *held).collect();
                if !replaced.is_empty() {
                    replaced.sort_unstable();
                    list.retain(|p| replaced.binary_search(&p.record).is_err());
                }
                list.extend(fresh.iter().map(|(_, p)| *p));
                list.sort_by_key(|p| (p.date, p.seq));
            } else {
                list.reserve_exact(fresh.len());
                list.extend(fresh.iter().map(|(_, p)| *p));
            }
        }
    }

    /// The stored observation behind a point, in the catalogue's shape.
    pub(crate) fn observation(&self, point: &Point, target: &Target) -> Observation {
        let r = point.record as usize;
        let extra = (self.extra[r] != NONE).then(|| &self.extras[self.extra[r] as usize]);
        Observation {
            id: self.id(point, target),
            metric: extra.and_then(|e| e.metric.clone()).unwrap_or_else(|| target.metric.clone()),
            target: Some(target.id.clone()),
            value: point.value,
            qualifier: point.qualifier,
            unit: target.unit.clone(),
            as_of: point.date,
            published: (point.known != point.date).then_some(point.known),
            scope: target.scope.clone(),
            source: self.sources[self.source[r] as usize].clone(),
            reading: extra.and_then(|e| e.reading.clone()),
        }
    }
}
