//! The inspector directory (执法检查人员名录库) and inspectors' conflicts of interest (回避).

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Entity;
use crate::error::{Error, Result};

/// Something an inspector must not inspect (回避, 行政处罚法 art 43: a direct interest or
/// another relation that may affect a fair check).
///
/// In JSON a one-key object: `{"entity": "91650102MA01"}`, `{"industry": "food"}` (e.g. a
/// spouse runs a restaurant chain) or `{"district": "cn-xj-urumqi-tianshan"}` (e.g. the
/// inspector's own home area, where a local rule asks for rotation).
///
/// # Example
///
/// ```
/// use zhengce::sampling::Conflict;
///
/// let c: Conflict = serde_json::from_str(r#"{"industry": "food"}"#).unwrap();
/// assert_eq!(c, Conflict::Industry("food".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// One entity, by id.
    Entity(String),
    /// Every entity of an industry.
    Industry(String),
    /// Every entity of a district.
    District(String),
}

impl Conflict {
    /// True if the conflict bars inspecting `entity`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::sampling::{Conflict, Entity};
    ///
    /// let e: Entity = serde_json::from_str(r#"{"id": "e1", "industry": "food"}"#).unwrap();
    /// assert!(Conflict::Industry("food".into()).bars(&e));
    /// assert!(!Conflict::District("x".into()).bars(&e));
    /// ```
    pub fn bars(&self, entity: &Entity) -> bool {
        match self {
            Conflict::Entity(id) => *id == entity.id,
            Conflict::Industry(i) => entity.industry.as_deref() == Some(i),
            Conflict::District(d) => entity.district.as_deref() == Some(d),
        }
    }
}

/// One inspector (执法检查人员) of the directory.
///
/// # Example
///
/// ```
/// let i: zhengce::sampling::Inspector = serde_json::from_str(
///     r#"{"id": "amr-007", "department": "amr", "conflicts": [{"entity": "e1"}]}"#).unwrap();
/// assert_eq!(i.conflicts.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inspector {
    /// The inspector's id (e.g. the enforcement certificate number).
    pub id: String,
    /// The department whose checks the inspector may carry out.
    pub department: String,
    /// What the inspector must not inspect.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// The inspector directory, in a fixed order (candidates are taken in directory order).
///
/// # Example
///
/// ```
/// use zhengce::sampling::Directory;
///
/// let d = Directory::from_json_value(&serde_json::json!([{"id": "i1", "department": "amr"}]))?;
/// assert_eq!(d.inspectors().len(), 1);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Directory {
    inspectors: Vec<Inspector>,
}

impl Directory {
    /// A directory of these inspectors, checked.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `directory[i].id` or `.department`) for an empty id or
    ///   department, or an id used by an earlier inspector.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::sampling::{Directory, Inspector};
    /// let i = Inspector { id: "i1".into(), department: "amr".into(), conflicts: vec![] };
    /// assert_eq!(Directory::new(vec![i.clone(), i]).unwrap_err().path(), Some("directory[1].id"));
    /// ```
    pub fn new(inspectors: Vec<Inspector>) -> Result<Directory> {
        let mut seen = HashSet::with_capacity(inspectors.len());
        for (i, ins) in inspectors.iter().enumerate() {
            if ins.department.is_empty() {
                return Err(Error::invalid_input(
                    format!("directory[{i}].department"),
                    "''",
                    "a non-empty department",
                ));
            }
            if ins.id.is_empty() || !seen.insert(ins.id.as_str()) {
                return Err(Error::invalid_input(
                    format!("directory[{i}].id"),
                    format!("'{}'", ins.id),
                    "a non-empty id not used by an earlier inspector",
                ));
            }
        }
        Ok(Directory { inspectors })
    }

    /// A directory read from JSON: a list of inspectors.
    ///
    /// # Errors
    ///
    /// - `invalid_input` for a value of the wrong shape (naming `directory[i].field`) and as
    ///   [`Directory::new`].
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::sampling::Directory::from_json_value(&serde_json::json!([{"id": "i1"}])).unwrap_err();
    /// assert_eq!(err.path(), Some("directory[0]"));
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<Directory> {
        Directory::new(crate::error::from_json_value(value, "directory")?)
    }

    /// The inspectors, in directory order.
    ///
    /// # Example
    ///
    /// ```
    /// let d = zhengce::sampling::Directory::new(vec![])?;
    /// assert!(d.inspectors().is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn inspectors(&self) -> &[Inspector] {
        &self.inspectors
    }

    /// `sha256:` and the hex digest of the directory's JSON, recorded in a plan.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::sampling::Directory::new(vec![])?.content_hash().starts_with("sha256:"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn content_hash(&self) -> String {
        super::stream::sha256_json(self)
    }
}
