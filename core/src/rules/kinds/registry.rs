//! The registry of rule kinds: one line per kind, naming the variant it shares with the
//! catalogue's `RuleLogic` and the value's `RuleValue`, and the kind's compiled type.

use crate::catalogue::rule::{InputValueRef, RuleLogic, TableCheck};
use crate::error::Result;
use crate::rules::compile::{Builder, Common};
use crate::rules::condition::Frame;
use crate::rules::evaluation::RuleValue;
use crate::rules::kinds::{KindVisitor, Prepared, RuleKind};
use crate::rules::step::Step;

macro_rules! registry {
    ($($kind:ident: $module:ident::$compiled:ident,)*) => {
        /// A compiled rule's kind: one variant per kind of the registry.
        #[derive(Debug)]
        pub(crate) enum Kind {
            $(
                #[allow(missing_docs)]
                $kind(super::$module::$compiled),
            )*
        }

        impl Kind {
            /// Compiles the kind's part of a rule.
            pub(crate) fn compile(logic: &RuleLogic, b: &mut Builder<'_>) -> Result<Kind> {
                Ok(match logic {
                    $(RuleLogic::$kind(data) => Kind::$kind(RuleKind::compile(data, b)?),)*
                })
            }

            /// Evaluates one case (see [`RuleKind::evaluate`]).
            pub(crate) fn evaluate(
                &self,
                common: &Common,
                frame: &Frame,
                applies: Option<bool>,
                steps: Option<&mut Vec<Step>>,
            ) -> Result<RuleValue> {
                match self {
                    $(Kind::$kind(k) => k.evaluate(common, frame, applies, steps).map(RuleValue::$kind),)*
                }
            }

            /// See [`RuleKind::MISSING_IS_A_VALUE`].
            pub(crate) fn missing_is_a_value(&self) -> bool {
                match self {
                    $(Kind::$kind(_) => <super::$module::$compiled as RuleKind>::MISSING_IS_A_VALUE,)*
                }
            }

            /// See [`RuleKind::compared_column`].
            pub(crate) fn compared_column(&self) -> String {
                match self {
                    $(Kind::$kind(k) => k.compared_column(),)*
                }
            }

            /// See [`RuleKind::prepare`].
            pub(crate) fn prepare(&self, common: &Common, frame: &Frame) -> Option<Box<dyn Prepared<RuleValue>>> {
                match self {
                    $(Kind::$kind(k) => k.prepare(common, frame).map(|p| {
                        Box::new(AsRuleValue(p, RuleValue::$kind)) as Box<dyn Prepared<RuleValue>>
                    }),)*
                }
            }

            /// See [`RuleKind::check`].
            pub(crate) fn check(&self, common: &Common) -> Option<TableCheck> {
                match self {
                    $(Kind::$kind(k) => k.check(common),)*
                }
            }

            /// Runs a computation generic over the kind on this one.
            pub(crate) fn visit<V: KindVisitor>(&self, visitor: V) -> V::Out {
                match self {
                    $(Kind::$kind(k) => visitor.visit(k),)*
                }
            }
        }
    };
}

registry! {
    CappedRate: capped_rate::CompiledCappedRate,
    DecisionTable: decision_table::CompiledDecisionTable,
    Eligibility: eligibility::CompiledEligibility,
    Threshold: threshold::CompiledThreshold,
    TimeLimit: time_limit::CompiledTimeLimit,
}

/// A kind's prepared path with its value as the rule's value.
struct AsRuleValue<V>(Box<dyn Prepared<V>>, fn(V) -> RuleValue);

impl<V> std::fmt::Debug for AsRuleValue<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<V> Prepared<RuleValue> for AsRuleValue<V> {
    #[inline]
    fn value(&self, common: &Common, values: &[Option<InputValueRef<'_>>]) -> Option<Result<RuleValue>> {
        self.0.value(common, values).map(|r| r.map(self.1))
    }
}
