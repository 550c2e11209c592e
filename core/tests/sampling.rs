//! Double-random inspection plans: invariants (proptest), selection probabilities over many
//! seeds, the row and column paths agreeing, and a pinned digest of a larger plan.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use zhengce::Context;
use zhengce::sampling::*;

fn context() -> &'static Context {
    static CTX: std::sync::OnceLock<Context> = std::sync::OnceLock::new();
    CTX.get_or_init(Context::builtin)
}

fn spec(value: Value) -> PlanSpec {
    serde_json::from_value(value).unwrap()
}

const CLASSES: [&str; 5] = ["a", "b", "c", "d", "unclassified"];
const INDUSTRIES: [&str; 3] = ["food", "retail", "building"];
const DISTRICTS: [&str; 2] = ["north", "south"];
const FLAGS: [&str; 4] = ["complaint", "big_data_alert", "referred_case", "legal_mandate"];

fn arb_register() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec((0..5usize, prop::option::of(0..3usize), 0..2usize, 0..40u8), 0..160).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (c, ind, dis, f))| {
                let mut e = json!({"id": format!("e{i:03}"), "credit_class": CLASSES[c], "district": DISTRICTS[dis]});
                if let Some(ind) = ind {
                    e["industry"] = json!(INDUSTRIES[ind]);
                }
                if f < 4 {
                    e["flags"] = json!([FLAGS[f as usize]]);
                }
                e
            })
            .collect()
    })
}

fn arb_directory() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec((0..2usize, prop::option::of((0..3usize, 0..160usize))), 3..14).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (d, conflict))| {
                let conflicts = match conflict {
                    None => json!([]),
                    Some((0, e)) => json!([{"entity": format!("e{e:03}")}]),
                    Some((1, ind)) => json!([{"industry": INDUSTRIES[ind % 3]}]),
                    Some((_, dis)) => json!([{"district": DISTRICTS[dis % 2]}]),
                };
                json!({"id": format!("i{i:02}"), "department": (["amr", "fire"][d]), "conflicts": conflicts})
            })
            .collect()
    })
}

fn arb_spec() -> impl Strategy<Value = PlanSpec> {
    ("[a-z0-9 ]{1,12}", any::<bool>(), any::<bool>(), 0..4usize, any::<bool>(), prop::option::of(0..60u32))
        .prop_map(|(seed, joint, uniform, strat, food_only, base)| {
            let stratify_by =
                [json!([]), json!(["industry"]), json!(["district"]), json!(["industry", "district"])];
            let mut fire = json!({"department": "fire", "items": ["exits", "extinguishers"]});
            if food_only {
                fire["industries"] = json!(["food", "retail"]);
            }
            let mut s = json!({
                "jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": seed, "joint": joint,
                "workload": if uniform { "uniform" } else { "balanced" },
                "stratify_by": stratify_by[strat],
                "checks": [{"department": "amr", "items": ["licence"]}, fire],
            });
            if let Some(b) = base {
                s["base_ratio"] = json!(format!("0.{b:02}"));
            }
            spec(s)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn plans_keep_their_invariants(rows in arb_register(), dir in arb_directory(), spec in arb_spec()) {
        let cat = context();
        let register = Register::from_json_value(&json!(rows)).unwrap();
        let directory = Directory::from_json_value(&json!(dir)).unwrap();
        let plan = match InspectionPlan::draw(cat, &register, &directory, &spec) {
            Ok(plan) => plan,
            Err(err) => {
                // Only a real shortage of inspectors free of conflict may stop a plan.
                prop_assert_eq!(err.code(), "infeasible");
                let what = err.details()["what"].as_str().unwrap().to_owned();
                prop_assert!(what.starts_with("assign inspectors to visit "));
                let id = what.split('\'').nth(1).unwrap();
                let entity = register.entities().iter().find(|e| e.id == id).unwrap();
                let short = ["amr", "fire"].iter().any(|d| {
                    directory.inspectors().iter()
                        .filter(|i| i.department == *d && !i.conflicts.iter().any(|c| c.bars(entity)))
                        .count() < 2
                });
                prop_assert!(short, "{}", err);
                return Ok(());
            }
        };
        let entities: HashMap<&str, &Entity> = register.entities().iter().map(|e| (e.id.as_str(), e)).collect();

        // No entity twice (one visit per entity, or per entity and department when not joint).
        let mut seen = HashSet::new();
        for v in &plan.visits {
            let departments: Vec<&str> = v.checks.iter().map(|c| c.department.as_str()).collect();
            prop_assert!(seen.insert((v.entity.clone(), departments.join("+"))), "twice: {}", v.entity);
            if spec.joint {
                prop_assert_eq!(plan.visits.iter().filter(|w| w.entity == v.entity).count(), 1);
            }
        }

        // Stratum sample sizes exactly as specified, and the visits agree with them.
        for s in &plan.strata {
            let policy = plan.policies.iter().find(|p| p.class == s.credit_class).unwrap();
            prop_assert_eq!(s.ratio, plan.base_ratio * policy.ratio_multiplier);
            prop_assert_eq!(s.pool, s.population - s.flagged);
            prop_assert_eq!(s.sample, sample_size(s.pool, s.ratio).unwrap());
            let in_stratum = |reason: Reason| {
                let ids: HashSet<&str> = plan.visits.iter()
                    .filter(|v| v.stratum == s.key && v.reason == reason).map(|v| v.entity.as_str()).collect();
                ids.len() as u64
            };
            prop_assert_eq!(in_stratum(Reason::Random), s.sample);
            prop_assert_eq!(in_stratum(Reason::Mandatory), s.flagged);
        }

        for v in &plan.visits {
            let e = entities[v.entity.as_str()];
            // At least two inspectors per department, of that department, none twice, none in conflict.
            for c in &v.checks {
                let of: Vec<&AssignedInspector> = v.inspectors.iter().filter(|i| i.department == c.department).collect();
                prop_assert!(of.len() as u64 >= 2 && of.len() as u64 == plan.inspectors_per_check);
            }
            let ids: HashSet<&str> = v.inspectors.iter().map(|i| i.id.as_str()).collect();
            prop_assert_eq!(ids.len(), v.inspectors.len());
            for i in &v.inspectors {
                let ins = directory.inspectors().iter().find(|x| x.id == i.id).unwrap();
                prop_assert!(!ins.conflicts.iter().any(|c| c.bars(e)), "{} conflicts with {}", i.id, e.id);
                prop_assert!(v.checks.iter().any(|c| c.department == ins.department));
            }
            // Class A drawn at random is checked off site; everything else on site.
            let off = v.reason == Reason::Random && e.credit_class == CreditClass::A;
            prop_assert_eq!(v.mode, if off { Mode::OffSite } else { Mode::OnSite });
        }

        // Every flagged entity in scope is present, as mandatory, with its flags.
        for e in register.entities().iter().filter(|e| !e.flags.is_empty()) {
            // Every entity is in scope: the amr check applies to all.
            let v = plan.visits.iter().find(|v| v.entity == e.id);
            prop_assert!(v.is_some_and(|v| v.reason == Reason::Mandatory && v.flags == e.flags), "{} missing", e.id);
        }

        // Same seed, same plan, byte for byte; and it verifies.
        let again = InspectionPlan::draw(cat, &register, &directory, &spec).unwrap();
        prop_assert_eq!(again.to_json(), plan.to_json());
        prop_assert!(plan.verify(cat, &register, &directory).unwrap().matches);
    }

    #[test]
    fn different_seeds_give_different_plans(a in "[a-z0-9]{1,16}", b in "[a-z0-9]{1,16}") {
        prop_assume!(a != b);
        // 400 class-B entities, 12 drawn: C(400, 12) ≈ 1.6e22 equally likely samples.
        let classes = vec![2u8; 400];
        let draw = |seed: &str| {
            let spec = SampleSpec { jurisdiction: "cn".into(), date: "2022-06-01".parse().unwrap(), seed: seed.into(),
                base_ratio: None, policies: vec![] };
            StratifiedDraw::draw(context(), &RegisterColumns::new(&classes), &spec).unwrap().strata[0].random.clone()
        };
        prop_assert_ne!(draw(&a), draw(&b));
    }
}

/// Draws `k` of `n` class-B entities with each of `seeds` seeds; returns how often each was picked.
fn tally(n: usize, base_ratio: &str, seeds: usize) -> (u64, Vec<u64>, HashMap<Vec<u64>, u64>) {
    let classes = vec![2u8; n];
    let mut counts = vec![0u64; n];
    let mut subsets = HashMap::new();
    let mut k = 0;
    for s in 0..seeds {
        let spec = SampleSpec {
            jurisdiction: "cn".into(),
            date: "2022-06-01".parse().unwrap(),
            seed: format!("statistics-{s}"),
            base_ratio: Some(base_ratio.parse().unwrap()),
            policies: vec![],
        };
        let draw = StratifiedDraw::draw(context(), &RegisterColumns::new(&classes), &spec).unwrap();
        let picked = &draw.strata[0].random;
        k = picked.len() as u64;
        for &p in picked {
            counts[p as usize] += 1;
        }
        *subsets.entry(picked.clone()).or_insert(0) += 1;
    }
    (k, counts, subsets)
}

fn chi_square(observed: &[u64], expected: f64) -> f64 {
    observed.iter().map(|&o| (o as f64 - expected).powi(2) / expected).sum()
}

#[test]
fn every_member_of_a_stratum_is_selected_with_probability_k_over_n() {
    // Fixed seeds, so the test is deterministic; bounds are the 0.1 % quantiles.
    // 5 of 50 (the bitset draw): 4,000 plans, each entity expected 400 times.
    let (k, counts, _) = tally(50, "0.1", 4000);
    assert_eq!(k, 5);
    let expected = 4000.0 * 5.0 / 50.0;
    let chi2 = chi_square(&counts, expected);
    assert!(chi2 < 85.35, "chi-square {chi2:.1} with 49 degrees of freedom"); // χ²(49), p = 0.001
    let sd = (4000.0 * 0.1 * 0.9f64).sqrt();
    for (i, &c) in counts.iter().enumerate() {
        assert!((c as f64 - expected).abs() < 4.0 * sd, "entity {i}: {c} picks, expected {expected}");
    }
    // 7 of 10 (the complement draw): each entity expected 0.7 × 3,000 = 2,100 times.
    let (k, counts, _) = tally(10, "0.7", 3000);
    assert_eq!(k, 7);
    let chi2 = chi_square(&counts, 2100.0);
    assert!(chi2 < 27.88, "chi-square {chi2:.1} with 9 degrees of freedom"); // χ²(9), p = 0.001
}

#[test]
fn every_subset_is_equally_likely() {
    // 2 of 6: the 15 possible pairs, 6,000 plans, 400 expected each.
    let (k, _, subsets) = tally(6, "0.3", 6000);
    assert_eq!(k, 2);
    assert_eq!(subsets.len(), 15);
    let observed: Vec<u64> = subsets.values().copied().collect();
    let chi2 = chi_square(&observed, 400.0);
    assert!(chi2 < 36.12, "chi-square {chi2:.1} with 14 degrees of freedom"); // χ²(14), p = 0.001
}

fn synthetic_register(n: usize) -> Vec<Value> {
    // Deterministic, with the Xinjiang credit mix of about 49/42/6/3 %.
    (0..n)
        .map(|i| {
            let h = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40;
            let class = match h % 10_000 {
                0..4860 => "a",
                4860..9012 => "b",
                9012..9654 => "c",
                9654..10_000 => "d",
                _ => unreachable!(),
            };
            let mut e = json!({"id": format!("9165{i:08}"), "credit_class": class,
                "industry": INDUSTRIES[(h / 7 % 3) as usize], "district": DISTRICTS[(h / 11 % 2) as usize]});
            if h.is_multiple_of(97) {
                e["flags"] = json!(["complaint"]);
            }
            e
        })
        .collect()
}

#[test]
fn the_row_and_column_paths_select_the_same_entities() {
    let rows = synthetic_register(3000);
    let register = Register::from_json_value(&json!(rows)).unwrap();
    let directory = Directory::from_json_value(
        &json!([{"id": "i1", "department": "amr"}, {"id": "i2", "department": "amr"}]),
    )
    .unwrap();
    let spec = spec(json!({"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "same",
        "checks": [{"department": "amr", "items": ["licence"]}]}));
    let plan = InspectionPlan::draw(context(), &register, &directory, &spec).unwrap();
    let classes: Vec<u8> = register.entities().iter().map(|e| e.credit_class.code()).collect();
    let flags: Vec<u8> = register.entities().iter().map(|e| u8::from(!e.flags.is_empty())).collect();
    let columns = RegisterColumns::new(&classes).with_flags(&flags);
    let draw = StratifiedDraw::draw(context(), &columns, &spec.sample_spec()).unwrap();
    let mut from_columns: Vec<(String, Reason)> = Vec::new();
    for s in &draw.strata {
        from_columns
            .extend(s.random.iter().map(|&p| (register.entities()[p as usize].id.clone(), Reason::Random)));
        from_columns.extend(
            s.mandatory.iter().map(|&p| (register.entities()[p as usize].id.clone(), Reason::Mandatory)),
        );
    }
    from_columns.sort();
    let mut from_rows: Vec<(String, Reason)> =
        plan.visits.iter().map(|v| (v.entity.clone(), v.reason)).collect();
    from_rows.sort();
    assert_eq!(from_rows, from_columns);
    assert_eq!(plan.strata, draw.strata.iter().map(|s| s.summary.clone()).collect::<Vec<_>>());
}

#[test]
fn stratum_codes_split_the_classes() {
    let classes = [1u8, 1, 2, 2, 2, 4];
    let codes = [7u32, 9, 7, 7, 9, 70_000];
    let spec = SampleSpec {
        jurisdiction: "cn".into(),
        date: "2022-06-01".parse().unwrap(),
        seed: "s".into(),
        base_ratio: None,
        policies: vec![],
    };
    let draw =
        StratifiedDraw::draw(context(), &RegisterColumns::new(&classes).with_strata(&codes), &spec).unwrap();
    let keys: Vec<&str> = draw.strata.iter().map(|s| s.summary.key.as_str()).collect();
    assert_eq!(keys, ["a|code=7", "a|code=9", "b|code=7", "b|code=9", "d|code=70000"]);
    assert_eq!(draw.stratum("b|code=7").unwrap().summary.population, 2);
    // A code of 2^16 or more takes the hashed path; the result is the same as with small codes.
    let small =
        StratifiedDraw::draw(context(), &RegisterColumns::new(&classes[..5]).with_strata(&codes[..5]), &spec)
            .unwrap();
    assert_eq!(small.strata, draw.strata[..4]);
}

/// The plan of a 5,000-entity register, pinned: any change to the algorithm, its streams or its
/// rounding changes this digest. Update it only with a new algorithm name.
#[test]
fn a_larger_plan_is_pinned() {
    let register = Register::from_json_value(&json!(synthetic_register(5000))).unwrap();
    let directory: Vec<Value> = (0..24)
        .map(|i| {
            let conflicts = if i % 5 == 0 { json!([{"district": DISTRICTS[i % 2]}]) } else { json!([]) };
            json!({"id": format!("ins-{i:02}"), "department": (["amr", "fire", "health"][i % 3]), "conflicts": conflicts})
        })
        .collect();
    let directory = Directory::from_json_value(&json!(directory)).unwrap();
    let spec = spec(json!({"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01",
        "seed": "tianshan 2022 batch 1: 0417 2291 8830", "stratify_by": ["district"],
        // A district using class A's permission (可合理降低) to halve its ratio.
        "policies": [{"class": "a", "ratio_multiplier": "0.5", "on_site": "not_proactive"}],
        "checks": [{"department": "amr", "items": ["licence", "annual-report"]},
                   {"department": "fire", "items": ["exits"], "industries": ["retail", "building"]},
                   {"department": "health", "items": ["hygiene"], "industries": ["food"]}]}));
    let plan = InspectionPlan::draw(context(), &register, &directory, &spec).unwrap();
    let pinned = json!({"strata": plan.strata, "visits": plan.visits}).to_string();
    let digest: String = Sha256::digest(pinned.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(plan.visits.len() as u64, plan.strata.iter().map(|s| s.selected).sum::<u64>());
    assert_eq!(digest, "a34636b99f231c54363486f4526a460cbe901f3efbab68c6a92b3b33d601cb8d");
}
