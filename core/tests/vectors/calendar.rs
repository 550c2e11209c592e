//! Vector calls of the calendar module.

use chrono::NaiveDate;
use serde_json::Value;
use zhengce::calendar::{Calendar, CalendarOptions, Counts, DeadlineOptions, TimeUnit};
use zhengce::{Context, Error};

use super::{Call, arg, json};

pub fn call(function: &str) -> Option<Call> {
    Some(match function {
        "calendar.parse_notice" => {
            |_, i| Ok(json(&zhengce::calendar::parse_notice(&arg::<String>(i, "text")?)?))
        }
        "calendar.day" | "calendar.layered" => {
            |ctx, i| Ok(json(&calendar(ctx, i)?.day(date(i, "date")?, &options(i)?)?))
        }
        "calendar.is_working_day" => {
            |ctx, i| Ok(json(&calendar(ctx, i)?.is_working_day(date(i, "date")?, &options(i)?)?))
        }
        "calendar.add_working_days" => |ctx, i| {
            Ok(json(
                &calendar(ctx, i)?
                    .add_working_days(date(i, "date")?, arg(i, "n")?, &options(i)?)?
                    .to_string(),
            ))
        },
        "calendar.sub_working_days" => |ctx, i| {
            Ok(json(
                &calendar(ctx, i)?
                    .sub_working_days(date(i, "date")?, arg(i, "n")?, &options(i)?)?
                    .to_string(),
            ))
        },
        "calendar.next_working_day" => |ctx, i| {
            Ok(json(&calendar(ctx, i)?.next_working_day(date(i, "date")?, &options(i)?)?.to_string()))
        },
        "calendar.previous_working_day" => |ctx, i| {
            Ok(json(&calendar(ctx, i)?.previous_working_day(date(i, "date")?, &options(i)?)?.to_string()))
        },
        "calendar.working_days_between" => |ctx, i| {
            Ok(json(&calendar(ctx, i)?.working_days_between(
                date(i, "from")?,
                date(i, "to")?,
                &options(i)?,
            )?))
        },
        "calendar.deadline" => |ctx, i| {
            let options: DeadlineOptions = match i.get("options") {
                Some(o) => zhengce::error::from_json_value(o, "options")?,
                None => DeadlineOptions::default(),
            };
            let due = with_overlay(ctx, i)?.deadline(
                &arg::<String>(i, "service")?,
                date(i, "start")?,
                &arg::<String>(i, "jurisdiction")?,
                &options,
            )?;
            Ok(json(&due))
        },
        "calendar.days" => {
            |ctx, i| Ok(json(&calendar(ctx, i)?.days(date(i, "from")?, date(i, "until")?, &options(i)?)?))
        }
        "calendar.coverage" => |ctx, i| Ok(json(calendar(ctx, i)?.coverage())),
        "calendar.calendar_deadline" => |ctx, i| {
            let options: DeadlineOptions = match i.get("options") {
                Some(o) => zhengce::error::from_json_value(o, "options")?,
                None => DeadlineOptions::default(),
            };
            let unit: TimeUnit = arg(i, "unit")?;
            Ok(json(&calendar(ctx, i)?.deadline(date(i, "start")?, arg(i, "duration")?, unit, &options)?))
        },
        "calendar.sub_working_days_batch" => |ctx, i| {
            let days: Vec<i64> = arg(i, "days")?;
            let mut out = vec![0i64; days.len()];
            calendar(ctx, i)?.sub_working_days_batch(
                &days,
                Counts::One(arg(i, "n")?),
                &mut out,
                &options(i)?,
            )?;
            Ok(json(&out))
        },
        "calendar.working_days_between_batch" => |ctx, i| {
            let (from, to): (Vec<i64>, Vec<i64>) = (arg(i, "from")?, arg(i, "to")?);
            let mut out = vec![0i64; from.len()];
            calendar(ctx, i)?.working_days_between_batch(&from, &to, &mut out, &options(i)?)?;
            Ok(json(&out))
        },
        "calendar.is_working_day_batch" => |ctx, i| {
            let days: Vec<i64> = arg(i, "days")?;
            let mut out = vec![false; days.len()];
            calendar(ctx, i)?.is_working_day_batch(&days, &mut out, &options(i)?)?;
            Ok(json(&out))
        },
        "calendar.add_working_days_batch" => |ctx, i| {
            let days: Vec<i64> = arg(i, "days")?;
            let each: Vec<i32>;
            let n = match &i["n"] {
                Value::Array(_) => {
                    each = arg(i, "n")?;
                    Counts::Each(&each)
                }
                _ => Counts::One(arg(i, "n")?),
            };
            let mut out = vec![0i64; days.len()];
            calendar(ctx, i)?.add_working_days_batch(&days, n, &mut out, &options(i)?)?;
            Ok(json(&out))
        },
        _ => return None,
    })
}

/// The case's context with the input's calendar `overlay` layered on, a `notice` text read in
/// and the data `as_known_on` a date, each if given.
fn with_overlay(ctx: &Context, input: &Value) -> Result<Context, Error> {
    let mut out = match input.get("overlay") {
        Some(overlay) => ctx.layered_calendars(overlay)?,
        None => ctx.clone(),
    };
    if input.get("notice").is_some() {
        out = out.with_calendars(out.calendars().layered_notice(&arg::<String>(input, "notice")?)?);
    }
    if input.get("as_known_on").is_some() {
        out = out.with_calendars(out.calendars().as_known_on(date(input, "as_known_on")?));
    }
    Ok(out)
}

fn calendar(ctx: &Context, input: &Value) -> Result<Calendar, Error> {
    with_overlay(ctx, input)?.calendar(&arg::<String>(input, "jurisdiction")?)
}

fn date(input: &Value, key: &str) -> Result<NaiveDate, Error> {
    let text = arg::<String>(input, key)?;
    zhengce::value::parse_date(&text)
        .ok_or_else(|| Error::invalid_input(key, format!("'{text}'"), "an ISO date YYYY-MM-DD"))
}

fn options(input: &Value) -> Result<CalendarOptions, Error> {
    match input.get("options") {
        Some(o) => zhengce::error::from_json_value(o, "options"),
        None => Ok(CalendarOptions::default()),
    }
}
