//! Vector calls of the communities module. Every call starts from a registry of the case's
//! catalogue with `communities` registered, if given.

use crate::communities::{Communities, CommunityFilter};
use crate::{Catalogue, Error};
use serde_json::Value;

use super::{Call, arg, json};

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "communities.register" => |cat, i| {
            let mut r = registry(cat, i)?;
            r.register_value(&i["community"])?;
            Ok(json(r.community(&arg::<String>(&i["community"], "id")?)?))
        },
        "communities.register_all" => {
            |cat, i| Ok(Value::from(registry(cat, i)?.register_all_value(&i["rows"])?))
        }
        "communities.community" => |cat, i| Ok(json(registry(cat, i)?.community(&arg::<String>(i, "id")?)?)),
        "communities.communities" => |cat, i| {
            let filter: CommunityFilter = match i.get("filter") {
                Some(f) => crate::value::from_json_value(f, "filter")?,
                None => CommunityFilter::default(),
            };
            Ok(json(&registry(cat, i)?.communities(&filter)?))
        },
        "communities.responsible" => |cat, i| {
            Ok(json(
                &registry(cat, i)?
                    .responsible(&arg::<String>(i, "target")?, &arg::<String>(i, "community")?)?,
            ))
        },
        _ => return None,
    })
}

fn registry(cat: &Catalogue, i: &Value) -> Result<Communities, Error> {
    let mut r = Communities::new(cat.clone());
    if let Some(rows) = i.get("communities") {
        r.register_all_value(rows)?;
    }
    Ok(r)
}
