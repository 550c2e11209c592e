//! The dated evaluator (`Evaluator::at`): values worked out by hand from Tianshan item 68, and
//! the invariant that every call gives exactly what `Evaluator::evaluate` gives (proptest over
//! every built-in rule, valid and invalid inputs, dates and jurisdictions).

use chrono::NaiveDate;
use proptest::prelude::*;
use zhengce::Context;
use zhengce::rules::{Input, InputType, InputValue, InputValueRef, Options, RuleValue};

const BOND: &str = "tianshan-2022-87/r68-bid-bond";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ctx() -> Context {
    static CTX: std::sync::OnceLock<Context> = std::sync::OnceLock::new();
    CTX.get_or_init(Context::builtin).clone()
}

fn amount(v: RuleValue) -> Option<String> {
    let RuleValue::CappedRate(v) = v else { panic!("not a capped rate") };
    v.amount.map(|a| a.to_string())
}

/// Tianshan item 68 (使用财政性资金的政府采购项目 … 投标保证金缴纳比例由预算额度的2%调整为1%,除PPP项目以外的
/// 普通项目单个标段保证金缴纳上限2万元。无特定采购人的协议入围项目取消缴纳投标保证金), on 2022-06-01.
#[test]
fn bid_bond_by_hand() {
    let bond = ctx().evaluator(BOND).unwrap().at(date(2022, 6, 1), None).unwrap();
    let call = |b: &str, k: Option<&str>| amount(bond.value(&[Some(b.into()), k.map(Into::into)]).unwrap());
    // 1 % of 1,500,000 = 15,000.00, under the 20,000 cap.
    assert_eq!(call("1500000", Some("ordinary")).as_deref(), Some("15000.00"));
    // 1 % of 3,000,000 = 30,000, capped at 20,000.00.
    assert_eq!(call("3000000", Some("ordinary")).as_deref(), Some("20000.00"));
    // The lot type defaults to ordinary.
    assert_eq!(call("3000000", None).as_deref(), Some("20000.00"));
    // PPP: the 1 % still applies, the cap does not: 30,000.00.
    assert_eq!(call("3000000", Some("ppp")).as_deref(), Some("30000.00"));
    // A framework entry pays no bond: 0.00.
    assert_eq!(call("3000000", Some("framework_entry")).as_deref(), Some("0.00"));
    // 1 % of 1,234.56 = 12.3456, rounded down to the fen: 12.34.
    assert_eq!(call("1234.56", Some("ordinary")).as_deref(), Some("12.34"));
    // Without fiscal funds the rule does not apply: no amount.
    let v = bond.value(&[Some("3000000".into()), None, Some(InputValueRef::Bool(false))]).unwrap();
    assert_eq!(amount(v), None);
    // Before the measure (2022-05-18) the national 2 % applies, with no cap: 60,000.00.
    let before = ctx().evaluator(BOND).unwrap().at(date(2022, 5, 1), None).unwrap();
    assert_eq!(amount(before.value(&[Some("3000000".into())]).unwrap()).as_deref(), Some("60000.00"));
}

#[test]
fn errors_name_the_field() {
    let bond = ctx().evaluator(BOND).unwrap().at(date(2022, 6, 1), None).unwrap();
    let err = bond.value(&[Some("1.234".into())]).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("budget")));
    let err = bond.value(&[Some("1".into()), Some("PPP".into())]).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("lot_type")));
    let err = bond.value(&[None, Some("ppp".into())]).unwrap_err();
    assert_eq!((err.code(), err.path()), ("missing_input", Some("budget")));
    let err = bond.value(&[None, None, None, Some("x".into())]).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("values")));
    let mut values = [Some(InputValueRef::Text("1")), None, None];
    let err = bond.put(&mut values, "budget", "2".into()).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("budget")));
    let err = bond.put(&mut values, "kind", "ppp".into()).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("kind")));
    let err = ctx().evaluator(BOND).unwrap().at(date(2022, 6, 1), Some("cn")).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("jurisdiction")));
}

/// A value for an input of type `ty` (or a wrong one), as given to a binding.
fn any_value(ty: InputType, choices: Vec<String>) -> BoxedStrategy<Option<InputValue>> {
    let typed: BoxedStrategy<InputValue> = match ty {
        InputType::Money | InputType::Decimal | InputType::Count => prop_oneof![
            (0i64..10_000_000_000_000, 0u32..4)
                .prop_map(|(m, s)| InputValue::Text(rust_decimal::Decimal::new(m, s).to_string())),
            (0i64..1_000_000_000).prop_map(|m| InputValue::Decimal(m.into())),
            Just(InputValue::Text("-1".into())),
            Just(InputValue::Text("1e5".into())),
            Just(InputValue::Text("0.001".into())),
            Just(InputValue::Text("1.500".into())),
            Just(InputValue::Text("92233720368547758.08".into())),
        ]
        .boxed(),
        InputType::Choice => {
            let n = choices.len().max(1);
            prop_oneof![
                4 => (0..n).prop_map(move |i| InputValue::Text(choices.get(i).cloned().unwrap_or_default())),
                1 => Just(InputValue::Text("no-such-choice".into())),
            ]
            .boxed()
        }
        InputType::Boolean => prop_oneof![
            4 => any::<bool>().prop_map(InputValue::Bool),
            1 => Just(InputValue::Text("yes".into())),
        ]
        .boxed(),
        InputType::Date => prop_oneof![
            (0i64..2000).prop_map(|d| InputValue::Date(date(2020, 1, 1) + chrono::Duration::days(d))),
            Just(InputValue::Text("2022-13-01".into())),
        ]
        .boxed(),
    };
    prop_oneof![1 => Just(None), 5 => typed.prop_map(Some)].boxed()
}

/// A built-in rule, a date, a jurisdiction (none, the rule's, one outside) and positional values.
fn cases() -> impl Strategy<Value = (String, NaiveDate, Option<String>, Vec<Option<InputValue>>)> {
    let rules = ctx().catalogue().data().rules.clone();
    (0..rules.len()).prop_flat_map(move |i| {
        let rule = rules[i].clone();
        let values: Vec<_> = rule.inputs.iter().map(|s| any_value(s.ty, s.choices.clone())).collect();
        let jurisdictions =
            prop_oneof![Just(None), Just(Some(rule.jurisdiction.clone())), Just(Some("cn".to_owned()))];
        (
            Just(rule.id.clone()),
            (0i64..1500).prop_map(|d| date(2021, 1, 1) + chrono::Duration::days(d)),
            jurisdictions,
            values,
        )
    })
}

fn outcome(
    r: zhengce::Result<zhengce::rules::Evaluation>,
) -> Result<serde_json::Value, (String, Option<String>, String)> {
    r.map(|e| serde_json::to_value(e).unwrap())
        .map_err(|e| (e.code().to_owned(), e.path().map(str::to_owned), e.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Every call of a dated evaluator gives what `evaluate` gives for the same inputs, date and
    /// jurisdiction: the same value (as JSON, so decimals keep their scale), the same
    /// explanation, the same error (code, field, message).
    #[test]
    fn a_dated_call_is_evaluate((rule, on, jurisdiction, values) in cases(), explain in any::<bool>()) {
        let ev = ctx().evaluator(&rule).unwrap();
        let mut input = Input::new(on);
        input.jurisdiction = jurisdiction.clone();
        for (spec, v) in ev.rule().inputs.iter().zip(&values) {
            if let Some(v) = v {
                input.values.push((spec.name.clone(), v.clone()));
            }
        }
        let options = if explain { Options::explained() } else { Options::default() };
        let expected = outcome(ev.evaluate(&input, &options));
        let dated = match ev.at(on, jurisdiction.as_deref()) {
            Ok(d) => d,
            Err(e) => {
                let (code, path, message) = expected.unwrap_err();
                prop_assert_eq!((e.code().to_owned(), e.path().map(str::to_owned), e.to_string()), (code, path, message));
                return Ok(());
            }
        };
        let refs: Vec<Option<InputValueRef<'_>>> = values.iter().map(|v| v.as_ref().map(Into::into)).collect();
        prop_assert_eq!(&outcome(dated.evaluate(&refs, &options)), &expected);
        let value = dated.value(&refs).map(|v| serde_json::to_value(v).unwrap());
        let value = value.map_err(|e| (e.code().to_owned(), e.path().map(str::to_owned), e.to_string()));
        prop_assert_eq!(value, expected.map(|e| e["value"].clone()));
    }

    /// The bid bond on its own, over the whole money range: the fast path agrees with evaluate.
    #[test]
    fn the_bid_bond_fast_path_is_evaluate(fen in 0i64..i64::MAX, ty in 0usize..4, funds in proptest::option::of(any::<bool>()), days in 0i64..800) {
        let on = date(2021, 6, 1) + chrono::Duration::days(days);
        let ev = ctx().evaluator(BOND).unwrap();
        let budget = rust_decimal::Decimal::new(fen, 2).to_string();
        let kind = ["ordinary", "ppp", "framework_entry", "other"].get(ty).copied();
        let mut input = Input::new(on).with("budget", budget.as_str());
        if ty < 4 {
            input.set("lot_type", kind.unwrap());
        }
        if let Some(f) = funds {
            input.set("fiscal_funds", f);
        }
        let expected = outcome(ev.evaluate(&input, &Options::default())).map(|e| e["value"].clone());
        let dated = ev.at(on, None).unwrap();
        let got = dated.value(&[Some(budget.as_str().into()), kind.map(Into::into), funds.map(Into::into)]);
        let got = got.map(|v| serde_json::to_value(v).unwrap()).map_err(|e| (e.code().to_owned(), e.path().map(str::to_owned), e.to_string()));
        prop_assert_eq!(got, expected);
    }
}
