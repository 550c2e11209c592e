//! Working-day calendars and legal deadlines (issue 4: in progress).
