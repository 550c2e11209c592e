//! What an evaluation returns: the value, and on request the explanation with its receipt.

use std::fmt::Write;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::step::Step;
use super::{
    CappedRateValue, DecisionTableValue, EligibilityValue, ExceptionEffect, Input, Modality, Rule, TestOp,
    ThresholdValue,
};
use crate::catalogue::{Citation, ParameterUse, Text};

/// The result of one evaluation: the rule's value and, if asked for, its explanation.
///
/// Serialises as `{"value": {...}, "explanation": {...}}`; the explanation is absent unless
/// [`Options::explain`](super::Options) was set.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Lang, Options};
///
/// let s = zhengce::Context::builtin();
/// let bond = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
/// let result = bond.evaluate(&input, &Options::explained())?;
/// assert_eq!(result.amount().unwrap().to_string(), "10000.00");
/// let text = result.to_text(Lang::En);
/// assert!(text.contains("tianshan-2022-87/68"));
/// assert!(result.to_text(Lang::Zh).contains("投标保证金"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Evaluation {
    /// What the rule gives for the case.
    pub value: RuleValue,
    /// Why: present when the options asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Box<Explanation>>,
}

/// The value of a rule for one case, by rule kind (tagged with `kind`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
/// let s = zhengce::Context::builtin();
/// let ev = s.evaluator("tianshan-2022-87/r68-bid-bond")?;
/// let r = ev.evaluate(&Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1"), &Options::default())?;
/// assert!(matches!(r.value, RuleValue::CappedRate(_)));
/// assert_eq!(serde_json::to_value(&r.value).unwrap()["kind"], "capped_rate");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleValue {
    /// An amount from a capped rate.
    CappedRate(CappedRateValue),
    /// The outputs of a decision table.
    DecisionTable(DecisionTableValue),
    /// Whether the case is eligible, what failed and what is missing.
    Eligibility(EligibilityValue),
    /// Whether a measured value complies with its limit.
    Threshold(ThresholdValue),
    /// The deadline of a time limit, from the calendar.
    TimeLimit(TimeLimitValue),
}

/// The value of a time-limit rule for one case: the deadline the calendar computes from the
/// case's date (the start, not counted).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::rules::{Input, Options, RuleValue};
///
/// let s = zhengce::Context::builtin();
/// let ev = s.evaluator("tianshan-2022-87/r58-business-opening")?;
/// let r = ev.evaluate(&Input::new(NaiveDate::from_ymd_opt(2022, 9, 30).unwrap()), &Options::default())?;
/// let RuleValue::TimeLimit(v) = r.value else { panic!() };
/// assert_eq!(v.deadline.date.to_string(), "2022-10-09"); // National Day off; the 8th and 9th are make-up working days
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)] // inlines it in RuleValue's schema, so `kind` reaches the TypeScript types
pub struct TimeLimitValue {
    /// The deadline, with the days skipped and its own explanation.
    pub deadline: Box<crate::calendar::Deadline>,
}

impl Evaluation {
    /// The amount of a capped-rate rule (`None` for other kinds, or when the rule does not
    /// apply).
    ///
    /// # Example
    ///
    /// See [`Evaluation`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let s = zhengce::Context::builtin();
    /// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "5000000");
    /// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &Default::default())?;
    /// assert_eq!(r.amount().unwrap().to_string(), "20000.00");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn amount(&self) -> Option<Decimal> {
        match &self.value {
            RuleValue::CappedRate(v) => v.amount,
            _ => None,
        }
    }

    /// Whether the case is eligible (eligibility rules): `None` while inputs are missing.
    ///
    /// # Example
    ///
    /// See [`Evaluator::evaluate`](super::Evaluator::evaluate).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let s = zhengce::Context::builtin();
    /// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("enterprise_related", true);
    /// let r = s.evaluator("tianshan-2022-87/r2-litigation-priority")?.evaluate(&input, &Default::default())?;
    /// assert_eq!(r.eligible(), Some(true));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn eligible(&self) -> Option<bool> {
        match &self.value {
            RuleValue::Eligibility(v) => v.eligible,
            _ => None,
        }
    }

    /// The inputs still to ask for (eligibility rules).
    ///
    /// # Example
    ///
    /// See [`Evaluator::evaluate`](super::Evaluator::evaluate).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let s = zhengce::Context::builtin();
    /// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("entity_kind", "enterprise");
    /// let r = s.evaluator("tianshan-2022-87/r59-simple-deregistration")?.evaluate(&input, &Default::default())?;
    /// assert_eq!(r.missing(), ["debts"]);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn missing(&self) -> Vec<&str> {
        match &self.value {
            RuleValue::Eligibility(v) => v.missing.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the measured value complies (threshold rules).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Input, Options};
    ///
    /// let s = zhengce::Context::builtin();
    /// let fee = s.evaluator("tianshan-2022-87/r63-guarantee-fee")?;
    /// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("fee_rate", "0.012");
    /// assert_eq!(fee.evaluate(&input, &Options::default())?.compliant(), Some(false));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn compliant(&self) -> Option<bool> {
        match &self.value {
            RuleValue::Threshold(v) => v.compliant,
            _ => None,
        }
    }

    /// One output of a decision table (`None` if no row matched or the output is unknown).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zhengce::rules::{Input, Options};
    ///
    /// let s = zhengce::Context::builtin();
    /// let table = s.evaluator("tianshan-2022-87/r10-credit-class")?;
    /// let input = Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("credit_class", "a");
    /// let result = table.evaluate(&input, &Options::default())?;
    /// assert_eq!(result.output("proactive"), Some(&serde_json::json!(false)));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn output(&self, name: &str) -> Option<&serde_json::Value> {
        match &self.value {
            RuleValue::DecisionTable(v) => v.outputs.as_ref().and_then(|o| o.get(name)),
            _ => None,
        }
    }

    /// The result, and the explanation if there is one, as readable text in `lang`.
    ///
    /// # Example
    ///
    /// See [`Evaluation`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let s = zhengce::Context::builtin();
    /// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
    /// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &Default::default())?;
    /// assert_eq!(r.to_text(zhengce::rules::Lang::En), "Result: amount 10000.00\n");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let zh = lang == Lang::Zh;
        let _ = writeln!(out, "{}{}", if zh { "结果:" } else { "Result: " }, result_text(&self.value, zh));
        if let Some(e) = &self.explanation {
            out.push_str(&e.to_text(lang));
        }
        out
    }
}

/// A language for readable explanations.
///
/// # Example
///
/// ```
/// let l: zhengce::rules::Lang = serde_json::from_str(r#""zh""#).unwrap();
/// assert_eq!(l, zhengce::rules::Lang::Zh);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese.
    Zh,
}

/// Why an evaluation gave its value: the rule and its clause, each parameter with its value,
/// effective date and source, each condition with its outcome, the computation's steps, and
/// the execution receipt.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// let s = zhengce::Context::builtin();
/// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
/// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &zhengce::rules::Options::explained())?;
/// let e = r.explanation.unwrap();
/// assert_eq!(e.jurisdiction, "cn-xj-urumqi-tianshan");
/// assert_eq!(e.parameters.len(), 2);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Explanation {
    /// The rule, its clause and its reading.
    pub rule: RuleInfo,
    /// The jurisdiction the case was evaluated in.
    pub jurisdiction: String,
    /// The case's date.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// Every parameter the rule names, as found for the case.
    pub parameters: Vec<ParameterUse>,
    /// Every test of the rule with its outcome (`null` when an input is missing).
    pub conditions: Vec<ConditionOutcome>,
    /// The computation, step by step.
    pub steps: Vec<Step>,
    /// What produced the result: library version, catalogue and scenario hashes, inputs.
    pub receipt: Receipt,
    /// The result and this explanation as readable text, when the options asked for a
    /// language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The rule as an explanation cites it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// let s = zhengce::Context::builtin();
/// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
/// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &zhengce::rules::Options::explained())?;
/// let e = r.explanation.unwrap();
/// let info: &zhengce::rules::RuleInfo = &e.rule;
/// assert_eq!(info.kind, "capped_rate");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RuleInfo {
    /// The rule's id.
    pub id: String,
    /// Its kind (`capped_rate`, ...).
    pub kind: String,
    /// Its name.
    pub name: Text,
    /// Obligation, permission, guidance or aspiration.
    pub modality: Modality,
    /// The jurisdiction it belongs to.
    pub jurisdiction: String,
    /// The clause that sets it, with the words that carry it.
    pub source: Citation,
    /// How a vague clause was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

impl RuleInfo {
    pub(crate) fn of(rule: &Rule) -> RuleInfo {
        RuleInfo {
            id: rule.id.clone(),
            kind: rule.logic.kind().to_owned(),
            name: rule.name.clone(),
            modality: rule.modality,
            jurisdiction: rule.jurisdiction.clone(),
            source: rule.source.clone(),
            reading: rule.reading.clone(),
        }
    }
}

/// One test of the rule and how it came out for the case.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// let s = zhengce::Context::builtin();
/// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
/// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &zhengce::rules::Options::explained())?;
/// let e = r.explanation.unwrap();
/// let c: &zhengce::rules::ConditionOutcome = &e.conditions[2];
/// assert_eq!((c.id.as_str(), c.outcome), ("ppp", Some(false)));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ConditionOutcome {
    /// The test's id.
    pub id: String,
    /// What it requires.
    pub label: Text,
    /// The input it reads.
    pub input: String,
    /// The comparison.
    pub op: TestOp,
    /// What the input is compared with (a parameter's value as found for the case).
    pub expected: serde_json::Value,
    /// The parameter compared with, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// The input's value for the case (`null` when not given).
    pub actual: Option<serde_json::Value>,
    /// True if it held, false if not, `null` if unknown.
    pub outcome: Option<bool>,
}

/// An execution receipt: enough to reproduce a result.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// let s = zhengce::Context::builtin();
/// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
/// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &zhengce::rules::Options::explained())?;
/// let e = r.explanation.unwrap();
/// let rc: &zhengce::rules::Receipt = &e.receipt;
/// assert!(rc.catalogue.starts_with("sha256:"));
/// assert_eq!(rc.scenario, "baseline");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Receipt {
    /// The library and its version (`zhengce 0.1.0`).
    pub library: String,
    /// The content hash of the catalogue the rule ran on (`sha256:...`).
    pub catalogue: String,
    /// The scenario's name.
    pub scenario: String,
    /// The hash of the scenario's spec.
    pub scenario_hash: String,
    /// The rule's id.
    pub rule: String,
    /// The inputs as given: date, jurisdiction, values.
    pub inputs: Input,
}

fn dec(d: Decimal) -> String {
    d.to_string()
}

fn effect_text(e: ExceptionEffect, zh: bool) -> &'static str {
    match (e, zh) {
        (ExceptionEffect::NoCap, false) => "no cap",
        (ExceptionEffect::NoCap, true) => "不设上限",
        (ExceptionEffect::NoFloor, false) => "no floor",
        (ExceptionEffect::NoFloor, true) => "不设下限",
        (ExceptionEffect::Zero, false) => "the amount is zero",
        (ExceptionEffect::Zero, true) => "金额为零",
    }
}

fn tri(b: Option<bool>, zh: bool) -> &'static str {
    match (b, zh) {
        (Some(true), false) => "yes",
        (Some(false), false) => "no",
        (None, false) => "unknown",
        (Some(true), true) => "是",
        (Some(false), true) => "否",
        (None, true) => "未知",
    }
}

fn modality_text(m: Modality, zh: bool) -> &'static str {
    match (m, zh) {
        (Modality::Shall, false) => "obligation",
        (Modality::May, false) => "permission (may, not must)",
        (Modality::Guidance, false) => "guidance",
        (Modality::Aspiration, false) => "aspiration",
        (Modality::Shall, true) => "义务",
        (Modality::May, true) => "许可(可以,非必须)",
        (Modality::Guidance, true) => "引导",
        (Modality::Aspiration, true) => "力争目标",
    }
}

fn result_text(value: &RuleValue, zh: bool) -> String {
    match value {
        RuleValue::CappedRate(v) => match (v.applicable, v.amount, zh) {
            (false, _, false) => "the rule does not apply".into(),
            (false, _, true) => "规则不适用".into(),
            (true, Some(a), false) => format!("amount {a}"),
            (true, Some(a), true) => format!("金额 {a}"),
            (true, None, false) => "amount unknown".into(),
            (true, None, true) => "金额未知".into(),
        },
        RuleValue::DecisionTable(v) => match &v.outputs {
            None if zh => "无匹配行".into(),
            None => "no row matched".into(),
            Some(o) => o.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", "),
        },
        RuleValue::Eligibility(v) => {
            let verdict = match (v.eligible, zh) {
                (Some(true), false) => "eligible".to_owned(),
                (Some(false), false) => "not eligible".to_owned(),
                (None, false) => "undecided".to_owned(),
                (Some(true), true) => "符合条件".to_owned(),
                (Some(false), true) => "不符合条件".to_owned(),
                (None, true) => "尚不能判断".to_owned(),
            };
            let mut s = format!("{verdict} ({})", modality_text(v.modality, zh));
            if !v.failed.is_empty() {
                let names: Vec<&str> = v
                    .failed
                    .iter()
                    .map(|f| if zh { f.label.zh.as_str() } else { f.label.en.as_str() })
                    .collect();
                let _ = write!(
                    s,
                    "{}{}",
                    if zh { ";未满足:" } else { "; failed: " },
                    names.join(if zh { "、" } else { "; " })
                );
            }
            if !v.missing.is_empty() {
                let _ = write!(s, "{}{}", if zh { ";缺少:" } else { "; missing: " }, v.missing.join(", "));
            }
            s
        }
        RuleValue::TimeLimit(v) => {
            format!("{} {}", if zh { "期限" } else { "deadline" }, crate::value::format_date(v.deadline.date))
        }
        RuleValue::Threshold(v) => match (v.compliant, v.measured, v.limit, zh) {
            (None, _, _, false) => "not applicable".into(),
            (None, _, _, true) => "不适用".into(),
            (Some(ok), Some(m), Some(l), false) => {
                format!("{} ({m} {} {l})", if ok { "complies" } else { "does not comply" }, v.op.symbol())
            }
            (Some(ok), Some(m), Some(l), true) => {
                format!("{}({m} {} {l})", if ok { "符合" } else { "不符合" }, v.op.symbol())
            }
            (Some(ok), _, _, _) => tri(Some(ok), zh).into(),
        },
    }
}

impl Explanation {
    /// The explanation as readable text in `lang`: the rule and its clause, the case, every
    /// parameter with its value, date and source, every condition, the steps and the receipt.
    ///
    /// # Example
    ///
    /// See [`Evaluation`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let s = zhengce::Context::builtin();
    /// let input = zhengce::rules::Input::new(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap()).with("budget", "1000000");
    /// let r = s.evaluator("tianshan-2022-87/r68-bid-bond")?.evaluate(&input, &zhengce::rules::Options::explained())?;
    /// let text = r.explanation.as_ref().unwrap().to_text(zhengce::rules::Lang::Zh);
    /// assert!(text.starts_with("规则 tianshan-2022-87/r68-bid-bond — 政府采购投标保证金"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut o = String::new();
        let r = &self.rule;
        let name = if zh { &r.name.zh } else { &r.name.en };
        let _ = writeln!(o, "{} {} — {name}", if zh { "规则" } else { "Rule" }, r.id);
        let _ = writeln!(
            o,
            "  {}: {}, {}",
            if zh { "类型" } else { "kind" },
            r.kind,
            modality_text(r.modality, zh)
        );
        let clause = r.source.clause.as_deref().unwrap_or(&r.source.document);
        match &r.source.quote {
            Some(q) => {
                let _ = writeln!(o, "  {} {clause}: 「{q}」", if zh { "依据" } else { "clause" });
            }
            None => {
                let _ = writeln!(o, "  {} {clause}", if zh { "依据" } else { "clause" });
            }
        }
        if let Some(reading) = &r.reading {
            let _ = writeln!(o, "  {}: {reading}", if zh { "解读(英文)" } else { "reading" });
        }
        let _ = writeln!(
            o,
            "{} {} {} {}",
            if zh { "案件:" } else { "Case:" },
            self.jurisdiction,
            if zh { "日期" } else { "on" },
            crate::value::format_date(self.date)
        );
        if !self.receipt.inputs.values.is_empty() {
            let values: Vec<String> = self
                .receipt
                .inputs
                .values
                .iter()
                .map(|(k, v)| format!("{k} = {}", serde_json::to_string(v).unwrap_or_default()))
                .collect();
            let _ = writeln!(o, "  {}: {}", if zh { "输入" } else { "inputs" }, values.join(", "));
        }
        if !self.parameters.is_empty() {
            let _ = writeln!(o, "{}", if zh { "参数:" } else { "Parameters:" });
            for p in &self.parameters {
                let value = match p.value {
                    Some(v) => format!("{} {}", dec(v), p.unit),
                    None if zh => "无有效值".into(),
                    None => "no value in force".into(),
                };
                let mut line = format!("  {} {} = {value}", p.role, p.parameter);
                let mut origin = Vec::new();
                if let Some(j) = &p.jurisdiction {
                    origin.push(j.clone());
                }
                if let Some(f) = p.effective_from {
                    origin.push(format!(
                        "{} {}",
                        if zh { "自" } else { "from" },
                        crate::value::format_date(f)
                    ));
                }
                if let Some(u) = p.until {
                    origin.push(format!(
                        "{} {}",
                        if zh { "至" } else { "until" },
                        crate::value::format_date(u)
                    ));
                }
                if let Some(s) = &p.source {
                    let cite = s.clause.as_deref().unwrap_or(&s.document);
                    origin.push(match &s.quote {
                        Some(q) => format!("{cite} 「{q}」"),
                        None => cite.to_owned(),
                    });
                }
                if let Some(s) = &p.scenario {
                    origin.push(format!("{} '{s}'", if zh { "情景" } else { "scenario" }));
                }
                if p.assumption {
                    origin.push(
                        if zh {
                            "假设值:文件未给出数字"
                        } else {
                            "assumed value: the documents give no number"
                        }
                        .to_owned(),
                    );
                }
                if !origin.is_empty() {
                    let _ = write!(line, " ({})", origin.join("; "));
                }
                let _ = writeln!(o, "{line}");
            }
        }
        if !self.conditions.is_empty() {
            let _ = writeln!(o, "{}", if zh { "条件:" } else { "Conditions:" });
            for c in &self.conditions {
                let label = if zh { &c.label.zh } else { &c.label.en };
                let actual = c.actual.as_ref().map_or_else(|| "—".to_owned(), |a| a.to_string());
                let _ = writeln!(
                    o,
                    "  [{}] {} {label} ({} = {actual}; {} {})",
                    tri(c.outcome, zh),
                    c.id,
                    c.input,
                    c.op.symbol(),
                    c.expected
                );
            }
        }
        if !self.steps.is_empty() {
            let _ = writeln!(o, "{}", if zh { "计算:" } else { "Steps:" });
            for s in &self.steps {
                let _ = writeln!(o, "  {}", step_text(s, zh));
            }
        }
        let rc = &self.receipt;
        let _ = writeln!(
            o,
            "{} {}, {} {}, {} '{}' {}",
            if zh { "执行回执:" } else { "Receipt:" },
            rc.library,
            if zh { "目录" } else { "catalogue" },
            rc.catalogue,
            if zh { "情景" } else { "scenario" },
            rc.scenario,
            rc.scenario_hash
        );
        o
    }
}

fn step_text(s: &Step, zh: bool) -> String {
    match s {
        Step::Scope { holds } => match (holds, zh) {
            (Some(true), false) => "the rule applies to the case".into(),
            (Some(false), false) => "the rule does not apply to the case".into(),
            (None, false) => "whether the rule applies is unknown".into(),
            (Some(true), true) => "本规则适用".into(),
            (Some(false), true) => "本规则不适用".into(),
            (None, true) => "尚不能判断是否适用".into(),
        },
        Step::Exception { id, label, effect } => {
            if zh {
                format!("适用例外 {id}({}):{}", label.zh, effect_text(*effect, zh))
            } else {
                format!("exception {id} ({}): {}", label.en, effect_text(*effect, zh))
            }
        }
        Step::Product { base, rate, exact } => {
            if zh {
                format!("比例 × 基数 = {rate} × {base} = {exact}")
            } else {
                format!("rate × base = {rate} × {base} = {exact}")
            }
        }
        Step::Rounded { rounding, value } => {
            let mode = serde_json::to_value(rounding.mode).ok().and_then(|v| v.as_str().map(str::to_owned));
            let mode = mode.unwrap_or_default();
            if zh {
                format!("保留{}位小数({mode}):{value}", rounding.places)
            } else {
                format!("rounded to {} places ({mode}): {value}", rounding.places)
            }
        }
        Step::Floor { floor, applied, waived } => bound_text("floor", "下限", *floor, *applied, *waived, zh),
        Step::Cap { cap, applied, waived } => bound_text("cap", "上限", *cap, *applied, *waived, zh),
        Step::Rows { hit_policy, matched, chosen } => {
            let policy = serde_json::to_value(hit_policy).ok().and_then(|v| v.as_str().map(str::to_owned));
            let policy = policy.unwrap_or_default();
            let list = if matched.is_empty() { "—".to_owned() } else { matched.join(", ") };
            let chosen = chosen.as_ref().map(|c| format!("; {} {c}", if zh { "采用" } else { "used" }));
            if zh {
                format!("命中策略 {policy}:匹配行 {list}{}", chosen.unwrap_or_default())
            } else {
                format!("hit policy {policy}: matching rows {list}{}", chosen.unwrap_or_default())
            }
        }
        Step::Aggregated { aggregation } => {
            let a = serde_json::to_value(aggregation).ok().and_then(|v| v.as_str().map(str::to_owned));
            format!("{} {}", if zh { "汇总" } else { "aggregated by" }, a.unwrap_or_default())
        }
        Step::Deadline { text, .. } => {
            if zh {
                text.zh.clone()
            } else {
                text.en.clone()
            }
        }
        Step::Compared { measured, op, limit, holds } => {
            if zh {
                format!(
                    "测量值 {measured} {} 限值 {limit}:{}",
                    op.symbol(),
                    if *holds { "符合" } else { "不符合" }
                )
            } else {
                format!(
                    "measured {measured} {} limit {limit}: {}",
                    op.symbol(),
                    if *holds { "holds" } else { "fails" }
                )
            }
        }
    }
}

fn bound_text(en: &str, zh_name: &str, v: Option<Decimal>, applied: bool, waived: bool, zh: bool) -> String {
    match (v, waived, applied, zh) {
        (None, _, _, false) => format!("no {en} value in force: no {en}"),
        (None, _, _, true) => format!("无有效{zh_name}参数值:不设{zh_name}"),
        (Some(v), true, _, false) => format!("{en} {v} lifted by an exception"),
        (Some(v), true, _, true) => format!("{zh_name} {v} 因例外不适用"),
        (Some(v), false, true, false) => format!("{en} {v} applied"),
        (Some(v), false, true, true) => format!("适用{zh_name} {v}"),
        (Some(v), false, false, false) => format!("within the {en} of {v}"),
        (Some(v), false, false, true) => format!("未触及{zh_name} {v}"),
    }
}
