//! Vector calls of the rules module.

use crate::context::ScenarioSpec;
use crate::rules::{
    Batch, CallOptions, Input, InputValue, InputValueRef, OwnedColumns, OwnedDates, RuleValue,
};
use crate::{Context, Error};
use serde_json::Value;

use super::{Call, arg, json};

/// The case's context, under the input's scenario if it gives one.
fn scenario(ctx: &Context, spec: Option<&Value>) -> Result<Context, Error> {
    match spec {
        None => Ok(ctx.clone()),
        Some(spec) => ctx.with_scenario(crate::error::from_json_value::<ScenarioSpec>(spec, "scenario")?),
    }
}

fn date(input: &Value) -> Result<chrono::NaiveDate, Error> {
    let text = arg::<String>(input, "date")?;
    crate::value::parse_date(&text)
        .ok_or_else(|| Error::invalid_input("date", &text, "an ISO date YYYY-MM-DD"))
}

fn options(input: &Value) -> Result<CallOptions, Error> {
    let mut o = serde_json::Map::new();
    for key in ["jurisdiction", "explain", "text", "errors"] {
        if let Some(v) = input.get(key) {
            o.insert(key.into(), v.clone());
        }
    }
    crate::error::from_json_value(&Value::Object(o), "options")
}

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "rules.evaluate" => |ctx, i| {
            let ev = scenario(ctx, i.get("scenario"))?.evaluator(&arg::<String>(i, "rule")?)?;
            let opts = options(i)?;
            let mut input = Input::from_json_value(date(i)?, i.get("values").unwrap_or(&Value::Null))?;
            input.jurisdiction = opts.jurisdiction.clone();
            Ok(json(&ev.evaluate(&input, &opts.options())?))
        },
        "rules.dated_call" => |ctx, i| {
            let ev = scenario(ctx, i.get("scenario"))?.evaluator(&arg::<String>(i, "rule")?)?;
            let dated = ev.at(date(i)?, i.get("jurisdiction").and_then(Value::as_str))?;
            let given = |v: &Value| (!v.is_null()).then(|| InputValue::from_json_value(v));
            let mut held: Vec<Option<InputValue>> = vec![None; dated.inputs().len()];
            match i.get("values").unwrap_or(&Value::Null) {
                Value::Array(items) => {
                    held = items.iter().map(given).collect();
                    held.resize(held.len().max(dated.inputs().len()), None);
                }
                Value::Object(map) => {
                    let owned: Vec<(&String, InputValue)> =
                        map.iter().filter_map(|(k, v)| given(v).map(|v| (k, v))).collect();
                    let mut refs: Vec<Option<InputValueRef<'_>>> = vec![None; held.len()];
                    for (name, v) in &owned {
                        dated.put(&mut refs, name, v.into())?;
                    }
                    held = refs.into_iter().map(|r| r.map(InputValue::from)).collect();
                }
                _ => {}
            }
            let refs: Vec<Option<InputValueRef<'_>>> =
                held.iter().map(|v| v.as_ref().map(Into::into)).collect();
            // The answer of a call, as the bindings give it.
            Ok(match dated.value(&refs)? {
                RuleValue::CappedRate(v) => json(&v.amount),
                RuleValue::Eligibility(v) => json(&v.eligible),
                RuleValue::Threshold(v) => json(&v.compliant),
                RuleValue::TimeLimit(v) => json(&crate::value::format_date(v.deadline.date)),
                RuleValue::DecisionTable(v) => json(&v.outputs),
            })
        },
        "rules.evaluate_batch" => |ctx, i| {
            let ev = scenario(ctx, i.get("scenario"))?.evaluator(&arg::<String>(i, "rule")?)?;
            let opts = options(i)?;
            let columns = OwnedColumns::from_json_value(&i["columns"])?;
            let dates = OwnedDates::from_json_value(&i["date"])?;
            let batch = Batch {
                dates: dates.dates(),
                jurisdiction: opts.jurisdiction.as_deref(),
                columns: columns.columns(),
            };
            Ok(json(&ev.evaluate_batch(&batch, &opts.options())?))
        },
        "rules.compare" => |ctx, i| {
            let base = scenario(ctx, i.get("baseline"))?;
            let alt = scenario(ctx, i.get("alternative"))?;
            let columns = OwnedColumns::from_json_value(&i["columns"])?;
            let dates = OwnedDates::from_json_value(&i["date"])?;
            let batch = Batch { dates: dates.dates(), jurisdiction: None, columns: columns.columns() };
            Ok(json(&base.compare(&alt, &arg::<String>(i, "rule")?, &batch, &Default::default())?))
        },
        "rules.check_table" => |ctx, i| {
            let ev = scenario(ctx, None)?.evaluator(&arg::<String>(i, "rule")?)?;
            Ok(json(&ev.check_table()))
        },
        "rules.scenario" => |ctx, i| {
            let s = scenario(ctx, Some(&i["spec"]))?;
            Ok(serde_json::json!({"name": s.scenario_name(), "hash": s.scenario_hash()}))
        },
        "rules.parameter_value" => |ctx, i| {
            let s = scenario(ctx, i.get("scenario"))?;
            Ok(json(&s.parameter_value(
                &arg::<String>(i, "key")?,
                &arg::<String>(i, "jurisdiction")?,
                date(i)?,
            )?))
        },
        _ => return None,
    })
}
