//! The clause tree: numbered headings as Chinese policy documents write them, nested by rank.
//!
//! Ranks, highest first: 第X章 (chapter), 第X节 (section), 第X条 (article), 一、 (group),
//! (一) (part), 1. or 1、 (item), (1) (sub-item), ① (point). A marker counts only at the start
//! of a line or after a sentence stop or a space, and only if it continues its rank's
//! numbering (1, or the previous number plus one), so `2022.` or `第33条` quoted inside a
//! sentence does not open a clause. Spans cover the input exactly: the clauses of the top
//! level, in order, are the whole text, and a clause's own text runs from its marker to its
//! first sub-clause.

use super::numerals;
use super::text::Folded;

/// A clause found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Local id within the document (`ch11/s4`, `g2/28`, `preamble`).
    pub local: String,
    /// The number as written (`第十一章`, `28.`, `(一)`).
    pub label: Option<String>,
    /// The heading, when the clause has a short one.
    pub title: Option<String>,
    /// Where the text after the number starts (the start, for clauses without a number).
    pub body: usize,
    /// One past the heading's last character (the marker's start when there is none).
    pub title_end: usize,
    /// Rank (0 for the preamble and paragraphs).
    pub rank: u8,
    /// First character.
    pub start: usize,
    /// One past the last character of the whole clause, sub-clauses included.
    pub end: usize,
    /// One past the last character of the clause's own text (its first sub-clause's start).
    pub own_end: usize,
    /// Index of the parent in the list.
    pub parent: Option<usize>,
    /// Heading and own text are in the past (a review of achievements).
    pub past: bool,
}

struct Marker {
    rank: u8,
    key: &'static str,
    number: u32,
    start: usize,
    body: usize,
}

/// The deepest nesting followed; deeper markers are read as text of their parent.
const MAX_DEPTH: usize = 12;

/// Finds the clause tree of the text.
pub(crate) fn parse(f: &Folded) -> Vec<Node> {
    let n = f.len();
    let mut markers: Vec<Marker> = Vec::new();
    let mut last = [0u32; 9];
    let mut i = 0;
    while i < n {
        if at_boundary(f, i)
            && let Some(m) = marker_at(f, i)
        {
            let r = m.rank as usize;
            // A list may be quoted from its middle (a pasted item 68.): the first marker of a
            // rank at the start of a line opens it whatever its number.
            let line_start = i == 0 || f.get(i - 1) == '\n';
            if m.number == 1 || m.number == last[r] + 1 || (last[r] == 0 && line_start) {
                // Numbering may run on across higher headings (items 1-87 across four
                // groups), so a lower rank's count is not reset; 1 always restarts it.
                last[r] = m.number;
                i = m.body;
                markers.push(m);
                continue;
            }
        }
        i += 1;
    }
    let mut nodes: Vec<Node> = Vec::new();
    if markers.is_empty() {
        paragraphs(f, &mut nodes);
        return nodes;
    }
    let first = markers[0].start;
    let preamble_blank = (0..first).all(|k| f.get(k).is_whitespace());
    if first > 0 && !preamble_blank {
        nodes.push(leaf("preamble".into(), 0, first));
    }
    let mut stack: Vec<usize> = Vec::new();
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (k, m) in markers.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if nodes[top].rank >= m.rank || stack.len() >= MAX_DEPTH {
                let node = &mut nodes[top];
                node.end = m.start;
                if node.own_end > m.start {
                    node.own_end = m.start;
                }
                stack.pop();
            } else {
                break;
            }
        }
        let parent = stack.last().copied();
        let start = if k == 0 && preamble_blank { 0 } else { m.start };
        if let Some(p) = parent
            && nodes[p].own_end > start
        {
            nodes[p].own_end = start;
        }
        let own = if m.key.is_empty() { m.number.to_string() } else { format!("{}{}", m.key, m.number) };
        let mut local = match parent {
            Some(p) => format!("{}/{own}", nodes[p].local),
            None => own,
        };
        let count = seen.entry(local.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            local = format!("{local}-{count}");
        }
        let label = f.slice(m.start, m.body).trim().to_owned();
        nodes.push(Node {
            local,
            label: Some(label),
            title: None,
            body: m.body,
            title_end: start,
            rank: m.rank,
            start,
            end: n,
            own_end: n,
            parent,
            past: false,
        });
        stack.push(nodes.len() - 1);
    }
    for k in 0..nodes.len() {
        if nodes[k].rank == 0 {
            continue;
        }
        let m = &markers[k - usize::from(nodes[0].rank == 0)];
        if let Some((title, end)) = heading(f, m.body, nodes[k].own_end) {
            nodes[k].title = Some(title);
            nodes[k].title_end = end;
        }
        let past_here = nodes[k].title.as_deref().is_some_and(is_review_heading)
            || is_review_text(&f.folded_slice(m.body, nodes[k].own_end.min(m.body + 120)));
        nodes[k].past = past_here || nodes[k].parent.is_some_and(|p| nodes[p].past);
    }
    nodes
}

fn leaf(local: String, start: usize, end: usize) -> Node {
    Node {
        local,
        label: None,
        title: None,
        body: start,
        title_end: start,
        rank: 0,
        start,
        end,
        own_end: end,
        parent: None,
        past: false,
    }
}

/// A text without numbered headings: one clause per paragraph (line).
fn paragraphs(f: &Folded, nodes: &mut Vec<Node>) {
    let n = f.len();
    let mut start = 0;
    let mut k = 0;
    while k < n {
        // A paragraph ends after its line break and any blank lines that follow.
        if f.get(k) == '\n' {
            let mut e = k + 1;
            while e < n && f.get(e).is_whitespace() {
                e += 1;
            }
            if e < n && (start..k).any(|j| !f.get(j).is_whitespace()) {
                nodes.push(leaf(format!("para{}", nodes.len() + 1), start, e));
                start = e;
            }
            k = e;
        } else {
            k += 1;
        }
    }
    if start < n && (start..n).any(|j| !f.get(j).is_whitespace()) {
        nodes.push(leaf(format!("para{}", nodes.len() + 1), start, n));
    } else if let Some(last) = nodes.last_mut() {
        last.end = n;
        last.own_end = n;
    }
    for node in nodes.iter_mut() {
        let text = f.folded_slice(node.start, node.end.min(node.start + 120));
        node.past = is_review_text(&text);
    }
}

fn at_boundary(f: &Folded, i: usize) -> bool {
    i == 0 || matches!(f.get(i - 1), '\n' | '\r' | ' ' | '\t' | '。' | ';' | ':' | '!' | '?' | '|')
}

fn marker_at(f: &Folded, i: usize) -> Option<Marker> {
    let c = f.get(i);
    if c == '第' {
        let num = numerals::read(f, i + 1)?;
        let (rank, key) = match f.get(num.end) {
            '章' => (1, "ch"),
            '节' => (2, "s"),
            '条' => (3, "a"),
            _ => return None,
        };
        return Some(Marker { rank, key, number: small(num.value)?, start: i, body: num.end + 1 });
    }
    if c == '(' {
        let num = numerals::read(f, i + 1)?;
        if f.get(num.end) != ')' {
            return None;
        }
        let (rank, key) = if num.arabic { (7, "n") } else { (5, "p") };
        return Some(Marker { rank, key, number: small(num.value)?, start: i, body: num.end + 1 });
    }
    if ('\u{2460}'..='\u{2473}').contains(&c) {
        return Some(Marker { rank: 8, key: "c", number: c as u32 - 0x245F, start: i, body: i + 1 });
    }
    let num = numerals::read(f, i)?;
    let sep = f.get(num.end);
    if num.arabic {
        if !(sep == '、' || (sep == '.' && !f.get(num.end + 1).is_ascii_digit())) {
            return None;
        }
        let next = f.get(num.end + 1);
        if next.is_ascii_digit() || next == '%' || next == '\n' {
            return None;
        }
        return Some(Marker { rank: 6, key: "", number: small(num.value)?, start: i, body: num.end + 1 });
    }
    if sep == '、' {
        return Some(Marker { rank: 4, key: "g", number: small(num.value)?, start: i, body: num.end + 1 });
    }
    None
}

fn small(value: rust_decimal::Decimal) -> Option<u32> {
    if value.fract().is_zero()
        && value >= rust_decimal::Decimal::ONE
        && value <= rust_decimal::Decimal::from(999)
    {
        value.to_string().parse().ok()
    } else {
        None
    }
}

/// The heading after a marker: up to the first full stop or line break, if short.
fn heading(f: &Folded, body: usize, own_end: usize) -> Option<(String, usize)> {
    let mut e = body;
    while e < own_end && !matches!(f.get(e), '。' | '\n' | '\r' | ';' | '!' | '?') {
        e += 1;
        if e - body > 60 {
            return None;
        }
    }
    let title = f.slice(body, e);
    let title = title.trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '：');
    (!title.is_empty()).then(|| (title.to_owned(), e))
}

fn is_review_heading(title: &str) -> bool {
    ["成就", "成效", "回顾", "进展", "主要成绩", "工作总结"].iter().any(|w| title.contains(w))
}

/// True if a clause opens on a review of a past period (“十三五”时期…, 过去五年…).
pub(crate) fn is_review_text(text: &str) -> bool {
    let text: String = text.chars().filter(|c| !matches!(c, '“' | '”' | '"')).collect();
    ["十三五时期", "十三五期间", "十三五以来", "过去五年", "五年来", "过去一年", "一年来", "近年来"]
        .iter()
        .any(|w| text.contains(w))
}

/// The index of the deepest clause containing character `pos`.
pub(crate) fn clause_at(nodes: &[Node], pos: usize) -> Option<usize> {
    let k = nodes.partition_point(|n| n.start <= pos);
    let mut k = k.checked_sub(1)?;
    loop {
        if nodes[k].start <= pos && pos < nodes[k].end {
            return Some(k);
        }
        k = nodes[k].parent?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locals(text: &str) -> Vec<String> {
        parse(&Folded::new(text)).into_iter().map(|n| n.local).collect()
    }

    #[test]
    fn nests_by_rank_and_numbering() {
        let text = "前言。\n一、总体要求\n(一)目标。到2025年达到85%。\n(二)措施\n1.做好规划。2.完善政策,2022.5万\n二、保障\n";
        assert_eq!(locals(text), ["preamble", "g1", "g1/p1", "g1/p2", "g1/p2/1", "g1/p2/2", "g2"]);
    }

    #[test]
    fn inline_items_and_exact_cover() {
        let text = "方案如下。 一、环境 1.加强供给。在基础上。 2.健全机制。 二、政务 3.强化职能。";
        let f = Folded::new(text);
        let nodes = parse(&f);
        let ids: Vec<_> = nodes.iter().map(|n| n.local.as_str()).collect();
        assert_eq!(ids, ["preamble", "g1", "g1/1", "g1/2", "g2", "g2/3"]);
        assert_eq!(nodes[2].title.as_deref(), Some("加强供给"));
        let mut covered = 0;
        let mut own = String::new();
        for n in &nodes {
            assert_eq!(n.start, covered.max(n.start));
            own += &f.slice(n.start, n.own_end);
            covered = n.own_end;
        }
        assert_eq!(own, text);
    }

    #[test]
    fn chapters_sections_and_articles() {
        assert_eq!(
            locals("第一章 总则\n第一条 目的。\n第二条 范围。\n第二章 分则\n第三条 x"),
            ["ch1", "ch1/a1", "ch1/a2", "ch2", "ch2/a3"]
        );
    }

    #[test]
    fn paragraphs_without_numbers() {
        assert_eq!(locals("第一段。\n\n第二段。\n"), ["para1", "para2"]);
        assert!(locals("  ").is_empty());
    }
}
