// The web example in headless Chromium (Debian's, driven by playwright-core), served from
// dist/ on 127.0.0.1. Expected values are worked out by hand from the documents:
// - Tianshan bid bond (tianshan-2022-87 item 68, from 2022-05-18): 1 % of the lot's budget,
//   at most 20,000 yuan per lot except PPP; before 2022-05-18 the national 2 % (procurement
//   regulation art. 33) with no cap.
// - Opening a business in Tianshan (item 58): 2 working days. From Tue 2023-06-27 (not counted),
//   Xinjiang's Corban festival 06-28..06-30 and the weekend 07-01/02 are skipped: Mon 07-03 is
//   day 1, Tue 2023-07-04 day 2.
// - 20 calendar days from 2024-09-11 end on 2024-10-01, National Day (10-01..10-07 off), so the
//   deadline moves to the next working day, 2024-10-08.
// - Xinshi FYP t03 (insurance participation 100 % by the end of 2025) observed at 100 % on
//   2025-12-31: met; t04 (5G coverage of manufacturing clusters 100 % by 2025) at 80 %: missed.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const shots = fileURLToPath(new URL("../test-output/", import.meta.url));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm", ".csv": "text/csv; charset=utf-8", ".map": "application/json" };

let server;
let base;
let browser;
let page;
const problems = [];
// Every URL the page requested: the draft module must be fetched only once its tab is opened.
const requested = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.endsWith("/")) path += "index.html";
    if (path.includes("..")) return res.writeHead(403).end();
    try {
      const body = await readFile(join(dist, path));
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("request", (r) => requested.push(r.url()));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(base);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  await page.click("#lang-en");
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r) ?? r());
});

const text = (selector) => page.locator(selector).innerText();
const fieldError = (id) => text(`#${id}-error`);

async function bond({ jurisdiction = "cn-xj-urumqi-tianshan", date = "2022-06-01", lot = "ordinary", budget }) {
  await page.selectOption("#bond-jurisdiction", jurisdiction);
  await page.fill("#bond-date", date);
  await page.selectOption("#bond-lot", lot);
  await page.fill("#bond-budget", budget);
  await page.click("#bond-run");
}

test("bid bond: Tianshan's 1 % with the 20,000 cap, the exceptions, the clause quoted", async () => {
  await page.click("#tab-button-bond");
  await bond({ budget: "1000000" });
  assert.equal(await text("#bond-amount"), "¥ 10,000.00");
  assert.match(await text("#bond-clause"), /投标保证金缴纳比例由预算额度的2%调整为1%/);
  assert.match(await text("#bond-rule"), /tianshan-2022-87\/r68-bid-bond/);
  assert.match(await text("#bond-explanation"), /10000\.00/);
  await page.screenshot({ path: join(shots, "bond.png"), fullPage: true });
  await bond({ budget: "5000000" });
  assert.equal(await text("#bond-amount"), "¥ 20,000.00");
  await bond({ budget: "5000000", lot: "ppp" });
  assert.equal(await text("#bond-amount"), "¥ 50,000.00");
  await bond({ budget: "1000000", date: "2022-05-01" });
  assert.equal(await text("#bond-amount"), "¥ 20,000.00");
  await bond({ budget: "1000000", lot: "framework_entry" });
  assert.equal(await text("#bond-amount"), "¥ 0.00");
});

test("bid bond: bad input gets a message next to its field", async () => {
  await bond({ budget: "" });
  assert.equal(await fieldError("bond-budget"), "Enter the budget in yuan.");
  assert.equal(await page.locator("#bond-amount").count(), 0);
  await bond({ budget: "1e6" });
  assert.match(await fieldError("bond-budget"), /decimal with at most 2 places/);
  await bond({ budget: "1000000.005" });
  assert.match(await fieldError("bond-budget"), /decimal with at most 2 places/);
  await bond({ budget: "1000000", date: "2010-06-01" });
  assert.match(await fieldError("bond-date"), /2010-06-01/);
  assert.equal(await fieldError("bond-budget"), "");
  await page.click("#lang-zh");
  await bond({ budget: "" });
  assert.equal(await fieldError("bond-budget"), "请填写预算金额（元）。");
  await page.click("#lang-en");
});

test("when is it due: a service promise over Xinjiang's Corban festival, with the month view", async () => {
  await page.click("#tab-button-deadline");
  await page.selectOption("#due-service", "service:business-opening");
  await page.fill("#due-start", "2023-06-27");
  await page.selectOption("#due-jurisdiction", "cn-xj-urumqi-tianshan");
  await page.click("#due-run");
  assert.equal(await text("#due-date"), "2023-07-04");
  const skipped = await text("#due-skipped");
  assert.match(skipped, /2023-06-28 · statutory holiday · Eid al-Adha/);
  assert.match(skipped, /2023-07-01 · weekend/);
  assert.equal(await page.locator("#due-skipped li").count(), 5);
  const holiday = page.locator('#due-months [data-date="2023-06-29"]');
  assert.match(await holiday.getAttribute("class"), /statutory_holiday.*skipped/);
  assert.match(await holiday.innerText(), /Eid al-Adha/);
  assert.match(await page.locator('#due-months [data-date="2023-07-04"]').getAttribute("class"), /\bdue\b/);
  assert.match(await text("#due-basis"), /企业开办时限压缩至2个工作日内办结/);
  await page.screenshot({ path: join(shots, "deadline.png"), fullPage: true });
});

test("when is it due: N calendar days ending on National Day move to the next working day", async () => {
  await page.selectOption("#due-service", "custom:calendar_days");
  await page.fill("#due-days", "20");
  await page.fill("#due-start", "2024-09-11");
  await page.selectOption("#due-jurisdiction", "cn");
  await page.click("#due-run");
  assert.equal(await text("#due-date"), "2024-10-08");
});

test("when is it due: a date outside the calendar's data, bad N", async () => {
  await page.selectOption("#due-service", "service:business-opening");
  await page.fill("#due-start", "2027-06-01");
  await page.selectOption("#due-jurisdiction", "cn-xj-urumqi-tianshan");
  await page.click("#due-run");
  assert.match(await fieldError("due-start"), /^Outside the calendar's data: .*2027-06-0/);
  assert.equal(await page.locator("#due-date").count(), 0);
  await page.selectOption("#due-service", "custom:working_days");
  await page.fill("#due-days", "2.5");
  await page.fill("#due-start", "2023-06-27");
  await page.click("#due-run");
  assert.equal(await fieldError("due-days"), "Enter a whole number from 1 to 3650.");
});

test("when is it due: beyond the published notices, only when asked, and marked provisional", async () => {
  // 2027 has no State Council notice in the data. Under the holiday law (春节: 除夕 and 正月初一
  // to 初三 off) with 除夕 on Fri 2027-02-05, Feb 5-8 are statutory days off; from Wed 2027-02-03,
  // 3 working days are Thu 02-04, Tue 02-09 and Wed 2027-02-10, provisional until the notice.
  await page.selectOption("#due-service", "custom:working_days");
  await page.fill("#due-days", "3");
  await page.fill("#due-start", "2027-02-03");
  await page.selectOption("#due-jurisdiction", "cn");
  await page.click("#due-run");
  assert.match(await fieldError("due-start"), /^Outside the calendar's data: /);
  await page.check("#due-statutory");
  await page.click("#due-run");
  assert.equal(await text("#due-date"), "2027-02-10");
  assert.match(await text("#due-provisional"), /Provisional/);
  assert.match(await page.locator('#due-months [data-date="2027-02-08"]').getAttribute("class"), /provisional/);
  await page.screenshot({ path: join(shots, "deadline-provisional.png"), fullPage: true });
  await page.uncheck("#due-statutory");
});

test("targets: scorecard with chart, filters, CSV download and a target's source clause", async () => {
  await page.click("#tab-button-targets");
  const counts = async () =>
    Object.fromEntries(await page.locator("#targets-counts [data-status]").evaluateAll((pills) => pills.map((p) => [p.dataset.status, Number(p.textContent.split(" ").pop())])));
  await page.fill("#targets-asof", "2026-01-01");
  await page.selectOption("#targets-by", "group");
  await page.fill("#targets-observations", "");
  await page.click("#targets-run");
  const before = await counts();
  await page.click("#targets-sample");
  await page.waitForFunction(() => document.querySelector("#targets-observations").value.includes("xinshi-2021-fyp/t04"));
  await page.click("#targets-run");
  const after = await counts();
  // The two sample observations: t03 met, t04 missed; nothing else moves.
  assert.equal(after.met, before.met + 1);
  assert.equal(after.missed, before.missed + 1);
  assert.equal(after.no_data, before.no_data - 2);
  assert.equal(await text('#targets-table tr[data-target="xinshi-2021-fyp/t03"] .pill'), "met");
  assert.equal(await text('#targets-table tr[data-target="xinshi-2021-fyp/t04"] .pill'), "missed");
  assert.ok((await page.locator("#targets-chart rect").count()) > 0);
  const href = await page.locator("a[download='scorecard-groups.csv']").getAttribute("href");
  const csv = await page.evaluate(async (u) => (await fetch(u)).text(), href);
  const [header, all] = csv.split("\n").map((line) => line.split(","));
  assert.equal(all[0], "all");
  assert.equal(Number(all[header.indexOf("met")]), after.met);
  assert.equal(Number(all[header.indexOf("missed")]), after.missed);
  await page.locator('tr[data-target="xinshi-2021-fyp/t04"]').click();
  assert.match(await text("#target-detail"), /missed/);
  assert.match(await text("#target-clause"), /到2025年实现制造业集聚区宽带无线网络和5G通信网络全覆盖/);
  await page.screenshot({ path: join(shots, "targets.png"), fullPage: true });
  await page.selectOption("#targets-status", "missed");
  await page.selectOption("#targets-by", "unit");
  await page.click("#targets-run");
  const missed = await page.locator("#targets-table tr[data-target]").evaluateAll((rows) => rows.map((r) => r.dataset.target));
  assert.ok(missed.includes("xinshi-2021-fyp/t04") && missed.length === after.missed, missed.join(", "));
  assert.equal(await page.locator("#targets-table .pill:not(.missed)").count(), 0);
  await page.selectOption("#targets-status", "");
  await page.selectOption("#targets-by", "community");
  await page.click("#targets-run");
  assert.ok((await page.locator("#targets-chart rect").count()) > 0);
});

test("targets: a malformed CSV and a float where a decimal belongs", async () => {
  await page.fill("#targets-observations", 'target,as_of,value,unit,source\nxinshi-2021-fyp/t03,2025-12-31,"100,%,x\n');
  await page.click("#targets-run");
  assert.match(await fieldError("targets-observations"), /CSV line 2: a quote is not closed/);
  await page.fill("#targets-observations", "target,as_of,value,unit,source\nxinshi-2021-fyp/t03,2025-12-31,1e2,%,x\n");
  await page.click("#targets-run");
  assert.match(await fieldError("targets-observations"), /never a float.*1e2/);
  await page.fill("#targets-observations", "target,as_of,value,unit,source\nxinshi-2021-fyp/t03,2025-12-31,100,%\n");
  await page.click("#targets-run");
  assert.match(await fieldError("targets-observations"), /CSV line 2: expected 5 columns, found 4/);
});

async function verify({ seed = "tianshan-2023-q1-public-draw", plan } = {}) {
  for (const id of ["verify-register", "verify-inspectors", "verify-plan"]) {
    await page.fill(`#${id}`, "");
    await page.click(`#${id}-sample`);
  }
  await page.waitForFunction(() =>
    document.querySelector("#verify-register").value.includes("TS-040") &&
    document.querySelector("#verify-inspectors").value.includes("INS-06") &&
    document.querySelector("#verify-plan").value.includes("visits"));
  if (plan) await page.fill("#verify-plan", plan(await page.inputValue("#verify-plan")));
  await page.fill("#verify-seed", seed);
  await page.click("#verify-run");
}

test("verify a published plan: verified, or each difference", async () => {
  await page.click("#tab-button-verify");
  await verify();
  assert.equal(await page.locator("#verify-outcome").getAttribute("data-outcome"), "verified");
  await page.screenshot({ path: join(shots, "verify.png"), fullPage: true });
  // One inspector changed in the published plan: exactly that difference.
  await verify({ plan: (p) => { const v = JSON.parse(p); v.visits[0].inspectors[0].id = "INS-99"; return JSON.stringify(v); } });
  assert.equal(await page.locator("#verify-outcome").getAttribute("data-outcome"), "differs");
  const rows = await page.locator("#verify-differences tbody tr").allInnerTexts();
  assert.ok(rows.some((r) => r.includes("INS-99")), rows.join("\n"));
  // Another seed than the plan's: the draw is repeated with it and differs.
  await verify({ seed: "another-seed" });
  assert.equal(await page.locator("#verify-outcome").getAttribute("data-outcome"), "differs");
});

test("verify: malformed files get messages next to their fields", async () => {
  await verify();
  await page.fill("#verify-register", "id,credit_class,industry,district,flags\nTS-001,b,retail\n");
  await page.fill("#verify-seed", "");
  await page.fill("#verify-plan", "{ not json");
  await page.click("#verify-run");
  assert.match(await fieldError("verify-register"), /CSV line 2: expected 5 columns, found 3/);
  assert.equal(await fieldError("verify-seed"), "Enter the published seed.");
  await page.fill("#verify-seed", "x");
  await page.fill("#verify-register", "id,credit_class\nTS-001,e\n");
  await page.click("#verify-run");
  assert.match(await fieldError("verify-plan"), /JSON|json/);
  await page.fill("#verify-plan", "");
  await page.click("#verify-plan-sample");
  await page.waitForFunction(() => document.querySelector("#verify-plan").value.includes("visits"));
  await page.click("#verify-run");
  assert.match(await fieldError("verify-register"), /credit_class/);
});

// Drafting a text. Worked by hand from the drafter's grammar (docs/draft.md) for
//   1.𠮷祥社区养老服务。到2025年,社区养老服务覆盖率达到85%以上。
//   2.优化企业开办流程。企业开办时限压缩至2个工作日内办结。
// - clause 1 ("1." at a line start): 达到 with the boundary word 以上 → at_least 85 %, metric
//   社区养老服务覆盖率, due 到2025年 → 2025-12-31; its words 「85%以上」.
// - clause 2: a duration with 内 and the completing verb 办结 → a time limit of 2 working days
//   for 企业开办 (the metric less 时限), and the target read from it: at_most 2 working_days,
//   no time phrase and no period, so no deadline; both from 「2个工作日内」.
// 𠮷 (U+20BB7) lies outside the BMP: two UTF-16 units, one character for the core's spans, so
// a highlight placed by UTF-16 index would be off by one.
const DRAFT_TEXT = "1.𠮷祥社区养老服务。到2025年,社区养老服务覆盖率达到85%以上。\n2.优化企业开办流程。企业开办时限压缩至2个工作日内办结。";

async function draftText({ text = DRAFT_TEXT, id = "demo-2024-plan", jurisdiction = "cn-xj-urumqi-tianshan", issued = "2024-03-01", from = "", until = "" } = {}) {
  await page.fill("#draft-text", text);
  await page.fill("#draft-id", id);
  await page.selectOption("#draft-jurisdiction", jurisdiction);
  await page.fill("#draft-issued", issued);
  await page.fill("#draft-from", from);
  await page.fill("#draft-until", until);
  await page.click("#draft-run");
}

/** The drafted rows of a kind, as {n, cells}. */
const draftRows = (kind) =>
  page.locator(`#draft-items tr[data-kind="${kind}"]`).evaluateAll((rows) =>
    rows.map((r) => ({ n: r.dataset.item, cells: [...r.cells].map((c) => c.innerText.trim()) })));
/** The highlighted words of item n: its marks' text, in order. */
const marked = (n) => page.locator(`#draft-text-marked mark[data-items~="${n}"]`).evaluateAll((ms) => ms.map((m) => m.textContent).join(""));
// Columns: #, kind, words, value, unit, comparator, deadline, clause, confidence.
const [VALUE, UNIT, COMPARATOR, DEADLINE, CLAUSE] = [3, 4, 5, 6, 7];

test("draft from text: the target and the time limit, highlighted on their exact words", async () => {
  const draftModule = () => requested.filter((u) => /zhengce_draft_bg[^/]*\.wasm$/.test(u));
  assert.deepEqual(draftModule(), [], "the draft module was fetched before the Draft tab was opened");
  await page.click("#tab-button-draft");
  await draftText();
  assert.equal(draftModule().length, 1, "the draft module is fetched once, when the tab is opened");
  const targets = await draftRows("target");
  assert.equal(targets.length, 2, JSON.stringify(targets));
  const [share, opening] = targets;
  assert.equal(share.cells[VALUE], "85");
  assert.equal(share.cells[UNIT], "%");
  assert.equal(share.cells[COMPARATOR], "≥ at_least");
  assert.equal(share.cells[DEADLINE], "2025-12-31");
  assert.equal(share.cells[CLAUSE], "demo-2024-plan/1");
  assert.match(share.cells[2], /社区养老服务覆盖率/);
  assert.equal(await marked(share.n), "85%以上");
  assert.equal(opening.cells[VALUE], "2");
  assert.equal(opening.cells[UNIT], "working_days");
  assert.equal(opening.cells[COMPARATOR], "≤ at_most");
  assert.equal(opening.cells[DEADLINE], "—");
  assert.equal(opening.cells[CLAUSE], "demo-2024-plan/2");
  const [limit, ...more] = await draftRows("time_limit");
  assert.equal(more.length, 0);
  assert.equal(limit.cells[VALUE], "2");
  assert.equal(limit.cells[UNIT], "working_days");
  assert.match(limit.cells[2], /^企业开办\n/);
  assert.equal(await marked(limit.n), "2个工作日内");
  assert.equal(await marked(opening.n), "2个工作日内");
  // The two items share their words: one piece, both listed, marked as overlapping.
  const shared = page.locator(`#draft-text-marked mark[data-items~="${limit.n}"]`);
  assert.equal(await shared.getAttribute("data-items"), [opening.n, limit.n].map(Number).sort((a, b) => a - b).join(" "));
  assert.match(await shared.getAttribute("class"), /\bmulti\b/);
  // Nothing else is marked, and the text around the marks is the text as typed.
  assert.equal(await page.locator("#draft-text-marked mark").count(), 2);
  assert.equal(await text("#draft-text-marked"), DRAFT_TEXT);
  assert.match(await text("#draft-stats"), /2 targets, 0 observations, 1 time limits, 0 fee rules, 0 units/);
  assert.equal(await page.locator("#draft-layer-check").getAttribute("data-valid"), "true");
  // Item ↔ words: hovering a row marks its words; clicking words marks their rows.
  await page.hover(`#draft-items tr[data-item="${share.n}"]`);
  assert.match(await page.locator(`#draft-text-marked mark[data-items~="${share.n}"]`).getAttribute("class"), /\bactive\b/);
  await shared.click();
  for (const n of [opening.n, limit.n]) assert.match(await page.locator(`#draft-items tr[data-item="${n}"]`).getAttribute("class"), /\bactive\b/);
  assert.doesNotMatch((await page.locator(`#draft-items tr[data-item="${share.n}"]`).getAttribute("class")) ?? "", /\bactive\b/);
  // The layer JSON downloaded: the document, both targets, the time limit as a parameter (issued is known).
  const link = page.locator("#draft-download");
  assert.equal(await link.getAttribute("download"), "demo-2024-plan.draft.json");
  const layer = JSON.parse(await page.evaluate(async (u) => (await fetch(u)).text(), await link.getAttribute("href")));
  assert.equal(layer.documents[0].id, "demo-2024-plan");
  assert.deepEqual(layer.targets.map((t) => [t.value, t.unit, t.comparator]), [["85", "%", "at_least"], ["2", "working_days", "at_most"]]);
  assert.equal(layer.targets[0].deadline, "2025-12-31");
  assert.ok(layer.parameters.some((p) => p.id.startsWith("demo-2024-plan/time-limit/")), JSON.stringify(layer.parameters));
  await page.screenshot({ path: join(shots, "draft.png"), fullPage: true });
});

test("draft from text: the samples, Tianshan's bid-bond fee with its cap and exception", async () => {
  // Item 68: the bond rate 由预算额度的2%调整为1% (1 %, baseline 2), 上限2万元 (2 10k_yuan),
  // 除PPP项目以外 (PPP projects excepted).
  await page.selectOption("#draft-sample", "tianshan");
  assert.equal(await page.inputValue("#draft-id"), "tianshan-2022-87-draft");
  await page.click("#draft-run");
  const [fee, ...more] = await draftRows("fee");
  assert.equal(more.length, 0);
  assert.equal(fee.cells[VALUE], "1\nfrom 2; cap 2 10k_yuan; except PPP项目");
  assert.equal(fee.cells[UNIT], "%");
  assert.equal(fee.cells[CLAUSE], "tianshan-2022-87-draft/g3/68");
  assert.match(await marked(fee.n), /^1%,除PPP项目以外.*上限2万元$/);
  // Xinjin (the default): 中小学优质学校覆盖率达85%以上, with no date or period stated, has no deadline.
  await page.selectOption("#draft-sample", "xinjin");
  await page.click("#draft-run");
  const share = (await draftRows("target")).find((r) => r.cells[2].startsWith("中小学优质学校覆盖率"));
  assert.deepEqual([share.cells[VALUE], share.cells[UNIT], share.cells[COMPARATOR], share.cells[DEADLINE]], ["85", "%", "≥ at_least", "—"]);
  assert.equal(await marked(share.n), "85%以上");
  await page.screenshot({ path: join(shots, "draft-xinjin.png"), fullPage: true });
  // Putuo: the responsible units of item 8 (责任部门:区教育局、区人社局).
  await page.selectOption("#draft-sample", "putuo");
  await page.click("#draft-run");
  const units = await draftRows("unit");
  assert.deepEqual(units.filter((u) => u.cells[CLAUSE].endsWith("/8")).map((u) => u.cells[2].split("\n")[0]), ["区教育局", "区人社局"]);
});

test("draft from text: bad input gets a message next to its field", async () => {
  await draftText({ text: "  \n " });
  assert.equal(await fieldError("draft-text"), "Paste the text of a clause or a document.");
  assert.equal(await page.locator("#draft-text-marked").count(), 0);
  await draftText({ id: "Tianshan 87" });
  assert.match(await fieldError("draft-id"), /Tianshan 87/);
  assert.equal(await fieldError("draft-text"), "");
  await draftText({ from: "2025-01-01" });
  assert.equal(await fieldError("draft-until"), "Give both ends of the period, or neither.");
  await draftText({ from: "2025-01-01", until: "2024-12-31" });
  assert.match(await fieldError("draft-until"), /2024-12-31/);
  assert.equal(await page.locator("#draft-text-marked").count(), 0);
  await page.click("#lang-zh");
  await draftText({ text: "" });
  assert.equal(await fieldError("draft-text"), "请粘贴条款或文件原文。");
  await page.click("#lang-en");
});

test("the page never logged an error", () => {
  assert.deepEqual(problems, []);
});
