//! Semantic checks over merged catalogue data: ids, references, names, periods, overlaps.
//!
//! Every check appends to one list of problems; nothing stops at the first.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::data::CatalogueData;
use super::layer::Origins;
use super::{Citation, Clause, Period, Text};
use crate::error::Problem;
use crate::value::is_valid_id;

/// Checks `data`, appending every problem found; paths come from `origins`.
pub(crate) fn validate(data: &CatalogueData, origins: &Origins, problems: &mut Vec<Problem>) {
    let mut v = Validator { data, origins, problems, ids: HashMap::new(), clauses: HashMap::new() };
    v.register_ids();
    v.jurisdictions();
    v.documents();
    v.units();
    v.programmes();
    v.measures();
    v.communities();
    v.targets();
    v.observations();
    v.parameters();
    v.rules();
}

struct Validator<'a> {
    data: &'a CatalogueData,
    origins: &'a Origins,
    problems: &'a mut Vec<Problem>,
    /// Every id to its kind and the path where it is defined.
    ids: HashMap<&'a str, (&'static str, String)>,
    /// Clause id to its document's id.
    clauses: HashMap<&'a str, &'a str>,
}

impl<'a> Validator<'a> {
    fn problem(&mut self, code: &str, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(code, path, message));
    }

    fn register(&mut self, kind: &'static str, id: &'a str, path: String) {
        if !is_valid_id(id) {
            self.problem(
                "invalid_id",
                format!("{path}.id"),
                format!("expected an id of lower-case letters, digits and - _ . / @, got '{id}'"),
            );
        }
        if let Some((other, at)) = self.ids.get(id) {
            let message = format!("expected a unique id, got '{id}', already the id of the {other} at {at}");
            self.problem("duplicate_id", format!("{path}.id"), message);
        } else {
            self.ids.insert(id, (kind, path));
        }
    }

    fn register_ids(&mut self) {
        let data = self.data;
        macro_rules! register_all {
            ($field:ident, $kind:literal) => {
                for (i, e) in data.$field.iter().enumerate() {
                    let path = self.origins.entry(stringify!($field), i);
                    self.register($kind, &e.id, path);
                }
            };
        }
        register_all!(jurisdictions, "jurisdiction");
        register_all!(documents, "document");
        for (i, doc) in data.documents.iter().enumerate() {
            let path = self.origins.entry("documents", i);
            self.register_clauses(&doc.id, &doc.clauses, &format!("{path}.clauses"));
        }
        register_all!(units, "unit");
        register_all!(programmes, "programme");
        register_all!(measures, "measure");
        register_all!(community_types, "community_type");
        register_all!(communities, "community");
        register_all!(targets, "target");
        register_all!(observations, "observation");
        register_all!(parameters, "parameter");
        register_all!(rules, "rule");
    }

    /// Registers a clause list whose JSON path is `list`, and the lists below it.
    fn register_clauses(&mut self, doc: &'a str, clauses: &'a [Clause], list: &str) {
        for (i, clause) in clauses.iter().enumerate() {
            let path = format!("{list}[{i}]");
            self.register("clause", &clause.id, path.clone());
            if !clause.id.strip_prefix(doc).is_some_and(|rest| rest.len() > 1 && rest.starts_with('/')) {
                self.problem(
                    "bad_clause_id",
                    format!("{path}.id"),
                    format!("expected a clause id starting with '{doc}/', got '{}'", clause.id),
                );
            }
            self.clauses.insert(&clause.id, doc);
            self.non_empty_text(&format!("{path}.summary"), &clause.summary);
            if let Some(text) = &clause.text {
                self.non_empty_text(&format!("{path}.text"), text);
            }
            if let Some(title) = &clause.title {
                self.name(&format!("{path}.title"), title);
            }
            self.register_clauses(doc, &clause.children, &format!("{path}.children"));
        }
    }

    /// True if jurisdiction `inner` is `outer` or below it (following parents, at most as
    /// many steps as there are jurisdictions, so a cycle cannot loop).
    fn within(&self, inner: &str, outer: &str) -> bool {
        let mut at = Some(inner);
        for _ in 0..=self.data.jurisdictions.len() {
            match at {
                Some(j) if j == outer => return true,
                Some(j) => {
                    at = self.data.jurisdictions.iter().find(|x| x.id == j).and_then(|x| x.parent.as_deref())
                }
                None => return false,
            }
        }
        false
    }

    /// Checks that `id` names an entry of `kind`.
    fn reference(&mut self, path: String, kind: &'static str, id: &str) {
        match self.ids.get(id) {
            Some((found, _)) if *found == kind => {}
            Some((found, _)) => {
                let message = format!("expected the id of a {kind}, got '{id}', the id of a {found}");
                self.problem("dangling_reference", path, message);
            }
            None => self.problem(
                "dangling_reference",
                path,
                format!("expected the id of a {kind}, got '{id}', which is not in the catalogue"),
            ),
        }
    }

    fn references(&mut self, path: &str, field: &str, kind: &'static str, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(format!("{path}.{field}[{i}]"), kind, id);
        }
    }

    fn optional(&mut self, path: &str, field: &str, kind: &'static str, id: &Option<String>) {
        if let Some(id) = id {
            self.reference(format!("{path}.{field}"), kind, id);
        }
    }

    fn citation(&mut self, path: &str, citation: &Citation, clause_required: bool) {
        self.reference(format!("{path}.document"), "document", &citation.document);
        match &citation.clause {
            Some(clause) => match self.clauses.get(clause.as_str()) {
                Some(doc) if *doc == citation.document => {}
                Some(doc) => {
                    let message = format!(
                        "expected a clause of document '{}', got '{clause}' of '{doc}'",
                        citation.document
                    );
                    self.problem("dangling_reference", format!("{path}.clause"), message);
                }
                None => {
                    let message =
                        format!("expected the id of a clause, got '{clause}', which is not in the catalogue");
                    self.problem("dangling_reference", format!("{path}.clause"), message);
                }
            },
            None if clause_required => {
                self.problem(
                    "missing_clause",
                    path.to_owned(),
                    "expected a citation of a clause, got only a document",
                );
            }
            None => {}
        }
        if citation.quote.as_ref().is_some_and(|q| q.trim().is_empty()) {
            self.problem("empty_text", format!("{path}.quote"), "expected a quotation, got an empty string");
        }
    }

    fn name(&mut self, path: &str, text: &Text) {
        for (lang, value) in [("zh", &text.zh), ("en", &text.en)] {
            if value.trim().is_empty() {
                self.problem(
                    "empty_name",
                    format!("{path}.{lang}"),
                    "expected a non-empty name, got an empty string",
                );
            }
        }
    }

    fn non_empty_text(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem("empty_text", path.to_owned(), "expected text, got an empty string");
        }
    }

    fn period(&mut self, path: &str, period: &Option<Period>) {
        if let Some(p) = period {
            self.dates(path, p.from, Some(p.until));
        }
    }

    fn dates(&mut self, path: &str, from: NaiveDate, until: Option<NaiveDate>) {
        if let Some(until) = until.filter(|u| *u < from) {
            self.problem(
                "invalid_period",
                path.to_owned(),
                format!("expected an end on or after {from}, got {until}"),
            );
        }
    }

    fn jurisdictions(&mut self) {
        let data = self.data;
        let parents: HashMap<&str, Option<&str>> =
            data.jurisdictions.iter().map(|j| (j.id.as_str(), j.parent.as_deref())).collect();
        for (i, j) in data.jurisdictions.iter().enumerate() {
            let path = self.origins.entry("jurisdictions", i);
            self.name(&format!("{path}.name"), &j.name);
            if let Some(parent) = &j.parent {
                if !parents.contains_key(parent.as_str()) {
                    self.problem(
                        "missing_parent",
                        format!("{path}.parent"),
                        format!(
                            "expected the id of a jurisdiction, got '{parent}', which is not in the catalogue"
                        ),
                    );
                }
                let mut at = Some(parent.as_str());
                for _ in 0..=parents.len() {
                    at = at.and_then(|p| parents.get(p).copied().flatten());
                    if at == Some(j.id.as_str()) {
                        self.problem(
                            "cycle",
                            format!("{path}.parent"),
                            format!("expected a tree, got a cycle through '{}'", j.id),
                        );
                        break;
                    }
                }
            }
            if let Some(source) = &j.source {
                self.citation(&format!("{path}.source"), source, false);
            }
        }
    }

    fn documents(&mut self) {
        for (i, d) in self.data.documents.iter().enumerate() {
            let path = self.origins.entry("documents", i);
            self.name(&format!("{path}.title"), &d.title);
            self.name(&format!("{path}.issuer"), &d.issuer);
            self.reference(format!("{path}.jurisdiction"), "jurisdiction", &d.jurisdiction);
            self.optional(&path, "implements", "document", &d.implements);
            self.period(&format!("{path}.period"), &d.period);
        }
    }

    fn units(&mut self) {
        for (i, u) in self.data.units.iter().enumerate() {
            let path = self.origins.entry("units", i);
            self.name(&format!("{path}.name"), &u.name);
            self.reference(format!("{path}.jurisdiction"), "jurisdiction", &u.jurisdiction);
            self.optional(&path, "parent", "unit", &u.parent);
            self.citation(&format!("{path}.source"), &u.source, false);
        }
    }

    fn programmes(&mut self) {
        for (i, p) in self.data.programmes.iter().enumerate() {
            let path = self.origins.entry("programmes", i);
            self.name(&format!("{path}.name"), &p.name);
            self.reference(format!("{path}.jurisdiction"), "jurisdiction", &p.jurisdiction);
            self.references(&path, "lead_units", "unit", &p.lead_units);
            self.references(&path, "co_units", "unit", &p.co_units);
            for (k, link) in p.responsibility_chain.iter().enumerate() {
                self.name(&format!("{path}.responsibility_chain[{k}].name"), &link.name);
            }
            self.period(&format!("{path}.period"), &p.period);
            self.citation(&format!("{path}.source"), &p.source, false);
        }
    }

    fn measures(&mut self) {
        for (i, m) in self.data.measures.iter().enumerate() {
            let path = self.origins.entry("measures", i);
            self.name(&format!("{path}.title"), &m.title);
            self.optional(&path, "programme", "programme", &m.programme);
            self.references(&path, "lead_units", "unit", &m.lead_units);
            self.references(&path, "co_units", "unit", &m.co_units);
            self.references(&path, "community_types", "community_type", &m.community_types);
            self.period(&format!("{path}.period"), &m.period);
            self.citation(&format!("{path}.source"), &m.source, true);
        }
    }

    fn communities(&mut self) {
        for (i, t) in self.data.community_types.iter().enumerate() {
            let path = self.origins.entry("community_types", i);
            self.name(&format!("{path}.name"), &t.name);
            self.name(&format!("{path}.focus"), &t.focus);
            self.citation(&format!("{path}.source"), &t.source, false);
        }
        for (i, c) in self.data.communities.iter().enumerate() {
            let path = self.origins.entry("communities", i);
            self.name(&format!("{path}.name"), &c.name);
            self.reference(format!("{path}.jurisdiction"), "jurisdiction", &c.jurisdiction);
            self.optional(&path, "sub_district", "unit", &c.sub_district);
            self.optional(&path, "unit", "unit", &c.unit);
            for (field, unit) in [("sub_district", &c.sub_district), ("unit", &c.unit)] {
                let Some(unit) = unit.as_deref().and_then(|u| self.data.units.iter().find(|x| x.id == u))
                else {
                    continue;
                };
                if !self.within(&c.jurisdiction, &unit.jurisdiction) {
                    self.problem(
                        "foreign_unit",
                        format!("{path}.{field}"),
                        format!(
                            "expected a unit of '{}' or a jurisdiction above it, got '{}', a unit of '{}'",
                            c.jurisdiction, unit.id, unit.jurisdiction
                        ),
                    );
                }
            }
            self.references(&path, "types", "community_type", &c.types);
            self.references(&path, "programmes", "programme", &c.programmes);
            self.references(&path, "targets", "target", &c.targets);
            self.citation(&format!("{path}.source"), &c.source, false);
        }
    }

    fn targets(&mut self) {
        for (i, t) in self.data.targets.iter().enumerate() {
            let path = self.origins.entry("targets", i);
            self.name(&format!("{path}.metric"), &t.metric);
            self.non_empty_text(&format!("{path}.unit"), &t.unit);
            self.reference(format!("{path}.scope"), "jurisdiction", &t.scope);
            self.optional(&path, "measure", "measure", &t.measure);
            self.optional(&path, "programme", "programme", &t.programme);
            self.optional(&path, "community_type", "community_type", &t.community_type);
            self.references(&path, "units", "unit", &t.units);
            self.period(&format!("{path}.period"), &t.period);
            self.citation(&format!("{path}.source"), &t.source, false);
            let comparator = t.comparator;
            self.target_kind(&path, t);
            if comparator.needs_value() && t.value.is_none() {
                self.problem(
                    "missing_value",
                    format!("{path}.value"),
                    format!("expected a value for comparator {comparator:?}, got none"),
                );
            }
            if !comparator.needs_value() && t.value.is_some() {
                self.problem(
                    "unexpected_value",
                    format!("{path}.value"),
                    format!("expected no value for a directional comparator {comparator:?}"),
                );
            }
            match (comparator, t.value, t.upper) {
                (super::Comparator::Range, Some(_), None) => {
                    self.problem(
                        "missing_value",
                        format!("{path}.upper"),
                        "expected an upper bound for a range, got none",
                    );
                }
                (super::Comparator::Range, Some(low), Some(high)) if high < low => {
                    self.problem(
                        "invalid_range",
                        format!("{path}.upper"),
                        format!("expected an upper bound of at least {low}, got {high}"),
                    );
                }
                (super::Comparator::Range, _, _) | (_, _, None) => {}
                (_, _, Some(_)) => {
                    self.problem(
                        "unexpected_value",
                        format!("{path}.upper"),
                        "expected an upper bound only for a range target",
                    );
                }
            }
        }
    }

    /// A milestone is a status target with a deadline; a recurring duty counts evidence per
    /// slot of its period.
    fn target_kind(&mut self, path: &str, t: &super::Target) {
        use super::{Comparator, TargetKind};
        match t.kind {
            TargetKind::Milestone => {
                if t.comparator != Comparator::Achieve || t.unit != "boolean" {
                    self.problem(
                        "unexpected_value",
                        format!("{path}.kind"),
                        format!(
                            "expected comparator achieve and unit 'boolean' for a milestone, got {:?} and '{}'",
                            t.comparator, t.unit
                        ),
                    );
                }
                if t.deadline.is_none() && t.period.is_none() {
                    self.problem(
                        "missing_value",
                        format!("{path}.deadline"),
                        "expected a deadline or a period for a milestone, got none",
                    );
                }
            }
            TargetKind::Recurring => {
                if t.every.is_none() {
                    self.problem(
                        "missing_value",
                        format!("{path}.every"),
                        "expected how often a recurring duty falls due, got none",
                    );
                }
                if t.period.is_none() {
                    self.problem(
                        "missing_value",
                        format!("{path}.period"),
                        "expected the period of a recurring duty, got none",
                    );
                }
                if t.comparator != Comparator::AtLeast {
                    self.problem(
                        "unexpected_value",
                        format!("{path}.comparator"),
                        format!(
                            "expected at_least (pieces of evidence per slot) for a recurring duty, got {:?}",
                            t.comparator
                        ),
                    );
                }
            }
            TargetKind::Level => {
                if t.every.is_some() {
                    self.problem(
                        "unexpected_value",
                        format!("{path}.every"),
                        "expected `every` only on a recurring duty",
                    );
                }
            }
        }
        if let Some(r) = t.stated_range.as_ref().filter(|r| r.upper < r.lower) {
            self.problem(
                "invalid_range",
                format!("{path}.stated_range.upper"),
                format!("expected an upper figure of at least {}, got {}", r.lower, r.upper),
            );
        }
    }

    fn observations(&mut self) {
        let units: HashMap<&str, &str> =
            self.data.targets.iter().map(|t| (t.id.as_str(), t.unit.as_str())).collect();
        for (i, o) in self.data.observations.iter().enumerate() {
            let path = self.origins.entry("observations", i);
            self.name(&format!("{path}.metric"), &o.metric);
            self.reference(format!("{path}.scope"), "jurisdiction", &o.scope);
            self.optional(&path, "target", "target", &o.target);
            if let Some((target, unit)) = o.target.as_deref().and_then(|t| units.get(t).map(|u| (t, *u)))
                && unit != o.unit
            {
                let message = format!("expected unit '{unit}' of target '{target}', got '{}'", o.unit);
                self.problem("unit_mismatch", format!("{path}.unit"), message);
            }
            if let Some(published) = o.published.filter(|p| *p < o.as_of) {
                self.problem(
                    "invalid_date",
                    format!("{path}.published"),
                    format!("expected a publication date on or after as_of {}, got {published}", o.as_of),
                );
            }
            self.citation(&format!("{path}.source"), &o.source, false);
        }
    }

    fn parameters(&mut self) {
        for (p, param) in self.data.parameters.iter().enumerate() {
            let path = self.origins.entry("parameters", p);
            self.name(&format!("{path}.name"), &param.name);
            self.non_empty_text(&format!("{path}.unit"), &param.unit);
            if param.values.is_empty() {
                self.problem(
                    "missing_value",
                    format!("{path}.values"),
                    "expected at least one value, got none",
                );
            }
            for (v, value) in param.values.iter().enumerate() {
                let vpath = self.origins.value(p, v);
                self.reference(format!("{vpath}.jurisdiction"), "jurisdiction", &value.jurisdiction);
                // Parameters are rates, caps, amounts, counts and durations: a negative one
                // would turn a bond or a fee negative.
                if value.value.is_sign_negative() && !value.value.is_zero() {
                    self.problem(
                        "negative_value",
                        format!("{vpath}.value"),
                        format!("expected a value of at least 0, got {}", value.value),
                    );
                }
                self.dates(&format!("{vpath}.until"), value.effective_from, value.until);
                self.citation(&format!("{vpath}.source"), &value.source, false);
                for (w, other) in param.values.iter().enumerate().take(v) {
                    let overlaps = other.jurisdiction == value.jurisdiction
                        && other.effective_from <= value.until.unwrap_or(NaiveDate::MAX)
                        && value.effective_from <= other.until.unwrap_or(NaiveDate::MAX);
                    if overlaps {
                        let until = other.until.map_or("open end".to_owned(), |u| u.to_string());
                        let message = format!(
                            "expected periods that do not overlap in '{}', got {} overlapping {}..{until} at {}",
                            value.jurisdiction,
                            value.effective_from,
                            other.effective_from,
                            self.origins.value(p, w)
                        );
                        self.problem("overlapping_periods", format!("{vpath}.effective_from"), message);
                    }
                }
            }
        }
    }

    fn rules(&mut self) {
        let params: std::collections::HashSet<&str> =
            self.data.parameters.iter().map(|p| p.id.as_str()).collect();
        let has_param = |key: &str| params.contains(key);
        for (i, r) in self.data.rules.iter().enumerate() {
            let path = self.origins.entry("rules", i);
            self.name(&format!("{path}.name"), &r.name);
            self.reference(format!("{path}.jurisdiction"), "jurisdiction", &r.jurisdiction);
            self.optional(&path, "measure", "measure", &r.measure);
            self.citation(&format!("{path}.source"), &r.source, false);
            super::rule::check_rule(r, &path, &has_param, self.problems);
        }
    }
}
