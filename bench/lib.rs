//! Shared helpers of the zhengce benchmarks (synthetic inputs). See `bench/README.md`.
