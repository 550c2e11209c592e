//! Target assessment, observations and scorecards (issue 7: in progress).
