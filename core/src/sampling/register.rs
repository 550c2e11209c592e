//! The register of market entities (市场主体名录库): rows for a plan, columns for a whole country.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CreditClass, Flag};
use crate::error::{Error, Result};

/// One market entity of the register.
///
/// # Example
///
/// ```
/// use zhengce::sampling::{CreditClass, Entity};
///
/// let e: Entity = serde_json::from_str(r#"{"id": "91650102MA01", "credit_class": "c", "industry": "food",
///     "flags": ["complaint"]}"#).unwrap();
/// assert_eq!(e.credit_class, CreditClass::C);
/// assert!(e.district.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// The entity's id, e.g. its unified social credit code.
    pub id: String,
    /// Its credit-risk class; unclassified when absent.
    #[serde(default)]
    pub credit_class: CreditClass,
    /// Its industry, as the plan's checks name industries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// Its district (or other area), for stratification and inspectors' conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Reasons it must be inspected whatever the draw.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
}

/// A register of market entities, in a fixed order.
///
/// The order is part of the input: the draw picks positions within each stratum in register
/// order, so the same entities in another order give another (equally random) plan. The plan
/// records a hash of the register so a verifier can tell it was given the same one.
///
/// # Example
///
/// ```
/// use zhengce::sampling::{Entity, Register};
///
/// let entity = |id: &str| Entity { id: id.into(), credit_class: Default::default(), industry: None,
///     district: None, flags: vec![] };
/// let register = Register::new(vec![entity("e1"), entity("e2")])?;
/// assert_eq!(register.len(), 2);
/// assert_eq!(Register::new(vec![entity("e1"), entity("e1")]).unwrap_err().path(), Some("register[1].id"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Register {
    entities: Vec<Entity>,
}

impl Register {
    /// A register of these entities, checked.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `register[i].id`, `.industry` or `.district`) for an empty id,
    ///   an id used by an earlier entity, or an empty industry or district.
    ///
    /// # Example
    ///
    /// ```
    /// let register = zhengce::sampling::Register::new(vec![])?;
    /// assert!(register.is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn new(entities: Vec<Entity>) -> Result<Register> {
        let mut seen = HashSet::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            if e.id.is_empty() {
                return Err(Error::invalid_input(format!("register[{i}].id"), "''", "a non-empty id"));
            }
            if !seen.insert(e.id.as_str()) {
                return Err(Error::invalid_input(
                    format!("register[{i}].id"),
                    format!("'{}'", e.id),
                    "an id not used by an earlier entity",
                ));
            }
            for (field, value) in [("industry", &e.industry), ("district", &e.district)] {
                if value.as_deref() == Some("") {
                    return Err(Error::invalid_input(
                        format!("register[{i}].{field}"),
                        "''",
                        format!("a non-empty {field}, or none"),
                    ));
                }
            }
        }
        Ok(Register { entities })
    }

    /// A register read from JSON: a list of entities (`[{"id": ..., "credit_class": "b", ...}]`).
    ///
    /// # Errors
    ///
    /// - `invalid_input` for a value of the wrong shape (naming `register[i].field`) and as
    ///   [`Register::new`].
    ///
    /// # Example
    ///
    /// ```
    /// let register = zhengce::sampling::Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "a"}]))?;
    /// assert_eq!(register.entities()[0].id, "e1");
    /// let err = zhengce::sampling::Register::from_json_value(&serde_json::json!([{"id": "e1", "credit_class": "e"}])).unwrap_err();
    /// assert_eq!(err.path(), Some("register[0].credit_class"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<Register> {
        Register::new(crate::error::from_json_value(value, "register")?)
    }

    /// The entities, in register order.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhengce::sampling::Register::from_json_value(&serde_json::json!([{"id": "x"}]))?;
    /// assert_eq!(r.entities()[0].id, "x");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The number of entities.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::sampling::Register::new(vec![])?.len(), 0);
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True if the register has no entity.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::sampling::Register::new(vec![])?.is_empty());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// `sha256:` and the hex digest of the register's JSON (entities in order, in the JSON
    /// shape): recorded in a plan so that a verifier knows it has the same register.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhengce::sampling::Register::new(vec![])?;
    /// assert!(r.content_hash().starts_with("sha256:"));
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn content_hash(&self) -> String {
        super::stream::sha256_json(self)
    }
}

/// A register as columns, borrowed without copying: the researcher's path to a whole
/// country's register (180 million entities) in one machine's memory.
///
/// Each column has one value per entity, in register order. Entities are named by their
/// position (0-based) in the columns; map positions to ids with your own id column.
///
/// # Example
///
/// ```
/// use zhengce::sampling::RegisterColumns;
///
/// let classes = [1u8, 2, 2, 4];
/// let columns = RegisterColumns::new(&classes);
/// assert_eq!(columns.len(), 4);
/// let flags = [0u8, 1, 0];
/// assert_eq!(columns.with_flags(&flags).check().unwrap_err().path(), Some("flags"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RegisterColumns<'a> {
    /// Class codes: 0 unclassified, 1 A, 2 B, 3 C, 4 D.
    pub classes: &'a [u8],
    /// Optional stratum codes (an industry or district code): the draw then stratifies by
    /// (class, code).
    pub strata: Option<&'a [u32]>,
    /// Optional flag bytes (1 complaint, 2 big-data alert, 4 referred case, 8 legal mandate).
    pub flags: Option<&'a [u8]>,
}

impl<'a> RegisterColumns<'a> {
    /// Columns with credit classes only.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::sampling::RegisterColumns::new(&[1, 2]).strata.is_none());
    /// ```
    pub fn new(classes: &'a [u8]) -> RegisterColumns<'a> {
        RegisterColumns { classes, strata: None, flags: None }
    }

    /// The same columns with stratum codes.
    ///
    /// # Example
    ///
    /// ```
    /// let codes = [7u32, 9];
    /// let c = zhengce::sampling::RegisterColumns::new(&[1, 2]).with_strata(&codes);
    /// assert_eq!(c.strata, Some(&codes[..]));
    /// ```
    pub fn with_strata(self, strata: &'a [u32]) -> RegisterColumns<'a> {
        RegisterColumns { strata: Some(strata), ..self }
    }

    /// The same columns with flag bytes.
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhengce::sampling::RegisterColumns::new(&[1]).with_flags(&[1]);
    /// assert!(c.check().is_ok());
    /// ```
    pub fn with_flags(self, flags: &'a [u8]) -> RegisterColumns<'a> {
        RegisterColumns { flags: Some(flags), ..self }
    }

    /// The number of entities.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::sampling::RegisterColumns::new(&[1, 2, 3]).len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// True if there is no entity.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::sampling::RegisterColumns::new(&[]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Checks that the columns have equal lengths and valid class codes and flag bytes.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `strata` or `flags`) for a column of another length;
    ///   (field `classes` or `flags`, with the row) for a code outside the ranges.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhengce::sampling::RegisterColumns::new(&[1, 7]).check().unwrap_err();
    /// assert_eq!((err.path(), err.details()["row"].as_u64()), (Some("classes"), Some(1)));
    /// ```
    pub fn check(&self) -> Result<()> {
        let n = self.classes.len();
        for (field, len) in
            [("strata", self.strata.map(<[u32]>::len)), ("flags", self.flags.map(<[u8]>::len))]
        {
            if let Some(len) = len.filter(|&l| l != n) {
                return Err(Error::invalid_input(
                    field,
                    format!("{len} values"),
                    format!("{n} values, one per entity"),
                ));
            }
        }
        if let Some(row) = self.classes.iter().position(|&c| c > 4) {
            return Err(CreditClass::from_code(self.classes[row]).unwrap_err().at_row(row));
        }
        if let Some(row) = self.flags.and_then(|f| f.iter().position(|&b| b > 0x0f)) {
            return Err(Flag::from_bits(self.flags.unwrap_or_default()[row]).unwrap_err().at_row(row));
        }
        Ok(())
    }
}
