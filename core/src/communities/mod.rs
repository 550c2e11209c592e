//! Communities (社区) and their responsibility chains.
//!
//! A [`Communities`] registry holds concrete communities: each with its district, its
//! sub-district office or area management committee (片区管委会), its community types (which
//! must exist in the catalogue), the programmes it takes part in and the targets it carries.
//! It answers "who is responsible for target T in community C?" with
//! [`Communities::responsible`]: the units responsible for the target (named on it, leading or
//! sharing its measure or programme) and the three-level chain of Urumqi's community action,
//! 「区(县)为主体,片区管委会(街道、乡镇)负直接责任,社区具体落实」 (the district is the principal
//! body, the sub-district bears direct responsibility, the community implements), each level
//! held by the community's own district, sub-district and itself, with the clauses.
//!
//! # Example
//!
//! ```
//! use zhengce::communities::{Communities, UnitRole};
//!
//! let mut registry = Communities::new(&zhengce::Context::builtin());
//! registry.register_json_value(&serde_json::json!({
//!     "id": "putuo-featured-1", "name": {"zh": "特色创业型社区一", "en": "Featured community 1"},
//!     "jurisdiction": "cn-sh-putuo", "sub_district": "putuo-subdistricts-towns",
//!     "programmes": ["putuo-2019-startup-district/programme"],
//!     "targets": ["putuo-2019-startup-district/t05"],
//!     "source": {"document": "putuo-2019-startup-district", "clause": "putuo-2019-startup-district/3"}}))?;
//! let answer = registry.responsible("putuo-2019-startup-district/t06", "putuo-featured-1")?;
//! assert_eq!(answer.units[0].unit, "putuo-education"); // 区教育局 leads item 8
//! assert_eq!(answer.units[0].role, UnitRole::MeasureLead);
//! assert!(answer.chain.is_empty()); // Putuo's plan sets no district-to-community chain
//! # Ok::<(), zhengce::Error>(())
//! ```

mod chain;
mod monitor;
mod registry;

pub use chain::{ChainHolder, Responsibility, ResponsibleUnit, UnitRole};
pub use registry::{Communities, CommunityFilter};
