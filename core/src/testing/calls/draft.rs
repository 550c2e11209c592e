//! Vector calls of the draft module: the draft as its JSON (what `to_json` gives in every
//! language).

use serde_json::Value;

use crate::draft::{DraftMeta, DraftOptions};

use super::{Call, arg, json};

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "draft.draft" => |_, i: &Value| {
            let text: String = arg(i, "text")?;
            let meta: DraftMeta = arg(i, "meta")?;
            let options: DraftOptions = match i.get("options") {
                Some(o) => crate::error::from_json_value(o, "options")?,
                None => DraftOptions::default(),
            };
            Ok(json(&crate::draft::draft(&text, &meta, &options)?))
        },
        _ => return None,
    })
}
