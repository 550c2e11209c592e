//! How one day is classified.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::SourceQuality;
use crate::catalogue::Text;

/// The kind of a day in a working-day calendar.
///
/// Weekends and weekdays are what they are unless a notice says otherwise: a statutory
/// holiday (法定节假日) or a swapped rest day (调休放假的工作日) is off; a Saturday or Sunday the
/// notice makes a working day (补班) is a make-up working day.
///
/// # Example
///
/// ```
/// use zhengce::calendar::DayKind;
///
/// assert!(DayKind::MakeUpWorkingDay.is_working());
/// assert!(!DayKind::SwappedRestDay.is_working());
/// assert_eq!(serde_json::to_string(&DayKind::StatutoryHoliday).unwrap(), "\"statutory_holiday\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A Monday to Friday that no notice makes a day off.
    WorkingDay,
    /// A Saturday or Sunday that no notice makes a working day (it may lie inside a holiday block).
    Weekend,
    /// A statutory holiday (法定节假日) of the festival named: triple pay for work, and the day
    /// that 民法典 art 203 calls 法定休假日. A regional festival's days off are statutory in that region.
    StatutoryHoliday,
    /// A Monday to Friday given off by a notice in exchange for a make-up working day (调休).
    SwappedRestDay,
    /// A Saturday or Sunday a notice makes a working day (补班, 调休上班).
    MakeUpWorkingDay,
}

impl DayKind {
    /// True for a working day and a make-up working day.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhengce::calendar::DayKind::WorkingDay.is_working());
    /// ```
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::WorkingDay | DayKind::MakeUpWorkingDay)
    }

    /// The kind's snake_case name, as in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::calendar::DayKind::MakeUpWorkingDay.as_str(), "make_up_working_day");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::WorkingDay => "working_day",
            DayKind::Weekend => "weekend",
            DayKind::StatutoryHoliday => "statutory_holiday",
            DayKind::SwappedRestDay => "swapped_rest_day",
            DayKind::MakeUpWorkingDay => "make_up_working_day",
        }
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            DayKind::WorkingDay => 0,
            DayKind::Weekend => 1,
            DayKind::StatutoryHoliday => 2,
            DayKind::SwappedRestDay => 3,
            DayKind::MakeUpWorkingDay => 4,
        }
    }

    pub(crate) fn from_code(code: u8) -> DayKind {
        match code & 7 {
            0 => DayKind::WorkingDay,
            1 => DayKind::Weekend,
            2 => DayKind::StatutoryHoliday,
            3 => DayKind::SwappedRestDay,
            _ => DayKind::MakeUpWorkingDay,
        }
    }
}

/// One day of a calendar, classified, with the festival and the data layer behind it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use zhengce::calendar::{Calendar, DayKind};
///
/// let cal = Calendar::builtin("cn")?;
/// let day = cal.day(NaiveDate::from_ymd_opt(2024, 2, 4).unwrap(), &Default::default())?;
/// assert_eq!(day.kind, DayKind::MakeUpWorkingDay);
/// assert_eq!(day.name.unwrap().zh, "春节");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Day {
    /// The date.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// True for a working day or a make-up working day.
    pub working: bool,
    /// The festival whose notice sets the day (`spring_festival`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub festival: Option<String>,
    /// The festival's name in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The calendar layer whose notice sets the day (`cn`, `cn-xj`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// The notice that set the day (its 文号, or its title where the number is unknown), if a
    /// notice set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// How directly that notice's year was read (official text, state media, secondary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_quality: Option<SourceQuality>,
    /// True if the date lies outside the data and was classified by the caller's assumption
    /// (`weekends_only`, `statutory`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
    /// True if the day lies in a year computed from the law under `assume: statutory`: its
    /// statutory days are known, its swaps and make-up working days are not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}
