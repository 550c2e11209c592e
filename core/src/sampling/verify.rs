//! Verification of a published plan: re-derive it from its recorded inputs and list every
//! difference.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::stream::ALGORITHM;
use super::{Directory, InspectionPlan, Register, Visit};
use crate::context::Context;
use crate::error::Result;

/// One difference between a published plan and the plan re-derived from its inputs.
///
/// # Example
///
/// ```
/// # use zhengce::sampling::*;
/// # let ctx = zhengce::Context::builtin();
/// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b", "flags": ["complaint"]}]))?;
/// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
/// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
/// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
/// let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
/// let mut tampered = plan.clone();
/// tampered.base_ratio = "0.5".parse().unwrap();
/// let report = tampered.verify(&ctx, &register, &directory)?;
/// assert_eq!(report.differences[0].path, "$.base_ratio");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Difference {
    /// Where: a JSON path into the plan; visits are named by entity
    /// (`$.visits[entity='e12'].inspectors[0].id`).
    pub path: String,
    /// The published value (null if the published plan lacks it).
    pub published: Value,
    /// The re-derived value (null if the re-derived plan lacks it).
    pub derived: Value,
}

/// The outcome of [`InspectionPlan::verify`].
///
/// # Example
///
/// ```
/// # use zhengce::sampling::*;
/// # let ctx = zhengce::Context::builtin();
/// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b", "flags": ["complaint"]}]))?;
/// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
/// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
/// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
/// let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
/// let report: Verification = plan.verify(&ctx, &register, &directory)?;
/// assert!(report.matches && report.differences.is_empty());
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// True if the re-derived plan is the published one (the library version aside).
    pub matches: bool,
    /// Every difference, header fields first, then strata, then visits in published order.
    pub differences: Vec<Difference>,
    /// The library version that drew the published plan.
    pub published_version: String,
    /// The library version that re-derived it. A different version of the same algorithm
    /// must give the same plan, so versions are reported, not compared.
    pub verifier_version: String,
}

impl InspectionPlan {
    /// Re-derives the plan from its recorded spec and seed with `register` and `directory`
    /// and reports every difference.
    ///
    /// A changed catalogue, register or directory shows as a difference of its hash (and of
    /// whatever it changed in the plan); a re-derivation that fails (e.g. now infeasible)
    /// shows as one difference at `$` whose `derived` value is the error's details.
    ///
    /// # Errors
    ///
    /// None at present; the `Result` leaves room for checks that need one.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b"}]))?;
    /// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"},
    /// #     {"id": "i2", "department": "amr"}, {"id": "i3", "department": "amr"}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let mut plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
    /// assert!(plan.verify(&ctx, &register, &directory)?.matches);
    /// let honest = plan.visits[0].inspectors[0].id.clone();
    /// plan.visits[0].inspectors[0].id = "crony".into();
    /// let report = plan.verify(&ctx, &register, &directory)?;
    /// assert!(!report.matches);
    /// assert_eq!(report.differences[0].path, "$.visits[entity='e1'].inspectors[0].id");
    /// assert_eq!(report.differences[0].derived, serde_json::json!(honest));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn verify(&self, ctx: &Context, register: &Register, directory: &Directory) -> Result<Verification> {
        let mut differences = Vec::new();
        if self.algorithm != ALGORITHM {
            differences.push(Difference {
                path: "$.algorithm".into(),
                published: Value::from(self.algorithm.clone()),
                derived: Value::from(ALGORITHM),
            });
        } else {
            match InspectionPlan::draw(ctx, register, directory, &self.spec) {
                Ok(derived) => compare(self, &derived, &mut differences),
                Err(err) => differences.push(Difference {
                    path: "$".into(),
                    published: Value::from("a plan"),
                    derived: err.details(),
                }),
            }
        }
        Ok(Verification {
            matches: differences.is_empty(),
            differences,
            published_version: self.library_version.clone(),
            verifier_version: crate::value::VERSION.to_owned(),
        })
    }
}

fn compare(published: &InspectionPlan, derived: &InspectionPlan, out: &mut Vec<Difference>) {
    let to_value = |plan: &InspectionPlan| {
        let mut v = serde_json::to_value(plan).expect("plans serialise");
        let map = v.as_object_mut().expect("a plan is an object");
        map.shift_remove("library_version");
        map.shift_remove("visits");
        v
    };
    diff("$", &to_value(published), &to_value(derived), out);
    let key = |v: &Visit| {
        if published.spec.joint {
            format!("entity='{}'", v.entity)
        } else {
            let departments: Vec<&str> = v.checks.iter().map(|c| c.department.as_str()).collect();
            format!("entity='{}',department='{}'", v.entity, departments.join("+"))
        }
    };
    let json = |v: &Visit| serde_json::to_value(v).expect("visits serialise");
    let derived_by_key: HashMap<String, &Visit> = derived.visits.iter().map(|d| (key(d), d)).collect();
    let published_keys: HashSet<String> = published.visits.iter().map(key).collect();
    for p in &published.visits {
        let k = key(p);
        let path = format!("$.visits[{k}]");
        match derived_by_key.get(&k) {
            Some(d) => diff(&path, &json(p), &json(d), out),
            None => out.push(Difference { path, published: json(p), derived: Value::Null }),
        }
    }
    for d in &derived.visits {
        let k = key(d);
        if !published_keys.contains(&k) {
            out.push(Difference { path: format!("$.visits[{k}]"), published: Value::Null, derived: json(d) });
        }
    }
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<Difference>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                diff(&format!("{path}.{k}"), va, y.get(k).unwrap_or(&Value::Null), out);
            }
            for (k, vb) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                diff(&format!("{path}.{k}"), &Value::Null, vb, out);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                diff(
                    &format!("{path}[{i}]"),
                    x.get(i).unwrap_or(&Value::Null),
                    y.get(i).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        _ if a != b => {
            out.push(Difference { path: path.to_owned(), published: a.clone(), derived: b.clone() })
        }
        _ => {}
    }
}
