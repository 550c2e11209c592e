//! Operands and comparisons of tests: literal values, lists, parameter slots.

use super::{TestOp, Val};

/// What a compiled test compares with.
#[derive(Debug, Clone)]
pub(crate) enum COperand {
    Val(Val),
    List(Vec<Val>),
    Param(u16),
}

/// Compares two values of one type; `None` if the types differ (the catalogue check prevents
/// that).
#[inline]
pub(crate) fn compare(op: TestOp, a: Val, b: Val) -> Option<bool> {
    use std::cmp::Ordering::*;
    let ord = match (a, b) {
        (Val::Dec(x), Val::Dec(y)) => x.cmp(&y),
        (Val::Date(x), Val::Date(y)) => x.cmp(&y),
        (Val::Bool(x), Val::Bool(y)) => return eq_op(op, x == y),
        (Val::Choice(x), Val::Choice(y)) => return eq_op(op, x == y),
        _ => return None,
    };
    Some(match op {
        TestOp::Eq | TestOp::In => ord == Equal,
        TestOp::Ne | TestOp::NotIn => ord != Equal,
        TestOp::Lt => ord == Less,
        TestOp::Le => ord != Greater,
        TestOp::Gt => ord == Greater,
        TestOp::Ge => ord != Less,
    })
}

fn eq_op(op: TestOp, equal: bool) -> Option<bool> {
    match op {
        TestOp::Eq | TestOp::In => Some(equal),
        TestOp::Ne | TestOp::NotIn => Some(!equal),
        _ => None,
    }
}
