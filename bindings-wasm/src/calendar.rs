//! `Calendars` and `Calendar`: working-day calendars (a context's `calendar(jurisdiction)`).
//! The deadline of a service promise is `Context.deadline`.
//!
//! Single calls take ISO strings or `Date`s and return ISO strings. Batch calls take an
//! `Int32Array` of day numbers (days since 1970-01-01, UTC, as `Date.UTC(...) / 86400000`) and
//! return typed arrays, or take an array of ISO strings and return ISO strings.

use std::sync::Arc;

use wasm_bindgen::prelude::*;
use zhengce::Error;
use zhengce::calendar::{Calendar, CalendarOptions, Calendars, Counts, DeadlineOptions, TimeUnit};

use crate::convert::{date, describe, from_js, options, to_js};
use crate::error::IntoJs;

/// The calendar data layers: the national calendar (2004–2026) and regional overlays (Xinjiang).
#[wasm_bindgen(js_name = Calendars)]
pub struct JsCalendars {
    pub(crate) inner: Arc<Calendars>,
}

/// A working-day calendar compiled for one jurisdiction; every operation is O(1).
#[wasm_bindgen(js_name = Calendar)]
pub struct JsCalendar {
    pub(crate) inner: Arc<Calendar>,
}

fn iso(d: chrono::NaiveDate) -> String {
    zhengce::value::format_date(d)
}

#[wasm_bindgen(js_class = Calendars)]
impl JsCalendars {
    /// The built-in layers: `cn` (2004–2026) and `cn-xj` (2022, 2023, 2025).
    pub fn builtin() -> Result<JsCalendars, JsValue> {
        Ok(JsCalendars { inner: crate::builtin::calendars()? })
    }

    /// No layers; add them with `layered`.
    pub fn empty() -> JsCalendars {
        JsCalendars { inner: Arc::new(Calendars::empty()) }
    }

    /// The JSON Schema of calendar data files.
    #[wasm_bindgen(unchecked_return_type = "object")]
    pub fn schema() -> Result<JsValue, JsValue> {
        // The published file (a core test keeps it equal to `json_schema()`), from data.json
        // as for `Catalogue.schema()`: data instead of schemars' generator code in the module.
        crate::builtin::schema("calendar")
    }

    /// A new set with `overlay` (JSON text or object in the data files' format) on top; throws `invalid_calendar`.
    pub fn layered(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | CalendarData")] overlay: JsValue,
    ) -> Result<JsCalendars, JsValue> {
        let result = if overlay.is_string() {
            self.inner.layered(&crate::convert::text(&overlay, "overlay").js()?)
        } else {
            self.inner.layered_json_value(&from_js(&overlay, "overlay").js()?)
        };
        result.map(|c| JsCalendars { inner: Arc::new(c) }).js()
    }

    /// The data as published on the date: later notices left out, later amendments undone.
    #[wasm_bindgen(js_name = asKnownOn)]
    pub fn as_known_on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
    ) -> Result<JsCalendars, JsValue> {
        Ok(JsCalendars { inner: Arc::new(self.inner.as_known_on(date(&day, "date").js()?)) })
    }

    /// A new set with a holiday notice's text read in (annual, amendment or Xinjiang regional);
    /// throws `invalid_calendar` naming the sentence.
    #[wasm_bindgen(js_name = layeredNotice)]
    pub fn layered_notice(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsCalendars, JsValue> {
        let text = crate::convert::text(&text, "text").js()?;
        self.inner.layered_notice(&text).map(|c| JsCalendars { inner: Arc::new(c) }).js()
    }

    /// Each festival's statutory days in the year under the 放假办法 in force (2000-2099), as
    /// `[festival, [ISO dates]]` pairs.
    #[wasm_bindgen(js_name = statutoryDays, unchecked_return_type = "[string, string[]][]")]
    pub fn statutory_days(
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    ) -> Result<JsValue, JsValue> {
        // wasm-bindgen's own i32 conversion reads "2024" as 2024 and NaN as 0.
        let year =
            crate::convert::integer(&year, "year", i64::from(i32::MIN), i64::from(i32::MAX)).js()? as i32;
        to_js(&zhengce::calendar::statutory_days(year).js()?)
    }

    /// The notice parsed: year, layer, blocks and every day with the sentence that set it.
    #[wasm_bindgen(js_name = parseNotice, unchecked_return_type = "Notice")]
    pub fn parse_notice(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = crate::convert::text(&text, "text").js()?;
        to_js(&zhengce::calendar::parse_notice(&text).js()?)
    }

    /// The data layers, in order.
    #[wasm_bindgen(unchecked_return_type = "CalendarData[]")]
    pub fn layers(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.layers())
    }

    /// The layer with this id.
    #[wasm_bindgen(unchecked_return_type = "CalendarData")]
    pub fn layer(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text(&id, "id").js()?;
        let id = id.as_str();
        to_js(self.inner.layer(id).js()?)
    }
}

fn opts(value: Option<js_sys::Object>) -> Result<CalendarOptions, JsValue> {
    match value {
        None => Ok(CalendarOptions::default()),
        Some(o) => options(&o.into(), "options").js(),
    }
}

/// A batch column: an `Int32Array` (or array of numbers) of day numbers, or an array of ISO strings.
enum Column {
    Days(Vec<i32>),
    Strings(Vec<i32>),
}

fn column(value: &JsValue, field: &str) -> Result<Column, JsValue> {
    if let Some(typed) = value.dyn_ref::<js_sys::Int32Array>() {
        return Ok(Column::Days(typed.to_vec()));
    }
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let strings = array.length() > 0 && array.get(0).is_string();
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            let day = if strings {
                date(&item, field).map(zhengce::calendar::day_number).map_err(|e| e.at_row(i)).js()?
            } else {
                match item.as_f64() {
                    Some(n) if n.fract() == 0.0 && n.abs() < 2e9 => n as i32,
                    _ => {
                        return Err(Error::invalid_input(field, describe(&item), "a day number").at_row(i))
                            .js();
                    }
                }
            };
            out.push(day);
        }
        return Ok(if strings { Column::Strings(out) } else { Column::Days(out) });
    }
    Err(Error::invalid_input(field, describe(value), "an Int32Array of day numbers or an array of ISO dates"))
        .js()
}

impl Column {
    fn days(&self) -> &[i32] {
        match self {
            Column::Days(v) | Column::Strings(v) => v,
        }
    }
}

/// Day numbers out: an `Int32Array` for a typed column, ISO strings for strings.
fn days_out(input: &Column, out: Vec<i32>) -> JsValue {
    match input {
        Column::Days(_) => js_sys::Int32Array::from(out.as_slice()).into(),
        Column::Strings(_) => out
            .into_iter()
            .map(|d| JsValue::from_str(&zhengce::calendar::from_day_number(d).map(iso).unwrap_or_default()))
            .collect::<js_sys::Array>()
            .into(),
    }
}

#[wasm_bindgen(js_class = Calendar)]
impl JsCalendar {
    /// The calendar of a jurisdiction of the built-in catalogue, from the built-in data.
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
    ) -> Result<JsCalendar, JsValue> {
        let jurisdiction = crate::convert::text(&jurisdiction, "jurisdiction").js()?;
        let cal =
            crate::builtin::calendars()?.calendar(&crate::builtin::catalogue()?.0, &jurisdiction).js()?;
        Ok(JsCalendar { inner: Arc::new(cal) })
    }

    /// The jurisdiction the calendar was compiled for.
    pub fn jurisdiction(&self) -> String {
        self.inner.jurisdiction().to_owned()
    }

    /// The data layers used, national first.
    pub fn layers(&self) -> Vec<String> {
        self.inner.layers().to_vec()
    }

    /// The ranges every layer covers, sorted; need not be contiguous.
    #[wasm_bindgen(unchecked_return_type = "Period[]")]
    pub fn coverage(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.coverage())
    }

    /// True if every layer's data covers the date.
    #[wasm_bindgen(js_name = isCovered)]
    pub fn is_covered(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
    ) -> Result<bool, JsValue> {
        Ok(self.inner.is_covered(date(&day, "date").js()?))
    }

    /// The day's kind, festival and calendar layer.
    #[wasm_bindgen(unchecked_return_type = "Day")]
    pub fn day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.inner.day(date(&day, "date").js()?, &opts(options)?).js()?)
    }

    /// Every day from `from` to `until` (both included), classified.
    #[wasm_bindgen(unchecked_return_type = "Day[]")]
    pub fn days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] until: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let (from, until) = (date(&from, "from").js()?, date(&until, "until").js()?);
        to_js(&self.inner.days(from, until, &opts(options)?).js()?)
    }

    /// True for a working day or a make-up working day.
    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<bool, JsValue> {
        self.inner.is_working_day(date(&day, "date").js()?, &opts(options)?).js()
    }

    /// The first working day after the date.
    #[wasm_bindgen(js_name = nextWorkingDay)]
    pub fn next_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<String, JsValue> {
        self.inner.next_working_day(date(&day, "date").js()?, &opts(options)?).map(iso).js()
    }

    /// The last working day before the date.
    #[wasm_bindgen(js_name = previousWorkingDay)]
    pub fn previous_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<String, JsValue> {
        self.inner.previous_working_day(date(&day, "date").js()?, &opts(options)?).map(iso).js()
    }

    /// The n-th working day after the date (before it for negative n); the date is not counted.
    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<String, JsValue> {
        let n = crate::convert::integer(&n, "n", i32::MIN.into(), i32::MAX.into()).js()? as i32;
        self.inner.add_working_days(date(&day, "date").js()?, n, &opts(options)?).map(iso).js()
    }

    /// The n-th working day before the date.
    #[wasm_bindgen(js_name = subWorkingDays)]
    pub fn sub_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] day: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<String, JsValue> {
        let n = crate::convert::integer(&n, "n", i32::MIN.into(), i32::MAX.into()).js()? as i32;
        self.inner.sub_working_days(date(&day, "date").js()?, n, &opts(options)?).map(iso).js()
    }

    /// Working days met going from `from` to `to`: `from` not counted, `to` counted.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] to: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<f64, JsValue> {
        let (from, to) = (date(&from, "from").js()?, date(&to, "to").js()?);
        self.inner.working_days_between(from, to, &opts(options)?).map(|n| n as f64).js()
    }

    /// The deadline of `duration` units (`working_days`, `calendar_days`, `hours`) from `start`.
    #[wasm_bindgen(unchecked_return_type = "Deadline")]
    pub fn deadline(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Date")] start: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] duration: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TimeUnit")] unit: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DeadlineOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let duration = crate::convert::integer(&duration, "duration", 0, u32::MAX.into()).js()? as u32;
        let unit = crate::convert::text(&unit, "unit").js()?;
        let unit = unit.as_str();
        let start = date(&start, "start").js()?;
        let unit: TimeUnit = zhengce::error::from_json_value(&serde_json::Value::from(unit), "unit").js()?;
        let o: DeadlineOptions = crate::convert::options(&options.into(), "options").js()?;
        to_js(&self.inner.deadline(start, duration, unit, &o).js()?)
    }

    /// `isWorkingDay` over a column of day numbers (`Int32Array`) or ISO strings: a `Uint8Array` of 0/1.
    #[wasm_bindgen(js_name = isWorkingDayBatch)]
    pub fn is_working_day_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] days: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<js_sys::Uint8Array, JsValue> {
        let column = column(&days, "days")?;
        let mut out = vec![false; column.days().len()];
        self.inner.is_working_day_batch(column.days(), &mut out, &opts(options)?).js()?;
        let bytes: Vec<u8> = out.into_iter().map(u8::from).collect();
        Ok(js_sys::Uint8Array::from(bytes.as_slice()))
    }

    /// `addWorkingDays` over a column; `n` is one count or an `Int32Array` of counts. Returns the
    /// column's form: an `Int32Array` of day numbers or ISO strings.
    #[wasm_bindgen(js_name = addWorkingDaysBatch, unchecked_return_type = "Int32Array | string[]")]
    pub fn add_working_days_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] days: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | Int32Array | number[]")] n: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        self.shift(days, n, false, options)
    }

    /// `subWorkingDays` over a column, as `addWorkingDaysBatch`.
    #[wasm_bindgen(js_name = subWorkingDaysBatch, unchecked_return_type = "Int32Array | string[]")]
    pub fn sub_working_days_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] days: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | Int32Array | number[]")] n: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        self.shift(days, n, true, options)
    }

    /// `workingDaysBetween` over two columns: an `Int32Array`.
    /// For each row, 1 if the count from `from` to `to` ran through a provisional day (a year
    /// computed from the law under `{ assume: "statutory" }`), else 0.
    #[wasm_bindgen(js_name = provisionalBatch)]
    pub fn provisional_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] to: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<js_sys::Uint8Array, JsValue> {
        let (from, to) = (column(&from, "from")?, column(&to, "to")?);
        let mut out = vec![false; from.days().len()];
        self.inner.provisional_batch(from.days(), to.days(), &mut out, &opts(options)?).js()?;
        let bytes: Vec<u8> = out.into_iter().map(u8::from).collect();
        Ok(js_sys::Uint8Array::from(bytes.as_slice()))
    }

    #[wasm_bindgen(js_name = workingDaysBetweenBatch)]
    pub fn working_days_between_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | string[]")] to: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<js_sys::Object>,
    ) -> Result<js_sys::Int32Array, JsValue> {
        let (from, to) = (column(&from, "from")?, column(&to, "to")?);
        let mut out = vec![0i64; from.days().len()];
        self.inner.working_days_between_batch(from.days(), to.days(), &mut out, &opts(options)?).js()?;
        let out: Vec<i32> = out.into_iter().map(|n| n as i32).collect();
        Ok(js_sys::Int32Array::from(out.as_slice()))
    }
}

impl JsCalendar {
    fn shift(
        &self,
        days: JsValue,
        n: JsValue,
        sub: bool,
        options: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let days = column(&days, "days")?;
        let each: Vec<i32>;
        let counts = match n.as_f64() {
            Some(k) if k.fract() == 0.0 && k.abs() < 2e9 => Counts::One(k as i32),
            Some(_) => return Err(Error::invalid_input("n", describe(&n), "a whole number")).js(),
            None => {
                each = match column(&n, "n")? {
                    Column::Days(v) => v,
                    Column::Strings(_) => return Err(Error::invalid_input("n", "strings", "counts")).js(),
                };
                Counts::Each(&each)
            }
        };
        let mut out = vec![0i32; days.days().len()];
        let o = opts(options)?;
        let result = if sub {
            self.inner.sub_working_days_batch(days.days(), counts, &mut out, &o)
        } else {
            self.inner.add_working_days_batch(days.days(), counts, &mut out, &o)
        };
        result.js()?;
        Ok(days_out(&days, out))
    }
}
