//! Inspector assignment: the second random draw (随机选派执法检查人员).

use std::collections::HashMap;

use super::stream::Stream;
use super::{Directory, Entity, Workload};
use crate::error::{Error, ErrorKind, Result};

/// Draws inspectors visit by visit from one stream (`["inspectors"]`), keeping every
/// inspector's load in the plan.
///
/// For each visit and each of its departments (in the order the plan's checks name them), the
/// candidates are the department's inspectors not barred by a conflict with the entity, in
/// directory order. `per_check` of them are picked one at a time without replacement: under
/// [`Workload::Balanced`] among the remaining candidates with the lowest load so far, under
/// [`Workload::Uniform`] among all remaining candidates; the pick is `below(count)` into that
/// list.
pub(crate) struct Assigner<'d> {
    directory: &'d Directory,
    by_department: HashMap<&'d str, Vec<usize>>,
    load: Vec<u64>,
    stream: Stream,
    workload: Workload,
    per_check: u64,
}

impl<'d> Assigner<'d> {
    pub(crate) fn new(
        directory: &'d Directory,
        seed: &str,
        workload: Workload,
        per_check: u64,
    ) -> Assigner<'d> {
        let mut by_department: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, ins) in directory.inspectors().iter().enumerate() {
            by_department.entry(ins.department.as_str()).or_default().push(i);
        }
        Assigner {
            directory,
            by_department,
            load: vec![0; directory.inspectors().len()],
            stream: Stream::new(seed, &["inspectors"]),
            workload,
            per_check,
        }
    }

    /// The inspectors (directory indices, in pick order) of one department for visit `number`.
    ///
    /// # Errors
    ///
    /// - `infeasible` if fewer than `per_check` inspectors of the department are free of
    ///   conflict with the entity, naming the visit, the department and the conflicts.
    pub(crate) fn assign(&mut self, number: u64, entity: &Entity, department: &str) -> Result<Vec<usize>> {
        let all = self.by_department.get(department).map(Vec::as_slice).unwrap_or_default();
        let inspectors = self.directory.inspectors();
        let mut candidates: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| !inspectors[i].conflicts.iter().any(|c| c.bars(entity)))
            .collect();
        if (candidates.len() as u64) < self.per_check {
            let conflicted: Vec<String> = all
                .iter()
                .filter(|&&i| !candidates.contains(&i))
                .map(|&i| {
                    let ins = &inspectors[i];
                    let why: Vec<String> = ins
                        .conflicts
                        .iter()
                        .filter(|c| c.bars(entity))
                        .map(|c| match c {
                            super::Conflict::Entity(id) => format!("entity '{id}'"),
                            super::Conflict::Industry(x) => format!("industry '{x}'"),
                            super::Conflict::District(x) => format!("district '{x}'"),
                        })
                        .collect();
                    format!("'{}' ({})", ins.id, why.join(", "))
                })
                .collect();
            let why = if all.is_empty() {
                format!(
                    "department '{department}' has no inspector in the directory; {} needed",
                    self.per_check
                )
            } else {
                format!(
                    "department '{department}' has {} inspector(s) free of conflict, {} needed: {} in the directory, {} in conflict{}",
                    candidates.len(),
                    self.per_check,
                    all.len(),
                    conflicted.len(),
                    if conflicted.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", conflicted.join("; "))
                    }
                )
            };
            return Err(Error::new(ErrorKind::Infeasible {
                what: format!("assign inspectors to visit {number} (entity '{}')", entity.id),
                why,
            }));
        }
        let mut picked = Vec::with_capacity(self.per_check as usize);
        for _ in 0..self.per_check {
            let pool: Vec<usize> = match self.workload {
                Workload::Uniform => (0..candidates.len()).collect(),
                Workload::Balanced => {
                    let min = candidates.iter().map(|&i| self.load[i]).min().unwrap_or(0);
                    (0..candidates.len()).filter(|&k| self.load[candidates[k]] == min).collect()
                }
            };
            let k = pool[self.stream.below(pool.len() as u64) as usize];
            let chosen = candidates.remove(k);
            self.load[chosen] += 1;
            picked.push(chosen);
        }
        Ok(picked)
    }
}
