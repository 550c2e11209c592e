//! Time limits: service promises (企业开办时限压缩至2个工作日内办结; 24小时内完成税款开票;
//! 10个工作日未提出异议的) and the service they bind.

use super::targets::Reading;
use super::text::Folded;
use crate::Comparator;

/// Verbs that complete a service, read after the duration.
const COMPLETE: &[&str] = &[
    "办结", "办理", "办完", "完成", "作出", "做出", "上传", "响应", "答复", "回复", "反馈", "受理", "审核",
    "审批", "出具", "发放", "核发", "清零", "提出", "处理", "到位", "解决", "兑现", "拨付", "支付", "告知",
    "公示",
];
/// Words of a duration's metric: the duration of a service.
const DURATION_WORDS: &[&str] = &["时限", "时间", "用时", "期限", "周期"];

/// The service a reading promises a time limit for, if it is a time limit.
pub(crate) fn service(f: &Folded, r: &Reading) -> Option<String> {
    if !matches!(r.q.unit, "working_days" | "calendar_days" | "hours" | "months") || r.q.upper.is_some() {
        return None;
    }
    let segment = f.folded_slice(r.segment.0, r.segment.1);
    // 企业年平均纳税时间: a yearly total, not one service's time limit.
    if segment.contains("年均") || segment.contains("年平均") || r.is_baseline {
        return None;
    }
    let after = f.folded_slice(r.q.end, r.segment.1);
    let within = r.q.bound == Some(Comparator::AtMost);
    let completes = COMPLETE.iter().any(|w| after.contains(w));
    let shortened = r.comparator == Comparator::AtMost
        && DURATION_WORDS.iter().any(|w| r.metric_key.contains(w))
        || r.verb.is_some_and(|v| v.ends_with('至') && DURATION_WORDS.iter().any(|w| segment.contains(w)));
    if !(within || completes || shortened) {
        return None;
    }
    let mut service = f.slice(r.metric_start, r.q.start);
    for _ in 0..4 {
        let trimmed = trim_tail(&service);
        if trimmed == service {
            break;
        }
        service = trimmed;
    }
    let service = service.trim().to_owned();
    if service.chars().count() >= 2 {
        Some(service)
    } else {
        let tail = f.slice(r.q.end, r.segment.1);
        let tail = tail.trim_start_matches(['内', '以']).trim().to_owned();
        Some(if tail.is_empty() { r.metric.clone() } else { tail })
    }
}

fn trim_tail(s: &str) -> String {
    for w in [
        "分别压缩至",
        "压缩至",
        "压缩到",
        "缩短至",
        "缩短到",
        "压减至",
        "压减到",
        "缩减至",
        "降至",
        "短至",
        "控制在",
        "分别",
        "时限",
        "时间",
        "用时",
        "期限",
        "平均",
        "由",
    ] {
        if let Some(rest) = s.strip_suffix(w) {
            return rest.to_owned();
        }
    }
    // 由45日短至: the old duration goes with the verb.
    if let Some(k) = s.rfind('由') {
        return s[..k].to_owned();
    }
    s.to_owned()
}
