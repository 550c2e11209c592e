//! Double-random inspection plans (双随机、一公开) (issue 6: in progress).
