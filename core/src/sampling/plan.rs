//! The inspection plan: visits with their reasons and inspectors, per-stratum figures, the
//! publication deadline, and JSON and CSV exports.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::assign::Assigner;
use super::draw::{Slot, check_seed, draw_slots};
use super::policy::{INSPECTORS_MIN, PUBLICATION_LIMIT, publish_by, resolve};
use super::stream::ALGORITHM;
use super::{
    ClassPolicy, CreditClass, Directory, Entity, Flag, OnSite, PlanSpec, Register, StratifyBy, StratumSummary,
};
use crate::catalogue::ParameterUse;
use crate::context::Context;
use crate::error::{Error, Result};

/// Why an entity is in the plan.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(zhengce::sampling::Reason::Mandatory).unwrap(), "mandatory");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Drawn at random from its stratum.
    Random,
    /// Flagged (complaint, big-data alert, referred case, legal mandate): inspected whatever
    /// the draw.
    Mandatory,
}

/// How a visit is carried out.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(zhengce::sampling::Mode::OffSite).unwrap(), "off_site");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// At the entity's premises (现场检查).
    OnSite,
    /// From documents or online (书面核查, 网上检查): class A drawn at random.
    OffSite,
}

/// One department's check items in a visit.
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
/// assert_eq!(plan.visits[0].checks[0].items, ["licence"]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitCheck {
    /// The department.
    pub department: String,
    /// Its items that apply to the entity.
    pub items: Vec<String>,
}

/// An inspector assigned to a visit.
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
/// assert!(plan.visits[0].inspectors.iter().all(|i| i.department == "amr"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignedInspector {
    /// The inspector's id.
    pub id: String,
    /// The department the inspector checks for.
    pub department: String,
}

/// One visit of the plan: an entity, why it is inspected, how, for which items and by whom.
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
/// let v = &plan.visits[0];
/// assert_eq!((v.number, v.entity.as_str(), v.reason, v.mode), (1, "e1", Reason::Mandatory, Mode::OnSite));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// 1-based, in register order of the entities.
    pub number: u64,
    /// The entity's id.
    pub entity: String,
    /// The entity's credit class.
    pub credit_class: CreditClass,
    /// The key of the entity's stratum.
    pub stratum: String,
    /// Why the entity is inspected.
    pub reason: Reason,
    /// The flags that made the visit mandatory.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    /// On site or off site.
    pub mode: Mode,
    /// The departments' check items, in the plan's order; several in a joint visit.
    pub checks: Vec<VisitCheck>,
    /// The inspectors, department by department, in pick order.
    pub inspectors: Vec<AssignedInspector>,
}

/// When the plan's results must be public.
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
/// assert_eq!(plan.publication.working_days, 20); // 企业信息公示暂行条例 art 6
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The time limit in working days (`inspection.result_publication.time_limit`).
    pub working_days: u64,
    /// The plan's date plus that many working days on the jurisdiction's built-in calendar
    /// (Xinjiang's festivals included in Tianshan); empty when that falls outside the
    /// calendar's data, with the reason in `publish_by_unknown`.
    #[serde(default, with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub publish_by: Option<NaiveDate>,
    /// Why `publish_by` is empty: the out-of-coverage error, naming the dates covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_by_unknown: Option<String>,
}

/// A double-random inspection plan (双随机抽查计划): entities drawn at random by credit class
/// from the register, flagged entities added, departments' checks merged into visits and
/// inspectors drawn at random for each visit.
///
/// The plan is a pure function of its inputs (catalogue, register, directory, spec) and the
/// published seed: the same inputs give the same plan, byte for byte, in Rust, Python and
/// JavaScript on any machine. It records its seed, the parameters used, the hashes of the
/// catalogue, register and directory, the algorithm and the library version, so anyone can
/// [verify](InspectionPlan::verify) it.
///
/// # Example
///
/// ```
/// use zhengce::sampling::{Directory, InspectionPlan, PlanSpec, Register};
///
/// let ctx = zhengce::Context::builtin();
/// let register = Register::from_json_value(&serde_json::json!([
///     {"id": "e1", "credit_class": "a"}, {"id": "e2", "credit_class": "b"},
///     {"id": "e3", "credit_class": "d", "flags": ["complaint"]}]))?;
/// let directory = Directory::from_json_value(&serde_json::json!([
///     {"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"},
///     {"id": "i3", "department": "amr", "conflicts": [{"entity": "e3"}]}]))?;
/// let spec: PlanSpec = serde_json::from_value(serde_json::json!({
///     "jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "public draw 1",
///     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
/// let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
/// // Every stratum of one entity samples ⌈1 × ratio⌉ = 1; e3 is flagged and always in.
/// assert_eq!(plan.visits.len(), 3);
/// let e3 = plan.visits.iter().find(|v| v.entity == "e3").unwrap();
/// assert!(e3.inspectors.iter().all(|i| i.id != "i3")); // i3 must withdraw (回避)
/// assert!(plan.verify(&ctx, &register, &directory)?.matches);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "InspectionPlanData")]
pub struct InspectionPlan {
    /// The algorithm (`zhengce.sampling.v1`); a verifier refuses another.
    pub algorithm: String,
    /// The library version that drew the plan.
    pub library_version: String,
    /// The content hash of the catalogue the parameters came from.
    pub catalogue_hash: String,
    /// The hash of the register ([`Register::content_hash`]).
    pub register_hash: String,
    /// The hash of the inspector directory ([`Directory::content_hash`]).
    pub directory_hash: String,
    /// The plan's inputs as given, seed included.
    pub spec: PlanSpec,
    /// The base (class B) ratio used.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub base_ratio: Decimal,
    /// Inspectors per department per visit.
    pub inspectors_per_check: u64,
    /// The treatment of each class.
    pub policies: Vec<ClassPolicy>,
    /// The rule the policies came from, if a rule gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_rule: Option<String>,
    /// The parameters used, with their sources and dates (or the scenario that set them).
    pub parameters: Vec<ParameterUse>,
    /// When results must be public.
    pub publication: Publication,
    /// Register entities to which none of the plan's checks applies (not in any stratum).
    pub out_of_scope: u64,
    /// Per-stratum population, sample and realised ratio, in listing order.
    pub strata: Vec<StratumSummary>,
    /// The visits, in register order.
    pub visits: Vec<Visit>,
}

fn applies(check: &super::CheckSpec, entity: &Entity) -> bool {
    match &check.industries {
        None => true,
        Some(list) => entity.industry.as_ref().is_some_and(|i| list.contains(i)),
    }
}

impl InspectionPlan {
    /// Draws a plan.
    ///
    /// 1. **Scope and strata.** An entity is in scope if at least one check applies to it (a
    ///    check without `industries` applies to all). Strata are the credit classes, split by
    ///    `stratify_by`; out-of-scope entities are counted, not drawn.
    /// 2. **Entities.** In each stratum the flagged entities are selected (`mandatory`) and
    ///    `⌈pool × ratio⌉` of the others are drawn at random (see [`sample_size`](super::sample_size)
    ///    and the module docs for the algorithm). Random draws of a class whose policy is
    ///    [`OnSite::NotProactive`] (A) are checked off site; every other visit is on site.
    /// 3. **Visits.** The checks that apply to an entity are merged by department; with
    ///    `joint` (the default) one visit holds them all (进一次门、查多项事), otherwise each
    ///    department visits alone. Visits are numbered in register order.
    /// 4. **Inspectors.** Per visit and department, `inspectors_per_check` (at least the legal
    ///    minimum of 2, 行政处罚法 art 42) inspectors of the department free of conflict
    ///    (回避, art 43) are drawn (see the module docs).
    ///
    /// # Errors
    ///
    /// - `invalid_input` for an empty seed, no checks, a check without items, fewer
    ///   inspectors per check than the legal minimum, a base ratio outside 0..=1 or a negative
    ///   multiplier (naming the `spec.` field).
    /// - `not_found` / `invalid_input` (field `date`) for a parameter missing at the date.
    /// - `infeasible` if a visit cannot get enough inspectors free of conflict, naming the
    ///   visit, the entity and why.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b", "flags": ["complaint"]}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let lonely = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}]))?;
    /// let err = InspectionPlan::draw(&ctx, &register, &lonely, &spec).unwrap_err();
    /// assert_eq!(err.code(), "infeasible");
    /// assert_eq!(err.details()["what"], "assign inspectors to visit 1 (entity 'e1')");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn draw(
        ctx: &Context,
        register: &Register,
        directory: &Directory,
        spec: &PlanSpec,
    ) -> Result<InspectionPlan> {
        check_seed(&spec.seed)?;
        if spec.checks.is_empty() {
            return Err(Error::invalid_input("spec.checks", "[]", "at least one department's check items"));
        }
        for (i, c) in spec.checks.iter().enumerate() {
            if c.items.is_empty() || c.department.is_empty() {
                return Err(Error::invalid_input(
                    format!("spec.checks[{i}]"),
                    format!("department '{}' with {} items", c.department, c.items.len()),
                    "a department and at least one check item",
                ));
            }
        }
        let resolved = resolve(ctx, &spec.jurisdiction, spec.date, spec.base_ratio, &spec.policies)?;
        let (min_value, min) = ctx.in_force(INSPECTORS_MIN, &spec.jurisdiction, spec.date)?;
        let legal_min = min_value.to_u64().unwrap_or(2).max(1);
        let per_check = spec.inspectors_per_check.unwrap_or(legal_min);
        if per_check < legal_min {
            return Err(Error::invalid_input(
                "spec.inspectors_per_check",
                per_check,
                format!("at least {legal_min} inspectors per check (行政处罚法 art 42)"),
            ));
        }
        let (limit_value, limit) = ctx.in_force(PUBLICATION_LIMIT, &spec.jurisdiction, spec.date)?;
        let working_days =
            limit_value.to_u64().filter(|_| limit_value.fract().is_zero()).ok_or_else(|| {
                Error::invalid_input(PUBLICATION_LIMIT, limit_value, "a whole number of working days")
            })?;
        let (publish_by, publish_by_unknown) = publish_by(ctx, &spec.jurisdiction, spec.date, working_days)?;

        // Strata of the in-scope entities.
        let entities = register.entities();
        let in_scope: Vec<usize> =
            (0..entities.len()).filter(|&i| spec.checks.iter().any(|c| applies(c, &entities[i]))).collect();
        let mut by_key: HashMap<(CreditClass, Vec<Option<String>>), u32> = HashMap::new();
        let mut slots = Vec::new();
        let slot_of: Vec<u32> = in_scope
            .iter()
            .map(|&i| {
                let e = &entities[i];
                let attributes: Vec<(&'static str, Option<String>)> = spec
                    .stratify_by
                    .iter()
                    .map(|by| match by {
                        StratifyBy::Industry => ("industry", e.industry.clone()),
                        StratifyBy::District => ("district", e.district.clone()),
                    })
                    .collect();
                let key = (e.credit_class, attributes.iter().map(|a| a.1.clone()).collect::<Vec<_>>());
                let next = slots.len() as u32;
                let slot = *by_key.entry(key).or_insert(next);
                if slot == next {
                    slots.push(Slot::new(e.credit_class, None, attributes));
                }
                slot
            })
            .collect();
        drop(by_key);
        let drawn = draw_slots(
            &spec.seed,
            &resolved,
            slots,
            slot_of.iter().zip(&in_scope).map(|(&s, &row)| (s as usize, !entities[row].flags.is_empty())),
        )?;

        // Selected entities in register order, with their reason and stratum.
        let mut selected: Vec<(usize, Reason, usize)> = Vec::new();
        for (s, (_, random, mandatory)) in drawn.iter().enumerate() {
            selected.extend(random.iter().map(|&k| (in_scope[k as usize], Reason::Random, s)));
            selected.extend(mandatory.iter().map(|&k| (in_scope[k as usize], Reason::Mandatory, s)));
        }
        selected.sort_unstable_by_key(|x| x.0);

        // Visits and inspectors.
        let mut departments: Vec<&str> = Vec::new();
        for c in &spec.checks {
            if !departments.contains(&c.department.as_str()) {
                departments.push(&c.department);
            }
        }
        let mut assigner = Assigner::new(directory, &spec.seed, spec.workload, per_check);
        let mut visits = Vec::new();
        for (row, reason, s) in selected {
            let e = &entities[row];
            let summary = &drawn[s].0;
            let mode = match (reason, resolved.policy(e.credit_class).on_site) {
                (Reason::Random, OnSite::NotProactive) => Mode::OffSite,
                _ => Mode::OnSite,
            };
            let checks: Vec<VisitCheck> = departments
                .iter()
                .filter_map(|d| {
                    let mut items: Vec<String> = Vec::new();
                    for c in spec.checks.iter().filter(|c| c.department == *d && applies(c, e)) {
                        items.extend(
                            c.items.iter().filter(|i| !items.contains(i)).cloned().collect::<Vec<_>>(),
                        );
                    }
                    (!items.is_empty()).then(|| VisitCheck { department: (*d).to_owned(), items })
                })
                .collect();
            let groups: Vec<Vec<VisitCheck>> =
                if spec.joint { vec![checks] } else { checks.into_iter().map(|c| vec![c]).collect() };
            for checks in groups {
                let number = visits.len() as u64 + 1;
                let mut inspectors = Vec::new();
                for c in &checks {
                    for i in assigner.assign(number, e, &c.department)? {
                        let ins = &directory.inspectors()[i];
                        inspectors.push(AssignedInspector {
                            id: ins.id.clone(),
                            department: ins.department.clone(),
                        });
                    }
                }
                visits.push(Visit {
                    number,
                    entity: e.id.clone(),
                    credit_class: e.credit_class,
                    stratum: summary.key.clone(),
                    reason,
                    flags: if reason == Reason::Mandatory { e.flags.clone() } else { Vec::new() },
                    mode,
                    checks,
                    inspectors,
                });
            }
        }

        let mut parameters: Vec<ParameterUse> = resolved.base_lookup.clone().into_iter().collect();
        parameters.extend(resolved.policies.parameters.iter().cloned());
        parameters.push(min);
        parameters.push(limit);
        Ok(InspectionPlan {
            algorithm: ALGORITHM.to_owned(),
            library_version: crate::value::VERSION.to_owned(),
            catalogue_hash: ctx.catalogue().content_hash().to_owned(),
            register_hash: register.content_hash(),
            directory_hash: directory.content_hash(),
            spec: spec.clone(),
            base_ratio: resolved.base_ratio,
            inspectors_per_check: per_check,
            policies: resolved.policies.policies.clone(),
            policy_rule: resolved.policies.rule.clone(),
            parameters,
            publication: Publication { working_days, publish_by, publish_by_unknown },
            out_of_scope: (entities.len() - in_scope.len()) as u64,
            strata: drawn.into_iter().map(|d| d.0).collect(),
            visits,
        })
    }

    /// The plan as JSON text (compact, keys in a fixed order): the published form. The same
    /// inputs give the same text in every language.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b"}]))?;
    /// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
    /// let text = plan.to_json();
    /// assert_eq!(InspectionPlan::from_json(&text)?, plan);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("plans serialise")
    }

    /// Reads a published plan from its JSON text.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `plan…`) if the text is not a plan's JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::InspectionPlan::from_json("{}").unwrap_err().code(), "invalid_input");
    /// ```
    pub fn from_json(text: &str) -> Result<InspectionPlan> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| Error::invalid_input("plan", format!("text ({e})"), "a plan's JSON"))?;
        InspectionPlan::from_json_value(&value)
    }

    /// Reads a plan from its JSON value.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `plan…`) if the value is not a plan.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::InspectionPlan::from_json_value(&serde_json::json!({"algorithm": 1})).unwrap_err();
    /// assert!(err.path().unwrap().starts_with("plan"));
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<InspectionPlan> {
        crate::error::from_json_value(value, "plan")
    }

    /// The visits as CSV (RFC 4180, header row, `\n` line ends): `visit, entity,
    /// credit_class, stratum, reason, flags, mode, departments, items, inspectors`. Lists are
    /// joined with `;`; an item is written `department:item`.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b"}]))?;
    /// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let csv = InspectionPlan::draw(&ctx, &register, &directory, &spec)?.to_csv();
    /// let mut lines = csv.lines();
    /// assert_eq!(lines.next(), Some("visit,entity,credit_class,stratum,reason,flags,mode,departments,items,inspectors"));
    /// assert!(lines.next().unwrap().starts_with("1,e1,b,b,random,,on_site,amr,amr:licence,"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        self.to_csv_with(&crate::value::CsvOptions::default())
    }

    /// [`InspectionPlan::to_csv`] with options: by default a cell starting with `=`, `+`, `-`,
    /// `@`, tab or CR (an entity id or name from the register) gets a leading `'`, so a
    /// spreadsheet cannot run it as a formula; `raw_text` writes it as it is.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b"}]))?;
    /// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
    /// assert_eq!(plan.to_csv_with(&zhengce::value::CsvOptions { raw_text: true }), plan.to_csv());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_csv_with(&self, options: &crate::value::CsvOptions) -> String {
        let mut out = String::from(
            "visit,entity,credit_class,stratum,reason,flags,mode,departments,items,inspectors\n",
        );
        for v in &self.visits {
            let join = |items: Vec<String>| items.join(";");
            let row = [
                v.number.to_string(),
                v.entity.clone(),
                v.credit_class.as_str().to_owned(),
                v.stratum.clone(),
                name(&v.reason),
                join(v.flags.iter().map(name).collect()),
                name(&v.mode),
                join(v.checks.iter().map(|c| c.department.clone()).collect()),
                join(
                    v.checks
                        .iter()
                        .flat_map(|c| c.items.iter().map(|i| format!("{}:{i}", c.department)))
                        .collect(),
                ),
                join(v.inspectors.iter().map(|i| i.id.clone()).collect()),
            ];
            crate::value::push_csv_row(&mut out, &row, options);
        }
        out
    }

    /// The per-stratum figures as CSV: `stratum, credit_class, industry, district,
    /// population, flagged, pool, ratio, sample, selected, realised_ratio`.
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b"}]))?;
    /// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let csv = InspectionPlan::draw(&ctx, &register, &directory, &spec)?.strata_to_csv();
    /// assert_eq!(csv.lines().nth(1), Some("b,b,,,1,0,1,0.03,1,1,1.000000"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn strata_to_csv(&self) -> String {
        self.strata_to_csv_with(&crate::value::CsvOptions::default())
    }

    /// [`InspectionPlan::strata_to_csv`] with options (see [`InspectionPlan::to_csv_with`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use zhengce::sampling::*;
    /// # let ctx = zhengce::Context::builtin();
    /// # let register = Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "b"}]))?;
    /// # let directory = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]))?;
    /// # let spec: PlanSpec = serde_json::from_value(serde_json::json!({"jurisdiction": "cn", "date": "2022-06-01", "seed": "s",
    /// #     "checks": [{"department": "amr", "items": ["licence"]}]})).unwrap();
    /// let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
    /// assert!(plan.strata_to_csv_with(&Default::default()).starts_with("stratum,"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn strata_to_csv_with(&self, options: &crate::value::CsvOptions) -> String {
        let mut out = String::from(
            "stratum,credit_class,industry,district,population,flagged,pool,ratio,sample,selected,realised_ratio\n",
        );
        for s in &self.strata {
            let row = [
                s.key.clone(),
                s.credit_class.as_str().to_owned(),
                s.industry.clone().unwrap_or_default(),
                s.district.clone().unwrap_or_default(),
                s.population.to_string(),
                s.flagged.to_string(),
                s.pool.to_string(),
                s.ratio.to_string(),
                s.sample.to_string(),
                s.selected.to_string(),
                s.realised_ratio.to_string(),
            ];
            crate::value::push_csv_row(&mut out, &row, options);
        }
        out
    }
}

/// The JSON name of an enum value.
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
