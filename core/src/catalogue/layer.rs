//! Merging catalogue layers, remembering where each entry came from.
//!
//! A catalogue is built from layers: the built-in files, then any user overlays. An overlay
//! entry with the id of an existing entry replaces it; a parameter's values are merged value
//! by value (same jurisdiction and start date replaces, otherwise adds). Problems found after
//! merging point at the layer and position the entry came from (`overlay:$.measures[3]`).

use std::collections::HashMap;

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
}

macro_rules! has_id {
    ($field:ident, $ty:ty, $kind:literal) => {
        impl HasId for $ty {
            fn id(&self) -> &str {
                &self.id
            }
        }
    };
}
for_each_section!(has_id);

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
    /// The later entry replaces the earlier one (user overlays).
    Replace,
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
) {
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
                stringify!($field),
                clash,
                problems,
            );
        };
    }
    for_each_section!(merge_section);
    if overlay.format.is_some() {
        base.format = overlay.format;
    }
}

#[allow(clippy::too_many_arguments)]
fn merge_entries<T: HasId>(
    base: &mut Vec<T>,
    origins: &mut Vec<Origin>,
    overlay: Vec<T>,
    positions: &[u32],
    layer: u16,
    prefix: &str,
    section: &str,
    clash: Clash,
    problems: &mut Vec<Problem>,
) {
    let mut position: HashMap<String, usize> =
        base.iter().enumerate().map(|(i, e)| (e.id().to_owned(), i)).collect();
    let first_new = base.len();
    for (entry, &j) in overlay.into_iter().zip(positions) {
        let path = format!("{prefix}$.{section}[{j}].id");
        match position.get(entry.id()).copied() {
            Some(i) if i >= first_new || origins[i].0 == layer => {
                problems.push(duplicate(&path, entry.id()));
            }
            Some(i) if clash == Clash::Replace => {
                base[i] = entry;
                origins[i] = (layer, j);
            }
            Some(_) => problems.push(duplicate(&path, entry.id())),
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
) {
    let section = section_index("parameters");
    let first_new = base.parameters.len();
    for (param, &j) in overlay.into_iter().zip(positions) {
        let value_origins = (0..param.values.len()).map(|v| (layer, j, v as u32)).collect::<Vec<_>>();
        let existing = base.parameters.iter().position(|p| p.id == param.id);
        match existing {
            Some(i) if i >= first_new || origins.entries[section][i].0 == layer || clash == Clash::Forbid => {
                problems.push(duplicate(&format!("{prefix}$.parameters[{j}].id"), &param.id));
            }
            Some(i) => {
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
            }
            None => {
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
