//! Shared inputs of the benchmarks.

/// Inputs of the sampling benchmarks.
pub mod sampling {
    use zhengce::sampling::SampleSpec;

    /// A register of `n` entities as columns: ids `0..n` (u64) and credit classes with
    /// Xinjiang's mix (A 48.60 %, B 41.52 %, C 6.42 %, D 3.46 %), from a multiplicative hash.
    pub fn register_columns(n: usize) -> (Vec<u64>, Vec<u8>) {
        let ids: Vec<u64> = (0..n as u64).collect();
        let classes = (0..n as u64)
            .map(|i| match (i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) % 10_000 {
                0..4860 => 1,
                4860..9012 => 2,
                9012..9654 => 3,
                _ => 4,
            })
            .collect();
        (ids, classes)
    }

    /// The draw's spec: Tianshan on 2022-06-01, the catalogue's ratios.
    pub fn spec() -> SampleSpec {
        SampleSpec {
            jurisdiction: "cn-xj-urumqi-tianshan".into(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 6, 1).expect("a date"),
            seed: "benchmark".into(),
            base_ratio: None,
            policies: vec![],
        }
    }
}
