//! Merging catalogue layers, remembering where each entry came from.
//!
//! A catalogue is built from layers: the built-in files, then any user overlays. An overlay
//! entry with the id of an existing entry replaces it only when the overlay says so
//! ([`LayerOptions::replace`]); a replacement that changes what the entry is (its kind, unit,
//! level, parent or jurisdiction) needs [`LayerOptions::redefine`] as well. A parameter's
//! values are merged value by value (same jurisdiction and start date replaces, otherwise
//! adds). Every replacement is recorded ([`Replacement`]). Problems found after merging point
//! at the layer and position the entry came from (`overlay:$.measures[3]`).
//!
//! Merging is linear in the size of the layers: ids are looked up in hash maps, never by
//! scanning the entries already merged.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::{CatalogueData, SECTIONS, for_each_section};
use super::load::Parsed;
use super::rule::Rule;
use super::{
    Community, CommunityType, Document, Jurisdiction, Measure, Observation, Parameter, Programme, Target,
    Unit,
};
use crate::error::Problem;

/// An entry with an id.
pub(crate) trait HasId {
    fn id(&self) -> &str;
    /// The fields that say what the entry is, as (name, value): a replacement that changes
    /// one of them is a redefinition.
    fn defining(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

macro_rules! has_id {
    ($field:ident, $ty:ty, $kind:literal) => {
        impl HasId for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn defining(&self) -> Vec<(&'static str, String)> {
                defining_fields!(self, $field)
            }
        }
    };
}

fn show<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

macro_rules! defining_fields {
    ($e:ident, jurisdictions) => {
        vec![("level", show(&$e.level)), ("parent", show(&$e.parent))]
    };
    ($e:ident, documents) => {
        vec![("kind", show(&$e.kind)), ("jurisdiction", show(&$e.jurisdiction))]
    };
    ($e:ident, units) => {
        vec![("kind", show(&$e.kind)), ("jurisdiction", show(&$e.jurisdiction)), ("parent", show(&$e.parent))]
    };
    ($e:ident, programmes) => {
        vec![("jurisdiction", show(&$e.jurisdiction))]
    };
    ($e:ident, communities) => {
        vec![("jurisdiction", show(&$e.jurisdiction))]
    };
    ($e:ident, targets) => {
        vec![("unit", show(&$e.unit)), ("scope", show(&$e.scope))]
    };
    ($e:ident, observations) => {
        vec![("unit", show(&$e.unit)), ("target", show(&$e.target))]
    };
    ($e:ident, parameters) => {
        vec![("unit", show(&$e.unit))]
    };
    ($e:ident, rules) => {
        vec![("jurisdiction", show(&$e.jurisdiction))]
    };
    ($e:ident, $other:ident) => {
        Vec::new()
    };
}
for_each_section!(has_id);

/// What an overlay may do to entries already in the catalogue.
///
/// By default an overlay only adds: an entry whose id is taken, or a parameter value for a
/// jurisdiction and start date that already has one, is a `replaces_entry` problem.
///
/// # Example
///
/// ```
/// let opts: zhengce::LayerOptions = serde_json::from_str(r#"{"replace": true}"#).unwrap();
/// assert!(opts.replace && !opts.redefine);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LayerOptions {
    /// Let an overlay entry replace the entry with its id (and a parameter value replace the
    /// value of the same jurisdiction and start date). Each replacement is reported in
    /// [`Catalogue::replacements`](super::Catalogue::replacements).
    pub replace: bool,
    /// Let a replacement change what the entry is: a jurisdiction's level or parent, a
    /// document's or unit's kind, an entry's jurisdiction, a target's or parameter's unit.
    /// Moving a jurisdiction under another parent changes the calendar and parameters it
    /// inherits, so it must be asked for. Implies nothing unless `replace` is set too.
    pub redefine: bool,
}

/// An entry an overlay replaced, as listed by [`Catalogue::replacements`](super::Catalogue::replacements).
///
/// # Example
///
/// ```
/// let r = zhengce::Replacement { layer: "overlay".into(), kind: "parameter".into(),
///     id: "procurement.bid_bond.rate".into(), path: "overlay:$.parameters[0]".into(), redefined: vec![] };
/// assert_eq!(r.kind, "parameter");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Replacement {
    /// The label of the layer that replaced it (`overlay`).
    pub layer: String,
    /// The entry's kind (`jurisdiction`, `parameter`, ...).
    pub kind: String,
    /// The entry's id.
    pub id: String,
    /// Where the replacing entry is, `<layer>:$.<section>[i]`.
    pub path: String,
    /// The defining fields the replacement changed (`unit`, `parent`), when `redefine` allowed it.
    pub redefined: Vec<String>,
}

/// Where an entry of the merged catalogue came from: layer number and index in that layer.
type Origin = (u16, u32);

/// For every entry (and parameter value) of a merged catalogue, the layer and position it came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origins {
    labels: Vec<String>,
    entries: [Vec<Origin>; SECTIONS.len()],
    values: Vec<Vec<(u16, u32, u32)>>,
}

/// What to do when a layer has an entry whose id is already taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clash {
    /// The later entry may replace the earlier one as the options allow (user overlays).
    Replace(LayerOptions),
    /// A clash is a `duplicate_id` problem (parts of one catalogue, e.g. the built-in files).
    Forbid,
}

fn section_index(name: &str) -> usize {
    SECTIONS.iter().position(|s| *s == name).expect("a known section")
}

impl Origins {
    fn prefix(&self, layer: u16) -> String {
        match self.labels[layer as usize].as_str() {
            label if self.labels.len() > 1 && !label.is_empty() => format!("{label}:"),
            _ => String::new(),
        }
    }

    /// The JSON path of entry `i` of `section`, in the layer it came from.
    pub(crate) fn entry(&self, section: &str, i: usize) -> String {
        match self.entries[section_index(section)].get(i) {
            Some(&(layer, index)) => format!("{}$.{section}[{index}]", self.prefix(layer)),
            None => format!("$.{section}[{i}]"),
        }
    }

    /// The JSON path of value `v` of parameter `p`, in the layer it came from.
    pub(crate) fn value(&self, p: usize, v: usize) -> String {
        match self.values.get(p).and_then(|vs| vs.get(v)) {
            Some(&(layer, param, value)) => {
                format!("{}$.parameters[{param}].values[{value}]", self.prefix(layer))
            }
            None => format!("$.parameters[{p}].values[{v}]"),
        }
    }
}

/// Merges `overlay` (labelled `label`) into `base`, recording origins and clash problems.
pub(crate) fn merge(
    base: &mut CatalogueData,
    origins: &mut Origins,
    overlay: Parsed,
    label: &str,
    clash: Clash,
    problems: &mut Vec<Problem>,
) -> Vec<Replacement> {
    let mut replaced = Vec::new();
    let Parsed { data: overlay, positions } = overlay;
    let layer = origins.labels.len() as u16;
    origins.labels.push(label.to_owned());
    let prefix = if layer == 0 { String::new() } else { format!("{label}:") };
    macro_rules! merge_section {
        (parameters, $ty:ty, $kind:literal) => {
            merge_parameters(
                base,
                origins,
                overlay.parameters,
                &positions[section_index("parameters")],
                layer,
                &prefix,
                clash,
                problems,
                &mut replaced,
            );
        };
        ($field:ident, $ty:ty, $kind:literal) => {
            merge_entries(
                &mut base.$field,
                &mut origins.entries[section_index(stringify!($field))],
                overlay.$field,
                &positions[section_index(stringify!($field))],
                layer,
                &prefix,
                (stringify!($field), $kind),
                clash,
                problems,
                &mut replaced,
            );
        };
    }
    for_each_section!(merge_section);
    if overlay.format.is_some() {
        base.format = overlay.format;
    }
    for r in &mut replaced {
        r.layer = label.to_owned();
    }
    replaced
}

/// Checks a replacement of `old` by `new` against the options; returns the report entry, or
/// pushes a problem and returns `None`.
fn replacement<T: HasId>(
    old: &T,
    new: &T,
    path: &str,
    kind: &str,
    clash: Clash,
    problems: &mut Vec<Problem>,
) -> Option<Replacement> {
    let Clash::Replace(options) = clash else {
        problems.push(duplicate(&format!("{path}.id"), new.id()));
        return None;
    };
    if !options.replace {
        problems.push(Problem::new(
            "replaces_entry",
            format!("{path}.id"),
            format!(
                "expected a new id, got '{}', the id of a {kind} already in the catalogue (pass replace: true to replace it)",
                new.id()
            ),
        ));
        return None;
    }
    let changed: Vec<(&str, String, String)> = old
        .defining()
        .into_iter()
        .zip(new.defining())
        .filter(|((_, a), (_, b))| a != b)
        .map(|((name, a), (_, b))| (name, a, b))
        .collect();
    if !changed.is_empty() && !options.redefine {
        for (name, a, b) in &changed {
            problems.push(Problem::new(
                "redefines_entry",
                format!("{path}.{name}"),
                format!(
                    "expected the {name} of the {kind} '{}' to stay {a}, got {b} (pass redefine: true to change what the entry is)",
                    new.id()
                ),
            ));
        }
        return None;
    }
    Some(Replacement {
        layer: String::new(),
        kind: kind.to_owned(),
        id: new.id().to_owned(),
        path: path.to_owned(),
        redefined: changed.into_iter().map(|(name, _, _)| name.to_owned()).collect(),
    })
}

#[allow(clippy::too_many_arguments)]
fn merge_entries<T: HasId>(
    base: &mut Vec<T>,
    origins: &mut Vec<Origin>,
    overlay: Vec<T>,
    positions: &[u32],
    layer: u16,
    prefix: &str,
    (section, kind): (&str, &str),
    clash: Clash,
    problems: &mut Vec<Problem>,
    replaced: &mut Vec<Replacement>,
) {
    if overlay.is_empty() {
        return;
    }
    let mut position: HashMap<String, usize> =
        base.iter().enumerate().map(|(i, e)| (e.id().to_owned(), i)).collect();
    let first_new = base.len();
    for (entry, &j) in overlay.into_iter().zip(positions) {
        let path = format!("{prefix}$.{section}[{j}]");
        match position.get(entry.id()).copied() {
            Some(i) if i >= first_new || origins[i].0 == layer => {
                problems.push(duplicate(&format!("{path}.id"), entry.id()));
            }
            Some(i) => {
                if let Some(r) = replacement(&base[i], &entry, &path, kind, clash, problems) {
                    base[i] = entry;
                    origins[i] = (layer, j);
                    replaced.push(r);
                }
            }
            None => {
                position.insert(entry.id().to_owned(), base.len());
                base.push(entry);
                origins.push((layer, j));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn merge_parameters(
    base: &mut CatalogueData,
    origins: &mut Origins,
    overlay: Vec<Parameter>,
    positions: &[u32],
    layer: u16,
    prefix: &str,
    clash: Clash,
    problems: &mut Vec<Problem>,
    replaced: &mut Vec<Replacement>,
) {
    if overlay.is_empty() {
        return;
    }
    let section = section_index("parameters");
    let first_new = base.parameters.len();
    // One map for the whole layer: looking each id up by scanning the parameters merged so
    // far made layering quadratic (250,000 parameters took minutes).
    let mut position: HashMap<String, usize> =
        base.parameters.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
    for (param, &j) in overlay.into_iter().zip(positions) {
        let path = format!("{prefix}$.parameters[{j}]");
        let value_origins = (0..param.values.len()).map(|v| (layer, j, v as u32)).collect::<Vec<_>>();
        match (position.get(&param.id).copied(), clash) {
            (Some(i), Clash::Replace(options)) if i < first_new && origins.entries[section][i].0 != layer => {
                let target = &base.parameters[i];
                // Values for new jurisdictions or periods extend the parameter; replacing a
                // value, the name or the unit replaces the entry.
                let same_value = |v: &super::ParameterValue| {
                    target.values.iter().position(|w| {
                        w.jurisdiction == v.jurisdiction && w.effective_from == v.effective_from
                    })
                };
                let replaces = param.name != target.name
                    || param.unit != target.unit
                    || param.description.as_ref().is_some_and(|d| target.description.as_ref() != Some(d))
                    || param.values.iter().any(|v| same_value(v).is_some_and(|k| target.values[k] != *v));
                let report = if replaces || options.replace {
                    match replacement(target, &param, &path, "parameter", clash, problems) {
                        Some(r) => Some(r),
                        None => continue,
                    }
                } else {
                    None
                };
                let target = &mut base.parameters[i];
                origins.entries[section][i] = (layer, j);
                target.name = param.name;
                target.unit = param.unit;
                if param.description.is_some() {
                    target.description = param.description;
                }
                for (value, origin) in param.values.into_iter().zip(value_origins) {
                    let same = target.values.iter().position(|v| {
                        v.jurisdiction == value.jurisdiction && v.effective_from == value.effective_from
                    });
                    match same {
                        Some(k) => {
                            target.values[k] = value;
                            origins.values[i][k] = origin;
                        }
                        None => {
                            target.values.push(value);
                            origins.values[i].push(origin);
                        }
                    }
                }
                replaced.extend(report.filter(|_| replaces));
            }
            (Some(_), _) => problems.push(duplicate(&format!("{path}.id"), &param.id)),
            (None, _) => {
                position.insert(param.id.clone(), base.parameters.len());
                base.parameters.push(param);
                origins.entries[section].push((layer, j));
                origins.values.push(value_origins);
            }
        }
    }
}

fn duplicate(path: &str, id: &str) -> Problem {
    Problem::new("duplicate_id", path, format!("expected a unique id, got '{id}' a second time"))
}
