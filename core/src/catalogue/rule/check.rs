//! The static checks of rules: every problem of a rule with its path, and the overlap and
//! gap check of decision tables.

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{
    AmountKind, COperand, Condition, HitPolicy, InputSpec, InputType, Operand, OutputType, Quantity,
    RoundingMode, Rule, RuleLogic, TestOp, Val, compare, input,
};
use crate::error::Problem;

/// Every problem of `rule`; `path` is the rule's JSON path, `has_param` says whether a
/// parameter exists.
pub(crate) fn check_rule(
    rule: &Rule,
    path: &str,
    has_param: &dyn Fn(&str) -> bool,
    problems: &mut Vec<Problem>,
) {
    let mut c = Checker { rule, path, has_param, problems, test_ids: HashSet::new() };
    c.inputs();
    if let Some(cond) = &rule.applies_when {
        c.condition(cond, &format!("{path}.applies_when"));
    }
    let logic = format!("{path}.logic");
    match &rule.logic {
        RuleLogic::CappedRate(k) => {
            c.numeric_input(&k.base, &format!("{logic}.base"));
            c.param(&k.rate, &format!("{logic}.rate"));
            if let Some(b) = &k.cap {
                c.param(&b.parameter, &format!("{logic}.cap.parameter"));
            }
            if let Some(b) = &k.floor {
                c.param(&b.parameter, &format!("{logic}.floor.parameter"));
            }
            if k.amount == AmountKind::Maximum && k.rounding.mode != RoundingMode::Down {
                c.problem(
                    "invalid_rounding",
                    format!("{logic}.rounding.mode"),
                    format!(
                        "expected 'down' for a maximum (a maximum is never rounded up), got '{:?}'",
                        k.rounding.mode
                    )
                    .to_lowercase(),
                );
            }
            let mut ids = HashSet::new();
            for (i, e) in k.exceptions.iter().enumerate() {
                let at = format!("{logic}.exceptions[{i}]");
                if !ids.insert(e.id.as_str()) {
                    c.problem(
                        "duplicate_id",
                        format!("{at}.id"),
                        format!("expected a unique exception id, got '{}' again", e.id),
                    );
                }
                c.condition(&e.when, &format!("{at}.when"));
            }
        }
        RuleLogic::Eligibility(e) => c.condition(&e.condition, &format!("{logic}.condition")),
        RuleLogic::Threshold(t) => {
            match &t.measured {
                Quantity::Input(name) => c.numeric_input(name, &format!("{logic}.measured.input")),
                Quantity::Ratio { numerator, denominator, .. } => {
                    for (i, n) in numerator.iter().enumerate() {
                        c.numeric_input(n, &format!("{logic}.measured.ratio.numerator[{i}]"));
                    }
                    for (i, n) in denominator.iter().enumerate() {
                        c.numeric_input(n, &format!("{logic}.measured.ratio.denominator[{i}]"));
                    }
                }
                Quantity::Reduction { value, baseline } | Quantity::Growth { value, baseline } => {
                    let kind =
                        if matches!(t.measured, Quantity::Reduction { .. }) { "reduction" } else { "growth" };
                    c.numeric_input(value, &format!("{logic}.measured.{kind}.value"));
                    c.numeric_input(baseline, &format!("{logic}.measured.{kind}.baseline"));
                }
            }
            if matches!(t.op, TestOp::In | TestOp::NotIn | TestOp::Ne) {
                c.problem(
                    "invalid_operator",
                    format!("{logic}.op"),
                    format!("expected lt, le, gt, ge or eq, got {:?}", t.op).to_lowercase(),
                );
            }
            match &t.limit {
                Operand::Parameter { parameter } => c.param(parameter, &format!("{logic}.limit.parameter")),
                Operand::Literal(v) => {
                    if v.as_str().and_then(crate::value::parse_decimal).is_none() && !v.is_i64() {
                        c.problem(
                            "invalid_value",
                            format!("{logic}.limit"),
                            format!("expected a decimal string or a parameter, got {v}"),
                        );
                    }
                }
            }
        }
        RuleLogic::DecisionTable(_) => c.table(&logic),
        RuleLogic::TimeLimit(t) => c.param(&t.duration, &format!("{logic}.duration")),
    }
}

struct Checker<'a> {
    rule: &'a Rule,
    path: &'a str,
    has_param: &'a dyn Fn(&str) -> bool,
    problems: &'a mut Vec<Problem>,
    test_ids: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, code: &str, path: String, message: String) {
        self.problems.push(Problem::new(code, path, message));
    }

    fn spec(&self, name: &str) -> Option<&'a InputSpec> {
        self.rule.inputs.iter().find(|i| i.name == name)
    }

    fn names(&self) -> String {
        let names: Vec<String> = self.rule.inputs.iter().map(|i| i.name.clone()).collect();
        if names.is_empty() { "none declared".into() } else { input::quoted(&names) }
    }

    fn input(&mut self, name: &str, at: &str) -> Option<&'a InputSpec> {
        let spec = self.spec(name);
        if spec.is_none() {
            let names = self.names();
            self.problem(
                "unknown_input",
                at.to_owned(),
                format!("expected an input of the rule ({names}), got '{name}'"),
            );
        }
        spec
    }

    fn numeric_input(&mut self, name: &str, at: &str) {
        if let Some(spec) = self.input(name, at)
            && !matches!(spec.ty, InputType::Money | InputType::Decimal | InputType::Count)
        {
            self.problem(
                "invalid_type",
                at.to_owned(),
                format!("expected a money, decimal or count input, got '{name}' of type {:?}", spec.ty)
                    .to_lowercase(),
            );
        }
    }

    fn param(&mut self, key: &str, at: &str) {
        if !(self.has_param)(key) {
            self.problem(
                "dangling_reference",
                at.to_owned(),
                format!("expected the id of a parameter, got '{key}', which is not in the catalogue"),
            );
        }
    }

    fn inputs(&mut self) {
        let mut names = HashSet::new();
        for (i, spec) in self.rule.inputs.iter().enumerate() {
            let at = format!("{}.inputs[{i}]", self.path);
            if !names.insert(spec.name.as_str()) {
                self.problem(
                    "duplicate_id",
                    format!("{at}.name"),
                    format!("expected a unique input name, got '{}' again", spec.name),
                );
            }
            match spec.ty {
                InputType::Choice if spec.choices.is_empty() => {
                    self.problem(
                        "missing_value",
                        format!("{at}.choices"),
                        "expected the choices of a choice input, got none".into(),
                    );
                }
                InputType::Choice => {
                    let unique: HashSet<&String> = spec.choices.iter().collect();
                    if unique.len() != spec.choices.len() {
                        self.problem(
                            "duplicate_id",
                            format!("{at}.choices"),
                            "expected distinct choices".into(),
                        );
                    }
                }
                _ if !spec.choices.is_empty() => {
                    self.problem(
                        "unexpected_value",
                        format!("{at}.choices"),
                        "expected choices only for a choice input".into(),
                    );
                }
                _ => {}
            }
            if spec.min.is_some() && spec.ty != InputType::Decimal {
                self.problem(
                    "unexpected_value",
                    format!("{at}.min"),
                    "expected a minimum only for a decimal input".into(),
                );
            }
            if let Some(d) = &spec.default
                && input::literal(spec, d).is_none()
            {
                self.problem(
                    "invalid_value",
                    format!("{at}.default"),
                    format!("expected {}, got {d}", input::expected(spec)),
                );
            }
        }
    }

    fn condition(&mut self, cond: &'a Condition, at: &str) {
        match cond {
            Condition::All(parts) | Condition::Any(parts) => {
                let key = if matches!(cond, Condition::All(_)) { "all" } else { "any" };
                if parts.is_empty() {
                    self.problem(
                        "missing_value",
                        format!("{at}.{key}"),
                        format!("expected at least one condition in '{key}'"),
                    );
                }
                for (i, p) in parts.iter().enumerate() {
                    self.condition(p, &format!("{at}.{key}[{i}]"));
                }
            }
            Condition::Not(inner) => self.condition(inner, &format!("{at}.not")),
            Condition::Test(t) => {
                let at = format!("{at}.test");
                if !self.test_ids.insert(t.id.as_str()) {
                    self.problem(
                        "duplicate_id",
                        format!("{at}.id"),
                        format!("expected a unique test id in the rule, got '{}' again", t.id),
                    );
                }
                if !crate::value::is_valid_id(&t.id) {
                    self.problem(
                        "invalid_id",
                        format!("{at}.id"),
                        format!("expected an id of lower-case letters, digits and - _ . / @, got '{}'", t.id),
                    );
                }
                let Some(spec) = self.input(&t.input, &format!("{at}.input")) else { return };
                let ordered = matches!(
                    spec.ty,
                    InputType::Money | InputType::Decimal | InputType::Count | InputType::Date
                );
                if matches!(t.op, TestOp::Lt | TestOp::Le | TestOp::Gt | TestOp::Ge) && !ordered {
                    self.problem(
                        "invalid_operator",
                        format!("{at}.op"),
                        format!(
                            "expected eq, ne, in or not_in for input '{}' of type {:?}, got {:?}",
                            t.input, spec.ty, t.op
                        )
                        .to_lowercase(),
                    );
                }
                match &t.value {
                    Operand::Parameter { parameter } => {
                        if !matches!(spec.ty, InputType::Money | InputType::Decimal | InputType::Count) {
                            self.problem(
                                "invalid_value",
                                format!("{at}.value"),
                                format!(
                                    "expected a literal for input '{}' (parameters are decimals)",
                                    t.input
                                ),
                            );
                        }
                        self.param(parameter, &format!("{at}.value.parameter"));
                    }
                    Operand::Literal(v) => self.literal(spec, t.op, v, &format!("{at}.value")),
                }
            }
        }
    }

    fn literal(&mut self, spec: &InputSpec, op: TestOp, v: &serde_json::Value, at: &str) {
        let ok = match (op, v) {
            (TestOp::In | TestOp::NotIn, serde_json::Value::Array(items)) => {
                items.iter().all(|i| literal_val(spec, i).is_some())
            }
            (TestOp::In | TestOp::NotIn, _) => false,
            (_, v) => literal_val(spec, v).is_some(),
        };
        if !ok {
            let what = if matches!(op, TestOp::In | TestOp::NotIn) { "a list of values" } else { "a value" };
            self.problem(
                "invalid_value",
                at.to_owned(),
                format!("expected {what} of input '{}' ({}), got {v}", spec.name, input::expected(spec)),
            );
        }
    }

    fn table(&mut self, logic: &str) {
        let RuleLogic::DecisionTable(t) = &self.rule.logic else { return };
        for (i, name) in t.inputs.iter().enumerate() {
            self.input(name, &format!("{logic}.inputs[{i}]"));
        }
        let mut outs = HashSet::new();
        for (i, o) in t.outputs.iter().enumerate() {
            if !outs.insert(o.name.as_str()) {
                self.problem(
                    "duplicate_id",
                    format!("{logic}.outputs[{i}].name"),
                    format!("expected a unique output name, got '{}' again", o.name),
                );
            }
            if o.ty == OutputType::Choice && o.values.is_empty() {
                self.problem(
                    "missing_value",
                    format!("{logic}.outputs[{i}].values"),
                    "expected the values of a choice output, got none".into(),
                );
            }
        }
        match (t.hit_policy, t.aggregation) {
            (HitPolicy::Collect, Some(super::CollectAggregation::Count)) | (HitPolicy::Collect, None) => {}
            (HitPolicy::Collect, Some(_)) => {
                if let Some(i) = t.outputs.iter().position(|o| o.ty != OutputType::Decimal) {
                    self.problem(
                        "invalid_type",
                        format!("{logic}.outputs[{i}].type"),
                        "expected decimal outputs for sum, min or max".into(),
                    );
                }
            }
            (_, Some(_)) => self.problem(
                "unexpected_value",
                format!("{logic}.aggregation"),
                "expected an aggregation only for hit policy collect".into(),
            ),
            _ => {}
        }
        let mut ids = HashSet::new();
        let mut cells_ok = true;
        for (r, row) in t.rows.iter().enumerate() {
            let at = format!("{logic}.rows[{r}]");
            if !ids.insert(row.id.as_str()) {
                self.problem(
                    "duplicate_id",
                    format!("{at}.id"),
                    format!("expected a unique row id, got '{}' again", row.id),
                );
            }
            for (name, cell) in &row.when {
                if !t.inputs.contains(name) {
                    self.problem(
                        "unknown_input",
                        format!("{at}.when.{name}"),
                        format!("expected an input column of the table, got '{name}'"),
                    );
                    cells_ok = false;
                    continue;
                }
                let Some(spec) = self.spec(name) else {
                    cells_ok = false;
                    continue;
                };
                if let Err(message) = cell_tests(spec, cell) {
                    self.problem("invalid_value", format!("{at}.when.{name}"), message);
                    cells_ok = false;
                }
            }
            for (name, value) in &row.then {
                match t.outputs.iter().find(|o| o.name == *name) {
                    None => self.problem(
                        "unknown_output",
                        format!("{at}.then.{name}"),
                        format!("expected an output of the table, got '{name}'"),
                    ),
                    Some(o) => self.output(o, value, &format!("{at}.then.{name}")),
                }
            }
        }
        if !cells_ok {
            return;
        }
        if let Some(check) = check_table(self.rule) {
            for o in &check.overlaps {
                let conflict = match t.hit_policy {
                    HitPolicy::Unique => true,
                    HitPolicy::Any => !o.same_outputs,
                    _ => false,
                };
                if conflict {
                    let rows: Vec<String> = o.rows.iter().map(|r| format!("'{r}'")).collect();
                    self.problem(
                        "overlapping_rows",
                        format!("{logic}.rows"),
                        format!(
                            "expected rows that do not overlap under hit policy {:?}, got {} both matching {}",
                            t.hit_policy,
                            rows.join(", "),
                            serde_json::Value::Object(o.example.clone())
                        )
                        .replace("Unique", "unique")
                        .replace("Any", "any"),
                    );
                }
            }
        }
    }

    fn output(&mut self, o: &super::OutputSpec, v: &serde_json::Value, at: &str) {
        if let serde_json::Value::Object(map) = v {
            if let Some(serde_json::Value::String(key)) = map.get("parameter").filter(|_| map.len() == 1) {
                self.param(key, &format!("{at}.parameter"));
                return;
            }
            if let Some(serde_json::Value::Array(factors)) = map.get("product").filter(|_| map.len() == 1) {
                for (i, f) in factors.iter().enumerate() {
                    self.output(o, f, &format!("{at}.product[{i}]"));
                }
                return;
            }
        }
        let ok = match o.ty {
            OutputType::Decimal => {
                v.as_str().and_then(crate::value::parse_decimal).is_some() || v.is_i64() || v.is_null()
            }
            OutputType::Boolean => v.is_boolean() || v.is_null(),
            OutputType::Choice => v.as_str().is_some_and(|s| o.values.iter().any(|x| x == s)) || v.is_null(),
        };
        if !ok {
            self.problem(
                "invalid_value",
                at.to_owned(),
                format!("expected a {:?} value of output '{}', got {v}", o.ty, o.name).to_lowercase(),
            );
        }
    }
}

/// The comparisons of a cell on an input (literals only: cells are checked statically).
pub(crate) fn cell_tests(
    spec: &InputSpec,
    cell: &Value,
) -> std::result::Result<Vec<(TestOp, COperand)>, String> {
    let lit = |op: TestOp, v: &Value| -> std::result::Result<COperand, String> {
        match (op, v) {
            (TestOp::In | TestOp::NotIn, Value::Array(items)) => items
                .iter()
                .map(|i| {
                    literal_val(spec, i).ok_or_else(|| format!("{i} is not a value of input '{}'", spec.name))
                })
                .collect::<std::result::Result<Vec<_>, _>>()
                .map(COperand::List),
            (TestOp::In | TestOp::NotIn, other) => Err(format!("expected a list for '{op:?}', got {other}")),
            (_, v) => literal_val(spec, v)
                .map(COperand::Val)
                .ok_or_else(|| format!("{v} is not a value of input '{}'", spec.name)),
        }
    };
    match cell {
        Value::Array(_) => Ok(vec![(TestOp::In, lit(TestOp::In, cell)?)]),
        Value::Object(ops) => ops
            .iter()
            .map(|(k, v)| {
                let op: TestOp = serde_json::from_value(Value::String(k.clone())).map_err(|_| {
                    format!("expected a comparison (eq, ne, lt, le, gt, ge, in, not_in), got '{k}'")
                })?;
                Ok((op, lit(op, v)?))
            })
            .collect(),
        v => Ok(vec![(TestOp::Eq, lit(TestOp::Eq, v)?)]),
    }
}

/// What the static check of a decision table found.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let check = zhengce::rules::check_table(cat.rule("tianshan-2022-87/r10-credit-class")?).unwrap();
/// assert!(check.overlaps.is_empty() && check.gaps.is_empty(), "complete and unique");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TableCheck {
    /// Input combinations that two or more rows match.
    pub overlaps: Vec<Overlap>,
    /// Input combinations no row matches, one example input per combination.
    pub gaps: Vec<Map<String, Value>>,
    /// True if the table has too many combinations to check them all (only the first
    /// 100,000 were).
    pub truncated: bool,
}

/// Rows that match the same inputs.
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// let check = zhengce::rules::check_table(cat.rule("tianshan-2022-87/r10-credit-class")?).unwrap();
/// assert!(check.overlaps.iter().all(|o: &zhengce::rules::Overlap| o.rows.len() > 1));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Overlap {
    /// The rows' ids.
    pub rows: Vec<String>,
    /// An input they all match.
    pub example: Map<String, Value>,
    /// True if the rows give the same literal outputs (allowed under hit policy `any`).
    pub same_outputs: bool,
}

/// A compiled cell: the comparisons it makes.
type Cell = Vec<(TestOp, COperand)>;

const MAX_COMBINATIONS: usize = 100_000;

const MAX_GAPS: usize = 20;

/// The representative values of an input column: one per class of values the cells tell
/// apart, so checking them checks every input.
fn atoms(spec: &InputSpec, cells: &[&Vec<(TestOp, COperand)>]) -> Vec<Val> {
    let mut points: Vec<Val> = Vec::new();
    for tests in cells {
        for (_, operand) in tests.iter() {
            match operand {
                COperand::Val(v) => points.push(*v),
                COperand::List(items) => points.extend(items.iter().copied()),
                COperand::Param(_) => {}
            }
        }
    }
    match spec.ty {
        InputType::Choice => (0..spec.choices.len()).map(|i| Val::Choice(i as u16)).collect(),
        InputType::Boolean => vec![Val::Bool(false), Val::Bool(true)],
        InputType::Date => {
            let mut ds: Vec<NaiveDate> =
                points.iter().filter_map(|p| if let Val::Date(d) = p { Some(*d) } else { None }).collect();
            ds.sort();
            ds.dedup();
            let mut out = Vec::new();
            for (i, d) in ds.iter().enumerate() {
                if i == 0 {
                    out.extend(d.pred_opt().map(Val::Date));
                }
                out.push(Val::Date(*d));
                match (d.succ_opt(), ds.get(i + 1)) {
                    (Some(s), Some(next)) if s < *next => out.push(Val::Date(s)),
                    (Some(s), None) => out.push(Val::Date(s)),
                    _ => {}
                }
            }
            if out.is_empty() {
                out.push(Val::Date(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()));
            }
            out
        }
        InputType::Money | InputType::Decimal | InputType::Count => {
            let integer = spec.ty == InputType::Count;
            let min = match spec.ty {
                InputType::Decimal => spec.min,
                _ => Some(Decimal::ZERO),
            };
            let mut ds: Vec<Decimal> =
                points.iter().filter_map(|p| if let Val::Dec(d) = p { Some(*d) } else { None }).collect();
            ds.sort();
            ds.dedup();
            let mut out = Vec::new();
            for (i, d) in ds.iter().enumerate() {
                if i == 0 {
                    out.push(if integer { d.floor() - Decimal::ONE } else { *d - Decimal::ONE });
                }
                out.push(*d);
                let next = ds.get(i + 1);
                let between = match (integer, next) {
                    (false, Some(n)) => Some((*d + *n) / Decimal::TWO),
                    (false, None) => Some(*d + Decimal::ONE),
                    (true, Some(n)) => Some(d.floor() + Decimal::ONE).filter(|b| b < n),
                    (true, None) => Some(d.floor() + Decimal::ONE),
                };
                out.extend(between);
            }
            if out.is_empty() {
                out.push(min.unwrap_or(Decimal::ZERO));
            }
            out.retain(|d| min.is_none_or(|m| *d >= m) && (!integer || d.fract().is_zero()));
            out.into_iter().map(Val::Dec).collect()
        }
    }
}

/// Checks a decision-table rule statically: the input combinations that several rows match
/// and those no row matches. `None` for a rule of another kind, or one whose cells do not
/// compile (the catalogue check reports those).
///
/// Each input's values are split into the classes the cells tell apart (every choice; true
/// and false; for numbers and dates, each boundary a cell names and the ranges between them),
/// so checking one value per class checks every input exactly.
///
/// # Example
///
/// See [`TableCheck`].
///
/// # Example
///
/// ```
/// let cat = zhengce::Catalogue::builtin();
/// assert!(zhengce::rules::check_table(cat.rule("tianshan-2022-87/r68-bid-bond")?).is_none(), "not a table");
/// assert!(zhengce::rules::check_table(cat.rule("tianshan-2022-87/r43-approval-cap")?).unwrap().gaps.is_empty());
/// # Ok::<(), zhengce::Error>(())
/// ```
pub fn check_table(rule: &Rule) -> Option<TableCheck> {
    let RuleLogic::DecisionTable(t) = &rule.logic else { return None };
    let spec_of = |name: &str| rule.inputs.iter().find(|i| i.name == name);
    let mut rows: Vec<Vec<(usize, Cell)>> = Vec::new();
    for row in &t.rows {
        let mut cells = Vec::new();
        for (name, cell) in &row.when {
            let col = t.inputs.iter().position(|i| i == name)?;
            cells.push((col, cell_tests(spec_of(name)?, cell).ok()?));
        }
        rows.push(cells);
    }
    let specs: Vec<&InputSpec> = t.inputs.iter().map(|n| spec_of(n)).collect::<Option<_>>()?;
    let columns: Vec<Vec<Val>> = specs
        .iter()
        .enumerate()
        .map(|(col, spec)| {
            let cells: Vec<&Vec<(TestOp, COperand)>> =
                rows.iter().flat_map(|r| r.iter().filter(|(c, _)| *c == col).map(|(_, t)| t)).collect();
            atoms(spec, &cells)
        })
        .collect();
    if columns.iter().any(Vec::is_empty) {
        return None;
    }
    let total =
        columns.iter().try_fold(1usize, |acc, c| acc.checked_mul(c.len().max(1))).unwrap_or(usize::MAX);
    let mut out = TableCheck { overlaps: Vec::new(), gaps: Vec::new(), truncated: total > MAX_COMBINATIONS };
    let mut index = vec![0usize; columns.len()];
    let literal_outputs: Vec<&Map<String, Value>> = t.rows.iter().map(|r| &r.then).collect();
    for _ in 0..total.min(MAX_COMBINATIONS) {
        let combo: Vec<Val> = index.iter().zip(&columns).map(|(i, c)| c[*i]).collect();
        let matched: Vec<usize> = (0..rows.len())
            .filter(|r| {
                rows[*r].iter().all(|(col, tests)| {
                    tests.iter().all(|(op, operand)| match operand {
                        COperand::Val(v) => compare(*op, combo[*col], *v) == Some(true),
                        COperand::List(items) => {
                            let found =
                                items.iter().any(|v| compare(TestOp::Eq, combo[*col], *v) == Some(true));
                            if *op == TestOp::NotIn { !found } else { found }
                        }
                        COperand::Param(_) => false,
                    })
                })
            })
            .collect();
        let example = || -> Map<String, Value> {
            specs.iter().zip(&combo).map(|(s, v)| (s.name.clone(), v.to_json(s))).collect()
        };
        if matched.is_empty() && out.gaps.len() < MAX_GAPS {
            out.gaps.push(example());
        }
        if matched.len() > 1 {
            let ids: Vec<String> = matched.iter().map(|r| t.rows[*r].id.clone()).collect();
            if !out.overlaps.iter().any(|o| o.rows == ids) {
                let same_outputs = matched.iter().all(|r| literal_outputs[*r] == literal_outputs[matched[0]]);
                out.overlaps.push(Overlap { rows: ids, example: example(), same_outputs });
            }
        }
        // Next combination (odometer).
        for (k, i) in index.iter_mut().enumerate().rev() {
            *i += 1;
            if *i < columns[k].len() {
                break;
            }
            *i = 0;
        }
    }
    Some(out)
}

/// A literal of an input's type; literals skip the input's own bounds (a test may compare a
/// count with 0.5).
pub(crate) fn literal_val(spec: &InputSpec, value: &serde_json::Value) -> Option<Val> {
    match spec.ty {
        InputType::Money | InputType::Decimal | InputType::Count => {
            match super::InputValue::from_json_value(value) {
                super::InputValue::Decimal(d) => Some(Val::Dec(d)),
                super::InputValue::Text(t) => crate::value::parse_decimal(&t).map(Val::Dec),
                _ => None,
            }
        }
        _ => input::literal(spec, value),
    }
}
