//! Vector calls of the catalogue module.

use crate::{Catalogue, Error, SearchOptions};
use serde_json::Value;

use super::{Call, arg, json};

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "catalogue.load" => |_, i| {
            let cat = match i.get("text").and_then(Value::as_str) {
                Some(text) => Catalogue::from_json(text)?,
                None => Catalogue::from_json_value(&i["value"])?,
            };
            Ok(json(cat.data()))
        },
        "catalogue.layered" => |ctx, i| {
            let options: crate::LayerOptions = match i.get("options") {
                Some(o) => crate::error::from_json_value(o, "options")?,
                None => Default::default(),
            };
            let layered = match i["overlay"].as_str() {
                Some(text) => ctx.catalogue().layered_with(text, options)?,
                None => ctx.catalogue().layered_json_value_with(&i["overlay"], options)?,
            };
            Ok(json(layered.data()))
        },
        "catalogue.get" => |ctx, i| Ok(json(&ctx.catalogue().get(&arg::<String>(i, "id")?)?)),
        "catalogue.ancestry" => {
            |ctx, i| Ok(json(&ctx.catalogue().ancestry(&arg::<String>(i, "jurisdiction")?)?))
        }
        "catalogue.documents" => |ctx, i| Ok(json(&ctx.catalogue().documents(&filter(i)?)?)),
        "catalogue.measures" => |ctx, i| Ok(json(&ctx.catalogue().measures(&filter(i)?)?)),
        "catalogue.targets" => |ctx, i| Ok(json(&ctx.catalogue().targets(&filter(i)?)?)),
        "catalogue.observations" => |ctx, i| Ok(json(&ctx.catalogue().observations(&filter(i)?)?)),
        "catalogue.units" => |ctx, i| Ok(json(&ctx.catalogue().units(&filter(i)?)?)),
        "catalogue.search" => |ctx, i| {
            let options: SearchOptions = match i.get("options") {
                Some(o) => crate::error::from_json_value(o, "options")?,
                None => SearchOptions::default(),
            };
            Ok(json(&ctx.catalogue().search(&arg::<String>(i, "query")?, &options)?))
        },
        "catalogue.parameter_value" => |ctx, i| {
            let date = arg::<String>(i, "date")?;
            let date = crate::value::parse_date(&date)
                .ok_or_else(|| Error::invalid_input("date", &date, "an ISO date YYYY-MM-DD"))?;
            Ok(json(&ctx.catalogue().parameter_value(
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
        Some(f) => crate::error::from_json_value(f, "filter"),
        None => Ok(T::default()),
    }
}
