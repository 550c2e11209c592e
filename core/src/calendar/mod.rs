//! Working-day calendars and legal deadlines.
//!
//! Chinese administrative time limits are counted in working days (工作日), calendar days or
//! hours, on a calendar that the State Council rewrites every year: statutory holidays, swapped
//! rest days and the Saturdays or Sundays made working days (调休). Some regions add their own
//! days off (Xinjiang: 肉孜节 and 古尔邦节). This module holds that data and the arithmetic.
//!
//! - [`CalendarData`]: one layer of data (the national calendar `cn`, the Xinjiang overlay
//!   `cn-xj`), year by year, each year citing its notice, with the ranges it covers.
//! - [`Calendars`]: the set of layers, built in and layered with user data at run time
//!   ([`Calendars::layered`]): a new year's notice needs no new release.
//! - [`Calendar`]: the layers of one jurisdiction and its ancestors, compiled into day tables:
//!   [`Calendar::day`], [`Calendar::is_working_day`], [`Calendar::next_working_day`],
//!   [`Calendar::previous_working_day`], [`Calendar::add_working_days`],
//!   [`Calendar::sub_working_days`], [`Calendar::working_days_between`],
//!   [`Calendar::deadline`], and batch forms on columns of day numbers. Every operation is
//!   O(1), whatever the number of days.
//! - The deadline of a service promise of the catalogue (a time-limit rule), with an
//!   explanation naming the clause and the days skipped, is
//!   [`Context::deadline`](crate::Context::deadline): the rules find the rule and its duration
//!   under the context's scenario, this module counts the days.
//!
//! # Conventions and their legal sources
//!
//! - **The start day is not counted.** 民法典 art 201: a period in days starts on the day
//!   after the triggering day. So "2 working days from Friday" ends on Tuesday.
//! - **N working days count working days only.** 行政许可法 art 82: 以工作日计算，不含法定节假日;
//!   行政处罚法 art 85 does the same for its 2, 3, 5 and 7 日. Weekends, statutory holidays and
//!   swapped rest days are skipped; make-up working days (补班) count.
//! - **A calendar-day period whose last day is not a working day ends on the next working
//!   day.** 民法典 art 203 says 法定休假日; administrative and judicial practice reads it as every
//!   actual rest day, weekends included (the Supreme People's Court's 1988 opinion on the
//!   General Principles of the Civil Law, art 198, said so of Sundays and of rest days moved by
//!   swaps), and so does this module.
//! - **Hours run continuously** (民法典 art 201: a period in hours starts at the time of the
//!   event), through nights and rest days, and are not extended. With dates only, an
//!   `h`-hour limit from an event on day `d` expires on day `d + ⌈h/24⌉` at the latest.
//! - **A start on a rest day** counts from the day given by default (the start day is not
//!   counted anyway). With [`RestDayStart::NextWorkingDay`] it is taken as received on the
//!   next working day, the practice of offices that accept filings only on working days, and
//!   the convention of chinese-calendar's `find_workday`.
//! - **Coverage is explicit.** A date outside the data is an `out_of_coverage` error naming
//!   the date and the covered ranges, unless the call opts into [`Assume::WeekendsOnly`].
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use zhengce::{Catalogue, calendar::{Calendars, DayKind, TimeUnit}};
//!
//! let cat = Catalogue::builtin();
//! let calendars = Calendars::builtin();
//! let tianshan = calendars.calendar(&cat, "cn-xj-urumqi-tianshan")?;
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let strict = Default::default();
//!
//! assert_eq!(tianshan.day(d(2023, 6, 29), &strict)?.kind, DayKind::StatutoryHoliday); // 古尔邦节
//! let due = tianshan.deadline(d(2023, 6, 27), 2, TimeUnit::WorkingDays, &Default::default())?;
//! assert_eq!(due.date, d(2023, 7, 4));
//! println!("{}", due.explanation.en);
//! # Ok::<(), zhengce::Error>(())
//! ```

mod batch;
#[allow(clippy::module_inception)]
mod calendar;
mod calendars;
mod data;
mod day;
mod day_number;
mod deadline;
mod load;
mod lunar;
mod notice;
mod notice_layer;
mod notice_text;
mod options;
mod provenance;
mod provisional;
mod statutory;
mod tables;

pub use batch::{Counts, DayNumber};
pub use calendar::Calendar;
pub use calendars::Calendars;
pub use data::{
    BlockDays, CalendarData, CalendarYear, HolidayBlock, HolidayRule, NoticeSource, SourceQuality,
    json_schema,
};
pub use day::{Day, DayKind};
pub use day_number::{day_number, from_day_number};
pub(crate) use deadline::explain as explain_deadline;
pub use deadline::{Deadline, DeadlineOptions, RestDayStart, TimeUnit};
pub use notice::{Notice, NoticeDay, parse_notice};
pub use options::{Assume, CalendarOptions};
pub use statutory::{statutory_days, statutory_year};
