// Vector calls of the calendar module (see tests/vectors/README.md).
let builtin;
const calendars = (z, i) => {
  builtin ??= z.Calendars.builtin();
  let c = "overlay" in i ? builtin.layered(i.overlay) : builtin;
  if ("notice" in i) c = c.layeredNotice(i.notice);
  if ("as_known_on" in i) c = c.asKnownOn(i.as_known_on);
  return c;
};
const cal = (z, cat, i) => calendars(z, i).calendar(i.jurisdiction, cat);

export const calls = {
  "calendar.parse_notice": (z, cat, i) => z.Calendars.parseNotice(i.text),
  "calendar.day": (z, cat, i) => cal(z, cat, i).day(i.date, i.options),
  "calendar.layered": (z, cat, i) => cal(z, cat, i).day(i.date, i.options),
  "calendar.is_working_day": (z, cat, i) => cal(z, cat, i).isWorkingDay(i.date, i.options),
  "calendar.add_working_days": (z, cat, i) => cal(z, cat, i).addWorkingDays(i.date, i.n, i.options),
  "calendar.sub_working_days": (z, cat, i) => cal(z, cat, i).subWorkingDays(i.date, i.n, i.options),
  "calendar.next_working_day": (z, cat, i) => cal(z, cat, i).nextWorkingDay(i.date, i.options),
  "calendar.previous_working_day": (z, cat, i) => cal(z, cat, i).previousWorkingDay(i.date, i.options),
  "calendar.working_days_between": (z, cat, i) => cal(z, cat, i).workingDaysBetween(i.from, i.to, i.options),
  "calendar.deadline": (z, cat, i) => calendars(z, i).deadline(i.service, i.start, i.jurisdiction, cat, i.options),
  "calendar.days": (z, cat, i) => cal(z, cat, i).days(i.from, i.until, i.options),
  "calendar.coverage": (z, cat, i) => cal(z, cat, i).coverage(),
  "calendar.calendar_deadline": (z, cat, i) => cal(z, cat, i).deadline(i.start, i.duration, i.unit, i.options),
  "calendar.sub_working_days_batch": (z, cat, i) => Array.from(cal(z, cat, i).subWorkingDaysBatch(Int32Array.from(i.days), i.n, i.options)),
  "calendar.working_days_between_batch": (z, cat, i) =>
    Array.from(cal(z, cat, i).workingDaysBetweenBatch(Int32Array.from(i.from), Int32Array.from(i.to), i.options)),
  "calendar.is_working_day_batch": (z, cat, i) =>
    Array.from(cal(z, cat, i).isWorkingDayBatch(Int32Array.from(i.days), i.options), (b) => b === 1),
  "calendar.add_working_days_batch": (z, cat, i) =>
    Array.from(
      cal(z, cat, i).addWorkingDaysBatch(Int32Array.from(i.days), Array.isArray(i.n) ? Int32Array.from(i.n) : i.n, i.options),
    ),
};
