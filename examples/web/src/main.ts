// The zhengce web example: five tools on the npm package's browser build. Every call that can
// fail shows its message next to the field it concerns (the library's errors name the field in
// `path`); nothing is left blank or thrown past the page.
import init, * as zc from "zhengce";
// esbuild copies these two files into dist/assets and gives their URLs (loader: file).
import wasmUrl from "zhengce/zhengce_bg.wasm";
import catalogueUrl from "zhengce/catalogue.json";
import dataUrl from "zhengce/data.json";
// The drafter is the package's optional second module: its .wasm is fetched only when the
// Draft tab is first opened, so the other tools never load it.
import initDraft, { draft } from "zhengce/draft";
import draftWasmUrl from "zhengce/zhengce_draft_bg.wasm";
import { CsvError, readCsv } from "./csv";
import { DRAFT_SAMPLES } from "./draft-samples";
import { currentLang, type Key, type Lang, pick, setLang, t } from "./i18n";
import { pieces } from "./spans";

type Attrs = Record<string, string | boolean | number | ((e: Event) => void) | undefined>;

/** A DOM element: attributes (`on*` are listeners), then children. */
function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A text that follows the language switch. */
function tx(key: Key): HTMLElement {
  return h("span", { "data-i18n": key }, t(key));
}

function field(id: string, labelKey: Key, control: HTMLElement): HTMLElement {
  control.id = id;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, tx(labelKey)),
    control,
    h("p", { class: "field-error", id: `${id}-error`, role: "alert", "aria-live": "polite" }),
  );
}

function select(options: [string, Key | string][], value?: string): HTMLSelectElement {
  const s = h("select") as HTMLSelectElement;
  for (const [v, label] of options) {
    const o = h("option", { value: v }) as HTMLOptionElement;
    if (label in I18N_KEYS) o.setAttribute("data-i18n", label);
    o.textContent = label in I18N_KEYS ? t(label as Key) : label;
    s.append(o);
  }
  if (value !== undefined) s.value = value;
  return s;
}
const I18N_KEYS: Record<string, true> = {};

function input(type: string, value = "", extra: Attrs = {}): HTMLInputElement {
  return h("input", { type, value, ...extra }) as HTMLInputElement;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const value = (id: string): string => $<HTMLInputElement>(id).value.trim();

function setError(id: string, message: string): void {
  const el = $(`${id}-error`);
  el.textContent = message;
  $(id).setAttribute("aria-invalid", message ? "true" : "false");
}

function clearErrors(prefix: string): void {
  document.querySelectorAll<HTMLElement>(`[id^="${prefix}"].field-error`).forEach((el) => (el.textContent = ""));
  document.querySelectorAll<HTMLElement>(`[id^="${prefix}"][aria-invalid]`).forEach((el) => el.removeAttribute("aria-invalid"));
}

/** The message of any error, ZhengceErrors in the library's words. */
function messageOf(err: unknown): string {
  if (err instanceof zc.ZhengceError) return err.message;
  return t("unexpected") + (err instanceof Error ? err.message : String(err));
}

/** Shows a library error next to the field its path names (`fields` maps path heads to ids). */
function showError(err: unknown, fields: Record<string, string>, fallback: string): void {
  const path = err instanceof zc.ZhengceError ? (err.path ?? "") : "";
  const head = path.split(/[.[]/)[0];
  let message = messageOf(err);
  if (err instanceof zc.ZhengceError && err.code === "out_of_coverage") message = t("outOfCoverage") + message;
  setError(fields[path] ?? fields[head] ?? fallback, message);
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;
const money = (s: string): string => {
  const [int, frac = ""] = s.split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac.padEnd(2, "0")}`;
};

let ctx: zc.Context;
let cat: zc.Catalogue;
const reruns: (() => void)[] = [];

const BOND_RULE = "tianshan-2022-87/r68-bid-bond";

function bondTool(): HTMLElement {
  const jurisdictions = cat
    .toJsonValue()
    .jurisdictions?.filter((j) => cat.isWithin(j.id, "cn-xj-urumqi-tianshan") || j.id === "cn-xj-urumqi" || j.id === "cn")
    .map((j): [string, string] => [j.id, `${j.name.zh} · ${j.name.en}`]) ?? [];
  const form = h(
    "form",
    { class: "tool", id: "bond-form", novalidate: true, onsubmit: (e) => (e.preventDefault(), runBond()) },
    field("bond-jurisdiction", "jurisdiction", select(jurisdictions, "cn-xj-urumqi-tianshan")),
    field("bond-date", "date", input("date", "2022-06-01")),
    field("bond-lot", "lotKind", select([["ordinary", "lotOrdinary"], ["ppp", "lotPpp"], ["framework_entry", "lotFramework"]])),
    h("div", { class: "field checkbox" }, h("label", {}, input("checkbox", "", { id: "bond-fiscal", checked: true }), tx("fiscalFunds"))),
    field("bond-budget", "budget", input("text", "1000000", { inputmode: "decimal", autocomplete: "off" })),
    h("button", { type: "submit", id: "bond-run" }, tx("compute")),
  );
  return h("section", { id: "tab-bond", class: "panel" }, form, h("div", { id: "bond-result", class: "result" }));
}

function runBond(): void {
  clearErrors("bond-");
  const out = $("bond-result");
  out.replaceChildren();
  const budget = value("bond-budget").replace(/[,，\s]/g, "");
  const date = value("bond-date");
  let ok = true;
  if (budget === "") (setError("bond-budget", t("emptyBudget")), (ok = false));
  else if (!DECIMAL.test(budget)) (setError("bond-budget", t("badDecimal")), (ok = false));
  if (date === "") (setError("bond-date", t("emptyDate")), (ok = false));
  if (!ok) return;
  try {
    const evaluator = ctx.evaluator(BOND_RULE);
    const r = evaluator.evaluate(
      { budget, lot_type: value("bond-lot"), fiscal_funds: $<HTMLInputElement>("bond-fiscal").checked },
      date,
      { explain: true, text: currentLang(), jurisdiction: value("bond-jurisdiction") },
    );
    const v = r.value;
    if (v.kind !== "capped_rate") throw new Error(`unexpected result kind ${v.kind}`);
    const rule = r.explanation?.rule;
    const clauseId = rule?.source.clause ?? "";
    const clause = clauseId ? cat.clause(clauseId) : null;
    out.append(
      h(
        "div",
        { class: "answer" },
        h("span", { class: "label" }, t("bond")),
        h("output", { id: "bond-amount" }, v.applicable && v.amount != null ? `¥ ${money(v.amount)}` : t("notApplicable")),
        h(
          "span",
          { class: "detail" },
          v.rate ? `${t("rate")} ${(Number(v.rate) * 100).toString()}%` : "",
          v.cap ? ` · ${t("cap")} ¥ ${money(v.cap)}${v.capped ? ` (${t("capped")})` : ""}` : ` · ${t("noCap")}`,
        ),
      ),
      h("h3", {}, t("rule")),
      h("p", { id: "bond-rule" }, `${pick(rule?.name)} (${rule?.id ?? ""})`),
      h("h3", {}, t("clause")),
      h(
        "blockquote",
        { id: "bond-clause", cite: clauseId },
        h("p", {}, rule?.source.quote ?? clauseText(clause)),
        h("footer", {}, `${pick(cat.documentOfClause(clauseId).title)} · ${clause?.label ?? ""} (${clauseId})`),
      ),
      h("h3", {}, t("explanation")),
      h("pre", { id: "bond-explanation", class: "explanation" }, r.explanation?.text ?? ""),
    );
  } catch (err) {
    showError(err, { budget: "bond-budget", date: "bond-date", jurisdiction: "bond-jurisdiction", lot_type: "bond-lot" }, "bond-budget");
  }
}

function deadlineTool(): HTMLElement {
  const services = (cat.toJsonValue().rules ?? [])
    .filter((r) => r.logic.kind === "time_limit")
    .map((r): [string, string] => [`service:${(r.logic as { service: string }).service}`, `${r.name.zh} · ${r.name.en}`]);
  const jurisdictions = (cat.toJsonValue().jurisdictions ?? []).map((j): [string, string] => [j.id, `${j.name.zh} · ${j.name.en}`]);
  const serviceSelect = select([...services, ["custom:working_days", "customWorking"], ["custom:calendar_days", "customCalendar"]], "service:business-opening");
  const daysInput = input("number", "10", { min: 1, max: 3650, step: 1 });
  const form = h(
    "form",
    { class: "tool", id: "due-form", novalidate: true, onsubmit: (e) => (e.preventDefault(), runDeadline()) },
    field("due-service", "service", serviceSelect),
    field("due-days", "days", daysInput),
    field("due-start", "start", input("date", "2023-06-27")),
    field("due-jurisdiction", "jurisdiction", select(jurisdictions, "cn-xj-urumqi-tianshan")),
    h("div", { class: "field checkbox" }, h("label", {}, input("checkbox", "", { id: "due-statutory" }), tx("assumeStatutory"))),
    h("button", { type: "submit", id: "due-run" }, tx("compute")),
  );
  const sync = () => ($("due-days").closest(".field")!.toggleAttribute("hidden", !value("due-service").startsWith("custom:")));
  serviceSelect.addEventListener("change", sync);
  queueMicrotask(sync);
  return h("section", { id: "tab-deadline", class: "panel", hidden: true }, form, h("div", { id: "due-result", class: "result" }));
}

type DayLike = zc.Day;
/** Days the deadline's count marks: provisional (statutory days computed from the law, or
 * classified by an assumption) and resting on a secondary source. */
let provisionalDays = new Set<string>();
let secondaryDays = new Set<string>();
const isProvisional = (d: DayLike) => Boolean(d.assumed || d.provisional || provisionalDays.has(d.date));
const isSecondary = (d: DayLike) => d.source_quality === "secondary" || secondaryDays.has(d.date);

function runDeadline(): void {
  clearErrors("due-");
  const out = $("due-result");
  out.replaceChildren();
  const start = value("due-start");
  const jurisdiction = value("due-jurisdiction");
  const choice = value("due-service");
  if (start === "") return setError("due-start", t("emptyDate"));
  const options: zc.DeadlineOptions = $<HTMLInputElement>("due-statutory").checked ? { assume: "statutory" } : {};
  let due: zc.Deadline;
  try {
    if (choice.startsWith("custom:")) {
      const n = value("due-days");
      if (!/^\d+$/.test(n) || Number(n) < 1 || Number(n) > 3650) return setError("due-days", t("badDays"));
      due = ctx.calendar(jurisdiction).deadline(start, Number(n), choice.slice(7) as zc.TimeUnit, options);
    } else {
      due = ctx.deadline(choice.slice(8), start, jurisdiction, options);
    }
  } catch (err) {
    return showError(err, { start: "due-start", date: "due-start", jurisdiction: "due-jurisdiction", service: "due-service" }, "due-start");
  }
  const explanation = (due as { explanation?: { zh: string; en: string } }).explanation;
  const skipped = (due.skipped ?? []) as DayLike[];
  provisionalDays = new Set(due.provisional_days ?? []);
  secondaryDays = new Set(due.secondary_source_days ?? []);
  const provisional = Boolean(due.provisional || due.assumed);
  out.append(
    h(
      "div",
      { class: "answer" },
      h("span", { class: "label" }, t("due")),
      h("output", { id: "due-date" }, due.date),
      provisional ? h("span", { class: "flag provisional", id: "due-provisional" }, `⚠ ${t("dueProvisional")}`) : "",
      secondaryDays.size > 0 ? h("span", { class: "flag secondary", id: "due-secondary" }, `† ${t("dueSecondary")}`) : "",
    ),
    explanation ? h("p", { id: "due-explanation", class: "explanation" }, pick(explanation)) : "",
    monthView(due, skipped, jurisdiction, options.assume === "statutory"),
    h("h3", {}, t("skipped")),
    h(
      "ul",
      { id: "due-skipped" },
      ...skipped.map((d) =>
        h(
          "li",
          {},
          `${d.date} · ${t(d.kind as Key)}${d.name ? ` · ${pick(d.name)}` : ""}`,
          isProvisional(d) ? h("span", { class: "flag provisional" }, ` ⚠ ${t("provisional")}`) : null,
          isSecondary(d) ? h("span", { class: "flag secondary" }, ` † ${t("secondary")}`) : null,
        ),
      ),
    ),
    basis(due),
  );
}

function basis(due: zc.Deadline): HTMLElement {
  const items: HTMLElement[] = [];
  const source = (due as { source?: zc.Citation | null }).source;
  if (source?.clause) items.push(h("li", {}, h("strong", {}, `${t("promise")}: `), citation(source)));
  for (const b of (due as { basis?: zc.Citation[] }).basis ?? []) items.push(h("li", {}, h("strong", {}, `${t("legalBasis")}: `), citation(b)));
  return h("div", { id: "due-basis" }, h("h3", {}, t("legalBasis")), h("ul", {}, ...items));
}

/** A clause's own text where the catalogue has it, else its summary. */
function clauseText(clause: zc.Clause | null): string {
  return (clause as { text?: string | null } | null)?.text ?? clause?.summary ?? "";
}

function citation(c: { document?: string | null; clause?: string | null; quote?: string | null }): HTMLElement {
  const clause = c.clause ? cat.clause(c.clause) : null;
  const doc = c.document ? cat.document(c.document) : null;
  return h(
    "span",
    {},
    `${pick(doc?.title)} ${clause?.label ?? ""} `,
    h("q", {}, c.quote ?? clauseText(clause)),
    h("small", {}, ` (${c.clause ?? c.document ?? ""})`),
  );
}

/** The months from the start to the due date, each day coloured by kind; skipped days name
 * their festival; provisional days (beyond the published notices) and days resting on a
 * secondary source are marked. */
function monthView(due: zc.Deadline, skipped: DayLike[], jurisdiction: string, statutory: boolean): HTMLElement {
  const cal = ctx.calendar(jurisdiction);
  const skippedOn = new Map(skipped.map((d) => [d.date, d]));
  const [sy, sm] = due.start.split("-").map(Number);
  const [ey, em] = due.date.split("-").map(Number);
  const months: HTMLElement[] = [];
  for (let y = sy, m = sm, n = 0; (y < ey || (y === ey && m <= em)) && n < 4; n++, m === 12 ? ((m = 1), y++) : m++) {
    const first = `${y}-${String(m).padStart(2, "0")}-01`;
    const last = `${y}-${String(m).padStart(2, "0")}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
    // Days outside the data are shown as the count would read them, flagged.
    const days = cal.days(first, last, { assume: statutory ? "statutory" : "weekends_only" }) as DayLike[];
    const offset = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
    const cells: HTMLElement[] = [...t("weekday")].map((w) => h("div", { class: "dow" }, w));
    for (let i = 0; i < offset; i++) cells.push(h("div", { class: "pad" }));
    for (const d of days) {
      const s = skippedOn.get(d.date) ?? d;
      const classes = ["day", d.kind];
      if (skippedOn.has(d.date)) classes.push("skipped");
      if (d.date === due.date) classes.push("due");
      if (d.date === due.start) classes.push("start");
      if (isProvisional(s)) classes.push("provisional");
      if (isSecondary(s)) classes.push("secondary");
      const title = [d.date, t(d.kind as Key), pick(d.name), isProvisional(s) ? t("provisional") : "", isSecondary(s) ? t("secondary") : ""]
        .filter(Boolean)
        .join(" · ");
      cells.push(
        h(
          "div",
          { class: classes.join(" "), title, "data-date": d.date },
          h("span", { class: "n" }, String(Number(d.date.slice(8)))),
          d.name && !d.working ? h("span", { class: "fest" }, pick(d.name)) : null,
          isProvisional(s) ? h("span", { class: "mark" }, "⚠") : null,
          isSecondary(s) ? h("span", { class: "mark" }, "†") : null,
        ),
      );
    }
    months.push(h("div", { class: "month" }, h("h4", {}, currentLang() === "zh" ? `${y}年${m}月` : `${y}-${String(m).padStart(2, "0")}`), h("div", { class: "grid" }, ...cells)));
  }
  const legend = h(
    "div",
    { class: "legend" },
    ...(["working_day", "weekend", "statutory_holiday", "swapped_rest_day", "make_up_working_day"] as Key[]).map((k) => h("span", { class: `day ${k}` }, t(k))),
    h("span", { class: "day skipped" }, t("skipped")),
    h("span", { class: "day provisional" }, `⚠ ${t("provisional")}`),
    h("span", { class: "day secondary" }, `† ${t("secondary")}`),
  );
  return h("div", { id: "due-months", class: "months" }, ...months, legend);
}

const STATUSES = ["met", "on_track", "at_risk", "off_track", "missed", "no_data"] as const;
let scorecard: zc.Scorecard | null = null;

function targetsTool(): HTMLElement {
  const documents = (cat.documents() ?? []).filter((d) => cat.targets({ document: d.id }).length > 0).map((d): [string, string] => [d.id, pick(d.title) || d.id]);
  const obs = h("textarea", { rows: 4, spellcheck: "false" }) as HTMLTextAreaElement;
  const file = input("file", "", { accept: ".csv,text/csv", id: "targets-file" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (f) obs.value = await f.text();
  });
  const form = h(
    "form",
    { class: "tool", id: "targets-form", novalidate: true, onsubmit: (e) => (e.preventDefault(), runTargets()) },
    field("targets-asof", "asOf", input("date", "2026-01-01")),
    field("targets-by", "groupBy", select([["group", "byGroup"], ["unit", "byUnit"], ["community", "byCommunity"]])),
    field("targets-status", "statusFilter", select([["", "all"], ...STATUSES.map((s): [string, Key] => [s, s])])),
    field("targets-document", "documentFilter", select([["", "all"], ...documents])),
    field("targets-observations", "observations", obs),
    h("div", { class: "field" }, file, h("button", { type: "button", id: "targets-sample", onclick: () => loadSample("observations.csv", "targets-observations") }, tx("useSample"))),
    h("button", { type: "submit", id: "targets-run" }, tx("build")),
  );
  return h("section", { id: "tab-targets", class: "panel", hidden: true }, form, h("div", { id: "targets-result", class: "result" }));
}

function runTargets(): void {
  clearErrors("targets-");
  const out = $("targets-result");
  out.replaceChildren();
  const asOf = value("targets-asof");
  if (asOf === "") return setError("targets-asof", t("emptyDate"));
  const monitor = new zc.Monitor(ctx);
  const text = $<HTMLTextAreaElement>("targets-observations").value;
  try {
    if (text.trim() !== "") {
      const rows = readCsv(text, ["target", "as_of", "value", "unit", "source"]);
      monitor.addObservations(
        rows.map((r) => ({ target: r.target, as_of: r.as_of, published: r.published || null, value: r.value, unit: r.unit, source: r.source || "" })),
      );
    }
  } catch (err) {
    return setError("targets-observations", err instanceof CsvError ? err.message : messageOf(err));
  }
  const by = value("targets-by") as zc.Dimension;
  const document_ = value("targets-document") || null;
  try {
    const m = by === "community" ? monitor.withCommunities(new zc.Communities(ctx)) : monitor;
    scorecard = m.scorecard(asOf, { by: [by], document: document_ });
  } catch (err) {
    return showError(err, { as_of: "targets-asof", date: "targets-asof", options: "targets-by" }, "targets-asof");
  }
  const data = scorecard.toJsonValue();
  const status = value("targets-status");
  const rows = data.assessments.filter((a) => status === "" || a.status === status);
  const download = (name: string, csv: string) =>
    h("a", { class: "button", download: name, href: URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" })) }, name);
  out.append(
    h("div", { class: "answer counts", id: "targets-counts" }, ...STATUSES.map((s) => h("span", { class: `pill ${s}`, "data-status": s }, `${t(s)} ${data.counts[s]}`)), h("span", { class: "pill" }, `${t("total")} ${data.counts.total}`)),
    chart(data.groups.filter((g) => status === "" || g.counts[status as (typeof STATUSES)[number]] > 0)),
    h("p", { class: "downloads" }, download("scorecard-groups.csv", scorecard.toCsv()), " ", download("scorecard-targets.csv", scorecard.assessmentsToCsv())),
    h("p", { class: "hint" }, t("clickRow")),
    h("div", { id: "target-detail", class: "detail-card", hidden: true }),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { id: "targets-table" },
        h("thead", {}, h("tr", {}, h("th", {}, t("target")), h("th", {}, "")), ""),
        h(
          "tbody",
          {},
          ...rows.map((a) =>
            h(
              "tr",
              { "data-target": a.target, tabindex: 0, onclick: () => targetDetail(a), onkeydown: (e) => (e as KeyboardEvent).key === "Enter" && targetDetail(a) },
              h("td", {}, h("code", {}, a.target), " ", pick(a.metric)),
              h("td", {}, h("span", { class: `pill ${a.status}` }, t(a.status))),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Horizontal stacked bars, one per group, by status: hand-made SVG. */
function chart(groups: zc.ScorecardGroup[]): SVGElement {
  const shown = groups.slice(0, 20);
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  const rowH = 22;
  const labelW = 260;
  const barW = 420;
  const max = Math.max(1, ...shown.map((g) => g.counts.total));
  svg.setAttribute("viewBox", `0 0 ${labelW + barW + 40} ${shown.length * rowH + 8}`);
  svg.setAttribute("id", "targets-chart");
  svg.setAttribute("role", "img");
  const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  shown.forEach((g, i) => {
    const y = i * rowH + 4;
    const name = pick(g.name) || g.key || t("all");
    svg.append(el("text", { x: labelW - 6, y: y + 14, "text-anchor": "end", class: "chart-label" }, name.length > 22 ? `${name.slice(0, 21)}…` : name));
    let x = labelW;
    for (const s of STATUSES) {
      const n = g.counts[s];
      if (!n) continue;
      const w = (n / max) * barW;
      const r = el("rect", { x, y, width: w, height: rowH - 6, class: `bar ${s}` });
      r.append(el("title", {}, `${name}: ${t(s)} ${n}`));
      svg.append(r);
      x += w;
    }
    svg.append(el("text", { x: x + 4, y: y + 14, class: "chart-count" }, String(g.counts.total)));
  });
  return svg;
}

function targetDetail(a: zc.Assessment): void {
  const box = $("target-detail");
  const target = cat.target(a.target);
  const clauseId = target.source.clause ?? "";
  box.replaceChildren(
    h("h3", {}, `${pick(target.metric)} (${target.id})`),
    h("p", {}, h("span", { class: `pill ${a.status}` }, t(a.status)), " ", (a as { note?: string | null }).note ?? ""),
    h("dl", {}, h("dt", {}, t("targetValue")), h("dd", {}, `${target.comparator} ${target.value ?? ""} ${target.unit}`), h("dt", {}, t("deadline")), h("dd", {}, target.deadline ?? (target.period ? `${target.period.from} – ${target.period.until}` : "—"))),
    h("h4", {}, t("source")),
    h("blockquote", { id: "target-clause" }, h("p", {}, target.source.quote ?? ""), h("footer", {}, `${pick(cat.document(target.source.document ?? "").title)} · ${clauseId}`)),
    target.reading ? h("p", { class: "reading" }, h("strong", {}, `${t("reading")}: `), target.reading) : "",
  );
  box.hidden = false;
  box.scrollIntoView({ block: "nearest" });
}

function verifyTool(): HTMLElement {
  const area = (id: string, rows: number, sample: string, accept: string) => {
    const ta = h("textarea", { rows, spellcheck: "false" }) as HTMLTextAreaElement;
    const file = input("file", "", { accept, id: `${id}-file` });
    file.addEventListener("change", async () => {
      const f = file.files?.[0];
      if (f) ta.value = await f.text();
    });
    return [ta, h("div", { class: "field" }, file, h("button", { type: "button", id: `${id}-sample`, onclick: () => loadSample(sample, id) }, tx("useSample")))] as const;
  };
  const [register, registerFile] = area("verify-register", 5, "register.csv", ".csv,text/csv");
  const [inspectors, inspectorsFile] = area("verify-inspectors", 4, "inspectors.csv", ".csv,text/csv");
  const [plan, planFile] = area("verify-plan", 5, "plan.json", ".json,application/json");
  const form = h(
    "form",
    { class: "tool", id: "verify-form", novalidate: true, onsubmit: (e) => (e.preventDefault(), runVerify()) },
    field("verify-register", "register", register),
    registerFile,
    field("verify-inspectors", "inspectors", inspectors),
    inspectorsFile,
    field("verify-seed", "seed", input("text", "", { autocomplete: "off" })),
    field("verify-plan", "plan", plan),
    planFile,
    h("button", { type: "submit", id: "verify-run" }, tx("verify")),
  );
  return h("section", { id: "tab-verify", class: "panel", hidden: true }, form, h("div", { id: "verify-result", class: "result" }));
}

function runVerify(): void {
  clearErrors("verify-");
  const out = $("verify-result");
  out.replaceChildren();
  const text = (id: string) => $<HTMLTextAreaElement>(id).value;
  const seed = value("verify-seed");
  let ok = true;
  const csv = (id: string, required: string[]) => {
    if (text(id).trim() === "") return (setError(id, t("emptyFile")), (ok = false), []);
    try {
      return readCsv(text(id), required);
    } catch (err) {
      setError(id, err instanceof CsvError ? err.message : messageOf(err));
      ok = false;
      return [];
    }
  };
  const list = (s: string | undefined) => (s ? s.split(/[;|]/).map((x) => x.trim()).filter(Boolean) : []);
  const register = csv("verify-register", ["id", "credit_class"]).map((r) => ({
    id: r.id,
    credit_class: (r.credit_class || "unclassified") as zc.CreditClass,
    industry: r.industry || null,
    district: r.district || null,
    flags: list(r.flags) as zc.Flag[],
  }));
  const inspectors = csv("verify-inspectors", ["id", "department"]).map((r) => ({
    id: r.id,
    department: r.department,
    conflicts: list(r.conflicts).map((entity) => ({ entity })),
  }));
  if (seed === "") (setError("verify-seed", t("emptySeed")), (ok = false));
  if (text("verify-plan").trim() === "") (setError("verify-plan", t("emptyFile")), (ok = false));
  if (!ok) return;
  let plan: zc.InspectionPlan;
  let replaced = false;
  try {
    plan = zc.InspectionPlan.fromJson(text("verify-plan"));
    const data = plan.toJsonValue();
    if (data.spec.seed !== seed) {
      data.spec.seed = seed;
      plan = zc.InspectionPlan.fromJsonValue(data);
      replaced = true;
    }
  } catch (err) {
    return setError("verify-plan", messageOf(err));
  }
  let report: zc.Verification;
  try {
    report = plan.verify(ctx, register, inspectors);
  } catch (err) {
    return showError(err, { register: "verify-register", directory: "verify-inspectors", spec: "verify-plan" }, "verify-plan");
  }
  const show = (v: unknown) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? "—"));
  out.append(
    replaced ? h("p", { class: "note" }, t("seedReplaced")) : "",
    report.matches
      ? h("div", { class: "answer verified", id: "verify-outcome", "data-outcome": "verified" }, "✓ ", t("verified"))
      : h(
          "div",
          { class: "answer differs", id: "verify-outcome", "data-outcome": "differs" },
          h("p", {}, "✗ ", t("differs"), String(report.differences.length)),
          h(
            "table",
            { id: "verify-differences" },
            h("thead", {}, h("tr", {}, h("th", {}, "path"), h("th", {}, t("published")), h("th", {}, t("derived")))),
            h("tbody", {}, ...report.differences.map((d) => h("tr", {}, h("td", {}, h("code", {}, d.path)), h("td", {}, show(d.published)), h("td", {}, show(d.derived))))),
          ),
        ),
  );
}

const KINDS = ["target", "observation", "time_limit", "fee", "unit"] as const;
const COMPARATOR_SIGN: Partial<Record<zc.Comparator, string>> = {
  at_least: "≥", more_than: ">", at_most: "≤", less_than: "<", equal: "=", reduce_by: "−", increase_by: "+", range: "–",
};
let drafted: zc.Draft | null = null;
let layerUrl = "";

function draftTool(): HTMLElement {
  const jurisdictions = (cat.toJsonValue().jurisdictions ?? []).map((j): [string, string] => [j.id, `${j.name.zh} · ${j.name.en}`]);
  const sample = select(Object.entries(DRAFT_SAMPLES).map(([k, s]): [string, Key] => [k, s.label]), "xinjin");
  const area = h("textarea", { rows: 12, spellcheck: "false" }) as HTMLTextAreaElement;
  const fill = () => {
    const s = DRAFT_SAMPLES[sample.value];
    area.value = s.text;
    $<HTMLInputElement>("draft-id").value = s.id;
    $<HTMLSelectElement>("draft-jurisdiction").value = s.jurisdiction;
    $<HTMLInputElement>("draft-issued").value = s.issued;
    $<HTMLInputElement>("draft-from").value = s.from;
    $<HTMLInputElement>("draft-until").value = s.until;
    clearErrors("draft-");
  };
  sample.addEventListener("change", fill);
  queueMicrotask(fill);
  const form = h(
    "form",
    { class: "tool", id: "draft-form", novalidate: true, onsubmit: (e) => (e.preventDefault(), runDraft()) },
    field("draft-sample", "sample", sample),
    field("draft-text", "draftText", area),
    field("draft-id", "docId", input("text", "", { autocomplete: "off", spellcheck: "false" })),
    field("draft-jurisdiction", "jurisdiction", select(jurisdictions)),
    field("draft-issued", "issued", input("date")),
    field("draft-from", "periodFrom", input("date")),
    field("draft-until", "periodUntil", input("date")),
    h("button", { type: "submit", id: "draft-run", disabled: true }, tx("runDraft")),
  );
  return h("section", { id: "tab-draft", class: "panel", hidden: true }, form, h("div", { id: "draft-result", class: "result" }));
}

let drafterLoad: Promise<void> | null = null;

/** Loads the draft module once; "Draft" stays disabled until it is ready. */
function loadDrafter(): void {
  if (drafterLoad) return;
  drafterLoad = initDraft({ module_or_path: draftWasmUrl }).then(
    () => void ($<HTMLButtonElement>("draft-run").disabled = false),
    (err) => {
      drafterLoad = null;
      setError("draft-text", t("loadFailed") + messageOf(err));
    },
  );
}

function runDraft(): void {
  clearErrors("draft-");
  const out = $("draft-result");
  out.replaceChildren();
  drafted = null;
  const text = $<HTMLTextAreaElement>("draft-text").value;
  const [id, issued, from, until] = ["draft-id", "draft-issued", "draft-from", "draft-until"].map(value);
  let ok = true;
  if (text.trim() === "") (setError("draft-text", t("emptyText")), (ok = false));
  if (id === "") (setError("draft-id", t("emptyId")), (ok = false));
  if ((from === "") !== (until === "")) (setError(from === "" ? "draft-from" : "draft-until", t("periodBoth")), (ok = false));
  if (!ok) return;
  const meta: zc.DraftMeta = { id, jurisdiction: value("draft-jurisdiction") };
  if (issued) meta.issued = issued;
  if (from && until) meta.period = { from, until };
  let d: zc.Draft;
  try {
    d = draft(text, meta);
  } catch (err) {
    const fields = {
      text: "draft-text", "meta.id": "draft-id", "meta.jurisdiction": "draft-jurisdiction", "meta.issued": "draft-issued",
      "meta.period": "draft-from", "meta.period.from": "draft-from", "meta.period.until": "draft-until",
    };
    return showError(err, fields, "draft-text");
  }
  drafted = d;
  const items = d.items;
  // The draft is a catalogue layer: layering it over the built-in catalogue validates it.
  let layerCheck: HTMLElement;
  try {
    const layered = cat.layered(d.layer);
    layerCheck = h("p", { class: "note", id: "draft-layer-check", "data-valid": "true" }, "✓ ", t("layerOk", { targets: layered.targets().length }));
    layered.free();
  } catch (err) {
    layerCheck = h("p", { class: "note", id: "draft-layer-check", "data-valid": "false" }, "✗ ", t("layerFails"), messageOf(err));
  }
  if (layerUrl) URL.revokeObjectURL(layerUrl);
  layerUrl = URL.createObjectURL(new Blob([JSON.stringify(d.layer, null, 2) + "\n"], { type: "application/json" }));
  const counts = Object.fromEntries(KINDS.map((k) => [k, items.filter((i) => i.kind === k).length]));
  out.append(
    h(
      "div",
      { class: "answer counts", id: "draft-stats" },
      h("span", {}, t("draftStats", { ...d.stats, truncated: String(d.stats.truncated) })),
      d.stats.truncated ? h("span", { class: "flag provisional" }, `⚠ ${t("draftTruncated")}`) : "",
    ),
    h("p", { class: "legend kinds", id: "draft-legend" }, ...KINDS.map((k) => h("mark", { class: `hl ${k}` }, `${t(`kind_${k}` as Key)} ${counts[k]}`))),
    layerCheck,
    h("p", { class: "downloads" }, h("a", { class: "button", id: "draft-download", download: `${d.layer.documents?.[0]?.id ?? id}.draft.json`, href: layerUrl }, t("downloadLayer"))),
    items.length === 0 ? h("p", { class: "note", id: "draft-nothing" }, t("nothingDrafted")) : h("p", { class: "hint" }, t("draftHint")),
    highlighted(text, items),
    items.length === 0 ? "" : itemsTable(items),
  );
}

/** The text with every drafted item's words marked, coloured by kind. Overlapping items (a
 * time limit and the target read from the same words) share a piece; the piece takes the
 * colour of its shortest item and lists all of them in `data-items`. */
function highlighted(text: string, items: zc.DraftItem[]): HTMLElement {
  const pre = h("pre", { id: "draft-text-marked", class: "draft-text" });
  for (const p of pieces(text, items.map((i) => i.span))) {
    const words = text.slice(p.from, p.to);
    if (p.items.length === 0) {
      pre.append(words);
      continue;
    }
    const inner = p.items.reduce((a, b) => (width(items[b]) < width(items[a]) ? b : a));
    const kinds = [...new Set(p.items.map((i) => items[i].kind))];
    const title = p.items.map((i) => `#${i + 1} ${t(`kind_${items[i].kind}` as Key)} ${summary(items[i])}`).join("\n");
    pre.append(
      h(
        "mark",
        {
          class: `hl ${items[inner].kind}${kinds.length > 1 ? " multi" : ""}`,
          "data-items": p.items.join(" "),
          title,
          tabindex: 0,
          onmouseenter: () => activate(p.items, null),
          onmouseleave: () => activate([], null),
          onclick: () => activate(p.items, "table"),
        },
        words,
      ),
    );
  }
  return pre;
}

const width = (i: zc.DraftItem) => i.span.end - i.span.start;

function summary(i: zc.DraftItem): string {
  return [COMPARATOR_SIGN[i.comparator as zc.Comparator] ?? "", valueText(i), i.unit ?? ""].filter(Boolean).join(" ");
}

function valueText(i: zc.DraftItem): string {
  let v = i.value ?? "";
  if (i.upper) v += `–${i.upper}`;
  return v;
}

/** Fee caps and floors, exceptions and baselines: what the value column's main figure leaves out. */
function valueNotes(i: zc.DraftItem): string {
  const notes: string[] = [];
  if (i.baseline) notes.push(`${t("fromWord")} ${i.baseline}`);
  if (i.cap) notes.push(`${t("capWord")} ${i.cap.value} ${i.cap.unit}`);
  if (i.floor) notes.push(`${t("floorWord")} ${i.floor.value} ${i.floor.unit}`);
  if (i.exceptions?.length) notes.push(t("exceptWord", { list: i.exceptions.join("、") }));
  return notes.join("; ");
}

function itemsTable(items: zc.DraftItem[]): HTMLElement {
  const when = (i: zc.DraftItem) => i.deadline ?? (i.period ? `${i.period.from} – ${i.period.until}` : (i.date ?? "—"));
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { id: "draft-items" },
      h(
        "thead",
        {},
        h("tr", {}, ...(["#", "kind", "words", "value", "unit", "comparator", "deadline", "clause", "confidence"] as const).map((k) => h("th", {}, k === "#" ? k : t(k)))),
      ),
      h(
        "tbody",
        {},
        ...items.map((i, n) =>
          h(
            "tr",
            {
              "data-item": n,
              "data-kind": i.kind,
              tabindex: 0,
              onmouseenter: () => activate([n], null),
              onmouseleave: () => activate([], null),
              onclick: () => activate([n], "text"),
              onkeydown: (e) => (e as KeyboardEvent).key === "Enter" && activate([n], "text"),
            },
            h("td", {}, String(n + 1)),
            h("td", {}, h("mark", { class: `hl ${i.kind}` }, t(`kind_${i.kind}` as Key))),
            // A unit's `metric` is its role (责任, 牵头); other items name what they measure.
            i.kind === "unit"
              ? h("td", { class: "words" }, i.text, h("br"), h("small", {}, i.metric ?? ""))
              : h("td", { class: "words" }, i.metric ?? i.service ?? i.text, h("br"), h("q", {}, i.text)),
            h("td", { class: "value" }, valueText(i) || "—", valueNotes(i) ? h("small", {}, h("br"), valueNotes(i)) : ""),
            h("td", {}, i.unit ?? "—"),
            h("td", {}, i.comparator ? `${COMPARATOR_SIGN[i.comparator] ?? ""} ${i.comparator}`.trim() : "—"),
            h("td", { class: "deadline" }, when(i)),
            h("td", {}, h("code", {}, i.clause)),
            h("td", { class: "confidence" }, String(i.confidence)),
          ),
        ),
      ),
    ),
  );
}

/** Marks items in both views; `scroll` brings the other view's first mark into sight. */
function activate(indices: number[], scroll: "text" | "table" | null): void {
  document.querySelectorAll("#draft-result .active").forEach((el) => el.classList.remove("active"));
  for (const n of indices) {
    document.querySelectorAll(`#draft-text-marked mark[data-items~="${n}"], #draft-items tr[data-item="${n}"]`).forEach((el) => el.classList.add("active"));
  }
  if (scroll === "text") document.querySelector(`#draft-text-marked mark[data-items~="${indices[0]}"]`)?.scrollIntoView({ block: "nearest" });
  if (scroll === "table") document.querySelector(`#draft-items tr[data-item="${indices[0]}"]`)?.scrollIntoView({ block: "nearest" });
}

async function loadSample(name: string, id: string): Promise<void> {
  try {
    const response = await fetch(`samples/${name}`);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    $<HTMLTextAreaElement>(id).value = await response.text();
    setError(id, "");
  } catch (err) {
    setError(id, messageOf(err));
  }
}

function applyLang(lang: Lang): void {
  setLang(lang);
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => (el.textContent = t(el.dataset.i18n as Key)));
  document.querySelectorAll("[data-lang]").forEach((b) => b.setAttribute("aria-pressed", String((b as HTMLElement).dataset.lang === lang)));
  for (const rerun of reruns) rerun();
}

function showTab(name: string): void {
  if (name === "draft") loadDrafter();
  for (const tab of ["bond", "deadline", "targets", "verify", "draft"]) {
    $(`tab-${tab}`).hidden = tab !== name;
    $(`tab-button-${tab}`).setAttribute("aria-selected", String(tab === name));
  }
}

async function main(): Promise<void> {
  const status = $("status");
  try {
    await init({ module_or_path: wasmUrl, catalogue: catalogueUrl, data: dataUrl });
    ctx = zc.Context.builtin();
    cat = ctx.catalogue();
  } catch (err) {
    status.removeAttribute("data-i18n");
    status.textContent = t("loadFailed") + messageOf(err);
    status.className = "status error";
    return;
  }
  for (const k of ["lotOrdinary", "lotPpp", "lotFramework", "customWorking", "customCalendar", "byGroup", "byUnit", "byCommunity", "all", ...STATUSES, ...Object.values(DRAFT_SAMPLES).map((s) => s.label)]) I18N_KEYS[k] = true;
  const tabs: [string, Key][] = [["bond", "tabBond"], ["deadline", "tabDeadline"], ["targets", "tabTargets"], ["verify", "tabVerify"], ["draft", "tabDraft"]];
  $("app").replaceChildren(
    h("nav", { role: "tablist" }, ...tabs.map(([id, key]) => h("button", { role: "tab", id: `tab-button-${id}`, type: "button", onclick: () => showTab(id) }, tx(key)))),
    bondTool(),
    deadlineTool(),
    targetsTool(),
    verifyTool(),
    draftTool(),
  );
  // A result on screen is recomputed in the new language when the language changes.
  const again = (resultId: string, run: () => void) => () => $(resultId).childElementCount > 0 && run();
  reruns.push(again("bond-result", runBond), again("due-result", runDeadline), again("targets-result", runTargets), again("verify-result", runVerify), again("draft-result", runDraft));
  showTab("bond");
  status.removeAttribute("data-i18n");
  status.textContent = "";
  document.body.dataset.ready = "1";
}

document.querySelectorAll<HTMLButtonElement>("[data-lang]").forEach((b) => b.addEventListener("click", () => applyLang(b.dataset.lang as Lang)));
window.addEventListener("unhandledrejection", (e) => {
  const status = $("status");
  status.textContent = t("unexpected") + messageOf(e.reason);
  status.className = "status error";
});
applyLang("zh");
void main();
