//! The batch columns path of the binding: JS columns read into core columns, and
//! `Evaluator.evaluateColumns`, typed arrays in and out through the core's batch driver.

use wasm_bindgen::prelude::*;
use zhengce::rules::{Batch, CallOptions, OutColumn, OwnedColumns, OwnedDates};

use crate::convert::{date, from_js, options};
use crate::error::IntoJs;
use crate::rules::JsEvaluator;

/// A JS value as JSON through `JSON.stringify` (columns of many values).
fn js_to_json(value: &JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    // JSON.stringify writes NaN and Infinity as null, which reads as "not given": refuse them
    // (and undefined holes) first, naming the row.
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let bad =
            array.find_index(&mut |v, _, _| v.is_undefined() || v.as_f64().is_some_and(|f| !f.is_finite()));
        if bad >= 0 {
            let v = array.get(bad as u32);
            return Err(crate::error::to_js_error(zhengce::Error::invalid_input(
                format!("{what}[{bad}]"),
                crate::convert::describe(&v),
                "a JSON value (a finite number, a string, a boolean or null)",
            )));
        }
    }
    let text = js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).ok_or_else(|| {
        crate::error::to_js_error(zhengce::Error::invalid_input(
            what,
            crate::convert::describe(value),
            "JSON values",
        ))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        crate::error::to_js_error(zhengce::Error::invalid_input(what, "text", format!("JSON values ({e})")))
    })
}
#[wasm_bindgen(typescript_custom_section)]
const BATCH_COLUMNS: &str = r#"
/** Batch input columns: arrays of decimal strings, choices, booleans or null, or BigInt64Arrays
 * of integers in the input's own unit (fen for money). */
export type BatchColumns = Record<string, (string | boolean | number | null)[] | BigInt64Array>;
"#;

/// Columns from a JS object: `BigInt64Array`s as integers, other arrays through JSON.
pub(crate) struct Columns {
    json: OwnedColumns,
    units: Vec<(String, Vec<i64>)>,
}

impl Columns {
    pub(crate) fn columns(&self) -> Vec<zhengce::rules::Column<'_>> {
        let mut out = self.json.columns();
        out.extend(
            self.units
                .iter()
                .map(|(n, v)| zhengce::rules::Column::new(n, zhengce::rules::ColumnData::Units(v))),
        );
        out
    }
}

pub(crate) fn read_columns(columns: &JsValue) -> Result<Columns, JsValue> {
    let mut json = serde_json::Map::new();
    let mut units = Vec::new();
    let object: &js_sys::Object = columns.dyn_ref().ok_or_else(|| {
        crate::error::to_js_error(zhengce::Error::invalid_input(
            "columns",
            crate::convert::describe(columns),
            "an object of input name to array",
        ))
    })?;
    for entry in js_sys::Object::entries(object).iter() {
        let pair: js_sys::Array = entry.into();
        let name = crate::convert::text(&pair.get(0), "columns").js()?;
        let value = pair.get(1);
        if let Some(ints) = value.dyn_ref::<js_sys::BigInt64Array>() {
            units.push((name, ints.to_vec()));
        } else {
            json.insert(name.clone(), js_to_json(&value, &name)?);
        }
    }
    Ok(Columns { json: OwnedColumns::from_json_value(&serde_json::Value::Object(json)).js()?, units })
}

pub(crate) fn read_dates(dates: &JsValue) -> Result<OwnedDates, JsValue> {
    if js_sys::Array::is_array(dates) {
        return OwnedDates::from_json_value(&from_js(dates, "date").js()?).js();
    }
    Ok(OwnedDates::One(date(dates, "date").js()?))
}

// `Evaluator.evaluateColumns` reads typed-array columns and writes typed-array outputs, with no
// per-row JS value or string on the way. Each chunk of every input is copied into the module,
// evaluated by the core's batch driver (per-row errors included), and its outputs copied
// straight into the JS typed arrays that are returned, so the module's memory stays at one
// chunk whatever the batch size (wasm memory never shrinks) and the caller holds only its
// inputs and the outputs.

/// Rows per chunk: large enough that per-chunk overhead vanishes, small enough to keep the
/// module's memory flat.
const CHUNK: usize = 1 << 16;

#[wasm_bindgen(typescript_custom_section)]
const TYPED_COLUMNS: &str = r#"
/** Typed input columns of `evaluateColumns`: `BigInt64Array` amounts in the input's own unit
 * (fen for money), `Int32Array` whole numbers, `Uint8Array` booleans (0 false, else true). */
export type TypedColumns = Record<string, BigInt64Array | Int32Array | Uint8Array>;
/** Typed outputs of `evaluateColumns`. `BigInt64Array` columns hold `value × 10^scale[name]`
 * (2: fen); `Uint8Array` booleans are 0 / 1 with 255 for null; `Int32Array` columns are codes
 * into `labels[name]` (-1 null) or, for dates, days since 1970-01-01 (-2147483648 null);
 * decimal columns without a fixed scale stay decimal strings. With `errors: "null"`,
 * `error_code` (codes into `labels.error_code`, -1 for a row that evaluated) and
 * `error_message` (null for a row that evaluated) name each failed row's error; the row's
 * outputs are null (0 in an amount column). */
export interface TypedBatchResult {
  rows: number;
  columns: Record<string, BigInt64Array | Int32Array | Uint8Array | (string | null)[]>;
  scale: Record<string, number>;
  labels: Record<string, string[]>;
}
"#;

/// One typed input column, held as the JS array it came in.
enum TypedIn {
    Units(js_sys::BigInt64Array),
    Ints(js_sys::Int32Array),
    Bytes(js_sys::Uint8Array),
}

impl TypedIn {
    fn len(&self) -> usize {
        match self {
            TypedIn::Units(a) => a.length() as usize,
            TypedIn::Ints(a) => a.length() as usize,
            TypedIn::Bytes(a) => a.length() as usize,
        }
    }
}

/// A chunk of one input column, copied into the module.
enum TypedChunk {
    Units(Vec<i64>),
    Bytes(Vec<u8>),
}

/// An output column: its name, its JS array, and its scale (amounts) or labels (codes).
type NamedOut = (String, TypedOut, Option<u32>, Option<Vec<String>>);

/// One output column, allocated in JS after the first chunk shows its kind.
enum TypedOut {
    Units(js_sys::BigInt64Array),
    Ints(js_sys::Int32Array),
    Bytes(js_sys::Uint8Array),
    Strings(js_sys::Array),
}

fn typed_inputs(columns: &JsValue) -> Result<Vec<(String, TypedIn)>, JsValue> {
    let object: &js_sys::Object = columns.dyn_ref().ok_or_else(|| {
        crate::error::to_js_error(zhengce::Error::invalid_input(
            "columns",
            crate::convert::describe(columns),
            "an object of input name to typed array",
        ))
    })?;
    let mut out = Vec::new();
    for entry in js_sys::Object::entries(object).iter() {
        let pair: js_sys::Array = entry.into();
        let name = pair.get(0).as_string().unwrap_or_default();
        let value = pair.get(1);
        let column = if let Some(a) = value.dyn_ref::<js_sys::BigInt64Array>() {
            TypedIn::Units(a.clone())
        } else if let Some(a) = value.dyn_ref::<js_sys::Int32Array>() {
            TypedIn::Ints(a.clone())
        } else if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
            TypedIn::Bytes(a.clone())
        } else {
            return Err(zhengce::Error::invalid_input(
                name,
                crate::convert::describe(&value),
                "a BigInt64Array, Int32Array or Uint8Array (evaluateBatch takes other arrays)",
            ))
            .js();
        };
        out.push((name, column));
    }
    Ok(out)
}

/// The row a batch error names, moved by `offset` (the chunk's first row).
fn shift_row(err: zhengce::Error, offset: usize) -> zhengce::Error {
    use zhengce::ErrorKind::{InvalidInput, MissingInput};
    let row = match err.kind() {
        InvalidInput { row: Some(r), .. } | MissingInput { row: Some(r), .. } => Some(*r),
        _ => None,
    };
    match row {
        Some(r) => err.at_row(r + offset),
        None => err,
    }
}

#[wasm_bindgen(js_class = Evaluator)]
impl JsEvaluator {
    /// Evaluates a batch of typed-array columns into typed-array outputs (see
    /// `TypedBatchResult`): the fast path for large batches. `dates` is one date or an
    /// `Int32Array` of days since 1970-01-01. Errors name the row (`details.row`), or with
    /// `errors: "null"` fill the `error_code` and `error_message` columns.
    #[wasm_bindgen(js_name = evaluateColumns, unchecked_return_type = "TypedBatchResult")]
    pub fn evaluate_columns(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TypedColumns")] columns: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Date | Int32Array")] dates: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<js_sys::Object>,
    ) -> Result<JsValue, JsValue> {
        let opts: CallOptions = options(&opts.into(), "options").js()?;
        if opts.explain == Some(true) {
            return Err(zhengce::Error::invalid_input(
                "options.explain",
                "true",
                "no explanations on the typed path (evaluateBatch explains rows)",
            ))
            .js();
        }
        let inputs = typed_inputs(&columns)?;
        let day_numbers = dates.dyn_ref::<js_sys::Int32Array>().cloned();
        let one_date = match &day_numbers {
            Some(_) => None,
            None => Some(date(&dates, "date").js()?),
        };
        let rows = inputs
            .first()
            .map(|(_, c)| c.len())
            .or(day_numbers.as_ref().map(|d| d.length() as usize))
            .unwrap_or(0);
        for (name, c) in &inputs {
            if c.len() != rows {
                return Err(zhengce::Error::invalid_input(
                    name.as_str(),
                    format!("{} rows", c.len()),
                    format!("{rows} rows, as the first column"),
                ))
                .js();
            }
        }
        if let Some(d) = &day_numbers
            && d.length() as usize != rows
        {
            return Err(zhengce::Error::invalid_input(
                "date",
                format!("{} dates", d.length()),
                format!("{rows} dates, one per row"),
            ))
            .js();
        }
        let batch_options = opts.options();
        let mut outputs: Vec<NamedOut> = Vec::new();
        let mut errors: Option<ErrorColumns> = None;
        let mut start = 0;
        loop {
            let end = (start + CHUNK).min(rows);
            let (a, b) = (start as u32, end as u32);
            let chunks: Vec<TypedChunk> = inputs
                .iter()
                .map(|(_, c)| match c {
                    TypedIn::Units(x) => TypedChunk::Units(x.subarray(a, b).to_vec()),
                    TypedIn::Ints(x) => {
                        TypedChunk::Units(x.subarray(a, b).to_vec().into_iter().map(i64::from).collect())
                    }
                    TypedIn::Bytes(x) => TypedChunk::Bytes(x.subarray(a, b).to_vec()),
                })
                .collect();
            let day_chunk: Option<Vec<i32>> = day_numbers.as_ref().map(|d| d.subarray(a, b).to_vec());
            let batch = Batch {
                dates: match (&day_chunk, one_date) {
                    (Some(d), _) => zhengce::rules::Dates::EpochDays(d),
                    (None, Some(one)) => zhengce::rules::Dates::One(one),
                    (None, None) => unreachable!("one of the two is set above"),
                },
                jurisdiction: opts.jurisdiction.as_deref(),
                columns: inputs
                    .iter()
                    .zip(&chunks)
                    .map(|((name, _), chunk)| {
                        let data = match chunk {
                            TypedChunk::Units(v) => zhengce::rules::ColumnData::Units(v),
                            TypedChunk::Bytes(v) => zhengce::rules::ColumnData::Bytes(v),
                        };
                        zhengce::rules::Column::new(name, data)
                    })
                    .collect(),
            };
            let result =
                self.inner.evaluate_batch(&batch, &batch_options).map_err(|e| shift_row(e, start)).js()?;
            if outputs.is_empty() {
                outputs = result.columns.iter().map(|(name, col)| allocate(name, col, rows)).collect();
                if result.errors.is_some() {
                    errors = Some(ErrorColumns::new(rows));
                }
            }
            for ((_, out, _, _), (_, col)) in outputs.iter().zip(&result.columns) {
                write_chunk(out, col, a, b);
            }
            if let (Some(into), Some(failed)) = (errors.as_mut(), &result.errors) {
                into.write(start, failed);
            }
            start = end;
            if start >= rows {
                break;
            }
        }
        let (columns, scale, labels) = (js_sys::Object::new(), js_sys::Object::new(), js_sys::Object::new());
        for (name, out, s, l) in &outputs {
            let value: JsValue = match out {
                TypedOut::Units(a) => a.into(),
                TypedOut::Ints(a) => a.into(),
                TypedOut::Bytes(a) => a.into(),
                TypedOut::Strings(a) => a.into(),
            };
            let _ = js_sys::Reflect::set(&columns, &name.into(), &value);
            if let Some(s) = s {
                let _ = js_sys::Reflect::set(&scale, &name.into(), &JsValue::from(*s));
            }
            if let Some(l) = l {
                let list: js_sys::Array = l.iter().map(|s| JsValue::from_str(s)).collect();
                let _ = js_sys::Reflect::set(&labels, &name.into(), &list);
            }
        }
        if let Some(e) = errors {
            let list: js_sys::Array = e.labels.iter().map(|s| JsValue::from_str(s)).collect();
            let _ = js_sys::Reflect::set(&columns, &"error_code".into(), &e.codes);
            let _ = js_sys::Reflect::set(&labels, &"error_code".into(), &list);
            let _ = js_sys::Reflect::set(&columns, &"error_message".into(), &e.messages);
        }
        let result = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&result, &"rows".into(), &JsValue::from(rows as u32));
        let _ = js_sys::Reflect::set(&result, &"columns".into(), &columns);
        let _ = js_sys::Reflect::set(&result, &"scale".into(), &scale);
        let _ = js_sys::Reflect::set(&result, &"labels".into(), &labels);
        Ok(result.into())
    }
}

/// The error columns of `errors: "null"`: each row's error code (as a code into `labels`, -1
/// for a row that evaluated) and message (null for a row that evaluated).
struct ErrorColumns {
    codes: js_sys::Int32Array,
    labels: Vec<String>,
    messages: js_sys::Array,
}

impl ErrorColumns {
    fn new(rows: usize) -> ErrorColumns {
        let codes = js_sys::Int32Array::new_with_length(rows as u32);
        codes.fill(-1, 0, rows as u32);
        let messages = js_sys::Array::new_with_length(rows as u32);
        messages.fill(&JsValue::NULL, 0, rows as u32);
        ErrorColumns { codes, labels: Vec::new(), messages }
    }

    /// The failed rows of the chunk starting at row `start` (their rows within the chunk).
    fn write(&mut self, start: usize, failed: &[zhengce::rules::RowError]) {
        for e in failed {
            let code = match self.labels.iter().position(|l| *l == e.code) {
                Some(i) => i,
                None => {
                    self.labels.push(e.code.clone());
                    self.labels.len() - 1
                }
            };
            let row = (start + e.row) as u32;
            self.codes.set_index(row, code as i32);
            self.messages.set(row, JsValue::from_str(&e.message));
        }
    }
}

/// The JS array for an output column of `rows` rows, with its scale or labels.
fn allocate(
    name: &str,
    col: &OutColumn,
    rows: usize,
) -> (String, TypedOut, Option<u32>, Option<Vec<String>>) {
    let n = rows as u32;
    match col {
        OutColumn::Int { scale, .. } => {
            (name.to_owned(), TypedOut::Units(js_sys::BigInt64Array::new_with_length(n)), Some(*scale), None)
        }
        OutColumn::Bool { .. } => {
            (name.to_owned(), TypedOut::Bytes(js_sys::Uint8Array::new_with_length(n)), None, None)
        }
        OutColumn::Codes { labels, .. } => (
            name.to_owned(),
            TypedOut::Ints(js_sys::Int32Array::new_with_length(n)),
            None,
            Some(labels.clone()),
        ),
        OutColumn::Date { .. } => {
            (name.to_owned(), TypedOut::Ints(js_sys::Int32Array::new_with_length(n)), None, None)
        }
        OutColumn::Decimal { .. } => {
            (name.to_owned(), TypedOut::Strings(js_sys::Array::new_with_length(n)), None, None)
        }
    }
}

/// Copies one chunk's output column into rows `a..b` of its JS array.
fn write_chunk(out: &TypedOut, col: &OutColumn, a: u32, b: u32) {
    match (out, col) {
        (TypedOut::Units(js), OutColumn::Int { values, .. }) => js.subarray(a, b).copy_from(values),
        (TypedOut::Bytes(js), OutColumn::Bool { values }) => {
            let bytes: Vec<u8> = values.iter().map(|v| v.map_or(255, u8::from)).collect();
            js.subarray(a, b).copy_from(&bytes);
        }
        (TypedOut::Ints(js), OutColumn::Codes { codes, .. }) => js.subarray(a, b).copy_from(codes),
        (TypedOut::Ints(js), OutColumn::Date { values }) => {
            let days: Vec<i32> =
                values.iter().map(|d| d.map_or(i32::MIN, zhengce::calendar::day_number)).collect();
            js.subarray(a, b).copy_from(&days);
        }
        (TypedOut::Strings(js), OutColumn::Decimal { values }) => {
            for (i, v) in values.iter().enumerate() {
                js.set(a + i as u32, v.map_or(JsValue::NULL, |d| JsValue::from_str(&d.to_string())));
            }
        }
        // A column changing kind between chunks would be a core bug; leave the rows at zero.
        _ => {}
    }
}
