//! Vector calls of the rules module.

use crate::rules::{Batch, CallOptions, Input, OwnedColumns, OwnedDates, Scenario, ScenarioSpec};
use crate::{Catalogue, Error};
use serde_json::Value;

use super::{Call, arg, json};

fn scenario(cat: &Catalogue, spec: Option<&Value>) -> Result<Scenario, Error> {
    match spec {
        None => Ok(Scenario::baseline(cat.clone())),
        Some(spec) => {
            Scenario::new(cat.clone(), crate::value::from_json_value::<ScenarioSpec>(spec, "scenario")?)
        }
    }
}

fn date(input: &Value) -> Result<chrono::NaiveDate, Error> {
    let text = arg::<String>(input, "date")?;
    crate::value::parse_date(&text)
        .ok_or_else(|| Error::invalid_input("date", &text, "an ISO date YYYY-MM-DD"))
}

fn options(input: &Value) -> Result<CallOptions, Error> {
    let mut o = serde_json::Map::new();
    for key in ["jurisdiction", "explain", "text"] {
        if let Some(v) = input.get(key) {
            o.insert(key.into(), v.clone());
        }
    }
    crate::value::from_json_value(&Value::Object(o), "options")
}

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "rules.evaluate" => |cat, i| {
            let ev = scenario(cat, i.get("scenario"))?.evaluator(&arg::<String>(i, "rule")?)?;
            let opts = options(i)?;
            let mut input = Input::from_json(date(i)?, i.get("values").unwrap_or(&Value::Null))?;
            input.jurisdiction = opts.jurisdiction.clone();
            Ok(json(&ev.evaluate(&input, &opts.options())?))
        },
        "rules.evaluate_batch" => |cat, i| {
            let ev = scenario(cat, i.get("scenario"))?.evaluator(&arg::<String>(i, "rule")?)?;
            let opts = options(i)?;
            let columns = OwnedColumns::from_json(&i["columns"])?;
            let dates = OwnedDates::from_json(&i["date"])?;
            let batch = Batch {
                dates: dates.dates(),
                jurisdiction: opts.jurisdiction.as_deref(),
                columns: columns.columns(),
            };
            Ok(json(&ev.evaluate_batch(&batch, &opts.batch_options())?))
        },
        "rules.compare" => |cat, i| {
            let base = scenario(cat, i.get("baseline"))?;
            let alt = scenario(cat, i.get("alternative"))?;
            let columns = OwnedColumns::from_json(&i["columns"])?;
            let dates = OwnedDates::from_json(&i["date"])?;
            let batch = Batch { dates: dates.dates(), jurisdiction: None, columns: columns.columns() };
            Ok(json(&base.compare(&alt, &arg::<String>(i, "rule")?, &batch, &Default::default())?))
        },
        "rules.check_table" => |cat, i| {
            let ev = scenario(cat, None)?.evaluator(&arg::<String>(i, "rule")?)?;
            Ok(json(&ev.check_table()))
        },
        "rules.scenario" => |cat, i| {
            let s = scenario(cat, Some(&i["spec"]))?;
            Ok(serde_json::json!({"name": s.name(), "hash": s.hash()}))
        },
        "rules.parameter_value" => |cat, i| {
            let s = scenario(cat, i.get("scenario"))?;
            Ok(json(&s.parameter_value(
                &arg::<String>(i, "key")?,
                &arg::<String>(i, "jurisdiction")?,
                date(i)?,
            )?))
        },
        _ => return None,
    })
}
