//! Credit-risk classes, inspection triggers and the per-class treatment of a draw.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// An enterprise's credit-risk class (企业信用风险分类, 国市监信发〔2022〕6号): A low, B ordinary,
/// C fairly high, D high; or not (yet) classified.
///
/// In columns a class is one byte: 0 unclassified, 1 A, 2 B, 3 C, 4 D.
///
/// # Example
///
/// ```
/// use zhengce::sampling::CreditClass;
///
/// assert_eq!(CreditClass::from_code(4)?, CreditClass::D);
/// assert_eq!(CreditClass::D.as_str(), "d");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CreditClass {
    /// Not classified; treated as B unless the plan gives a policy for it (the text is silent).
    #[default]
    Unclassified,
    /// A: low credit risk (信用风险低).
    A,
    /// B: ordinary credit risk (信用风险一般).
    B,
    /// C: fairly high credit risk (信用风险较高).
    C,
    /// D: high credit risk (信用风险高).
    D,
}

impl CreditClass {
    /// Every class, in the order strata are listed: A, B, C, D, unclassified.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::sampling::CreditClass::ALL[0], zhengce::sampling::CreditClass::A);
    /// ```
    pub const ALL: [CreditClass; 5] =
        [CreditClass::A, CreditClass::B, CreditClass::C, CreditClass::D, CreditClass::Unclassified];

    /// The class of a column byte: 0 unclassified, 1 A, 2 B, 3 C, 4 D.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `classes`) for any other byte.
    ///
    /// # Example
    ///
    /// ```
    /// use zhengce::sampling::CreditClass;
    ///
    /// assert_eq!(CreditClass::from_code(0)?, CreditClass::Unclassified);
    /// assert_eq!(CreditClass::from_code(9).unwrap_err().code(), "invalid_input");
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn from_code(code: u8) -> Result<CreditClass> {
        match code {
            0 => Ok(CreditClass::Unclassified),
            1 => Ok(CreditClass::A),
            2 => Ok(CreditClass::B),
            3 => Ok(CreditClass::C),
            4 => Ok(CreditClass::D),
            _ => Err(Error::invalid_input(
                "classes",
                code,
                "a class code 0 (unclassified), 1 (A), 2 (B), 3 (C) or 4 (D)",
            )),
        }
    }

    /// The column byte of the class (0 unclassified, 1 A, 2 B, 3 C, 4 D).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::sampling::CreditClass::B.code(), 2);
    /// ```
    pub fn code(self) -> u8 {
        match self {
            CreditClass::Unclassified => 0,
            CreditClass::A => 1,
            CreditClass::B => 2,
            CreditClass::C => 3,
            CreditClass::D => 4,
        }
    }

    /// The class's JSON name: `a`, `b`, `c`, `d` or `unclassified`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::sampling::CreditClass::Unclassified.as_str(), "unclassified");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CreditClass::Unclassified => "unclassified",
            CreditClass::A => "a",
            CreditClass::B => "b",
            CreditClass::C => "c",
            CreditClass::D => "d",
        }
    }

    /// The position of the class in listings (A first, unclassified last).
    pub(crate) fn rank(self) -> u8 {
        match self {
            CreditClass::Unclassified => 4,
            other => other.code() - 1,
        }
    }
}

/// A reason an entity must be inspected whatever the draw: the four cases in which Tianshan
/// item 10 lifts class A's "no proactive on-site check" (投诉举报、大数据监测发现问题、
/// 转办交办案件线索及法律法规另有规定).
///
/// In columns the flags are one byte, a bit each: 1 complaint, 2 big-data alert, 4 referred
/// case, 8 legal mandate.
///
/// # Example
///
/// ```
/// use zhengce::sampling::Flag;
///
/// assert_eq!(Flag::from_bits(0b0101)?, vec![Flag::Complaint, Flag::ReferredCase]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// A complaint or report (投诉举报).
    Complaint,
    /// A problem found by big-data monitoring (大数据监测发现问题).
    BigDataAlert,
    /// A case lead referred or assigned by another body (转办交办案件线索).
    ReferredCase,
    /// A law or regulation requires the check (法律法规另有规定).
    LegalMandate,
}

impl Flag {
    /// Every flag, in bit order.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::sampling::Flag::ALL.len(), 4);
    /// ```
    pub const ALL: [Flag; 4] = [Flag::Complaint, Flag::BigDataAlert, Flag::ReferredCase, Flag::LegalMandate];

    /// The flags of a column byte (bit 1 complaint, 2 big-data alert, 4 referred case, 8 legal
    /// mandate), in that order.
    ///
    /// # Errors
    ///
    /// - `invalid_input` (field `flags`) if a bit above 8 is set.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::sampling::Flag::from_bits(0)?.is_empty());
    /// assert!(zhengce::sampling::Flag::from_bits(16).is_err());
    /// # Ok::<(), zhengce::Error>(())
    /// ```
    pub fn from_bits(bits: u8) -> Result<Vec<Flag>> {
        if bits > 0x0f {
            return Err(Error::invalid_input("flags", bits, "a flag byte below 16 (bits 1, 2, 4, 8)"));
        }
        Ok(Flag::ALL.into_iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, f)| f).collect())
    }
}

/// How a class is treated on site (Tianshan item 10).
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(zhengce::sampling::OnSite::NotProactive).unwrap(), "not_proactive");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnSite {
    /// No proactive on-site check (可不主动实施现场检查): an entity drawn at random is checked
    /// off site (书面核查, 网上检查); a flagged one is still visited. Class A.
    NotProactive,
    /// The normal on-site check. Classes B and C.
    Normal,
    /// Targeted, on site (有针对性…必要时主动实施现场检查). Class D.
    Required,
}

/// The treatment of one credit class in a draw: its sampling ratio multiplier and on-site mode.
///
/// The ratio of a class is `base ratio × ratio_multiplier`. The built-in policies come from the
/// catalogue's parameters `inspection.sampling_multiplier.class_a`…`class_d` (see
/// [`class_policies`](super::class_policies)); a plan may give its own.
///
/// # Example
///
/// ```
/// use zhengce::sampling::{ClassPolicy, CreditClass, OnSite};
///
/// let p: ClassPolicy = serde_json::from_str(r#"{"class": "d", "ratio_multiplier": "15", "on_site": "required"}"#).unwrap();
/// assert_eq!(p.class, CreditClass::D);
/// assert_eq!(p.on_site, OnSite::Required);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassPolicy {
    /// The class the policy applies to.
    pub class: CreditClass,
    /// The class's sampling ratio as a multiple of the base (normal) ratio: a decimal string.
    #[schemars(with = "String")]
    #[serde(with = "crate::value::strict_decimal")]
    pub ratio_multiplier: Decimal,
    /// How the class is treated on site.
    pub on_site: OnSite,
    /// Inspections a year, where set (the credit-class rule's `frequency_per_year`). Recorded,
    /// not used by one draw: a plan is one batch, and the frequency says how many a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    #[serde(with = "crate::value::opt_strict_decimal")]
    pub frequency_per_year: Option<Decimal>,
}

impl ClassPolicy {
    /// The on-site mode a class has in Tianshan item 10: A not proactive, B and C normal, D
    /// required (and unclassified as B).
    pub(crate) fn default_on_site(class: CreditClass) -> OnSite {
        match class {
            CreditClass::A => OnSite::NotProactive,
            CreditClass::D => OnSite::Required,
            _ => OnSite::Normal,
        }
    }
}
