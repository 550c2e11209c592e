// The app's two languages. Every visible string is here, keyed; results quote the library's own
// bilingual texts (names, explanations) in the chosen language.
export type Lang = "zh" | "en";

const strings = {
  title: { zh: "政策工具箱", en: "Policy toolbox" },
  subtitle: {
    zh: "基于 zhengce：每个结果都附带解释并引用条款原文",
    en: "Built on zhengce: every result explains itself and quotes its clause",
  },
  loading: { zh: "正在加载…", en: "Loading…" },
  loadFailed: { zh: "加载失败：", en: "Could not load: " },
  tabBond: { zh: "投标保证金", en: "Bid bond" },
  tabDeadline: { zh: "何时到期？", en: "When is it due?" },
  tabTargets: { zh: "目标进展", en: "Targets" },
  tabVerify: { zh: "核验公示计划", en: "Verify a published plan" },
  jurisdiction: { zh: "地区", en: "Jurisdiction" },
  date: { zh: "日期", en: "Date" },
  lotKind: { zh: "项目类型", en: "Kind of lot" },
  lotOrdinary: { zh: "普通项目", en: "Ordinary lot" },
  lotPpp: { zh: "PPP项目", en: "PPP project" },
  lotFramework: { zh: "无特定采购人的协议入围项目", en: "Framework-agreement entry" },
  fiscalFunds: { zh: "使用财政性资金", en: "Uses fiscal funds" },
  budget: { zh: "标段预算（元）", en: "Budget of the lot (yuan)" },
  compute: { zh: "计算", en: "Compute" },
  bond: { zh: "投标保证金", en: "Bid bond" },
  notApplicable: { zh: "不适用", en: "Not applicable" },
  rule: { zh: "规则", en: "Rule" },
  clause: { zh: "条款", en: "Clause" },
  explanation: { zh: "解释", en: "Explanation" },
  rate: { zh: "比例", en: "Rate" },
  cap: { zh: "上限", en: "Cap" },
  capped: { zh: "已按上限封顶", en: "capped" },
  noCap: { zh: "无上限", en: "no cap" },
  emptyBudget: { zh: "请填写预算金额（元）。", en: "Enter the budget in yuan." },
  badDecimal: {
    zh: "金额须写成十进制数，最多两位小数（分），如 1000000 或 1000000.50；不接受科学计数法或浮点写法。",
    en: "Write the amount as a decimal with at most 2 places (fen), e.g. 1000000 or 1000000.50; no exponents or float notation.",
  },
  emptyDate: { zh: "请选择日期。", en: "Choose a date." },
  service: { zh: "服务承诺", en: "Service promise" },
  customWorking: { zh: "自定义：N 个工作日", en: "Custom: N working days" },
  customCalendar: { zh: "自定义：N 个自然日", en: "Custom: N calendar days" },
  days: { zh: "天数 N", en: "Number of days N" },
  badDays: { zh: "请填写 1 到 3650 之间的整数。", en: "Enter a whole number from 1 to 3650." },
  start: { zh: "起算日", en: "Start date" },
  due: { zh: "到期日", en: "Due date" },
  legalBasis: { zh: "法律依据", en: "Legal basis" },
  promise: { zh: "承诺来源", en: "Promise" },
  skipped: { zh: "跳过的非工作日", en: "Days skipped" },
  weekday: { zh: "一二三四五六日", en: "MTWTFSS" },
  working_day: { zh: "工作日", en: "working day" },
  weekend: { zh: "周末", en: "weekend" },
  statutory_holiday: { zh: "法定节假日", en: "statutory holiday" },
  swapped_rest_day: { zh: "调休休息日", en: "swapped rest day" },
  make_up_working_day: { zh: "调休上班日", en: "make-up working day" },
  provisional: { zh: "暂定（尚无放假通知，按法定节日或周末推定）", en: "provisional (no notice yet: statutory days or weekends assumed)" },
  secondary: { zh: "依据二手来源", en: "rests on a secondary source" },
  assumeStatutory: {
    zh: "超出已公布的放假安排时，按《全国年节及纪念日放假办法》推算（结果暂定）",
    en: "Beyond the published holiday notices, count from the holiday law (provisional)",
  },
  dueProvisional: {
    zh: "暂定：该年放假通知公布后如有调休，到期日可能变化",
    en: "Provisional: holds unless that year's notice swaps days or adds make-up working days",
  },
  dueSecondary: { zh: "部分日期依据二手来源", en: "Some days rest on a secondary source" },
  outOfCoverage: { zh: "超出日历数据范围：", en: "Outside the calendar's data: " },
  asOf: { zh: "评估日期", en: "As of" },
  groupBy: { zh: "分组", en: "Group by" },
  byGroup: { zh: "按目标分组", en: "By group" },
  byUnit: { zh: "按责任单位", en: "By unit" },
  byCommunity: { zh: "按社区", en: "By community" },
  statusFilter: { zh: "状态", en: "Status" },
  documentFilter: { zh: "文件", en: "Document" },
  all: { zh: "全部", en: "All" },
  observations: { zh: "观测数据 CSV（target,as_of,value,unit,source；可加 published）", en: "Observations CSV (target,as_of,value,unit,source; optionally published)" },
  useSample: { zh: "使用示例", en: "Use the sample" },
  build: { zh: "生成记分卡", en: "Build the scorecard" },
  downloadGroups: { zh: "下载分组 CSV", en: "Download groups CSV" },
  downloadAssessments: { zh: "下载目标 CSV", en: "Download targets CSV" },
  target: { zh: "目标", en: "Target" },
  status: { zh: "状态", en: "Status" },
  met: { zh: "已达成", en: "met" },
  on_track: { zh: "进展正常", en: "on track" },
  at_risk: { zh: "有风险", en: "at risk" },
  off_track: { zh: "偏离", en: "off track" },
  missed: { zh: "未达成", en: "missed" },
  no_data: { zh: "无数据", en: "no data" },
  total: { zh: "合计", en: "total" },
  targetValue: { zh: "目标值", en: "Target value" },
  deadline: { zh: "期限", en: "Deadline" },
  source: { zh: "来源条款", en: "Source clause" },
  reading: { zh: "解读", en: "Reading" },
  note: { zh: "说明", en: "Note" },
  clickRow: { zh: "点击一行查看目标详情。", en: "Click a row for the target's detail." },
  register: { zh: "市场主体名录 CSV（id,credit_class,industry,district,flags）", en: "Register CSV (id,credit_class,industry,district,flags)" },
  inspectors: { zh: "执法人员名录 CSV（id,department,conflicts）", en: "Inspectors CSV (id,department,conflicts)" },
  seed: { zh: "公布的随机种子", en: "Published seed" },
  plan: { zh: "公示的抽查计划（JSON）", en: "Published plan (JSON)" },
  verify: { zh: "核验", en: "Verify" },
  verified: { zh: "核验通过：按公布的种子和名录重新抽取，结果与公示计划完全一致。", en: "Verified: drawing again from the published seed and registers gives exactly the published plan." },
  differs: { zh: "不一致：", en: "Differences: " },
  published: { zh: "公示", en: "published" },
  derived: { zh: "重新抽取", en: "re-derived" },
  seedReplaced: { zh: "计划记录的种子与输入的种子不同，已按输入的种子重新抽取。", en: "The plan records another seed than the one entered; the draw was repeated with the seed entered." },
  emptyFile: { zh: "请选择文件或使用示例。", en: "Choose a file or use the sample." },
  emptySeed: { zh: "请填写公布的随机种子。", en: "Enter the published seed." },
  csvLine: { zh: "CSV 第 {line} 行：", en: "CSV line {line}: " },
  csvColumns: { zh: "应有 {want} 列，实际 {got} 列。", en: "expected {want} columns, found {got}." },
  csvQuote: { zh: "引号未闭合。", en: "a quote is not closed." },
  csvHeader: { zh: "缺少表头列：{cols}。", en: "the header lacks the columns: {cols}." },
  csvEmpty: { zh: "文件为空。", en: "the file is empty." },
  tabDraft: { zh: "从文本起草", en: "Draft from text" },
  sample: { zh: "示例条款", en: "Sample clauses" },
  sampleXinjin: { zh: "新津区报告：办好家门口的品质学校（目标）", en: "Xinjin's report: good schools at the doorstep (targets)" },
  sampleTianshan: { zh: "天山区87项措施：第67、68条（时限、收费）", en: "Tianshan's 87 measures, items 67 and 68 (time limits, fee)" },
  sampleXinshi: { zh: "新市区“十四五”规划：发展成就（已取得成效）", en: "Xinshi's 14th five-year plan: achievements (observations)" },
  samplePutuo: { zh: "普陀区创业型城区方案：目标与责任部门（目标、责任单位）", en: "Putuo's start-up district plan: targets and units (targets, units)" },
  draftText: { zh: "条款原文（可粘贴一段或整篇文件）", en: "Clause text (paste a clause or a whole document)" },
  docId: { zh: "文件标识 id（如 tianshan-2022-87-draft）", en: "Document id (e.g. tianshan-2022-87-draft)" },
  issued: { zh: "印发日期（用于“年底前”“三年内”）", en: "Date of issue (resolves 年底前, 三年内)" },
  periodFrom: { zh: "规划期起（可选）", en: "Period from (optional)" },
  periodUntil: { zh: "规划期止（可选）", en: "Period until (optional)" },
  runDraft: { zh: "起草", en: "Draft" },
  emptyText: { zh: "请粘贴条款或文件原文。", en: "Paste the text of a clause or a document." },
  emptyId: { zh: "请填写文件标识（小写字母、数字和 - _ . /）。", en: "Enter the document's id (lower-case letters, digits and - _ . /)." },
  periodBoth: { zh: "规划期须同时填写起止日期，或都不填。", en: "Give both ends of the period, or neither." },
  draftStats: {
    zh: "{chars} 字，{clauses} 个条款：{targets} 个目标、{observations} 项成效、{time_limits} 个时限、{fees} 条收费规则、{units} 个责任单位",
    en: "{chars} characters, {clauses} clauses: {targets} targets, {observations} observations, {time_limits} time limits, {fees} fee rules, {units} units",
  },
  draftTruncated: { zh: "条目过多，起草已提前停止。", en: "Too many items: the draft stopped early." },
  nothingDrafted: { zh: "未读出任何目标、时限、收费或责任单位。", en: "Nothing was drafted: no target, time limit, fee or unit was found." },
  layerOk: { zh: "草稿图层可叠加到内置目录之上（叠加后共 {targets} 个目标）。", en: "The draft layers over the built-in catalogue ({targets} targets in all)." },
  layerFails: { zh: "草稿图层未能叠加到内置目录：", en: "The draft does not layer over the built-in catalogue: " },
  downloadLayer: { zh: "下载草稿图层 JSON", en: "Download the draft layer JSON" },
  draftHint: {
    zh: "悬停或点击表格中的一行，原文中对应文字随之标出；点击原文中的高亮文字，可定位到对应条目。",
    en: "Hover or click a row to mark its words in the text; click highlighted words to find their items.",
  },
  kind: { zh: "类别", en: "Kind" },
  words: { zh: "指标 / 事项", en: "Metric / service" },
  value: { zh: "数值", en: "Value" },
  unit: { zh: "单位", en: "Unit" },
  comparator: { zh: "比较", en: "Comparator" },
  confidence: { zh: "置信度", en: "Confidence" },
  kind_target: { zh: "目标", en: "target" },
  kind_observation: { zh: "已取得成效", en: "observation" },
  kind_time_limit: { zh: "办理时限", en: "time limit" },
  kind_fee: { zh: "收费 / 费率", en: "fee / rate" },
  kind_unit: { zh: "责任单位", en: "responsible unit" },
  capWord: { zh: "上限", en: "cap" },
  floorWord: { zh: "下限", en: "floor" },
  exceptWord: { zh: "{list}除外", en: "except {list}" },
  fromWord: { zh: "基数", en: "from" },
  unexpected: { zh: "意外错误：", en: "Unexpected error: " },
} satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof strings;

let lang: Lang = "zh";

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

export function currentLang(): Lang {
  return lang;
}

/** The string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
}

/** A bilingual text from the library ({zh, en}) in the current language. */
export function pick(text: { zh: string; en: string } | null | undefined): string {
  if (!text) return "";
  return text[lang] || text.zh || text.en;
}
