//! The file shape of calendar data (`core/data/calendar/*.json`): one layer of days off and
//! make-up working days, year by year, each year citing the notice that set it.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Period, Text};

/// One layer of calendar data: the national calendar (`cn`) or a regional overlay (`cn-xj`).
///
/// This is the JSON shape of `core/data/calendar/cn.json` and `cn-xj.json`, and of the data a
/// user passes to [`Calendars::layered`](super::Calendars::layered) to add or correct a year.
/// A layer applies to its `jurisdiction` and every jurisdiction below it; an overlay names the
/// layer it `extends`. `coverage` lists the ranges the data speaks for (sorted, disjoint, not
/// necessarily contiguous); every other date is unknown, never guessed.
///
/// # Example
///
/// ```
/// let json = r#"{"id": "cn", "name": {"zh": "全国", "en": "National"}, "jurisdiction": "cn",
///   "coverage": [{"from": "2030-01-01", "until": "2030-12-31"}],
///   "years": [{"year": 2030, "source": {"title": "国务院办公厅关于2030年部分节假日安排的通知"},
///     "holidays": [{"festival": "new_year", "name": {"zh": "元旦", "en": "New Year's Day"},
///                   "off": ["2030-01-01"], "statutory": ["2030-01-01"], "work": []}]}]}"#;
/// let data: zhengce::calendar::CalendarData = serde_json::from_str(json).unwrap();
/// assert_eq!(data.years[0].holidays[0].off.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarData {
    /// Stable id of the layer (`cn`, `cn-xj`).
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// The jurisdiction whose calendar this layer sets; it applies to every jurisdiction below.
    pub jurisdiction: String,
    /// The layer this one is drawn over (`cn` for a provincial overlay); absent for a root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// The ranges of days this layer's data covers: sorted, disjoint, not necessarily contiguous.
    pub coverage: Vec<Period>,
    /// The laws in force that fix the statutory days, by date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<HolidayRule>,
    /// One entry per notice year, each with the notice it comes from.
    pub years: Vec<CalendarYear>,
}

/// The holiday law in force from a date (全国年节及纪念日放假办法 and its revisions).
///
/// # Example
///
/// ```
/// let calendars = zhengce::calendar::Calendars::builtin();
/// let cn = calendars.layer("cn")?;
/// // Four revisions: 1999, 2007, 2013 and 2024 (in force 2025: 13 statutory days).
/// assert_eq!(cn.rules.len(), 4);
/// assert_eq!(cn.rules.last().unwrap().effective_from.to_string(), "2025-01-01");
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayRule {
    /// First day in force.
    #[serde(with = "crate::value::iso_date")]
    #[schemars(with = "NaiveDate")]
    pub effective_from: NaiveDate,
    /// The instrument.
    pub source: NoticeSource,
    /// The statutory days it sets, in words.
    pub statutory_days: String,
}

/// A notice or law that a calendar year or block comes from.
///
/// # Example
///
/// ```
/// let calendars = zhengce::calendar::Calendars::builtin();
/// let cn = calendars.layer("cn")?;
/// let y2024 = cn.years.iter().find(|y| y.year == 2024).unwrap();
/// assert_eq!(y2024.source.number.as_deref(), Some("国办发明电〔2023〕7号"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeSource {
    /// Title of the notice, as issued.
    pub title: String,
    /// Its document number (文号, e.g. `国办发明电〔2023〕7号`), null where it could not be confirmed.
    #[serde(default)]
    pub number: Option<String>,
    /// The date the notice bears, null where it could not be confirmed.
    #[serde(default, with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub published: Option<NaiveDate>,
    /// Where the text can be read.
    #[serde(default)]
    pub url: Option<String>,
    /// Other copies or relays of the same text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
}

/// How directly a year's days were read from the notice that set them.
///
/// A result that uses a day of a [`SourceQuality::Secondary`] year says so (see
/// [`Deadline::secondary_source_days`](super::Deadline::secondary_source_days)).
///
/// # Example
///
/// ```
/// use zhengce::calendar::{Calendars, SourceQuality};
///
/// let calendars = Calendars::builtin();
/// let xj = calendars.layer("cn-xj")?;
/// let quality = |y: i32| xj.years.iter().find(|x| x.year == y).and_then(|x| x.source_quality);
/// assert_eq!(quality(2023), Some(SourceQuality::OfficialText));
/// assert_eq!(quality(2024), Some(SourceQuality::StateMedia));
/// assert_eq!(quality(2022), Some(SourceQuality::Secondary));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceQuality {
    /// The notice's own text: the issuing government's page or a verbatim copy of it
    /// (a government relay, the 国务院公报, wikisource).
    OfficialText,
    /// A state-media report of the arrangement (新华社, 中国新闻网, 总台), not the notice's text.
    StateMedia,
    /// A third-party reprint or summary whose provenance could not be confirmed.
    Secondary,
}

impl SourceQuality {
    /// The snake_case name, as in JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhengce::calendar::SourceQuality::StateMedia.as_str(), "state_media");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SourceQuality::OfficialText => "official_text",
            SourceQuality::StateMedia => "state_media",
            SourceQuality::Secondary => "secondary",
        }
    }
}

/// The days set by one year's notice.
///
/// # Example
///
/// ```
/// let calendars = zhengce::calendar::Calendars::builtin();
/// let cn = calendars.layer("cn")?;
/// let y2024 = cn.years.iter().find(|y| y.year == 2024).unwrap();
/// assert!(y2024.holidays.iter().any(|h| h.festival == "spring_festival"));
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    /// The year of the notice's schedule (a New Year block may start in December before it).
    pub year: i32,
    /// How directly the year's days were read: the notice's own text, a state-media report of
    /// it, or a secondary source. Absent in user data that does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_quality: Option<SourceQuality>,
    /// The notice.
    pub source: NoticeSource,
    /// One block per festival.
    pub holidays: Vec<HolidayBlock>,
}

/// The days off and make-up working days of one festival in one year.
///
/// # Example
///
/// ```
/// let calendars = zhengce::calendar::Calendars::builtin();
/// let cn = calendars.layer("cn")?;
/// let y2024 = cn.years.iter().find(|y| y.year == 2024).unwrap();
/// let spring = y2024.holidays.iter().find(|h| h.festival == "spring_festival").unwrap();
/// // 2024: off 2/10-2/17, statutory 初一-初三 (2/10-2/12), make-up days Sun 2/4 and Sun 2/18.
/// assert_eq!(spring.off.len(), 8);
/// assert_eq!(spring.statutory.len(), 3);
/// assert_eq!(spring.work.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2024-02-04", "2024-02-18"]);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayBlock {
    /// The festival's key (`spring_festival`, `eid_al_adha`, ...).
    pub festival: String,
    /// The festival's name in Chinese and English.
    pub name: Text,
    /// Every day off of the block, weekends inside it included; sorted.
    #[serde(with = "iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub off: Vec<NaiveDate>,
    /// The statutory days (法定节假日) among them, under the law in force; sorted.
    #[serde(with = "iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub statutory: Vec<NaiveDate>,
    /// Saturdays and Sundays the notice makes working days (补班, make-up working days); sorted.
    #[serde(with = "iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub work: Vec<NaiveDate>,
    /// The block whose `off` lists this festival's days (a Mid-Autumn merged with National Day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// The notice that set this block, when it is not the year's notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<NoticeSource>,
    /// Notices that changed the block after the year's notice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amended_by: Vec<NoticeSource>,
    /// The block's days as the year's notice set them, before `amended_by` changed them
    /// (what [`Calendars::as_known_on`](super::Calendars::as_known_on) gives before the
    /// amendment, and how each day's notice is told apart).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<BlockDays>,
    /// A remark on the block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// For a regional festival: the day the notice names as the festival.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::value::opt_iso_date")]
    #[schemars(with = "Option<NaiveDate>")]
    pub festival_date: Option<NaiveDate>,
}

/// The days off and make-up working days of a block, as an earlier notice set them.
///
/// # Example
///
/// ```
/// let calendars = zhengce::calendar::Calendars::builtin();
/// let y2019 = calendars.layer("cn")?.years.iter().find(|y| y.year == 2019).unwrap();
/// let labour = y2019.holidays.iter().find(|h| h.festival == "labour_day").unwrap();
/// // The 2019 notice gave 1 May only; 国办发明电〔2019〕3号 made it 1-4 May.
/// assert_eq!(labour.original.as_ref().unwrap().off.len(), 1);
/// # Ok::<(), zhengce::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockDays {
    /// Days off; sorted.
    #[serde(with = "iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub off: Vec<NaiveDate>,
    /// Make-up working days; sorted.
    #[serde(with = "iso_dates")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub work: Vec<NaiveDate>,
}

/// Serde for a list of ISO dates.
pub(crate) mod iso_dates {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, ser::SerializeSeq};

    // no example: a private serde hook.
    pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(dates.len()))?;
        for d in dates {
            seq.serialize_element(&crate::value::format_date(*d))?;
        }
        seq.end()
    }

    // no example: a private serde hook.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "crate::value::iso_date")] NaiveDate);
        Ok(Vec::<Wrapped>::deserialize(d)?.into_iter().map(|w| w.0).collect())
    }
}

/// The JSON Schema of calendar data files.
///
/// # Example
///
/// ```
/// let schema = zhengce::calendar::json_schema();
/// assert_eq!(schema["title"], "CalendarData");
/// ```
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(CalendarData)).expect("a schema serialises")
}

fn label(source: &NoticeSource) -> String {
    source.number.clone().unwrap_or_else(|| source.title.clone())
}

/// The notice a block's day comes from. With `amended`, the last amendment (the day differs
/// from the block's `original`); otherwise the block's own source, or its year's. A block
/// amended without its `original` recorded names both ("…; amended by …").
pub(crate) fn notice_label(year: &CalendarYear, block: &HolidayBlock, amended: bool) -> Option<String> {
    if amended && let Some(last) = block.amended_by.last() {
        return Some(label(last));
    }
    let mut out = label(block.source.as_ref().unwrap_or(&year.source));
    if year.source_quality.is_none() && year.source.title.contains("推定") {
        out += " (provisional)";
    }
    if block.original.is_none() {
        for a in &block.amended_by {
            out += "; amended by ";
            out += &label(a);
        }
    }
    Some(out)
}
