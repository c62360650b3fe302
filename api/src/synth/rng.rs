//! Determinism: a local generator (SplitMix64) instead of `rand`, so a seed yields the same data
//! whatever version of `rand` the crate is built with, plus ids and public ids derived from it.

use uuid::Uuid;

use crate::db::Id;

/// The SplitMix64 finaliser: a bijection on `u64` that scatters neighbouring inputs.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub struct Rng(u64);

impl Rng {
    /// One independent stream per `(seed, stream)`, so an SWV's data does not depend on how much
    /// randomness the SWV's before it used.
    pub fn new(seed: u64, stream: u64) -> Rng {
        Rng(mix64(
            seed ^ mix64(stream.wrapping_add(0x9e37_79b9_7f4a_7c15)),
        ))
    }

    pub fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix64(self.0)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    pub fn unit(&mut self) -> f64 {
        (self.u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn weighted<T: Copy>(&mut self, xs: &[(T, u32)]) -> T {
        let total: u32 = xs.iter().map(|(_, w)| w).sum();
        let mut n = self.below(total as usize) as u32;
        for (x, w) in xs {
            if n < *w {
                return *x;
            }
            n -= w;
        }
        xs[0].0
    }

    /// Puts `xs` in a random order (Fisher-Yates).
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// `k` distinct indices of `0..n`, in random order (all of them when `k >= n`).
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

/// 2026-11-01T00:00:00Z: the timestamp part of the generated ids.
const ID_EPOCH_MS: u64 = 1_793_491_200_000;

/// UUID v7-shaped ids from a counter: they sort in the order they were made (as real v7 ids
/// do), never collide within a run, and differ per seed through the random part.
pub struct Ids {
    next: u64,
    salt: u64,
}

impl Ids {
    pub fn new(seed: u64) -> Ids {
        Ids {
            next: 0,
            salt: mix64(seed ^ 0x1d5_c0de),
        }
    }

    pub fn next(&mut self) -> Id {
        let n = self.next;
        self.next += 1;
        let ms = (ID_EPOCH_MS + (n >> 12)) as u128;
        let rand_b = (mix64(n ^ self.salt) & ((1 << 62) - 1)) as u128;
        let v = (ms << 80) | (0x7 << 76) | (((n & 0xfff) as u128) << 64) | (0b10 << 62) | rand_b;
        Id(Uuid::from_u128(v))
    }
}

const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const BITS: u32 = 59;
const MASK: u64 = (1 << BITS) - 1;

/// The public id of the `n`th meeting: 12 characters of the alphabet of
/// `rij::new_public_id`. Multiplying by an odd number and xor-shifting are bijections on
/// 59 bits, and 31^12 > 2^59, so distinct meetings get distinct ids without a lookup.
pub fn public_id(seed: u64, n: u64) -> String {
    let mut v = (n.wrapping_add(mix64(seed)) & MASK).wrapping_mul(0x2545_f491_4f6c_dd1d) & MASK;
    v ^= v >> 29;
    v = v.wrapping_mul(0x1b87_3593_3ca1_4d27 | 1) & MASK;
    let mut out = [0u8; 12];
    for c in out.iter_mut() {
        *c = ALPHABET[(v % ALPHABET.len() as u64) as usize];
        v /= ALPHABET.len() as u64;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_ids_are_distinct_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..200_000 {
            let p = public_id(42, n);
            assert_eq!(p.len(), 12);
            assert!(p.bytes().all(|b| ALPHABET.contains(&b)));
            assert!(seen.insert(p));
        }
    }

    #[test]
    fn ids_are_sorted_v7_and_seeded() {
        let mut a = Ids::new(1);
        let ids: Vec<Id> = (0..10_000).map(|_| a.next()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(ids.iter().all(|i| i.0.get_version_num() == 7));
        assert_ne!(Ids::new(1).next(), Ids::new(2).next());
        assert_eq!(Ids::new(1).next(), Ids::new(1).next());
    }
}
