//! Time limits: the deadline of a service promise (a time-limit rule) under a context.
//!
//! The rule that applies in a jurisdiction is found here, its duration is read through the
//! context's scenario, and the calendar counts the days ([`Calendar::deadline`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::{Calendar, Deadline, DeadlineOptions, TimeUnit, explain_deadline};
use crate::catalogue::{Catalogue, ParameterUse};
use crate::context::Context;
use crate::error::{Error, ErrorKind, Result};
use crate::rules::batch::out::OutColumn;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::Frame;
use crate::rules::kinds::RuleKind;
use crate::rules::step::Step;
use crate::rules::{Rule, RuleLogic, TimeLimit, TimeLimitValue};

/// A time-limit rule compiled: the parameter slot of its duration, resolved through the
/// scenario like every parameter. The case's date is the start date.
#[derive(Debug)]
pub(crate) struct CompiledTimeLimit {
    slot: u16,
}

impl RuleKind for CompiledTimeLimit {
    type Data = TimeLimit;
    type Value = TimeLimitValue;
    type Sink = DeadlineSink;

    fn compile(t: &TimeLimit, b: &mut Builder<'_>) -> Result<CompiledTimeLimit> {
        Ok(CompiledTimeLimit { slot: b.param(&t.duration, "duration")? })
    }

    /// The deadline computed by the calendar, as [`Context::deadline`] does.
    fn evaluate(
        &self,
        c: &Common,
        frame: &Frame,
        _applies: Option<bool>,
        steps: Option<&mut Vec<Step>>,
    ) -> Result<TimeLimitValue> {
        // The frame holds the duration as the scenario resolves it (overrides included).
        let jurisdiction = &c.jurisdictions[frame.jur];
        let param = &c.params[self.slot as usize];
        let duration = c.context.parameter_use(param.index, frame.params[self.slot as usize], &param.role);
        let deadline =
            deadline_of_rule(&c.context, &c.rule, duration, frame.date, jurisdiction, &Default::default())?;
        if let Some(s) = steps {
            s.push(Step::Deadline { date: deadline.date, text: deadline.explanation.clone() });
        }
        Ok(TimeLimitValue { deadline: Box::new(deadline) })
    }

    fn sink(&self, c: &Common, rows: usize, jur: usize) -> Result<DeadlineSink> {
        let calendar = c.context.calendar(&c.jurisdictions[jur])?;
        Ok(DeadlineSink { dates: Vec::with_capacity(rows), calendar: Box::new(calendar) })
    }

    fn push(&self, c: &Common, sink: &mut DeadlineSink, frame: &Frame, _applies: Option<bool>) -> Result<()> {
        let value = frame.params[self.slot as usize].ok_or_else(|| c.no_value(frame, self.slot))?.value;
        let param = &c.context.catalogue().data().parameters[c.params[self.slot as usize].index];
        let (n, unit) = limit_of(&param.id, value, &param.unit)?;
        let (_, due, _) = sink.calendar.deadline_dates(frame.date, n, unit, &Default::default())?;
        sink.dates.push(Some(due));
        Ok(())
    }

    fn push_null(&self, sink: &mut DeadlineSink) {
        sink.dates.push(None);
    }

    fn finish(&self, _common: &Common, sink: DeadlineSink) -> Vec<(String, OutColumn)> {
        vec![("deadline".into(), OutColumn::Date { values: sink.dates })]
    }

    /// Deadlines compare as the calendar days each case is given.
    fn compared_column(&self) -> String {
        "deadline".to_owned()
    }
}

/// The batch output while it fills: the deadlines, and the jurisdiction's calendar.
pub(crate) struct DeadlineSink {
    dates: Vec<Option<NaiveDate>>,
    calendar: Box<Calendar>,
}

impl Context {
    /// The deadline of a service promise: the time-limit rule for `service` (a service key
    /// such as `business-opening`, or a rule id) that applies in `jurisdiction`, its duration
    /// in force on `start` under the context's scenario, counted on the jurisdiction's
    /// calendar of the context as [`Calendar::deadline`] does. The one entry point for the
    /// deadlines of the catalogue's time limits (a time-limit rule's evaluator comes here too).
    ///
    /// The rule of the jurisdiction or of its nearest ancestor applies. The explanation names
    /// the rule, its clause and words, the conventions with their laws, and every day skipped.
    ///
    /// # Errors
    ///
    /// - `not_found` (kind `time_limit`) if no time-limit rule has the service key or id.
    /// - `invalid_input` (field `jurisdiction`) if the rule does not apply in the jurisdiction;
    ///   (field `date`) if the duration has no value in force on the start date.
    /// - `wrong_rule_kind` if the id names a rule of another kind.
    /// - `unit_mismatch` if the duration's unit is not `working_days`, `calendar_days` or `hours`.
    /// - `out_of_coverage` as for [`Calendar::deadline`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let ctx = zhengce::Context::builtin();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let due = ctx.deadline("simple-deregistration-notice", d(2024, 9, 11), "cn-sh-putuo", &Default::default())?;
    /// assert_eq!(due.date, d(2024, 10, 8)); // 20 days end on National Day: next working day
    /// assert!(due.explanation.en.contains("民法典 art 203"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn deadline(
        &self,
        service: &str,
        start: NaiveDate,
        jurisdiction: &str,
        options: &DeadlineOptions,
    ) -> Result<Deadline> {
        let (rule, limit) = time_limit_rule(self.catalogue(), service, jurisdiction)?;
        let mut duration = self.parameter_value(&limit.duration, jurisdiction, start)?;
        duration.role = "duration".into();
        deadline_of_rule(self, rule, duration, start, jurisdiction, options)
    }
}

/// The deadline of time-limit rule `rule` with its duration parameter already resolved
/// through the context's scenario.
pub(crate) fn deadline_of_rule(
    ctx: &Context,
    rule: &Rule,
    duration: ParameterUse,
    start: NaiveDate,
    jurisdiction: &str,
    options: &DeadlineOptions,
) -> Result<Deadline> {
    let RuleLogic::TimeLimit(limit) = &rule.logic else {
        return Err(wrong_kind(rule));
    };
    let value = duration
        .value
        .ok_or_else(|| crate::rules::condition::no_value(&limit.duration, jurisdiction, start))?;
    let (days, unit) = limit_of(&limit.duration, value, &duration.unit)?;
    let calendar: Calendar = ctx.calendar(jurisdiction)?;
    let mut deadline = calendar
        .deadline(start, days, unit, options)
        .map_err(|e| e.context(format!("failed to compute the deadline of rule '{}'", rule.id)))?;
    deadline.rule = Some(rule.id.clone());
    deadline.service = Some(limit.service.clone());
    deadline.name = Some(rule.name.clone());
    deadline.source = Some(rule.source.clone());
    deadline.parameter = Some(duration);
    deadline.average = limit.average;
    deadline.explanation = explain_deadline(&deadline, &calendar);
    Ok(deadline)
}

fn wrong_kind(rule: &Rule) -> Error {
    Error::new(ErrorKind::WrongRuleKind {
        rule: rule.id.clone(),
        expected: "time_limit".into(),
        got: rule.logic.kind().into(),
    })
}

/// A time limit's duration and unit from its parameter's value and unit.
pub(crate) fn limit_of(key: &str, value: Decimal, unit: &str) -> Result<(u32, TimeUnit)> {
    let unit = TimeUnit::from_unit(unit).ok_or_else(|| {
        Error::new(ErrorKind::UnitMismatch {
            field: key.to_owned(),
            expected: "working_days, calendar_days or hours".into(),
            got: unit.to_owned(),
        })
    })?;
    let days =
        whole(value).ok_or_else(|| Error::invalid_input(key, value, "a whole number of days or hours"))?;
    Ok((days, unit))
}

fn whole(value: Decimal) -> Option<u32> {
    use rust_decimal::prelude::ToPrimitive;
    if value.fract().is_zero() { value.to_u32() } else { None }
}

/// The time-limit rule for a service key or rule id that applies in `jurisdiction`.
pub(crate) fn time_limit_rule<'c>(
    catalogue: &'c Catalogue,
    service: &str,
    jurisdiction: &str,
) -> Result<(&'c Rule, &'c TimeLimit)> {
    let ancestry = catalogue.ancestry(jurisdiction)?;
    let applies = |r: &Rule| ancestry.iter().position(|j| j.id == r.jurisdiction);
    if let Ok(rule) = catalogue.rule(service) {
        let RuleLogic::TimeLimit(limit) = &rule.logic else {
            return Err(wrong_kind(rule));
        };
        return match applies(rule) {
            Some(_) => Ok((rule, limit)),
            None => Err(not_here(service, jurisdiction, &[rule])),
        };
    }
    let candidates: Vec<(&Rule, &TimeLimit)> = catalogue
        .data()
        .rules
        .iter()
        .filter_map(|r| match &r.logic {
            RuleLogic::TimeLimit(t) if t.service == service => Some((r, t)),
            _ => None,
        })
        .collect();
    if candidates.is_empty() {
        return Err(Error::not_found("time_limit", service));
    }
    candidates
        .iter()
        .filter_map(|&(r, t)| applies(r).map(|depth| (depth, r, t)))
        .min_by_key(|(depth, _, _)| *depth)
        .map(|(_, r, t)| (r, t))
        .ok_or_else(|| {
            not_here(service, jurisdiction, &candidates.iter().map(|(r, _)| *r).collect::<Vec<_>>())
        })
}

fn not_here(service: &str, jurisdiction: &str, rules: &[&Rule]) -> Error {
    let places: Vec<&str> = rules.iter().map(|r| r.jurisdiction.as_str()).collect();
    Error::invalid_input(
        "jurisdiction",
        format!("'{jurisdiction}'"),
        format!("a jurisdiction where '{service}' has a time limit ({} or below)", places.join(", ")),
    )
}
