//! The evaluator: one rule compiled in a context, evaluated one case at a time.

use std::sync::Arc;

use super::compile::{Builder, Common};
use super::condition::Frame;
use super::evaluation::{Evaluation, Explanation, Receipt, RuleInfo};
use super::kinds::registry::Kind;
use super::options::Options;
use super::step::Step;
use super::{Input, Operand, Rule};
use crate::catalogue::rule::{self as input, COperand};
use crate::context::Context;
use crate::error::{Error, Result};

/// One rule compiled under a scenario, ready to evaluate cases.
///
/// Compiling resolves the rule's inputs, tests and parameters once; each evaluation then
/// checks its inputs, looks its parameters up in the case's jurisdiction on the case's date,
/// and computes. An evaluator is cheap to clone and can be shared between threads.
///
/// **Jurisdictions.** A rule belongs to the jurisdiction whose document sets it and applies
/// there and in every jurisdiction below it. A case is evaluated in the rule's jurisdiction
/// unless it names another one within it; parameters are then looked up in the case's
/// jurisdiction, so a sub-district's own value overrides the district's, and a value the
/// district does not set is inherited from the city, province or country. A case in a
/// jurisdiction outside the rule's is an error: the rule is not law there.
///
/// **Dates.** The rule's structure holds at every date; what changes over time lives in its
/// dated parameters. The bid-bond rule evaluated on a date before Tianshan's measure finds
/// the national 2 % rate and no cap value in force, which the rule reads as "no cap".
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rust_decimal::Decimal;
/// use zhengce::rules::{Evaluator, Input, Options};
///
/// let scenario = zhengce::Context::builtin();
/// let bond = Evaluator::new(&scenario, "tianshan-2022-87/r68-bid-bond")?;
/// let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let lot = |date| Input::new(date).with("budget", Decimal::new(5_000_000, 0));
/// assert_eq!(bond.evaluate(&lot(on(2022, 6, 1)), &Options::default())?.amount().unwrap().to_string(), "20000.00");
/// assert_eq!(bond.evaluate(&lot(on(2022, 1, 1)), &Options::default())?.amount().unwrap().to_string(), "100000.00");
/// # Ok::<(), zhengce::Error>(())
/// ```
///
/// # Example: an input is checked
///
/// ```
/// # use chrono::NaiveDate;
/// # use zhengce::rules::{Input, Options};
/// let scenario = zhengce::Context::builtin();
/// let bond = scenario.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "-1");
/// let err = bond.evaluate(&input, &Options::default()).unwrap_err();
/// assert_eq!(err.code(), "invalid_input");
/// assert_eq!(err.path(), Some("budget"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Evaluator {
    pub(crate) inner: Arc<CompiledRule>,
}

/// The compiled form of a rule: what every kind shares, its kind, and its description.
#[derive(Debug)]
pub(crate) struct CompiledRule {
    pub common: Common,
    pub kind: Kind,
    pub info: RuleInfo,
}

impl std::ops::Deref for CompiledRule {
    type Target = Common;

    fn deref(&self) -> &Common {
        &self.common
    }
}

impl Evaluator {
    /// Compiles rule `rule` under `context` (its catalogue, calendars and scenario).
    ///
    /// # Errors
    ///
    /// - `not_found` if the scenario's catalogue has no rule with the id.
    /// - A `time_limit` rule compiles too: its evaluations take the case's date as the start
    ///   date and return the deadline computed as [`Context::deadline`] does, on the context's
    ///   calendars.
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::Context::builtin();
    /// let ev = zhengce::rules::Evaluator::new(&s, "tianshan-2022-87/r10-credit-class")?;
    /// assert_eq!(ev.rule().logic.kind(), "decision_table");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn new(context: &Context, rule: &str) -> Result<Evaluator> {
        let cat = context.catalogue();
        let rule = cat.rule(rule)?.clone();
        let mut jurisdictions = vec![rule.jurisdiction.clone()];
        for j in &cat.data().jurisdictions {
            if j.id != rule.jurisdiction && cat.is_within(&j.id, &rule.jurisdiction) {
                jurisdictions.push(j.id.clone());
            }
        }
        let ancestries: Vec<Vec<&str>> = jurisdictions
            .iter()
            .map(|j| Ok(cat.ancestry(j)?.into_iter().map(|a| a.id.as_str()).collect()))
            .collect::<Result<_>>()?;
        let mut b = Builder {
            rule: &rule,
            context,
            ancestries,
            params: Vec::new(),
            tests: Vec::new(),
            test_specs: Vec::new(),
        };
        let applies = rule.applies_when.as_ref().map(|c| b.condition(c)).transpose()?;
        let kind = Kind::compile(&rule.logic, &mut b)?;
        let defaults = rule
            .inputs
            .iter()
            .map(|spec| match &spec.default {
                None => Ok(None),
                Some(v) => input::literal(spec, v).map(Some).ok_or_else(|| {
                    b.broken(format!("the default of '{}' is not {}", spec.name, input::expected(spec)))
                }),
            })
            .collect::<Result<_>>()?;
        let Builder { params, tests, test_specs, .. } = b;
        let jur_index = jurisdictions.iter().enumerate().map(|(i, j)| (j.clone(), i)).collect();
        let info = RuleInfo::of(&rule);
        Ok(Evaluator {
            inner: Arc::new(CompiledRule {
                common: Common {
                    context: context.clone(),
                    rule,
                    jurisdictions,
                    jur_index,
                    params,
                    tests,
                    test_specs,
                    applies,
                    defaults,
                },
                kind,
                info,
            }),
        })
    }

    /// The rule evaluated.
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::Context::builtin();
    /// let ev = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// assert_eq!(ev.rule().jurisdiction, "cn-xj-urumqi-tianshan");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn rule(&self) -> &Rule {
        &self.inner.rule
    }

    /// The static check of a decision table: overlapping rows and uncovered inputs (`None`
    /// for other kinds); see [`check_table`](super::check_table).
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::Context::builtin();
    /// let check = s.evaluator("tianshan-2022-87/r43-approval-cap")?.check_table().unwrap();
    /// assert!(check.gaps.is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn check_table(&self) -> Option<super::TableCheck> {
        self.inner.kind.check(&self.inner.common)
    }

    /// The context the rule runs in.
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::Context::builtin();
    /// assert_eq!(s.evaluator("tianshan-2022-87/r68-bid-bond")?.context().scenario_name(), "baseline");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn context(&self) -> &Context {
        &self.inner.context
    }

    /// Evaluates one case: its value and, if `options.explain`, the explanation with its
    /// execution receipt.
    ///
    /// # Errors
    ///
    /// - `invalid_input` naming the field and the value: an input the rule does not read, a
    ///   value of the wrong type, a negative amount, an amount with more than 2 decimal
    ///   places, a choice not in the list, a jurisdiction outside the rule's; or field `date`
    ///   when a parameter the rule needs has no value in force on the date.
    /// - `missing_input` naming the field when a required input is not given (eligibility
    ///   rules report missing inputs in their value instead).
    /// - `infeasible` when an amount overflows, or rows conflict in a decision table.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Input, Options};
    ///
    /// let s = zhengce::Context::builtin();
    /// let ev = s.evaluator("tianshan-2022-87/r62-electricity-commitment")?;
    /// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap())
    ///     .with("capacity_kva", "1600").with("voltage_kv", "10");
    /// let result = ev.evaluate(&input, &Options::default())?;
    /// assert_eq!(result.eligible(), None, "undecided until the missing inputs are given");
    /// assert!(result.missing().contains(&"excavation_m"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluate(&self, input: &Input, options: &Options) -> Result<Evaluation> {
        let frame = self.frame(input)?;
        self.finish(frame, options, || input.clone())
    }

    /// Evaluates a case whose frame is built: the value and, as `options` ask, the
    /// explanation, whose receipt records `input()`.
    pub(crate) fn finish(
        &self,
        mut frame: Frame,
        options: &Options,
        input: impl FnOnce() -> Input,
    ) -> Result<Evaluation> {
        let mut steps = (options.explain || options.text.is_some()).then(Vec::new);
        let value = self.run(&mut frame, steps.as_mut())?;
        let explanation = steps.map(|steps| Box::new(self.explain(&frame, steps, input())));
        let mut evaluation = Evaluation { value, explanation };
        if let Some(lang) = options.text {
            let text = evaluation.to_text(lang);
            if let Some(e) = evaluation.explanation.as_mut() {
                e.text = Some(text);
            }
        }
        Ok(evaluation)
    }

    /// The index of a jurisdiction among the evaluator's.
    pub(crate) fn jurisdiction(&self, id: Option<&str>) -> Result<usize> {
        let c = &*self.inner;
        match id {
            None => Ok(0),
            Some(id) => c.jur_index.get(id).copied().ok_or_else(|| {
                Error::invalid_input(
                    "jurisdiction",
                    format!("'{id}'"),
                    format!(
                        "'{}' or a jurisdiction within it (the rule's jurisdiction)",
                        c.rule.jurisdiction
                    ),
                )
            }),
        }
    }

    fn frame(&self, input: &Input) -> Result<Frame> {
        let c = &*self.inner;
        let jur = self.jurisdiction(input.jurisdiction.as_deref())?;
        let mut frame = c.empty_frame(input.date, jur);
        for (name, value) in &input.values {
            let slot = c.rule.inputs.iter().position(|s| s.name == *name).ok_or_else(|| {
                let names: Vec<String> = c.rule.inputs.iter().map(|s| s.name.clone()).collect();
                Error::invalid_input(
                    name.as_str(),
                    serde_json::to_string(value).unwrap_or_default(),
                    format!("an input of rule '{}': {}", c.rule.id, input::quoted(&names)),
                )
            })?;
            frame.vals[slot] = Some(input::check(&c.rule.inputs[slot], value)?);
        }
        c.fill_defaults(&mut frame, c.kind.missing_is_a_value())?;
        Ok(frame)
    }

    /// Evaluates every test, then the rule's kind.
    pub(crate) fn run(&self, frame: &mut Frame, steps: Option<&mut Vec<Step>>) -> Result<super::RuleValue> {
        let c = &*self.inner;
        let applies = c.test(frame)?;
        c.kind.evaluate(&c.common, frame, applies, steps)
    }

    fn explain(&self, frame: &Frame, steps: Vec<Step>, input: Input) -> Explanation {
        let c = &*self.inner;
        let parameters = c
            .params
            .iter()
            .zip(&frame.params)
            .map(|(slot, hit)| c.context.parameter_use(slot.index, *hit, &slot.role))
            .collect();
        let conditions = c
            .test_specs
            .iter()
            .zip(&c.tests)
            .zip(&frame.tests)
            .map(|((spec, t), outcome)| {
                let input_spec = &c.rule.inputs[t.input as usize];
                super::evaluation::ConditionOutcome {
                    id: spec.id.clone(),
                    label: spec.label.clone(),
                    input: spec.input.clone(),
                    op: spec.op,
                    expected: match &spec.value {
                        Operand::Literal(v) => v.clone(),
                        Operand::Parameter { parameter } => match &t.operand {
                            COperand::Param(p) => frame.params[*p as usize]
                                .map_or(serde_json::Value::Null, |h| {
                                    serde_json::Value::String(h.value.to_string())
                                }),
                            _ => serde_json::json!({ "parameter": parameter }),
                        },
                    },
                    parameter: match &spec.value {
                        Operand::Parameter { parameter } => Some(parameter.clone()),
                        Operand::Literal(_) => None,
                    },
                    actual: frame.vals[t.input as usize].map(|v| v.to_json(input_spec)),
                    outcome: *outcome,
                }
            })
            .collect();
        Explanation {
            rule: c.info.clone(),
            jurisdiction: c.jurisdictions[frame.jur].clone(),
            date: frame.date,
            parameters,
            conditions,
            steps,
            receipt: self.receipt(input),
            text: None,
        }
    }

    pub(crate) fn receipt(&self, input: Input) -> Receipt {
        let c = &*self.inner;
        Receipt {
            library: format!("zhengce {}", crate::value::VERSION),
            catalogue: c.context.catalogue().content_hash().to_owned(),
            scenario: c.context.scenario_name().to_owned(),
            scenario_hash: c.context.scenario_hash().to_owned(),
            rule: c.rule.id.clone(),
            inputs: input,
        }
    }
}

impl Context {
    /// Compiles rule `rule` in this context (see [`Evaluator::new`]).
    ///
    /// # Errors
    ///
    /// - `not_found`, `wrong_rule_kind`, as for [`Evaluator::new`].
    ///
    /// # Example
    ///
    /// ```
    /// let s = zhengce::Context::builtin();
    /// assert!(s.evaluator("no-such-rule").unwrap_err().is_not_found());
    /// ```
    pub fn evaluator(&self, rule: &str) -> Result<Evaluator> {
        Evaluator::new(self, rule)
    }
}
