// Vector calls of the calendar module (see tests/vectors/README.md).
// The case's context with the input's calendar `overlay` layered on, a `notice` text read in
// and the data `as_known_on` a date, each if given.
const withOverlay = (ctx, i) => {
  let out = "overlay" in i ? ctx.layeredCalendars(i.overlay) : ctx;
  if ("notice" in i) out = out.withCalendars(out.calendars().layeredNotice(i.notice));
  if ("as_known_on" in i) out = out.withCalendars(out.calendars().asKnownOn(i.as_known_on));
  return out;
};
const cal = (z, ctx, i) => withOverlay(ctx, i).calendar(i.jurisdiction);

export const calls = {
  "calendar.parse_notice": (z, ctx, i) => z.Calendars.parseNotice(i.text),
  "calendar.day": (z, ctx, i) => cal(z, ctx, i).day(i.date, i.options),
  "calendar.layered": (z, ctx, i) => cal(z, ctx, i).day(i.date, i.options),
  "calendar.is_working_day": (z, ctx, i) => cal(z, ctx, i).isWorkingDay(i.date, i.options),
  "calendar.add_working_days": (z, ctx, i) => cal(z, ctx, i).addWorkingDays(i.date, i.n, i.options),
  "calendar.sub_working_days": (z, ctx, i) => cal(z, ctx, i).subWorkingDays(i.date, i.n, i.options),
  "calendar.next_working_day": (z, ctx, i) => cal(z, ctx, i).nextWorkingDay(i.date, i.options),
  "calendar.previous_working_day": (z, ctx, i) => cal(z, ctx, i).previousWorkingDay(i.date, i.options),
  "calendar.working_days_between": (z, ctx, i) => cal(z, ctx, i).workingDaysBetween(i.from, i.to, i.options),
  "calendar.deadline": (z, ctx, i) => withOverlay(ctx, i).deadline(i.service, i.start, i.jurisdiction, i.options),
  "calendar.days": (z, ctx, i) => cal(z, ctx, i).days(i.from, i.until, i.options),
  "calendar.coverage": (z, ctx, i) => cal(z, ctx, i).coverage(),
  "calendar.calendar_deadline": (z, ctx, i) => cal(z, ctx, i).deadline(i.start, i.duration, i.unit, i.options),
  "calendar.sub_working_days_batch": (z, ctx, i) => Array.from(cal(z, ctx, i).subWorkingDaysBatch(Int32Array.from(i.days), i.n, i.options)),
  "calendar.working_days_between_batch": (z, ctx, i) =>
    Array.from(cal(z, ctx, i).workingDaysBetweenBatch(Int32Array.from(i.from), Int32Array.from(i.to), i.options)),
  "calendar.is_working_day_batch": (z, ctx, i) =>
    Array.from(cal(z, ctx, i).isWorkingDayBatch(Int32Array.from(i.days), i.options), (b) => b === 1),
  "calendar.add_working_days_batch": (z, ctx, i) =>
    Array.from(
      cal(z, ctx, i).addWorkingDaysBatch(Int32Array.from(i.days), Array.isArray(i.n) ? Int32Array.from(i.n) : i.n, i.options),
    ),
};
