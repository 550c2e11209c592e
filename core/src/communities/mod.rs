//! Communities and their responsibility chains (issue 7: in progress).
