//! Tables in and out: CSV (header row) and Parquet (through Arrow).
//!
//! Every cell is read as text (or null), so both formats go through the same path to the core
//! and a bad cell is reported by row and column whatever the format. Floats are refused:
//! money and rates are exact decimals everywhere in the library.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, RecordBatch, RecordBatchReader, StringArray,
};
use arrow_schema::{DataType, Field, Schema};

use crate::failure::Failure;

/// A table read from a file: column names and, per column, one optional text cell per row.
#[derive(Debug, Clone)]
pub struct Table {
    pub path: PathBuf,
    pub names: Vec<String>,
    pub cells: Vec<Vec<Option<String>>>,
    /// The original Arrow columns of a Parquet file, so they are written back with their types.
    pub arrow: Option<Vec<ArrayRef>>,
    /// True for a CSV file: messages give the line as well as the row.
    pub lines: bool,
}

impl Table {
    pub fn rows(&self) -> usize {
        self.cells.first().map_or(0, Vec::len)
    }

    pub fn column(&self, name: &str) -> Option<&[Option<String>]> {
        self.names.iter().position(|n| n == name).map(|i| self.cells[i].as_slice())
    }

    /// Where a cell is, for messages: `lots.csv: row 3 (line 4), column 'budget'`.
    pub fn at(&self, row: usize, column: &str) -> String {
        if self.lines {
            format!("{}: row {} (line {}), column '{column}'", self.path.display(), row + 1, row + 2)
        } else {
            format!("{}: row {}, column '{column}'", self.path.display(), row + 1)
        }
    }
}

/// The format of a table file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
}

pub fn format_of(path: &Path) -> Result<Format, Failure> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("csv") => Ok(Format::Csv),
        Some("parquet" | "pq") => Ok(Format::Parquet),
        _ => Err(Failure::input(
            "unknown_format",
            format!("{}: expected a .csv or .parquet file", path.display()),
        )),
    }
}

pub fn read(path: &Path) -> Result<Table, Failure> {
    match format_of(path)? {
        Format::Csv => read_csv(path),
        Format::Parquet => read_parquet(path),
    }
}

fn read_csv(path: &Path) -> Result<Table, Failure> {
    let bad = |e: csv::Error| {
        let at = e.position().map_or(String::new(), |p| format!(":{}", p.line()));
        Failure::input("invalid_csv", format!("{}{at}: {e}", path.display()))
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| Failure::input("unreadable_file", format!("{}: {e}", path.display())))?;
    let names: Vec<String> = reader.headers().map_err(bad)?.iter().map(str::to_owned).collect();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() || names[..i].contains(name) {
            return Err(Failure::input(
                "invalid_csv",
                format!(
                    "{}:1: column {} of the header: expected a unique, non-empty name, got '{name}'",
                    path.display(),
                    i + 1
                ),
            ));
        }
    }
    let mut cells: Vec<Vec<Option<String>>> = vec![Vec::new(); names.len()];
    for record in reader.records() {
        let record = record.map_err(bad)?;
        for (col, value) in record.iter().enumerate() {
            cells[col].push((!value.is_empty()).then(|| value.to_owned()));
        }
    }
    Ok(Table { path: path.to_owned(), names, cells, arrow: None, lines: true })
}

fn read_parquet(path: &Path) -> Result<Table, Failure> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let bad = |e: String| Failure::input("invalid_parquet", format!("{}: {e}", path.display()));
    let file = File::open(path)
        .map_err(|e| Failure::input("unreadable_file", format!("{}: {e}", path.display())))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .map_err(|e| bad(e.to_string()))?;
    let schema = reader.schema();
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let mut cells: Vec<Vec<Option<String>>> = vec![Vec::new(); names.len()];
    let mut batches = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| bad(e.to_string()))?;
        for (col, array) in batch.columns().iter().enumerate() {
            let offset = cells[col].len();
            to_text(array.as_ref(), &mut cells[col]).map_err(|(row, why)| {
                bad(format!("row {}, column '{}': {why}", offset + row + 1, names[col]))
            })?;
        }
        batches.push(batch);
    }
    let arrow = (0..names.len())
        .map(|col| {
            let parts: Vec<&dyn Array> = batches.iter().map(|b| b.column(col).as_ref()).collect();
            match parts.len() {
                1 => Ok(batches[0].column(col).clone()),
                _ => arrow_select::concat::concat(&parts).map_err(|e| bad(e.to_string())),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Table { path: path.to_owned(), names, cells, arrow: Some(arrow), lines: false })
}

/// Appends an Arrow column's cells as text; `Err((row, why))` for a type the library cannot take.
fn to_text(array: &dyn Array, out: &mut Vec<Option<String>>) -> Result<(), (usize, String)> {
    macro_rules! each {
        ($arr:expr) => {{
            let a = $arr;
            out.extend((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i).to_string())));
        }};
    }
    match array.data_type() {
        DataType::Utf8 => each!(array.as_string::<i32>()),
        DataType::LargeUtf8 => each!(array.as_string::<i64>()),
        DataType::Utf8View => each!(array.as_string_view()),
        DataType::Boolean => each!(array.as_boolean()),
        DataType::Int8 => each!(array.as_primitive::<Int8Type>()),
        DataType::Int16 => each!(array.as_primitive::<Int16Type>()),
        DataType::Int32 => each!(array.as_primitive::<Int32Type>()),
        DataType::Int64 => each!(array.as_primitive::<Int64Type>()),
        DataType::UInt8 => each!(array.as_primitive::<UInt8Type>()),
        DataType::UInt16 => each!(array.as_primitive::<UInt16Type>()),
        DataType::UInt32 => each!(array.as_primitive::<UInt32Type>()),
        DataType::UInt64 => each!(array.as_primitive::<UInt64Type>()),
        DataType::Decimal128(_, scale) => {
            let a = array.as_primitive::<Decimal128Type>();
            let scale = u32::try_from(*scale).map_err(|_| (0, "a negative decimal scale".to_owned()))?;
            for i in 0..a.len() {
                out.push(if a.is_valid(i) {
                    let d = rust_decimal::Decimal::try_from_i128_with_scale(a.value(i), scale)
                        .map_err(|_| (i, format!("{} is beyond 28 digits", a.value(i))))?;
                    Some(d.to_string())
                } else {
                    None
                });
            }
        }
        DataType::Date32 => {
            let a = array.as_primitive::<Date32Type>();
            for i in 0..a.len() {
                out.push(if a.is_valid(i) {
                    let d = zhengce::calendar::from_day_number(a.value(i))
                        .ok_or_else(|| (i, format!("day {} is outside the years 0001-9999", a.value(i))))?;
                    Some(d.to_string())
                } else {
                    None
                });
            }
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            return Err((
                0,
                "a float column: give money and rates as decimal128 or text, never floats".into(),
            ));
        }
        other => {
            return Err((
                0,
                format!("a column of type {other}: expected text, integers, decimals, booleans or dates"),
            ));
        }
    }
    Ok(())
}

/// An output column.
pub enum OutData {
    /// Text cells (written as Utf8).
    Text(Vec<Option<String>>),
    /// A column kept as Arrow (a Parquet input's own column).
    Arrow(ArrayRef),
    /// A column the core computed.
    Core(zhengce::rules::OutColumn),
}

impl OutData {
    fn texts(&self) -> Vec<Option<String>> {
        match self {
            OutData::Text(v) => v.clone(),
            OutData::Core(c) => c.to_strings(),
            OutData::Arrow(a) => {
                let mut out = Vec::with_capacity(a.len());
                to_text(a.as_ref(), &mut out).unwrap_or_else(|_| out.resize(a.len(), None));
                out
            }
        }
    }

    fn arrow(&self) -> Result<ArrayRef, String> {
        use zhengce::rules::OutColumn;
        Ok(match self {
            OutData::Arrow(a) => a.clone(),
            OutData::Text(v) => Arc::new(StringArray::from(v.clone())),
            OutData::Core(OutColumn::Int { values, scale }) => {
                let scale = i8::try_from(*scale).map_err(|e| e.to_string())?;
                Arc::new(
                    Decimal128Array::from(values.iter().map(|v| i128::from(*v)).collect::<Vec<_>>())
                        .with_precision_and_scale(38, scale)
                        .map_err(|e| e.to_string())?,
                )
            }
            OutData::Core(OutColumn::Bool { values }) => Arc::new(BooleanArray::from(values.clone())),
            OutData::Core(OutColumn::Date { values }) => Arc::new(Date32Array::from(
                values.iter().map(|d| d.map(zhengce::calendar::day_number)).collect::<Vec<_>>(),
            )),
            OutData::Core(c) => Arc::new(StringArray::from(c.to_strings())),
        })
    }
}

/// Writes columns to a CSV or Parquet file (by extension).
pub fn write(path: &Path, columns: &[(String, OutData)]) -> Result<(), Failure> {
    let fail = |e: String| Failure::output(format!("{}: {e}", path.display()));
    match format_of(path)? {
        Format::Csv => {
            let mut w = csv::Writer::from_path(path).map_err(|e| fail(e.to_string()))?;
            w.write_record(columns.iter().map(|(n, _)| n.as_str())).map_err(|e| fail(e.to_string()))?;
            let texts: Vec<Vec<Option<String>>> = columns.iter().map(|(_, c)| c.texts()).collect();
            let rows = texts.first().map_or(0, Vec::len);
            for row in 0..rows {
                w.write_record(texts.iter().map(|c| c[row].as_deref().unwrap_or("")))
                    .map_err(|e| fail(e.to_string()))?;
            }
            w.flush().map_err(|e| fail(e.to_string()))
        }
        Format::Parquet => {
            let batch = record_batch(columns).map_err(fail)?;
            let file = File::create(path).map_err(|e| fail(e.to_string()))?;
            let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None)
                .map_err(|e| fail(e.to_string()))?;
            w.write(&batch).map_err(|e| fail(e.to_string()))?;
            w.close().map(|_| ()).map_err(|e| fail(e.to_string()))
        }
    }
}

/// The columns as one Arrow record batch (also the server's Arrow IPC answers).
pub fn record_batch(columns: &[(String, OutData)]) -> Result<RecordBatch, String> {
    let arrays: Vec<ArrayRef> = columns.iter().map(|(_, c)| c.arrow()).collect::<Result<_, _>>()?;
    let fields: Vec<Field> =
        columns.iter().zip(&arrays).map(|((n, _), a)| Field::new(n, a.data_type().clone(), true)).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| e.to_string())
}

/// Arrow record batches as a table of text cells, for the server's Arrow IPC requests; `label`
/// names the source in messages.
pub fn from_batches(label: &str, batches: &[RecordBatch]) -> Result<Table, String> {
    let table = |names, cells| Table { path: label.into(), names, cells, arrow: None, lines: false };
    let Some(first) = batches.first() else { return Ok(table(vec![], vec![])) };
    let names: Vec<String> = first.schema().fields().iter().map(|f| f.name().clone()).collect();
    let mut cells: Vec<Vec<Option<String>>> = vec![Vec::new(); names.len()];
    for batch in batches {
        for (col, array) in batch.columns().iter().enumerate() {
            let offset = cells[col].len();
            to_text(array.as_ref(), &mut cells[col])
                .map_err(|(row, why)| format!("row {}, column '{}': {why}", offset + row + 1, names[col]))?;
        }
    }
    Ok(table(names, cells))
}
