//! The random streams of a draw: keys derived from the published seed, the ChaCha20
//! keystream, and unbiased bounded integers.
//!
//! Everything here is specified bit for bit (see the module docs), so that anyone can re-derive
//! a plan with an independent ChaCha20 implementation.

use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
use sha2::{Digest, Sha256};

/// The algorithm's name, recorded in every plan; a verifier refuses plans of another algorithm.
///
/// # Example
///
/// ```
/// assert_eq!(zhengce::sampling::ALGORITHM, "zhengce.sampling.v1");
/// ```
pub const ALGORITHM: &str = "zhengce.sampling.v1";

/// The 32-byte ChaCha20 key of one stream: SHA-256 of the length-prefixed parts
/// (`ALGORITHM`, the seed, then `parts`), each part written as its byte length (u64
/// little-endian) followed by its UTF-8 bytes.
pub(crate) fn derive_key(seed: &str, parts: &[&str]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for part in [ALGORITHM, seed].iter().chain(parts) {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.finalize().into()
}

/// A stream of 64-bit words: the ChaCha20 keystream under `key` (nonce 0, block counter from
/// 0), read 8 bytes at a time as little-endian u64.
pub(crate) struct Stream {
    rng: ChaCha20Rng,
}

impl Stream {
    /// The stream of `seed` for the given purpose (`["entities", stratum]`, `["inspectors"]`).
    pub(crate) fn new(seed: &str, parts: &[&str]) -> Stream {
        Stream { rng: ChaCha20Rng::from_seed(derive_key(seed, parts)) }
    }

    /// The next 8 keystream bytes as a little-endian u64.
    ///
    /// Composed from two 32-bit words (first word low) rather than through `next_u64`, so the
    /// composition is ours and documented, whatever a later `rand_core` does.
    #[inline]
    pub(crate) fn next_u64(&mut self) -> u64 {
        let lo = u64::from(self.rng.next_u32());
        let hi = u64::from(self.rng.next_u32());
        lo | (hi << 32)
    }

    /// A uniform integer in `0..range` (`range > 0`), by Lemire's multiply-and-reject method:
    /// `m = x · range` (128-bit); if the low 64 bits of `m` are below `2^64 mod range`, draw `x`
    /// again; the result is the high 64 bits of `m`. Exactly uniform; one draw on average.
    #[inline]
    pub(crate) fn below(&mut self, range: u64) -> u64 {
        debug_assert!(range > 0);
        let mut m = u128::from(self.next_u64()) * u128::from(range);
        if (m as u64) < range {
            let threshold = range.wrapping_neg() % range;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(range);
            }
        }
        (m >> 64) as u64
    }
}

/// The JSON of a value, hashed: `sha256:` and 64 hex digits.
pub(crate) fn sha256_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("values serialise");
    let hex: String = Sha256::digest(json.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystream_is_chacha20_of_rfc_8439() {
        // RFC 8439 appendix A.1, test vector 1: all-zero key and nonce, block counter 0.
        let mut s = Stream { rng: ChaCha20Rng::from_seed([0; 32]) };
        let expected = "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7";
        let got: String =
            (0..4).flat_map(|_| s.next_u64().to_le_bytes()).map(|b| format!("{b:02x}")).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn keys_are_length_prefixed_sha256() {
        // Worked by hand: SHA-256 over len(ALGORITHM) || ALGORITHM || len("s") || "s" || len("x") || "x".
        let mut bytes = Vec::new();
        for part in [ALGORITHM, "s", "x"] {
            bytes.extend((part.len() as u64).to_le_bytes());
            bytes.extend(part.as_bytes());
        }
        let expected: [u8; 32] = Sha256::digest(&bytes).into();
        assert_eq!(derive_key("s", &["x"]), expected);
        // "ab" + "c" and "a" + "bc" must not collide.
        assert_ne!(derive_key("ab", &["c"]), derive_key("a", &["bc"]));
    }

    #[test]
    fn below_stays_in_range_and_rejects_the_biased_tail() {
        let mut s = Stream::new("seed", &["t"]);
        for range in [1u64, 2, 3, 7, 1000, u64::MAX / 3 * 2, u64::MAX] {
            for _ in 0..200 {
                assert!(s.below(range) < range);
            }
        }
        assert_eq!(s.below(1), 0);
    }
}
