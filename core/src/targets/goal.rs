//! What a target asks for once its baseline is known: the value to reach (stated, or derived
//! from the baseline for `reduce_by` and `increase_by`), the direction of travel, and whether
//! an observed value (with its qualifier) satisfies the comparator.
//!
//! Boundary words follow 民法典 art 1259: 以上, 以下, 以内 include the number (`at_least`,
//! `at_most`); 超过, 不满 exclude it (`more_than`, `less_than`).

use rust_decimal::Decimal;

use crate::catalogue::{Comparator, Qualifier, Target};

/// The direction in which the metric has to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Up,
    Down,
    /// Equality or a range entered from within: no direction of travel.
    None,
}

impl Direction {
    pub(crate) fn sign(self) -> Decimal {
        match self {
            Direction::Up => Decimal::ONE,
            Direction::Down => Decimal::NEGATIVE_ONE,
            Direction::None => Decimal::ZERO,
        }
    }
}

/// How a satisfied value relates to the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Test {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Equal,
    Range,
}

/// A target's requirement with its baseline resolved.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Goal {
    test: Test,
    /// The bound the test compares with (for a range, the lower end).
    pub bound: Decimal,
    /// The upper end of a range.
    pub upper: Option<Decimal>,
    /// The value the path leads to: the bound, or for a range the end nearest the baseline.
    pub aim: Option<Decimal>,
    pub direction: Direction,
    /// True if the bound was derived from the baseline (reduce by, increase by, maintain, ...).
    pub derived: bool,
}

/// Why a goal cannot be formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unresolved {
    /// The comparator is relative to a baseline and there is none.
    NeedsBaseline,
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// The goal of `target` given its baseline `base`, if any.
pub(crate) fn goal(target: &Target, base: Option<Decimal>) -> Result<Goal, Unresolved> {
    let value = target.value.unwrap_or_default();
    let simple = |test, direction| Goal {
        test,
        bound: value,
        upper: None,
        aim: Some(value),
        direction,
        derived: false,
    };
    let relative = |test, bound: Decimal, direction| Goal {
        test,
        bound,
        upper: None,
        aim: Some(bound),
        direction,
        derived: true,
    };
    let toward = |s: Decimal| match value.cmp(&s) {
        std::cmp::Ordering::Greater => Direction::Up,
        std::cmp::Ordering::Less => Direction::Down,
        std::cmp::Ordering::Equal => Direction::None,
    };
    let needs = base.ok_or(Unresolved::NeedsBaseline);
    Ok(match target.comparator {
        Comparator::AtLeast => simple(Test::AtLeast, Direction::Up),
        Comparator::MoreThan => simple(Test::MoreThan, Direction::Up),
        Comparator::AtMost => simple(Test::AtMost, Direction::Down),
        Comparator::LessThan => simple(Test::LessThan, Direction::Down),
        Comparator::Equal => simple(Test::Equal, base.map_or(Direction::None, toward)),
        Comparator::Reach => match base.map(toward) {
            Some(Direction::Up) => simple(Test::AtLeast, Direction::Up),
            Some(Direction::Down) => simple(Test::AtMost, Direction::Down),
            _ => simple(Test::Equal, Direction::None),
        },
        Comparator::Range => {
            let upper = target.upper.unwrap_or(value);
            let (aim, direction) = match base {
                Some(s) if s < value => (Some(value), Direction::Up),
                Some(s) if s > upper => (Some(upper), Direction::Down),
                _ => (None, Direction::None),
            };
            Goal { test: Test::Range, bound: value, upper: Some(upper), aim, direction, derived: false }
        }
        Comparator::ReduceBy => {
            relative(Test::AtMost, needs? * (hundred() - value) / hundred(), Direction::Down)
        }
        Comparator::IncreaseBy => {
            relative(Test::AtLeast, needs? * (hundred() + value) / hundred(), Direction::Up)
        }
        Comparator::Increase => relative(Test::MoreThan, needs?, Direction::Up),
        Comparator::Decrease => relative(Test::LessThan, needs?, Direction::Down),
        Comparator::Maintain => relative(Test::AtLeast, needs?, Direction::Up),
        Comparator::Achieve => Goal {
            test: Test::AtLeast,
            bound: Decimal::ONE,
            upper: None,
            aim: Some(Decimal::ONE),
            direction: Direction::Up,
            derived: false,
        },
    })
}

impl Goal {
    /// True if every value the observation allows (the figure as stated, or above it for a
    /// "more than" / "at least" figure) satisfies the goal.
    ///
    /// A figure reported as "more than 16" (超过16, qualifier `more_than`) satisfies "more
    /// than 16" and "at least 16", but no upper bound. "About" and "estimated" figures are
    /// taken at face value; the assessment shows their qualifier.
    pub(crate) fn is_met(&self, value: Decimal, qualifier: Qualifier) -> bool {
        let (open_above, strict) = match qualifier {
            Qualifier::Exact | Qualifier::About | Qualifier::Estimated => (false, false),
            Qualifier::AtLeast => (true, false),
            Qualifier::MoreThan => (true, true),
        };
        match self.test {
            Test::AtLeast => value >= self.bound,
            Test::MoreThan => value > self.bound || (strict && value == self.bound),
            Test::AtMost => !open_above && value <= self.bound,
            Test::LessThan => !open_above && value < self.bound,
            Test::Equal => !open_above && value == self.bound,
            Test::Range => !open_above && self.bound <= value && Some(value) <= self.upper,
        }
    }

    /// The distance still to go from `value`, in the target's unit: positive while short of
    /// the target, zero on it, negative beyond it; for a range, the distance to the nearer end
    /// (zero inside); for equality without a direction, the absolute difference.
    pub(crate) fn gap(&self, value: Decimal) -> Decimal {
        match (self.test, self.direction) {
            (Test::Range, _) => {
                let upper = self.upper.unwrap_or(self.bound);
                if value < self.bound {
                    self.bound - value
                } else if value > upper {
                    value - upper
                } else {
                    Decimal::ZERO
                }
            }
            (_, Direction::Up) => self.bound - value,
            (_, Direction::Down) => value - self.bound,
            (_, Direction::None) => (self.bound - value).abs(),
        }
    }

    /// True if `base` lies on the unmet side of the aim, so there is a way to travel.
    pub(crate) fn has_way(&self, base: Decimal) -> bool {
        match (self.direction, self.aim) {
            (Direction::Up, Some(aim)) => base < aim,
            (Direction::Down, Some(aim)) => base > aim,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Citation, Nature, Text};

    fn target(comparator: Comparator, value: Option<&str>, upper: Option<&str>) -> Target {
        Target {
            id: "t".into(),
            metric: Text::new("指标", "Metric"),
            unit: "count".into(),
            comparator,
            value: value.map(|v| v.parse().unwrap()),
            upper: upper.map(|v| v.parse().unwrap()),
            baseline: None,
            deadline: None,
            period: None,
            kind: Default::default(),
            every: None,
            stated_range: None,
            assumption: false,
            aggregation: Default::default(),
            nature: Nature::Unstated,
            strength: None,
            scope: "cn".into(),
            measure: None,
            programme: None,
            community_type: None,
            units: vec![],
            source: Citation { document: "d".into(), clause: None, quote: None },
            reading: None,
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn boundary_words_include_or_exclude_the_number() {
        let exact = Qualifier::Exact;
        let at_least = goal(&target(Comparator::AtLeast, Some("85"), None), None).unwrap();
        assert!(at_least.is_met(d("85"), exact) && !at_least.is_met(d("84.99"), exact));
        let more_than = goal(&target(Comparator::MoreThan, Some("16"), None), None).unwrap();
        assert!(!more_than.is_met(d("16"), exact) && more_than.is_met(d("17"), exact));
        assert!(
            more_than.is_met(d("16"), Qualifier::MoreThan),
            "超过16 reported as 16 more_than meets 超过16"
        );
        assert!(!more_than.is_met(d("16"), Qualifier::AtLeast));
        let at_most = goal(&target(Comparator::AtMost, Some("4"), None), None).unwrap();
        assert!(at_most.is_met(d("4"), exact) && !at_most.is_met(d("4.01"), exact));
        assert!(!at_most.is_met(d("3"), Qualifier::MoreThan), "an open-ended figure never meets a ceiling");
        let less_than = goal(&target(Comparator::LessThan, Some("1"), None), None).unwrap();
        assert!(!less_than.is_met(d("1"), exact) && less_than.is_met(d("0.99"), exact));
        let range = goal(&target(Comparator::Range, Some("30"), Some("60")), None).unwrap();
        assert!(
            range.is_met(d("30"), exact) && range.is_met(d("60"), exact) && !range.is_met(d("61"), exact)
        );
    }

    #[test]
    fn relative_targets_derive_their_bound_from_the_baseline() {
        let reduce = goal(&target(Comparator::ReduceBy, Some("70"), None), Some(d("20"))).unwrap();
        assert_eq!(reduce.bound, d("6"));
        assert!(
            reduce.derived
                && reduce.is_met(d("6"), Qualifier::Exact)
                && !reduce.is_met(d("6.5"), Qualifier::Exact)
        );
        let increase = goal(&target(Comparator::IncreaseBy, Some("20"), None), Some(d("1000"))).unwrap();
        assert_eq!(increase.bound, d("1200"));
        assert_eq!(
            goal(&target(Comparator::ReduceBy, Some("70"), None), None).unwrap_err(),
            Unresolved::NeedsBaseline
        );
    }

    #[test]
    fn reach_and_range_take_their_direction_from_the_baseline() {
        let down = goal(&target(Comparator::Reach, Some("20"), None), Some(d("45"))).unwrap();
        assert_eq!(down.direction, Direction::Down);
        assert!(down.is_met(d("19"), Qualifier::Exact));
        let range = goal(&target(Comparator::Range, Some("30"), Some("60")), Some(d("90"))).unwrap();
        assert_eq!((range.direction, range.aim), (Direction::Down, Some(d("60"))));
        assert_eq!(range.gap(d("75")), d("15"));
    }
}
