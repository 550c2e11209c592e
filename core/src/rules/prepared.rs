//! The dated evaluator: a rule fixed at a date and a jurisdiction, its parameters resolved
//! once, for many single calls with positional inputs.

use std::sync::Arc;

use chrono::NaiveDate;

use super::condition::Frame;
use super::evaluation::{Evaluation, RuleValue};
use super::evaluator::Evaluator;
use super::kinds::Prepared;
use super::options::Options;
use super::{Input, InputSpec, InputValueRef};
use crate::catalogue::rule as input;
use crate::error::{Error, Result};

/// A rule's evaluator fixed at a date and a jurisdiction: the parameters in force there and
/// then are looked up once, when it is made ([`Evaluator::at`]), and each call only checks
/// its inputs and computes.
///
/// Inputs are given by position, in the order of the rule's inputs ([`inputs`](Self::inputs)),
/// `None` for an input not given (its default applies, or it is missing); [`put`](Self::put)
/// places one by name. Text is borrowed ([`InputValueRef`]), so a call allocates nothing for
/// it. Every result and every error is the one [`Evaluator::evaluate`] gives for the same
/// inputs on the same date in the same jurisdiction: a parameter without a value in force on
/// the date fails the calls that need it, not the making of the evaluator.
///
/// Use it for many single cases on one date (an interactive form, a loop over cases that
/// must each be answered alone); for a column of cases use
/// [`Evaluator::evaluate_batch`], which is faster again per case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{InputValueRef, RuleValue};
///
/// let ctx = zhengce::Context::builtin();
/// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let bond = bond.at(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(), None)?;
/// // Tianshan item 68: 1 % of the budget, at most 20,000 yuan a lot.
/// let RuleValue::CappedRate(v) = bond.value(&[Some("1500000".into()), Some("ordinary".into())])? else { panic!() };
/// assert_eq!(v.amount.unwrap().to_string(), "15000.00");
/// let RuleValue::CappedRate(v) = bond.value(&[Some(InputValueRef::Text("3000000"))])? else { panic!() };
/// assert_eq!((v.amount.unwrap().to_string(), v.capped), ("20000.00".to_owned(), true));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct DatedEvaluator {
    evaluator: Evaluator,
    /// The jurisdiction as asked for (`None`: the rule's), for the receipt.
    asked: Option<String>,
    /// The frame every call starts from: the date, the jurisdiction, the parameters resolved.
    frame: Frame,
    /// The kind's fast path at this date, if it has one.
    fast: Option<Arc<dyn Prepared<RuleValue>>>,
}

impl Evaluator {
    /// This evaluator fixed at `date` in `jurisdiction` (the rule's own when `None`): the
    /// parameters in force are looked up once, here.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `jurisdiction`) for a jurisdiction outside the rule's, as
    ///   [`evaluate`](Evaluator::evaluate) gives.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// let on = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// assert_eq!(bond.at(on, None)?.jurisdiction(), "cn-xj-urumqi-tianshan");
    /// assert_eq!(bond.at(on, Some("cn")).unwrap_err().path(), Some("jurisdiction"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn at(&self, date: NaiveDate, jurisdiction: Option<&str>) -> Result<DatedEvaluator> {
        let jur = self.jurisdiction(jurisdiction)?;
        let frame = self.inner.empty_frame(date, jur);
        Ok(DatedEvaluator {
            evaluator: self.clone(),
            asked: jurisdiction.map(str::to_owned),
            fast: self.inner.kind.prepare(&self.inner.common, &frame).map(Arc::from),
            frame,
        })
    }
}

impl DatedEvaluator {
    /// The evaluator it was made from.
    ///
    /// # Example
    ///
    /// ```
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?.at(chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(), None)?;
    /// assert_eq!(bond.evaluator().rule().id, "tianshan-2022-87/r68-bid-bond");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluator(&self) -> &Evaluator {
        &self.evaluator
    }

    /// The date the cases are judged on.
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let ctx = zhengce::Context::builtin();
    /// assert_eq!(ctx.evaluator("tianshan-2022-87/r68-bid-bond")?.at(d, None)?.date(), d);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.frame.date
    }

    /// The jurisdiction the cases are in: the one asked for, or the rule's.
    ///
    /// # Example
    ///
    /// See [`Evaluator::at`].
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?;
    /// assert_eq!(bond.at(d, Some("cn-xj-urumqi-tianshan"))?.jurisdiction(), "cn-xj-urumqi-tianshan");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn jurisdiction(&self) -> &str {
        &self.evaluator.inner.jurisdictions[self.frame.jur]
    }

    /// The rule's inputs: the order of the positional values.
    ///
    /// # Example
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?.at(d, None)?;
    /// let names: Vec<&str> = bond.inputs().iter().map(|i| i.name.as_str()).collect();
    /// assert_eq!(names, ["budget", "lot_type", "fiscal_funds"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn inputs(&self) -> &[InputSpec] {
        &self.evaluator.inner.rule.inputs
    }

    /// Puts `value` in the place of input `name` among `values` (one place per input, in the
    /// order of [`inputs`](Self::inputs); a shorter slice is an error): how a binding places
    /// inputs given by name.
    ///
    /// # Errors
    ///
    /// - `invalid_input` naming `name` if the rule has no such input (the error
    ///   [`Evaluator::evaluate`] gives), or if its place already holds a value (given by
    ///   position and by name);
    /// - `invalid_input` (field `values`) if `values` has fewer places than the rule has inputs.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::rules::{InputValueRef, RuleValue};
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?.at(d, None)?;
    /// let mut values = [Some(InputValueRef::Text("5000000")), None, None];
    /// bond.put(&mut values, "lot_type", "ppp".into())?;
    /// assert_eq!(values[1], Some(InputValueRef::Text("ppp")));
    /// assert_eq!(bond.put(&mut values, "kind", "ppp".into()).unwrap_err().path(), Some("kind"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn put<'a>(
        &self,
        values: &mut [Option<InputValueRef<'a>>],
        name: &str,
        value: InputValueRef<'a>,
    ) -> Result<()> {
        let inputs = self.inputs();
        let Some(slot) = inputs.iter().position(|s| s.name == name) else {
            let names: Vec<String> = inputs.iter().map(|s| s.name.clone()).collect();
            return Err(Error::invalid_input(
                name,
                serde_json::to_string(&input::InputValue::from(value)).unwrap_or_default(),
                format!("an input of rule '{}': {}", self.evaluator.rule().id, input::quoted(&names)),
            ));
        };
        if values.len() < inputs.len() {
            return Err(self.places(values.len()));
        }
        if values[slot].is_some() {
            return Err(Error::invalid_input(
                name,
                serde_json::to_string(&input::InputValue::from(value)).unwrap_or_default(),
                "one value, given by position or by name, not both",
            ));
        }
        values[slot] = Some(value);
        Ok(())
    }

    /// The rule's value for one case: `values` by position in the order of
    /// [`inputs`](Self::inputs), `None` (or a shorter slice) for inputs not given.
    ///
    /// # Errors
    ///
    /// The errors of [`Evaluator::evaluate`] for the same inputs, and `invalid_input` (field
    /// `values`) for more values than the rule has inputs.
    ///
    /// # Example
    ///
    /// See [`DatedEvaluator`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::rules::RuleValue;
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?.at(d, None)?;
    /// let err = bond.value(&[Some("-1".into())]).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("invalid_input", Some("budget")));
    /// assert_eq!(bond.value(&[]).unwrap_err().code(), "missing_input");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn value(&self, values: &[Option<InputValueRef<'_>>]) -> Result<RuleValue> {
        if let Some(fast) = &self.fast
            && values.len() <= self.inputs().len()
            && let Some(value) = fast.value(&self.evaluator.inner.common, values)
        {
            return value;
        }
        let mut frame = self.frame(values)?;
        self.evaluator.run(&mut frame, None)
    }

    /// The full evaluation of one case (the value and, as `options` ask, the explanation with
    /// its receipt), as [`Evaluator::evaluate`] gives it; `values` as for
    /// [`value`](Self::value). The receipt lists the values given, in the rule's order.
    ///
    /// # Errors
    ///
    /// As for [`value`](Self::value).
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::rules::Options;
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    /// let ctx = zhengce::Context::builtin();
    /// let bond = ctx.evaluator("tianshan-2022-87/r68-bid-bond")?.at(d, None)?;
    /// let r = bond.evaluate(&[Some("5000000".into()), Some("framework_entry".into())], &Options::explained())?;
    /// assert_eq!(r.amount().unwrap().to_string(), "0.00"); // item 68: no bond for a framework entry
    /// assert_eq!(r.explanation.unwrap().date, d);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn evaluate(&self, values: &[Option<InputValueRef<'_>>], options: &Options) -> Result<Evaluation> {
        let frame = self.frame(values)?;
        self.evaluator.finish(frame, options, || {
            let mut input = Input::new(self.frame.date);
            input.jurisdiction = self.asked.clone();
            for (spec, v) in self.inputs().iter().zip(values) {
                if let Some(v) = v {
                    input.values.push((spec.name.clone(), (*v).into()));
                }
            }
            input
        })
    }

    /// The frame of one case: the prepared one with the values checked in and the defaults
    /// applied, in the order [`Evaluator::evaluate`] applies them.
    fn frame(&self, values: &[Option<InputValueRef<'_>>]) -> Result<Frame> {
        let c = &*self.evaluator.inner;
        if values.len() > c.rule.inputs.len() {
            return Err(Error::invalid_input(
                "values",
                format!("{} values", values.len()),
                format!(
                    "at most {} values, in the order of the rule's inputs: {}",
                    c.rule.inputs.len(),
                    input::quoted(&c.rule.inputs.iter().map(|s| s.name.clone()).collect::<Vec<_>>())
                ),
            ));
        }
        let mut frame = self.frame.clone();
        for ((slot, spec), v) in frame.vals.iter_mut().zip(&c.rule.inputs).zip(values) {
            if let Some(v) = v {
                *slot = Some(input::check_ref(spec, *v)?);
            }
        }
        c.fill_defaults(&mut frame, c.kind.missing_is_a_value())?;
        Ok(frame)
    }

    fn places(&self, given: usize) -> Error {
        Error::invalid_input(
            "values",
            format!("{given} places"),
            format!("one place per input of rule '{}' ({})", self.evaluator.rule().id, self.inputs().len()),
        )
    }
}
