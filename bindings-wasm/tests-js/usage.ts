// Type-checked by `tsc -p bindings-wasm/tests-js/tsconfig.json` (never run): the published
// declarations must describe real usage without casts.
import * as zhengce from "../pkg/node/zhengce_wasm.js";
import * as drafter from "../pkg/node/draft.js";

const cat: zhengce.Catalogue = zhengce.Catalogue.builtin();
const ctx: zhengce.Context = zhengce.Context.of(cat, zhengce.Calendars.builtin());
const doc: zhengce.Document = cat.document("tianshan-2022-87");
const title: string = doc.title.zh;
const measures: zhengce.Measure[] = cat.measures({ document: doc.id });
const lookup: zhengce.ParameterLookup = cat.parameterValue("procurement.bid_bond.rate", "cn", new Date());
const value: string = lookup.value;
const hits: zhengce.SearchHit[] = cat.search("保证金", { kinds: ["clause"], limit: 5 });
const entry: zhengce.Entry = cat.get("cn");
if (entry.type === "jurisdiction") {
  const level: zhengce.JurisdictionLevel = entry.level;
  void level;
}
void [title, measures, value, hits];

const scenario: zhengce.Context = ctx;
const bond: zhengce.Evaluator = scenario.evaluator("tianshan-2022-87/r68-bid-bond");
const result: zhengce.Evaluation = bond.evaluate({ budget: "1000000", lot_type: "ppp" }, "2022-06-01", { explain: true });
if (result.value.kind === "capped_rate") {
  const amount: string | null | undefined = result.value.amount;
  void amount;
}
const cited: string | null | undefined = result.explanation?.rule.source.clause;
const batch: zhengce.BatchResult = bond.evaluateBatch({ budget: ["1000000"], lot_type: [null] }, ["2022-06-01"]);
const amounts = batch.columns["amount"];
const alt = ctx.withScenario({ name: "cap", parameters: [{ parameter: "procurement.bid_bond.cap_per_lot", jurisdiction: "cn", value: "50000" }] });
const cmp: zhengce.Comparison = scenario.compare(alt, "tianshan-2022-87/r68-bid-bond", { budget: BigInt64Array.from([1n]) }, "2022-06-01");
const total: string = cmp.totals.difference;
const tableCheck: zhengce.TableCheck | null = scenario.evaluator("tianshan-2022-87/r10-credit-class").checkTable();
const use: zhengce.ParameterUse = alt.parameterValue("procurement.bid_bond.rate", "cn", new Date());
void [cited, amounts, total, tableCheck, use];
// Sampling: rows of objects, typed-array columns, the plan's JSON shape.
const register: zhengce.Entity[] = [{ id: "e1", credit_class: "d", flags: ["complaint"] }];
const directory: zhengce.Inspector[] = [{ id: "i1", department: "amr", conflicts: [{ industry: "food" }] }];
const spec: zhengce.PlanSpec = { jurisdiction: "cn", date: "2022-06-01", seed: "s", checks: [{ department: "amr", items: ["licence"] }] };
const plan: zhengce.InspectionPlan = zhengce.InspectionPlan.draw(ctx, register, directory, spec);
const visits: zhengce.Visit[] = plan.visits;
const summary: zhengce.StratumSummary[] = plan.strata;
const data: zhengce.InspectionPlanData = plan.toJsonValue();
const report: zhengce.Verification = plan.verify(ctx, register, directory);
const draw: zhengce.StratifiedDraw = zhengce.StratifiedDraw.draw(ctx, { jurisdiction: "cn", date: "2022-06-01", seed: "s" }, new Uint8Array([1, 2]));
const positions: Uint32Array = draw.randomIndices("a");
void [visits, summary, data.publication.publish_by, report.differences, positions, plan.toCsv()];
const calendars: zhengce.Calendars = ctx.calendars();
void calendars;
const tianshan: zhengce.Calendar = ctx.calendar("cn-xj-urumqi-tianshan");
const day: zhengce.Day = tianshan.day("2023-06-29", { assume: "weekends_only" });
const kind: zhengce.DayKind = day.kind;
const next: string = tianshan.addWorkingDays(new Date(), 2, {});
const due: zhengce.Deadline = ctx.deadline("business-opening", "2023-06-27", "cn-xj-urumqi-tianshan", { rest_day_start: "next_working_day" });
const skipped: zhengce.Day[] = due.skipped;
const working: Uint8Array = tianshan.isWorkingDayBatch(Int32Array.from([19757]));
const shifted = tianshan.addWorkingDaysBatch(Int32Array.from([19757]), 1);
const covered: zhengce.Period[] = tianshan.coverage();
void [kind, next, skipped, working, shifted, covered];

const monitor: zhengce.Monitor = new zhengce.Monitor(ctx);
const added: number = monitor.addObservations([
  { target: "tianshan-2022-87/t28", as_of: "2022-09-30", published: "2022-10-08", value: "75", unit: "%", source: "district statistics" },
]);
const assessment: zhengce.Assessment = monitor.assess("tianshan-2022-87/t28", "2022-10-15", { at_risk_lag: "0.05" });
const status: zhengce.Status = assessment.status;
const card: zhengce.Scorecard = monitor.scorecard(new Date(), { by: ["group", "unit"], document: "tianshan-2022-87" });
const cardValue: zhengce.ScorecardData = card.toJsonValue();
const firstGroup: zhengce.ScorecardGroup | undefined = cardValue.groups[0];
const csv: string = card.toCsv();
const check: zhengce.RatioCheck = monitor.checkRatio("tianshan-2022-87/t85i", "tianshan-2022-87/t85h", "500000");
const held: zhengce.Observation[] = monitor.observations("tianshan-2022-87/t28");
void [added, status, firstGroup, csv, check, held];

const communities: zhengce.Communities = new zhengce.Communities(ctx);
communities.register({
  id: "tianshan-pilot-1", name: { zh: "试点一", en: "Pilot 1" }, jurisdiction: "cn-xj-urumqi-tianshan",
  source: { document: "tianshan-2022-87" },
});
const answer: zhengce.Responsibility = communities.responsible("tianshan-2022-87/t81a", "tianshan-pilot-1");
const holder: string | undefined = answer.chain[0]?.holder ?? undefined;
const withCommunities: zhengce.Monitor = monitor.withCommunities(communities);
void [holder, withCommunities];
const drafted: zhengce.Draft = drafter.draft("一、目标\n到2025年,新增学位500个。", { id: "demo-draft", jurisdiction: "cn" }, { max_items: 100 });
const firstItem: zhengce.DraftItem | undefined = drafted.items[0];
const itemKind: zhengce.ItemKind | undefined = firstItem?.kind;
const draftLayer: zhengce.CatalogueData = drafted.layer;
const draftJson: string = drafter.draftJson("一、目标", { id: "demo-draft", jurisdiction: "cn" });
void [itemKind, draftLayer, draftJson, drafted.stats.truncated, drafted.clauses[0]?.span.start];
const caseReport = zhengce.runCases(drafter.parseYaml("- {name: a, function: catalogue.get, input: {id: cn}, output: {id: cn}}"));
const firstProblem: string | undefined = caseReport.cases[0]?.problems[0];
const passedOn: number = zhengce.runCasesIn(zhengce.Context.builtin(), []).passed;
void [firstProblem, passedOn, caseReport.failed];
