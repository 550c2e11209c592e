//! Builds the draft: runs each reader over the text and assembles the catalogue layer and
//! the items with their evidence.

use std::collections::HashMap;

use super::clauses::{self, Node};
use super::dates::{Anchor, When};
use super::model::{Draft, DraftClause, DraftItem, DraftMeta, DraftOptions, DraftStats, ItemKind, Span};
use super::targets::{self, Reading};
use super::text::{self, Folded};
use super::{fees, observations, time_limits, units};
use crate::catalogue::{Aggregation, Every, Qualifier, StatedRange, TargetKind};
use crate::{
    Baseline, CatalogueData, Citation, Clause, Comparator, Document, DocumentKind, Nature, Observation,
    Parameter, ParameterValue, Strength, Target, Text, Unit,
};

/// The longest stretch read as one sentence.
const MAX_SENTENCE: usize = 2_000;
/// Targets below this confidence are left out of the draft.
const MIN_CONFIDENCE: u8 = 50;
/// The English placeholder of every drafted name: the drafter reads Chinese only.
const EN: &str = "(draft, to translate)";
/// The reading of every drafted entry.
fn reading(confidence: u8) -> String {
    format!("Drafted from the text by zhengce::draft (confidence {confidence}/100); review before use.")
}

pub(super) fn build(text: &str, meta: &DraftMeta, options: &DraftOptions) -> Draft {
    let f = Folded::new(text);
    let nodes = clauses::parse(&f);
    let anchor = Anchor { issued: meta.issued, period: meta.period };
    let doc = meta.id.as_str();
    let clause_id = |k: Option<usize>| match k {
        Some(k) => format!("{doc}/{}", nodes[k].local),
        None => format!("{doc}/{}", nodes.first().map_or("para1", |n| n.local.as_str())),
    };

    // Read sentence by sentence, keeping to the item budget.
    let mut readings: Vec<Reading> = Vec::new();
    let mut sentences: Vec<(usize, usize, usize)> = Vec::new();
    let mut truncated = false;
    let mut s = 0;
    let n = f.len();
    let mut next_clause = 0;
    while s < n {
        // A clause's number is not part of its first sentence.
        while next_clause < nodes.len() && nodes[next_clause].start <= s {
            s = s.max(nodes[next_clause].body);
            next_clause += 1;
        }
        if s >= n {
            break;
        }
        // A sentence ends at a stop, at the next clause, or after MAX_SENTENCE characters,
        // which bounds the work of every reader on a text without punctuation.
        let limit = nodes.get(next_clause).map_or(n, |c| c.start.max(s + 1));
        let mut e = s;
        while e < limit && e - s < MAX_SENTENCE && !text::is_stop(f.get(e)) {
            e += 1;
        }
        let from = readings.len();
        targets::read_sentence(&f, s, e, &anchor, &mut readings);
        sentences.push((s, e, from));
        if readings.len() > options.max_items {
            readings.truncate(options.max_items);
            truncated = true;
            break;
        }
        s = if e < limit { e + 1 } else { e };
    }

    let mut draft = Draft {
        layer: CatalogueData::default(),
        clauses: Vec::new(),
        items: Vec::new(),
        stats: DraftStats {
            chars: n,
            clauses: nodes.len(),
            targets: 0,
            observations: 0,
            time_limits: 0,
            fees: 0,
            units: 0,
            truncated,
        },
    };

    // Responsible units, per clause, for the targets of the same clause.
    let mut unit_ids: HashMap<String, String> = HashMap::new();
    let mut units_of_clause: HashMap<usize, Vec<String>> = HashMap::new();
    let mentions = units::mentions(&f, 0, n, options.max_items.saturating_sub(readings.len()));
    let mut unit_items = Vec::new();
    for m in &mentions {
        let k = clauses::clause_at(&nodes, m.start);
        let id = match unit_ids.get(&m.name) {
            Some(id) => id.clone(),
            None => {
                let id = format!("{doc}/u/{}", unit_ids.len() + 1);
                unit_ids.insert(m.name.clone(), id.clone());
                draft.layer.units.push(Unit {
                    id: id.clone(),
                    name: Text::new(m.name.clone(), EN),
                    kind: units::kind(&m.name),
                    jurisdiction: meta.jurisdiction.clone(),
                    parent: None,
                    source: Citation {
                        document: doc.into(),
                        clause: Some(clause_id(k)),
                        quote: Some(m.name.clone()),
                    },
                    reading: Some(reading(80)),
                });
                id
            }
        };
        if let Some(k) = k {
            let list = units_of_clause.entry(k).or_default();
            if !list.contains(&id) {
                list.push(id.clone());
            }
        }
        let mut item = DraftItem::new(
            ItemKind::Unit,
            id,
            clause_id(k),
            Span { start: m.start, end: m.end },
            m.name.clone(),
            80,
        );
        item.metric = Some(if m.lead { "牵头".into() } else { "责任".into() });
        unit_items.push(item);
    }

    let mut per_clause: HashMap<(usize, &'static str), usize> = HashMap::new();
    let mut next_id = |k: Option<usize>, kind: &'static str| {
        let c = per_clause.entry((k.unwrap_or(usize::MAX), kind)).or_insert(0);
        *c += 1;
        let local = k.map_or("para1", |k| nodes[k].local.as_str());
        format!("{doc}/{kind}/{local}/{c}")
    };

    let mut items = Vec::new();
    for (si, &(s0, s1, from)) in sentences.iter().enumerate() {
        let to = sentences.get(si + 1).map_or(readings.len(), |x| x.2).min(readings.len());
        let sentence_readings = &readings[from.min(to)..to];
        let _ = (s0, s1);
        let fee_rules = fees::read(&f, sentence_readings, from);
        for r in sentence_readings {
            if r.is_baseline {
                continue;
            }
            let k = clauses::clause_at(&nodes, r.q.start);
            let node = k.map(|k| &nodes[k]);
            // A heading restates its clause; a threshold describes a class, not a goal.
            if node.is_some_and(|n| r.q.start < n.title_end && has_body(&f, n))
                || targets::is_threshold(&f, r)
            {
                continue;
            }
            let service = time_limits::service(&f, r);
            let quote = f.slice(r.segment.0, r.segment.1).trim().to_owned();
            let span = Span { start: r.q.start, end: r.q.end };
            let unit = targets::refine_unit(r);
            if observations::is_past(&f, r, node) {
                let date = observations::date(&f, r, &nodes, k, &anchor);
                let id = next_id(k, "o");
                let confidence = if date.is_some() { 70 } else { 50 };
                let mut item = DraftItem::new(
                    ItemKind::Observation,
                    id.clone(),
                    clause_id(k),
                    span,
                    f.slice(r.q.start, r.q.end),
                    confidence,
                );
                item.metric = Some(r.metric.clone());
                item.value = Some(r.q.value);
                item.upper = r.q.upper;
                item.unit = Some(unit.clone());
                item.date = date;
                if let Some(date) = date {
                    let before = f.folded_slice(r.segment.0, r.q.start);
                    let qualifier = if before.contains("预计") {
                        Qualifier::Estimated
                    } else if r.q.approximate {
                        Qualifier::About
                    } else {
                        match r.q.bound {
                            Some(Comparator::MoreThan) => Qualifier::MoreThan,
                            Some(Comparator::AtLeast) => Qualifier::AtLeast,
                            _ => Qualifier::Exact,
                        }
                    };
                    draft.layer.observations.push(Observation {
                        id,
                        metric: Text::new(r.metric.clone(), EN),
                        target: None,
                        value: r.q.value,
                        qualifier,
                        unit,
                        as_of: date,
                        published: None,
                        scope: meta.jurisdiction.clone(),
                        source: Citation {
                            document: doc.into(),
                            clause: Some(clause_id(k)),
                            quote: Some(quote),
                        },
                        reading: Some(reading(confidence)),
                    });
                    draft.stats.observations += 1;
                }
                items.push(item);
                continue;
            }
            let confidence = target_confidence(&f, r);
            // A duration a service must finish within is a maximum.
            let comparator = if service.is_some() && r.comparator == Comparator::Equal {
                Comparator::AtMost
            } else {
                r.comparator
            };
            if confidence < MIN_CONFIDENCE {
                continue;
            }
            let when = targets::when_of(r, &anchor);
            let (deadline, period) = match when {
                Some(When::Deadline(d)) => (Some(d), None),
                Some(When::Period(p)) => (None, Some(p)),
                None => (None, None),
            };
            let id = next_id(k, "t");
            let segment = f.folded_slice(r.segment.0, r.segment.1);
            let sentence = f.folded_slice(r.sentence.0, r.q.start);
            // 每半年…进行1次: a duty recurring in every slot.
            let every = match r.verb {
                Some("年终" | "年审" | "定期") => Some(Every::Year),
                _ if r.q.unit == "count" => recurrence(&f.folded_slice(r.sentence.0, r.q.end)),
                _ => None,
            };
            // A recurring duty needs the period it recurs over; without one it stays a level.
            let every = every.filter(|_| period.is_some());
            // A range brought under a bound is that bound, the range kept as stated.
            let (value, upper, stated_range) = match (r.comparator, r.q.upper) {
                (Comparator::AtMost, Some(u)) => (u, None, Some(StatedRange { lower: r.q.value, upper: u })),
                (Comparator::AtLeast, Some(u)) => {
                    (r.q.value, None, Some(StatedRange { lower: r.q.value, upper: u }))
                }
                _ => (r.q.value, r.q.upper, None),
            };
            let target = Target {
                id: id.clone(),
                metric: Text::new(r.metric.clone(), EN),
                unit: unit.clone(),
                comparator,
                value: Some(value),
                upper,
                baseline: r.baseline.map(|value| Baseline { value, date: None }),
                deadline,
                period,
                kind: if every.is_some() { TargetKind::Recurring } else { TargetKind::Level },
                every,
                stated_range,
                // 定期 names no frequency: the year is our reading.
                assumption: r.verb == Some("定期"),
                aggregation: if segment.contains("年均") { Aggregation::Mean } else { Aggregation::Latest },
                nature: if sentence.contains("约束性") {
                    Nature::Binding
                } else if sentence.contains("预期性") {
                    Nature::Expected
                } else {
                    Nature::Unstated
                },
                strength: strength(&sentence),
                scope: meta.jurisdiction.clone(),
                measure: None,
                programme: None,
                community_type: None,
                units: k.and_then(|k| units_of_clause.get(&k)).cloned().unwrap_or_default(),
                source: Citation {
                    document: doc.into(),
                    clause: Some(clause_id(k)),
                    quote: Some(quote.clone()),
                },
                reading: Some(reading(confidence)),
            };
            let mut item = DraftItem::new(
                ItemKind::Target,
                id,
                clause_id(k),
                span,
                f.slice(r.q.start, r.q.end),
                confidence,
            );
            item.metric = Some(r.metric.clone());
            item.value = Some(r.q.value);
            item.upper = r.q.upper;
            item.unit = Some(unit.clone());
            item.comparator = Some(comparator);
            item.value = Some(value);
            item.upper = upper;
            item.baseline = r.baseline;
            item.deadline = deadline;
            item.period = period;
            draft.layer.targets.push(target);
            draft.stats.targets += 1;
            items.push(item);

            if let Some(service) = service {
                let id = next_id(k, "time-limit");
                let mut item = DraftItem::new(
                    ItemKind::TimeLimit,
                    id.clone(),
                    clause_id(k),
                    span,
                    f.slice(r.q.start, r.q.end),
                    confidence,
                );
                item.value = Some(r.q.value);
                item.unit = Some(unit.clone());
                item.comparator = Some(Comparator::AtMost);
                item.service = Some(service.clone());
                item.deadline = deadline;
                if let Some(issued) = meta.issued {
                    draft.layer.parameters.push(Parameter {
                        id,
                        name: Text::new(service, EN),
                        unit: unit.clone(),
                        description: Some("Drafted time limit: the most time the service may take.".into()),
                        values: vec![ParameterValue {
                            jurisdiction: meta.jurisdiction.clone(),
                            effective_from: issued,
                            until: None,
                            value: r.q.value,
                            source: Citation {
                                document: doc.into(),
                                clause: Some(clause_id(k)),
                                quote: Some(quote),
                            },
                            assumption: false,
                            reading: Some(format!("{} In force from the issue date.", reading(confidence))),
                        }],
                    });
                }
                draft.stats.time_limits += 1;
                items.push(item);
            }
        }
        for fee in fee_rules {
            let r = &readings[fee.rate];
            let k = clauses::clause_at(&nodes, r.q.start);
            let id = next_id(k, "fee");
            let span = Span { start: fee.span.0, end: fee.span.1 };
            let mut item = DraftItem::new(
                ItemKind::Fee,
                id.clone(),
                clause_id(k),
                span,
                f.slice(span.start, span.end),
                70,
            );
            item.metric = Some(r.metric.clone());
            item.value = Some(r.q.value);
            item.unit = Some("%".into());
            item.comparator = Some(r.comparator);
            item.baseline = r.baseline;
            item.cap = fee.cap.clone();
            item.floor = fee.floor.clone();
            item.exceptions = fee.exceptions.clone();
            if let Some(issued) = meta.issued {
                let quote = f.slice(r.segment.0, r.segment.1).trim().to_owned();
                let value = |value, unit: &str, part: &str| Parameter {
                    id: format!("{id}/{part}"),
                    name: Text::new(format!("{} ({part})", r.metric), EN),
                    unit: unit.to_owned(),
                    description: Some(format!("Drafted fee rule: the {part}.")),
                    values: vec![ParameterValue {
                        jurisdiction: meta.jurisdiction.clone(),
                        effective_from: issued,
                        until: None,
                        value,
                        source: Citation {
                            document: doc.into(),
                            clause: Some(clause_id(k)),
                            quote: Some(quote.clone()),
                        },
                        assumption: false,
                        reading: Some(format!(
                            "{} Exceptions: {}.",
                            reading(70),
                            if fee.exceptions.is_empty() {
                                "none read".into()
                            } else {
                                fee.exceptions.join("; ")
                            }
                        )),
                    }],
                };
                draft.layer.parameters.push(value(r.q.value, "%", "rate"));
                if let Some(cap) = &fee.cap {
                    draft.layer.parameters.push(value(cap.value, &cap.unit, "cap"));
                }
                if let Some(floor) = &fee.floor {
                    draft.layer.parameters.push(value(floor.value, &floor.unit, "floor"));
                }
            }
            draft.stats.fees += 1;
            items.push(item);
        }
    }
    draft.stats.units = unit_items.len();
    items.extend(unit_items);
    items.sort_by_key(|i| (i.span.start, i.kind as u8));
    draft.items = items;

    draft.clauses = nodes
        .iter()
        .map(|n| DraftClause {
            id: format!("{doc}/{}", n.local),
            parent: n.parent.map(|p| format!("{doc}/{}", nodes[p].local)),
            label: n.label.clone(),
            title: n.title.clone(),
            span: Span { start: n.start, end: n.end },
            own: Span { start: n.start, end: n.own_end },
        })
        .collect();
    draft.layer.format = Some(crate::catalogue::FORMAT.into());
    draft.layer.documents.push(document(&f, meta, &nodes));
    draft
}

/// True if a clause has sentences after its heading (so the heading only names them); a
/// clause of one sentence is its own statement.
fn has_body(f: &Folded, n: &Node) -> bool {
    let body_start = (n.title_end + 1).min(n.end);
    (body_start..n.end.min(body_start + 400)).any(|k| f.get(k) == '。')
}

fn recurrence(words: &str) -> Option<Every> {
    if !words.ends_with('次') {
        return None;
    }
    [("每半年", Every::HalfYear), ("每季度", Every::Quarter), ("每月", Every::Month), ("每年", Every::Year)]
        .into_iter()
        .find(|(w, _)| words.contains(w))
        .map(|(_, e)| e)
}

fn strength(sentence: &str) -> Option<Strength> {
    [
        ("确保", Strength::Ensure),
        ("力争", Strength::Strive),
        ("控制在", Strength::KeepWithin),
        ("基本", Strength::Basically),
        ("逐步", Strength::Gradually),
    ]
    .into_iter()
    .find(|(w, _)| sentence.contains(w))
    .map(|(_, s)| s)
}

/// How sure a target is: explicit comparators, time phrases and verbs of planning raise it;
/// Chinese numerals and thin metrics lower it.
fn target_confidence(f: &Folded, r: &Reading) -> u8 {
    let mut c: i32 = 50;
    if r.explicit {
        c += 15;
    }
    if r.when.is_some() {
        c += 15;
    }
    let segment = f.folded_slice(r.segment.0, r.segment.1);
    if ["力争", "确保", "实现", "达到", "新增", "新建", "建成", "完成", "不少于", "提高", "压缩", "控制"]
        .iter()
        .any(|w| segment.contains(w))
    {
        c += 10;
    }
    if r.q.chinese {
        c -= 10;
    }
    if r.metric.chars().count() < 2 {
        c -= 20;
    }
    c.clamp(0, 100) as u8
}

fn document(f: &Folded, meta: &DraftMeta, nodes: &[Node]) -> Document {
    let title = meta.title.clone().unwrap_or_else(|| {
        let first = f.slice(0, 2_000);
        let line = first.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        let line: String = line.chars().take(80).collect();
        line.trim_end_matches(['|', ' ']).trim().to_owned()
    });
    let title = if title.trim().is_empty() { "(untitled)".to_owned() } else { title };
    let kind = if title.contains("规划") || title.contains("纲要") {
        DocumentKind::DevelopmentPlan
    } else if title.contains("实施方案") || title.contains("方案") {
        DocumentKind::ImplementationPlan
    } else if title.contains("行动") || title.contains("计划") {
        DocumentKind::ActionPlan
    } else if title.contains("条例") || title.contains("办法") || title.contains("规定") {
        DocumentKind::Rule
    } else if title.contains("报告") {
        DocumentKind::Report
    } else {
        DocumentKind::Notice
    };
    Document {
        id: meta.id.clone(),
        title: Text::new(title, EN),
        kind,
        jurisdiction: meta.jurisdiction.clone(),
        issuer: Text::new("(未识别)", "(draft: issuer not identified)"),
        number: None,
        issued: meta.issued,
        published: None,
        period: meta.period,
        implements: None,
        source_file: None,
        url: None,
        reading: Some(
            "Drafted from the text by zhengce::draft: clause tree, targets, observations, units and \
             parameters read by grammar; titles and names untranslated; review every entry."
                .into(),
        ),
        clauses: tree(f, meta, nodes),
    }
}

/// The nested clause tree; each clause holds its own text, so the texts in document order
/// are the whole input.
fn tree(f: &Folded, meta: &DraftMeta, nodes: &[Node]) -> Vec<Clause> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut roots = Vec::new();
    for (k, n) in nodes.iter().enumerate() {
        match n.parent {
            Some(p) => children[p].push(k),
            None => roots.push(k),
        }
    }
    // Built bottom-up (children come after their parent in document order), so deep trees
    // need no recursion.
    let mut built: Vec<Option<Clause>> = vec![None; nodes.len()];
    for k in (0..nodes.len()).rev() {
        let n = &nodes[k];
        let kids = children[k].iter().filter_map(|&c| built[c].take()).collect();
        built[k] = Some(Clause {
            id: format!("{}/{}", meta.id, n.local),
            label: n.label.clone(),
            title: n.title.clone().map(|t| Text::new(t, EN)),
            text: Some(f.slice(n.start, n.own_end)),
            summary: "(draft: not yet summarised)".into(),
            reading: None,
            children: kids,
        });
    }
    roots.into_iter().filter_map(|k| built[k].take()).collect()
}
