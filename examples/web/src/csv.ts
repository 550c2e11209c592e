// A strict CSV reader (RFC 4180 quoting): a malformed file is reported with its line, never
// read half-way or silently padded.
import { t } from "./i18n";

export class CsvError extends Error {}

/** Rows of `text` as objects keyed by the header; `required` columns must be in the header. */
export function readCsv(text: string, required: string[]): Record<string, string>[] {
  const rows = parse(text);
  if (rows.length === 0 || (rows.length === 1 && rows[0].cells.every((c) => c === ""))) {
    throw new CsvError(t("csvEmpty"));
  }
  const header = rows[0].cells.map((c) => c.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new CsvError(t("csvLine", { line: 1 }) + t("csvHeader", { cols: missing.join(", ") }));
  const out: Record<string, string>[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === "") continue; // a blank line
    if (row.cells.length !== header.length) {
      throw new CsvError(t("csvLine", { line: row.line }) + t("csvColumns", { want: header.length, got: row.cells.length }));
    }
    out.push(Object.fromEntries(header.map((h, i) => [h, row.cells[i].trim()])));
  }
  return out;
}

function parse(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, "");
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && cell === "") {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvError(t("csvLine", { line: quoteLine }) + t("csvQuote"));
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (src[i] === "\n") line++;
        cell += src[i++];
      }
      if (i < src.length && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") {
        throw new CsvError(t("csvLine", { line }) + t("csvQuote"));
      }
      continue;
    }
    if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else if (c === '"') {
      throw new CsvError(t("csvLine", { line }) + t("csvQuote"));
    } else {
      cell += c;
    }
    i++;
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** Text as one CSV cell. */
export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
