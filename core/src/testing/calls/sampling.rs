//! Vector calls of the sampling module.

use crate::sampling::{Directory, InspectionPlan, Register, RegisterColumns, SampleSpec, StratifiedDraw};
use crate::{Context, Error};
use serde_json::{Value, json};

use super::{Call, arg, json};

pub(super) fn call(function: &str) -> Option<Call> {
    Some(match function {
        "sampling.draw" => |ctx, i| Ok(json(&draw(ctx, i)?)),
        "sampling.to_csv" => |ctx, i| {
            let plan = draw(ctx, i)?;
            Ok(json!({"visits": plan.to_csv(), "strata": plan.strata_to_csv()}))
        },
        "sampling.verify" => |ctx, i| {
            let mut published = json(&draw(ctx, i)?);
            for t in i.get("tamper").and_then(Value::as_array).into_iter().flatten() {
                let pointer = t["pointer"].as_str().unwrap_or_default();
                let slot = published.pointer_mut(pointer).ok_or_else(|| {
                    Error::invalid_input("tamper.pointer", pointer, "a JSON pointer into the drawn plan")
                })?;
                *slot = t["value"].clone();
            }
            let plan = InspectionPlan::from_json_value(&published)?;
            let register = Register::from_json_value(i.get("verify_register").unwrap_or(&i["register"]))?;
            Ok(json(&plan.verify(ctx, &register, &Directory::from_json_value(&i["directory"])?)?))
        },
        "sampling.stratified_draw" => |ctx, i| {
            let classes: Vec<u8> = arg(i, "classes")?;
            let strata: Option<Vec<u32>> = arg(i, "strata")?;
            let flags: Option<Vec<u8>> = arg(i, "flags")?;
            let spec: SampleSpec = arg(i, "spec")?;
            let mut columns = RegisterColumns::new(&classes);
            if let Some(s) = &strata {
                columns = columns.with_strata(s);
            }
            if let Some(f) = &flags {
                columns = columns.with_flags(f);
            }
            Ok(json(&StratifiedDraw::draw(ctx, &columns, &spec)?))
        },
        _ => return None,
    })
}

fn draw(ctx: &Context, i: &Value) -> Result<InspectionPlan, Error> {
    let register = Register::from_json_value(&i["register"])?;
    let directory = Directory::from_json_value(&i["directory"])?;
    InspectionPlan::draw(ctx, &register, &directory, &arg(i, "spec")?)
}
