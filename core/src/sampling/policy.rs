//! Where a draw's ratios and treatments come from: the credit-class rule of the rules engine
//! where it applies, else the catalogue's parameters; and the publication deadline.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ClassPolicy, CreditClass, OnSite};
use crate::catalogue::ParameterUse;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::rules::{Input, Options};

/// The parameter of the base (class B) sampling ratio.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::sampling::BASE_RATIO, "inspection.sampling_ratio.base");
/// ```
pub const BASE_RATIO: &str = "inspection.sampling_ratio.base";
/// The parameter of the minimum number of inspectors per check (行政处罚法 art 42).
///
/// # Example
///
/// ```
/// assert!(zhengce::Catalogue::builtin().parameter(zhengce::sampling::INSPECTORS_MIN).is_ok());
/// ```
pub const INSPECTORS_MIN: &str = "inspection.inspectors_per_check.min";
/// The parameter of the time limit to publish inspection results, in working days.
///
/// # Example
///
/// ```
/// let p = zhengce::Catalogue::builtin().parameter(zhengce::sampling::PUBLICATION_LIMIT).unwrap().clone();
/// assert_eq!(p.unit, "working_days");
/// ```
pub const PUBLICATION_LIMIT: &str = "inspection.result_publication.time_limit";
/// The credit-class decision table of Tianshan item 10 (rules engine, issue 5).
///
/// # Example
///
/// ```
/// assert!(zhengce::sampling::CREDIT_CLASS_RULE.starts_with("tianshan-2022-87/"));
/// ```
pub const CREDIT_CLASS_RULE: &str = "tianshan-2022-87/r10-credit-class";

/// The treatment of every credit class in a draw and where it comes from.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::sampling::{class_policies, CreditClass};
///
/// let ctx = zhengce::Context::builtin();
/// let p = class_policies(&ctx, "cn-xj-urumqi-tianshan", NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())?;
/// let d = p.policies.iter().find(|p| p.class == CreditClass::D).unwrap();
/// assert_eq!(d.ratio_multiplier.to_string(), "4");
/// assert_eq!(p.parameters.len(), 4);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassPolicies {
    /// One policy per class: A, B, C, D, unclassified.
    pub policies: Vec<ClassPolicy>,
    /// The parameters the policies were read from, as the context's scenario has them.
    pub parameters: Vec<ParameterUse>,
    /// The rule evaluated to obtain the policies, when a rule (not parameters) gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// The treatment of each credit class at `date` in `jurisdiction` (Tianshan item 10).
///
/// Where the credit-class rule [`CREDIT_CLASS_RULE`] applies (Tianshan and below), each class
/// is evaluated through it with no trigger, and its outputs give the ratio multiplier, the
/// inspections a year and the on-site mode (`may_skip` with `proactive: false` → not
/// proactive; `normal` → normal; `when_necessary` → required); `rule` names it. Elsewhere the
/// policies come from the same national parameters the rule reads,
/// `inspection.sampling_multiplier.class_a`…`class_d`, with A not proactive, B and C normal, D
/// required. Unclassified entities are treated as class B either way (the text is silent;
/// R-002-10 suggests B).
///
/// # Errors
///
/// - `not_found` if a parameter or the jurisdiction is not in the catalogue.
/// - `invalid_input` (field `date`) if a parameter has no value in force on the date (the
///   multipliers start on 2022-01-13, with 国市监信发〔2022〕6号).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::sampling::{class_policies, CreditClass, OnSite};
///
/// let ctx = zhengce::Context::builtin();
/// let on = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
/// let tianshan = class_policies(&ctx, "cn-xj-urumqi-tianshan", on)?;
/// assert_eq!(tianshan.rule.as_deref(), Some("tianshan-2022-87/r10-credit-class"));
/// let a = tianshan.policies.iter().find(|p| p.class == CreditClass::A).unwrap();
/// // 「可合理降低」 is a permission: the normal ratio unless a district lowers it.
/// assert_eq!((a.ratio_multiplier.to_string().as_str(), a.on_site), ("1", OnSite::NotProactive));
/// // Putuo is not under Tianshan's rule: the national parameters apply.
/// let putuo = class_policies(&ctx, "cn-sh-putuo", on)?;
/// assert!(putuo.rule.is_none());
/// assert_eq!(putuo.policies.len(), 5);
/// let early = class_policies(&ctx, "cn", NaiveDate::from_ymd_opt(2021, 6, 1).unwrap());
/// assert_eq!(early.unwrap_err().path(), Some("date"));
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn class_policies(ctx: &Context, jurisdiction: &str, date: NaiveDate) -> Result<ClassPolicies> {
    let cat = ctx.catalogue();
    let mut parameters = Vec::new();
    let mut policies = Vec::new();
    for class in [CreditClass::A, CreditClass::B, CreditClass::C, CreditClass::D] {
        let key = format!("inspection.sampling_multiplier.class_{}", class.as_str());
        let (value, found) = ctx.in_force(&key, jurisdiction, date)?;
        policies.push(ClassPolicy {
            class,
            ratio_multiplier: value,
            on_site: ClassPolicy::default_on_site(class),
            frequency_per_year: None,
        });
        parameters.push(found);
    }
    let b = policies[1].clone();
    policies.push(ClassPolicy { class: CreditClass::Unclassified, ..b });
    let rule = cat.rule(CREDIT_CLASS_RULE).ok().filter(|r| cat.is_within(jurisdiction, &r.jurisdiction));
    let Some(rule) = rule else {
        return Ok(ClassPolicies { policies, parameters, rule: None });
    };
    let evaluator = ctx.evaluator(&rule.id)?;
    for policy in &mut policies {
        let input = Input::new(date)
            .in_jurisdiction(jurisdiction)
            .with("credit_class", policy.class.as_str())
            .with("trigger", "none");
        let evaluation = evaluator.evaluate(&input, &Options::default())?;
        let decimal = |name: &str| {
            evaluation.output(name).and_then(|v| v.as_str()).and_then(crate::value::parse_decimal)
        };
        let wrong = |name: &str| {
            Error::invalid_input(
                format!("{}.{name}", rule.id),
                evaluation.output(name).map_or("nothing".to_owned(), |v| v.to_string()),
                "an output the planner understands",
            )
        };
        policy.ratio_multiplier =
            decimal("sampling_ratio_multiplier").ok_or_else(|| wrong("sampling_ratio_multiplier"))?;
        policy.frequency_per_year = decimal("frequency_per_year");
        let proactive = evaluation.output("proactive").and_then(|v| v.as_bool()).unwrap_or(true);
        policy.on_site = match evaluation.output("on_site").and_then(|v| v.as_str()) {
            Some("may_skip") if !proactive => OnSite::NotProactive,
            Some("normal" | "may_skip") => OnSite::Normal,
            Some("when_necessary") => OnSite::Required,
            _ => return Err(wrong("on_site")),
        };
    }
    Ok(ClassPolicies { policies, parameters, rule: Some(rule.id.clone()) })
}

/// The sampling inputs resolved in the context.
pub(crate) struct Resolved {
    pub base_ratio: Decimal,
    /// The base-ratio lookup, unless the spec gave the ratio.
    pub base_lookup: Option<ParameterUse>,
    pub policies: ClassPolicies,
}

impl Resolved {
    pub(crate) fn policy(&self, class: CreditClass) -> &ClassPolicy {
        self.policies.policies.iter().find(|p| p.class == class).expect("every class has a policy")
    }

    /// The sampling ratio of a class: base × multiplier, exact.
    pub(crate) fn ratio(&self, class: CreditClass) -> Decimal {
        self.base_ratio * self.policy(class).ratio_multiplier
    }
}

pub(crate) fn resolve(
    ctx: &Context,
    jurisdiction: &str,
    date: NaiveDate,
    base_ratio: Option<Decimal>,
    overrides: &[ClassPolicy],
) -> Result<Resolved> {
    let (base_ratio, base_lookup) = match base_ratio {
        Some(r) => (r, None),
        None => {
            let (value, found) = ctx.in_force(BASE_RATIO, jurisdiction, date)?;
            (value, Some(found))
        }
    };
    if base_ratio.is_sign_negative() || base_ratio > Decimal::ONE {
        return Err(Error::invalid_input("spec.base_ratio", base_ratio, "a ratio from 0 to 1"));
    }
    let mut policies = class_policies(ctx, jurisdiction, date)?;
    for (i, o) in overrides.iter().enumerate() {
        if overrides[..i].iter().any(|p| p.class == o.class) {
            return Err(Error::invalid_input(
                format!("spec.policies[{i}].class"),
                o.class.as_str(),
                "a class not given a policy by an earlier entry",
            ));
        }
        if o.ratio_multiplier.is_sign_negative() {
            return Err(Error::invalid_input(
                format!("spec.policies[{i}].ratio_multiplier"),
                o.ratio_multiplier,
                "a non-negative multiplier",
            ));
        }
        let slot =
            policies.policies.iter_mut().find(|p| p.class == o.class).expect("every class has a policy");
        *slot = o.clone();
    }
    Ok(Resolved { base_ratio, base_lookup, policies })
}

/// The date by which results must be published: `date` plus `limit` working days on the
/// jurisdiction's working-day calendar of the context (企业信息公示暂行条例 art 6; the start day is
/// not counted), or, when that date falls outside the calendar's data, no date and the reason.
///
/// An uncovered date is not guessed at: the plan still draws, says why the date is missing,
/// and records the limit so it can be computed once the year's holidays are known.
pub(crate) fn publish_by(
    ctx: &Context,
    jurisdiction: &str,
    date: NaiveDate,
    working_days: u64,
) -> Result<(Option<NaiveDate>, Option<String>)> {
    let days = i32::try_from(working_days)
        .map_err(|_| Error::invalid_input(PUBLICATION_LIMIT, working_days, "a number of working days"))?;
    let calendar = ctx.calendar(jurisdiction)?;
    match calendar.add_working_days(date, days, &Default::default()) {
        Ok(due) => Ok((Some(due), None)),
        Err(err) if err.is_out_of_coverage() => Ok((None, Some(err.to_string()))),
        Err(err) => Err(err),
    }
}
