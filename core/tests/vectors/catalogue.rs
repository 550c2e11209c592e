//! Vector calls of the catalogue module.

use serde_json::Value;
use zhengce::{Catalogue, Error, SearchOptions};

use super::{Call, arg, json};

pub fn call(function: &str) -> Option<Call> {
    Some(match function {
        "catalogue.load" => |_, i| {
            let cat = match i.get("text").and_then(Value::as_str) {
                Some(text) => Catalogue::from_json(text)?,
                None => Catalogue::from_value(&i["value"])?,
            };
            Ok(json(cat.data()))
        },
        "catalogue.layered" => |cat, i| {
            let options: zhengce::LayerOptions = match i.get("options") {
                Some(o) => zhengce::value::from_json_value(o, "options")?,
                None => Default::default(),
            };
            let layered = match i["overlay"].as_str() {
                Some(text) => cat.layered_with(text, options)?,
                None => cat.layered_value_with(&i["overlay"], options)?,
            };
            Ok(json(layered.data()))
        },
        "catalogue.get" => |cat, i| Ok(json(&cat.get(&arg::<String>(i, "id")?)?)),
        "catalogue.ancestry" => |cat, i| Ok(json(&cat.ancestry(&arg::<String>(i, "jurisdiction")?)?)),
        "catalogue.documents" => |cat, i| Ok(json(&cat.documents(&filter(i)?)?)),
        "catalogue.measures" => |cat, i| Ok(json(&cat.measures(&filter(i)?)?)),
        "catalogue.targets" => |cat, i| Ok(json(&cat.targets(&filter(i)?)?)),
        "catalogue.observations" => |cat, i| Ok(json(&cat.observations(&filter(i)?)?)),
        "catalogue.units" => |cat, i| Ok(json(&cat.units(&filter(i)?)?)),
        "catalogue.search" => |cat, i| {
            let options: SearchOptions = match i.get("options") {
                Some(o) => zhengce::value::from_json_value(o, "options")?,
                None => SearchOptions::default(),
            };
            Ok(json(&cat.search(&arg::<String>(i, "query")?, &options)?))
        },
        "catalogue.parameter_value" => |cat, i| {
            let date = arg::<String>(i, "date")?;
            let date = zhengce::value::parse_date(&date)
                .ok_or_else(|| Error::invalid_input("date", &date, "an ISO date YYYY-MM-DD"))?;
            Ok(json(&cat.parameter_value(
                &arg::<String>(i, "key")?,
                &arg::<String>(i, "jurisdiction")?,
                date,
            )?))
        },
        _ => return None,
    })
}

fn filter<T: serde::de::DeserializeOwned + Default>(input: &Value) -> Result<T, Error> {
    match input.get("filter") {
        Some(f) => zhengce::value::from_json_value(f, "filter"),
        None => Ok(T::default()),
    }
}
