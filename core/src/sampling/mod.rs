//! Double-random inspection plans (双随机、一公开) by credit class: Tianshan items 9 and 10.
//!
//! Market supervision draws the entities to inspect at random from the register of market
//! entities (市场主体名录库) and the inspectors at random from the inspector directory
//! (执法检查人员名录库), with ratios set by each enterprise's credit-risk class, and publishes
//! the results. This module builds such a plan so that a regulator's service can run it, a
//! researcher can simulate it over a whole register, and anyone can verify a published plan.
//!
//! - [`InspectionPlan::draw`]: register rows + inspector directory + [`PlanSpec`] → visits with
//!   reasons, modes, merged checks and inspectors; per-stratum figures; the publication time
//!   limit. [`InspectionPlan::verify`] re-derives a published plan and lists every difference.
//! - [`StratifiedDraw::draw`]: the same entity draw over columns ([`RegisterColumns`]: class
//!   bytes, optional stratum codes and flags), for a register of 180 million entities.
//!
//! # The algorithm (`zhengce.sampling.v1`)
//!
//! Specified completely, so that a plan can be re-derived by anyone, in any language:
//!
//! 1. **Streams.** Each random stream is the ChaCha20 keystream (RFC 8439 block function,
//!    nonce 0, block counter from 0) under a 32-byte key `SHA-256(len‖"zhengce.sampling.v1" ‖
//!    len‖seed ‖ len‖part ‖ …)`, every part preceded by its byte length as a u64
//!    little-endian. The keystream is read 8 bytes at a time as little-endian u64 words. The
//!    stratum with key `K` uses parts `["entities", K]`; inspector assignment uses
//!    `["inspectors"]`. Strata are therefore independent of each other (and of the order
//!    they are drawn in).
//! 2. **Bounded integers.** `below(r)` for `r > 0` is Lemire's method: `m = x·r` in 128 bits
//!    for the next word `x`; while `low64(m) < (2^64 − r) mod r`, take the next word; return
//!    `high64(m)`. Exactly uniform.
//! 3. **Strata.** A stratum is a credit class (a, b, c, d, unclassified), split by
//!    `stratify_by` (`b|industry=food|district=x`) or, in columns, by stratum code
//!    (`b|code=17`). Members keep register order.
//! 4. **Sample size.** `N` members, `F` flagged, pool `n = N − F`, ratio `r = base ×
//!    multiplier` (exact decimals): `k = ⌈n·r⌉` capped at `n` ([`sample_size`]).
//! 5. **k of n.** If `2k ≤ n`: repeat `p = below(n)`, keeping `p` if new, until `k` are kept;
//!    otherwise keep `n − k` that way and select the rest. The selected pool positions, in
//!    ascending order, are the `k` random members (the pool counts unflagged members in
//!    register order). Flagged members are added as `mandatory`.
//! 6. **Inspectors.** Visits in register order; per visit, departments in the order the
//!    plan's checks first name them; per department, `inspectors_per_check` picks without
//!    replacement from the department's inspectors free of conflict, in directory order:
//!    balanced workload picks `below(count)` among those with the fewest visits so far,
//!    uniform among all.
//!
//! All arithmetic on the selection path is in integers (u64, u128) and exact decimals, never
//! floats or `usize`, so 32-bit WebAssembly and 64-bit machines give the same plan.
//!
//! # Example
//!
//! ```
//! use zhengce::sampling::{Directory, InspectionPlan, PlanSpec, Register};
//!
//! let ctx = zhengce::Context::builtin();
//! let register = Register::from_json_value(&serde_json::json!(
//!     (0..200).map(|i| serde_json::json!({"id": format!("e{i}"), "credit_class": (["a", "b", "c", "d"][i % 4])}))
//!         .collect::<Vec<_>>()))?;
//! let directory = Directory::from_json_value(&serde_json::json!(
//!     (0..6).map(|i| serde_json::json!({"id": format!("i{i}"), "department": "amr"})).collect::<Vec<_>>()))?;
//! let spec: PlanSpec = serde_json::from_value(serde_json::json!({
//!     "jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "2022-06-01 lottery 4417",
//!     "checks": [{"department": "amr", "items": ["licence", "annual-report"]}]})).unwrap();
//! let plan = InspectionPlan::draw(&ctx, &register, &directory, &spec)?;
//! let sizes: Vec<u64> = plan.strata.iter().map(|s| s.sample).collect();
//! assert_eq!(sizes, [2, 2, 3, 6]); // ⌈50 × 0.03 × (1, 1, 2, 4)⌉: class A may be lowered, is not by default
//! assert!(plan.visits.iter().all(|v| v.inspectors.len() == 2));
//! assert!(plan.verify(&ctx, &register, &directory)?.matches);
//! # Ok::<(), zhengce::Error>(())
//! ```

mod assign;
mod class;
mod directory;
mod draw;
mod partition;
mod plan;
mod policy;
mod register;
mod spec;
mod stream;
mod verify;

pub use class::{ClassPolicy, CreditClass, Flag, OnSite};
pub use directory::{Conflict, Directory, Inspector};
pub use draw::{StratifiedDraw, StratumDraw, StratumSummary, sample_size};
pub use partition::StratumCount;
pub use plan::{AssignedInspector, InspectionPlan, Mode, Publication, Reason, Visit, VisitCheck};
pub use policy::{
    BASE_RATIO, CREDIT_CLASS_RULE, ClassPolicies, INSPECTORS_MIN, PUBLICATION_LIMIT, class_policies,
};
pub use register::{Entity, Register, RegisterColumns};
pub use spec::{CheckSpec, PlanSpec, SampleSpec, StratifyBy, Workload};
pub use stream::ALGORITHM;
pub use verify::{Difference, Verification};
