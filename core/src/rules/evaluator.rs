//! The evaluator: one rule compiled in a context, evaluated one case at a time.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::{CCond, COperand, CTest, Frame};
use super::evaluation::{Evaluation, Explanation, Receipt, RuleInfo, Step};
use super::input::{self, Val};
use super::{
    Condition, Input, InputSpec, InputType, Operand, Rule, RuleLogic, TestOp, capped_rate, decision_table,
    eligibility, threshold,
};
use crate::context::{Context, Timeline, param_index};
use crate::error::{Error, ErrorKind, Result};

/// How to evaluate: whether to build the full explanation.
///
/// # Example
///
/// ```
/// let opts: zhengce::rules::Options = serde_json::from_str(r#"{"explain": true}"#).unwrap();
/// assert!(opts.explain);
/// assert!(!zhengce::rules::Options::default().explain);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Build the explanation: the rule and its clause, every parameter with its value, date and
    /// source, every condition with its outcome, the steps, and the execution receipt.
    #[serde(default)]
    pub explain: bool,
    /// Also render the result and explanation as readable text in this language, in
    /// `explanation.text` (implies `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<super::Lang>,
}

impl Options {
    /// Options that build the full explanation.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::rules::Options::explained().explain);
    /// ```
    pub fn explained() -> Options {
        Options { explain: true, text: None }
    }
}

/// The options of the bindings' `evaluate` and `evaluate_batch` calls, in one object: the
/// case's jurisdiction (the rule's own when absent) and the evaluation [`Options`].
///
/// # Example
///
/// ```
/// let o: zhengce::rules::CallOptions = serde_json::from_str(r#"{"jurisdiction": "cn-xj-urumqi-tianshan", "explain": true}"#).unwrap();
/// assert!(o.options().explain);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallOptions {
    /// The case's jurisdiction: the rule's or one within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Build the explanation (null counts as false: JavaScript callers may pass `undefined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<bool>,
    /// Render the explanation as text in this language (implies `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<super::Lang>,
}

impl CallOptions {
    /// The evaluation options.
    ///
    /// # Example
    ///
    /// See [`CallOptions`].
    ///
    /// # Example
    ///
    /// ```
    /// let o = zhengce::rules::CallOptions { explain: Some(true), ..Default::default() };
    /// assert!(o.options().explain);
    /// ```
    pub fn options(&self) -> Options {
        Options { explain: self.explain.unwrap_or(false), text: self.text }
    }

    /// The batch options.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhengce::rules::CallOptions::default().batch_options().explain);
    /// ```
    pub fn batch_options(&self) -> super::BatchOptions {
        super::BatchOptions { explain: self.explain.unwrap_or(false), text: self.text }
    }
}

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
    pub(crate) inner: Arc<Compiled>,
}

/// The compiled form of a rule.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub context: Context,
    pub rule: Rule,
    /// The rule's jurisdiction first, then every jurisdiction below it.
    pub jurisdictions: Vec<String>,
    pub jur_index: HashMap<String, usize>,
    pub params: Vec<ParamSlot>,
    pub tests: Vec<CTest>,
    /// The rule's tests in the same order as `tests`, for explanations.
    pub test_specs: Vec<super::Test>,
    pub applies: Option<CCond>,
    pub defaults: Vec<Option<Val>>,
    pub kind: Kind,
    pub info: RuleInfo,
}

#[derive(Debug)]
pub(crate) struct ParamSlot {
    /// Index of the parameter in the catalogue.
    pub index: usize,
    pub role: String,
    /// One timeline per jurisdiction of the evaluator.
    pub timelines: Vec<Timeline>,
}

#[derive(Debug)]
pub(crate) enum Kind {
    CappedRate(capped_rate::Compiled),
    DecisionTable(decision_table::Compiled),
    Eligibility(eligibility::Compiled),
    Threshold(threshold::Compiled),
    /// Computed by the calendar: the case's date is the start date; parameter slot `slot`
    /// holds the limit, resolved through the scenario like every parameter.
    TimeLimit {
        slot: u16,
    },
}

/// Compiles a rule's parts against its inputs and parameters.
pub(crate) struct Builder<'a> {
    pub rule: &'a Rule,
    context: &'a Context,
    ancestries: Vec<Vec<&'a str>>,
    pub params: Vec<ParamSlot>,
    pub tests: Vec<CTest>,
    pub test_specs: Vec<super::Test>,
}

impl<'a> Builder<'a> {
    fn broken(&self, what: String) -> Error {
        // The catalogue check rejects such rules; this guards rules that reach the evaluator
        // some other way.
        Error::new(ErrorKind::Infeasible { what: format!("compile rule '{}'", self.rule.id), why: what })
    }

    /// The slot of an input.
    pub(crate) fn input(&self, name: &str) -> Result<u16> {
        self.rule
            .inputs
            .iter()
            .position(|i| i.name == name)
            .map(|i| i as u16)
            .ok_or_else(|| self.broken(format!("input '{name}' is not declared")))
    }

    pub(crate) fn spec(&self, slot: u16) -> &'a InputSpec {
        &self.rule.inputs[slot as usize]
    }

    /// The slot of a parameter, adding it on first use.
    pub(crate) fn param(&mut self, key: &str, role: &str) -> Result<u16> {
        let cat = self.context.catalogue();
        let index = param_index(cat, key)?;
        if let Some(i) = self.params.iter().position(|p| p.index == index) {
            return Ok(i as u16);
        }
        let overrides = &self.context.scenario().parameters;
        let timelines = self.ancestries.iter().map(|a| Timeline::build(cat, overrides, index, a)).collect();
        self.params.push(ParamSlot { index, role: role.to_owned(), timelines });
        Ok((self.params.len() - 1) as u16)
    }

    /// A literal or parameter operand for input `slot` under `op`.
    pub(crate) fn operand(&mut self, slot: u16, op: TestOp, value: &Operand, role: &str) -> Result<COperand> {
        let spec = self.spec(slot);
        match value {
            Operand::Parameter { parameter } => Ok(COperand::Param(self.param(parameter, role)?)),
            Operand::Literal(v) => self.literal(spec, op, v),
        }
    }

    pub(crate) fn literal(
        &self,
        spec: &InputSpec,
        op: TestOp,
        value: &serde_json::Value,
    ) -> Result<COperand> {
        let one = |v: &serde_json::Value| {
            literal_val(spec, v).ok_or_else(|| {
                self.broken(format!("{v} is not {} for input '{}'", input::expected(spec), spec.name))
            })
        };
        match (op, value) {
            (TestOp::In | TestOp::NotIn, serde_json::Value::Array(items)) => {
                Ok(COperand::List(items.iter().map(one).collect::<Result<_>>()?))
            }
            (TestOp::In | TestOp::NotIn, other) => {
                Err(self.broken(format!("{other} is not a list for '{op:?}'")))
            }
            (_, v) => Ok(COperand::Val(one(v)?)),
        }
    }

    pub(crate) fn condition(&mut self, c: &Condition) -> Result<CCond> {
        Ok(match c {
            Condition::All(parts) => {
                CCond::All(parts.iter().map(|p| self.condition(p)).collect::<Result<_>>()?)
            }
            Condition::Any(parts) => {
                CCond::Any(parts.iter().map(|p| self.condition(p)).collect::<Result<_>>()?)
            }
            Condition::Not(inner) => CCond::Not(Box::new(self.condition(inner)?)),
            Condition::Test(t) => {
                let input = self.input(&t.input)?;
                let operand = self.operand(input, t.op, &t.value, &format!("test {}", t.id))?;
                self.tests.push(CTest { input, op: t.op, operand });
                self.test_specs.push(t.clone());
                CCond::Test((self.tests.len() - 1) as u16)
            }
        })
    }
}

/// A literal of an input's type; literals skip the input's own bounds (a test may compare a
/// count with 0.5).
pub(crate) fn literal_val(spec: &InputSpec, value: &serde_json::Value) -> Option<Val> {
    match spec.ty {
        InputType::Money | InputType::Decimal | InputType::Count => match super::InputValue::from_json(value)
        {
            super::InputValue::Decimal(d) => Some(Val::Dec(d)),
            super::InputValue::Text(t) => crate::value::parse_decimal(&t).map(Val::Dec),
            _ => None,
        },
        _ => input::literal(spec, value),
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
        let kind = match &rule.logic {
            RuleLogic::CappedRate(c) => Kind::CappedRate(capped_rate::compile(c, &mut b)?),
            RuleLogic::DecisionTable(t) => Kind::DecisionTable(decision_table::compile(t, &mut b)?),
            RuleLogic::Eligibility(e) => Kind::Eligibility(eligibility::compile(e, &mut b)?),
            RuleLogic::Threshold(t) => Kind::Threshold(threshold::compile(t, &mut b)?),
            RuleLogic::TimeLimit(t) => {
                let slot = b.param(&t.duration, "duration")?;
                Kind::TimeLimit { slot }
            }
        };
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
            inner: Arc::new(Compiled {
                context: context.clone(),
                rule,
                jurisdictions,
                jur_index,
                params,
                tests,
                test_specs,
                applies,
                defaults,
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
        super::check_table(&self.inner.rule)
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
        let mut frame = self.frame(input)?;
        let mut steps = (options.explain || options.text.is_some()).then(Vec::new);
        let value = self.run(&mut frame, steps.as_mut())?;
        let explanation = steps.map(|steps| Box::new(self.explain(&frame, steps, input)));
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

    /// An empty frame for `date` in jurisdiction `jur`, parameters resolved.
    pub(crate) fn empty_frame(&self, date: NaiveDate, jur: usize) -> Frame {
        let c = &*self.inner;
        let mut frame = Frame {
            date,
            jur,
            vals: vec![None; c.rule.inputs.len()],
            params: Vec::with_capacity(c.params.len()),
            tests: vec![None; c.tests.len()],
        };
        self.resolve(&mut frame);
        frame
    }

    pub(crate) fn resolve(&self, frame: &mut Frame) {
        frame.params.clear();
        frame.params.extend(self.inner.params.iter().map(|p| p.timelines[frame.jur].seg(frame.date).hit));
    }

    fn frame(&self, input: &Input) -> Result<Frame> {
        let c = &*self.inner;
        let jur = self.jurisdiction(input.jurisdiction.as_deref())?;
        let mut frame = self.empty_frame(input.date, jur);
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
        self.fill_defaults(&mut frame)?;
        Ok(frame)
    }

    /// Applies defaults; outside eligibility rules a required input without a value is an
    /// error.
    pub(crate) fn fill_defaults(&self, frame: &mut Frame) -> Result<()> {
        let c = &*self.inner;
        let eligibility = matches!(c.kind, Kind::Eligibility(_));
        for (slot, spec) in c.rule.inputs.iter().enumerate() {
            if frame.vals[slot].is_none() {
                frame.vals[slot] = c.defaults[slot];
                if frame.vals[slot].is_none() && spec.required && !eligibility {
                    return Err(Error::missing_input(spec.name.as_str()));
                }
            }
        }
        Ok(())
    }

    /// Evaluates every test, then the rule's kind.
    pub(crate) fn run(&self, frame: &mut Frame, steps: Option<&mut Vec<Step>>) -> Result<super::RuleValue> {
        let c = &*self.inner;
        for (i, t) in c.tests.iter().enumerate() {
            frame.tests[i] = t.eval(frame).map_err(|p| self.no_value(frame, p))?;
        }
        let applies = c.applies.as_ref().map_or(Some(true), |a| a.eval(&frame.tests));
        match &c.kind {
            Kind::CappedRate(k) => k.run(self, frame, applies, steps),
            Kind::DecisionTable(k) => k.run(self, frame, applies, steps),
            Kind::Eligibility(k) => k.run(self, frame, applies, steps),
            Kind::Threshold(k) => k.run(self, frame, applies, steps),
            Kind::TimeLimit { slot } => {
                // The frame holds the duration as the scenario resolves it (overrides included).
                let jurisdiction = &c.jurisdictions[frame.jur];
                let param = &c.params[*slot as usize];
                let duration =
                    c.context.parameter_use(param.index, frame.params[*slot as usize], &param.role);
                let deadline = super::time_limit::deadline_of_rule(
                    &c.context,
                    &c.rule,
                    duration,
                    frame.date,
                    jurisdiction,
                    &Default::default(),
                )?;
                if let Some(s) = steps {
                    s.push(Step::Deadline { date: deadline.date, text: deadline.explanation.clone() });
                }
                Ok(super::RuleValue::TimeLimit(super::TimeLimitValue { deadline: Box::new(deadline) }))
            }
        }
    }

    /// The error for parameter slot `p` without a value in force.
    pub(crate) fn no_value(&self, frame: &Frame, p: u16) -> Error {
        let c = &*self.inner;
        let key = &c.context.catalogue().data().parameters[c.params[p as usize].index].id;
        super::condition::no_value(key, &c.jurisdictions[frame.jur], frame.date)
    }

    fn explain(&self, frame: &Frame, steps: Vec<Step>, input: &Input) -> Explanation {
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

    pub(crate) fn receipt(&self, input: &Input) -> Receipt {
        let c = &*self.inner;
        Receipt {
            library: format!("zhengce {}", crate::VERSION),
            catalogue: c.context.catalogue().content_hash().to_owned(),
            scenario: c.context.scenario_name().to_owned(),
            scenario_hash: c.context.scenario_hash().to_owned(),
            rule: c.rule.id.clone(),
            inputs: input.clone(),
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
