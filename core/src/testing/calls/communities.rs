//! Vector calls of the communities module. Every call starts from a registry of the case's
//! catalogue with `communities` registered, if given.

use crate::communities::{Communities, CommunityFilter};
use crate::{Context, Error};
use serde_json::Value;

use super::{Call, arg, json};

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "communities.register" => |ctx, i| {
            let mut r = registry(ctx, i)?;
            r.register_json_value(&i["community"])?;
            Ok(json(r.community(&arg::<String>(&i["community"], "id")?)?))
        },
        "communities.register_all" => {
            |ctx, i| Ok(Value::from(registry(ctx, i)?.register_all_json_value(&i["rows"])?))
        }
        "communities.community" => |ctx, i| Ok(json(registry(ctx, i)?.community(&arg::<String>(i, "id")?)?)),
        "communities.communities" => |ctx, i| {
            let filter: CommunityFilter = match i.get("filter") {
                Some(f) => crate::error::from_json_value(f, "filter")?,
                None => CommunityFilter::default(),
            };
            Ok(json(&registry(ctx, i)?.communities(&filter)?))
        },
        "communities.responsible" => |ctx, i| {
            Ok(json(
                &registry(ctx, i)?
                    .responsible(&arg::<String>(i, "target")?, &arg::<String>(i, "community")?)?,
            ))
        },
        _ => return None,
    })
}

fn registry(ctx: &Context, i: &Value) -> Result<Communities, Error> {
    let mut r = Communities::new(ctx);
    if let Some(rows) = i.get("communities") {
        r.register_all_json_value(rows)?;
    }
    Ok(r)
}
