//! Responsible units: the bodies a clause names as leading or responsible
//! (责任部门:区人社局、区财政局; 牵头单位:…; 由区发展和改革委员会牵头).

use super::text::Folded;
use crate::UnitKind;

/// A unit named in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// The name, verbatim.
    pub name: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// True if the unit leads (牵头).
    pub lead: bool,
}

const LIST_HEADS: &[(&str, bool)] = &[
    ("责任部门和单位", false),
    ("责任单位和部门", false),
    ("牵头单位", true),
    ("牵头部门", true),
    ("责任部门", false),
    ("责任单位", false),
    ("主责单位", false),
    ("配合单位", false),
    ("配合部门", false),
    ("参与单位", false),
];

/// The units named in `start..end`, bounded by `limit` mentions.
pub(crate) fn mentions(f: &Folded, start: usize, end: usize, limit: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end && out.len() < limit {
        if let Some((head, lead)) = LIST_HEADS.iter().find(|(w, _)| f.at(i, w)) {
            let mut j = i + head.chars().count();
            if matches!(f.get(j), ':' | ' ') {
                j += 1;
                list(f, j, end, *lead, &mut out);
                i = j;
                continue;
            }
        }
        if f.at(i, "牵头") && i > start {
            // 由X牵头: X is the lead.
            let mut s = i;
            while s > start
                && i - s < 16
                && f.get(s - 1) != '由'
                && !super::text::is_segment_break(f.get(s - 1))
            {
                s -= 1;
            }
            if s > start && f.get(s - 1) == '由' && s < i {
                out.push(Mention { name: f.slice(s, i), start: s, end: i, lead: true });
            }
        }
        i += 1;
    }
    out
}

fn list(f: &Folded, from: usize, end: usize, lead: bool, out: &mut Vec<Mention>) {
    let mut s = from;
    let mut k = from;
    while k <= end {
        let c = f.get(k);
        let stop = k == end || matches!(c, ')' | '。' | '\n' | ';' | '】');
        if stop || matches!(c, '、' | ',') {
            // The name without the spaces around it, and its span to match.
            let (mut a, mut b) = (s, k);
            while a < b && f.get(a).is_whitespace() {
                a += 1;
            }
            while b > a && f.get(b - 1).is_whitespace() {
                b -= 1;
            }
            let name = f.slice(a, b);
            if !name.is_empty() && name.chars().count() <= 30 {
                // 各街道、镇: a one-character tail belongs to the label before it.
                match out.last_mut() {
                    Some(prev) if name.chars().count() == 1 && prev.end + 1 == a => {
                        prev.name = f.slice(prev.start, b);
                        prev.end = b;
                    }
                    _ => out.push(Mention { name, start: a, end: b, lead }),
                }
            }
            s = k + 1;
            if stop {
                return;
            }
        }
        k += 1;
    }
}

/// The kind of a unit, from how its name ends.
pub(crate) fn kind(name: &str) -> UnitKind {
    let has = |ws: &[&str]| ws.iter().any(|w| name.contains(w));
    if name.starts_with('各') || name.contains("成员单位") {
        UnitKind::Collective
    } else if has(&["领导小组", "联席会议", "指挥部"]) {
        UnitKind::LeadingGroup
    } else if has(&["工商联", "团区委", "团市委", "妇联", "残联", "总工会", "科协", "红十字会"])
    {
        UnitKind::PeopleOrganisation
    } else if has(&["宣传部", "组织部", "统战部", "政法委", "党委", "区委", "市委", "县委"])
        && !name.ends_with("办")
    {
        UnitKind::PartyCommittee
    } else if has(&["法院", "检察院", "纪委", "监委", "公安"]) {
        UnitKind::Judicial
    } else if has(&["人大"]) {
        UnitKind::Legislature
    } else if has(&["街道", "乡镇", "镇政府", "乡政府"]) || name.ends_with('镇') || name.ends_with('乡')
    {
        UnitKind::SubDistrict
    } else if name.ends_with("社区") || name.ends_with("居委会") || name.ends_with("村委会") {
        UnitKind::Community
    } else if has(&["人民政府", "区政府", "市政府", "县政府", "管委会"]) {
        UnitKind::Government
    } else if has(&["局", "委", "办", "厅", "署", "中心", "处"]) {
        UnitKind::Department
    } else {
        UnitKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lists_and_collective_labels() {
        let f = Folded::new("(责任部门:区人社局、区财政局、各街道、镇)");
        let names: Vec<_> = mentions(&f, 0, f.len(), 10).into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["区人社局", "区财政局", "各街道、镇"]);
        assert_eq!(kind("各街道、镇"), UnitKind::Collective);
        assert_eq!(kind("区人社局"), UnitKind::Department);
        assert_eq!(kind("团区委"), UnitKind::PeopleOrganisation);
    }

    #[test]
    fn reads_a_lead_unit() {
        let f = Folded::new("由区发展和改革委员会牵头,会同有关部门");
        let m = mentions(&f, 0, f.len(), 10);
        assert_eq!((m[0].name.as_str(), m[0].lead), ("区发展和改革委员会", true));
    }
}
