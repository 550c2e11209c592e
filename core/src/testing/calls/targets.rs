//! Vector calls of the targets module.
//!
//! Every call builds a monitor on the case's catalogue, registers `communities` if given (for
//! scorecards by community), adds `observations` if given, then makes the call.

use crate::communities::Communities;
use crate::targets::{AssessOptions, Monitor, Scorecard, ScorecardOptions};
use crate::{Context, Error};
use serde_json::Value;

use super::{Call, arg, json};

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "targets.add_observation" => |ctx, i| {
            let mut m = monitor(ctx, i)?;
            m.add_observation_json_value(&i["observation"])?;
            Ok(json(&m.observations(target(i)?.as_deref())?))
        },
        "targets.add_observations" => |ctx, i| {
            let mut m = Monitor::new(ctx);
            m.add_observations_json_value(&i["rows"])?;
            Ok(json(&m.observations(target(i)?.as_deref())?))
        },
        "targets.observations" => |ctx, i| Ok(json(&monitor(ctx, i)?.observations(target(i)?.as_deref())?)),
        "targets.assess" => |ctx, i| {
            let options: AssessOptions = options(i)?;
            Ok(json(&monitor(ctx, i)?.assess(&arg::<String>(i, "target")?, date(i)?, &options)?))
        },
        "targets.scorecard" => |ctx, i| Ok(json(&scorecard(ctx, i)?)),
        "targets.scorecard_to_csv" => |ctx, i| Ok(Value::String(scorecard(ctx, i)?.to_csv())),
        "targets.assessments_to_csv" => |ctx, i| Ok(Value::String(scorecard(ctx, i)?.assessments_to_csv())),
        "targets.check_ratio" => |ctx, i| {
            let population = match i.get("population").and_then(Value::as_str) {
                Some(p) => Some(
                    crate::value::parse_decimal(p)
                        .ok_or_else(|| Error::invalid_input("population", p, "a decimal string"))?,
                ),
                None => None,
            };
            Ok(json(&Monitor::new(ctx).check_ratio(
                &arg::<String>(i, "ratio_target")?,
                &arg::<String>(i, "count_target")?,
                population,
            )?))
        },
        _ => return None,
    })
}

fn monitor(ctx: &Context, i: &Value) -> Result<Monitor, Error> {
    let mut m = Monitor::new(ctx);
    if let Some(rows) = i.get("communities") {
        let mut registry = Communities::new(ctx);
        registry.register_all_json_value(rows)?;
        m = m.with_communities(registry)?;
    }
    if let Some(rows) = i.get("observations") {
        m.add_observations_json_value(rows)?;
    }
    Ok(m)
}

fn scorecard(ctx: &Context, i: &Value) -> Result<Scorecard, Error> {
    let options: ScorecardOptions = options(i)?;
    monitor(ctx, i)?.scorecard(date(i)?, &options)
}

fn target(i: &Value) -> Result<Option<String>, Error> {
    arg::<Option<String>>(i, "target")
}

fn date(i: &Value) -> Result<chrono::NaiveDate, Error> {
    let text = arg::<String>(i, "as_of")?;
    crate::value::parse_date(&text)
        .ok_or_else(|| Error::invalid_input("as_of", &text, "an ISO date YYYY-MM-DD"))
}

fn options<T: serde::de::DeserializeOwned + Default>(i: &Value) -> Result<T, Error> {
    match i.get("options") {
        Some(o) => crate::error::from_json_value(o, "options"),
        None => Ok(T::default()),
    }
}
