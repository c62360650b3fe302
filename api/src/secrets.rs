//! Secrets: password hashing (argon2id, PHC strings), random tokens and their digests.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;

pub fn hash(secret: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .expect("argon2 hashing with default parameters cannot fail")
}

pub fn verify(secret: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Verifies against a fixed hash so an unknown account costs as much time as a known one.
pub fn verify_dummy(secret: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let h = DUMMY.get_or_init(|| hash("koers-dummy-password"));
    let _ = verify(secret, h);
}

/// A random URL-safe token of 32 bytes.
pub fn random_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

static LINK_KEY: OnceLock<[u8; 32]> = OnceLock::new();

/// Sets the key of signed links from the installation's secret, once at start. Without it (a
/// command that mails nothing) a random key serves the process.
pub fn set_link_key(secret: &[u8]) {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"koers-links:");
    h.update(secret);
    let _ = LINK_KEY.set(h.finalize().into());
}

fn link_mac(purpose: &str, id: &crate::db::Id) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let key = LINK_KEY.get_or_init(|| {
        use rand::RngCore;
        let mut k = [0u8; 32];
        rand::rng().fill_bytes(&mut k);
        k
    });
    let mut mac =
        <Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any size");
    mac.update(purpose.as_bytes());
    mac.update(b":");
    mac.update(id.to_string().as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// A link token for record `id` and `purpose` (`{id}.{HMAC}`): every mail about the record
/// carries the same one, so an earlier mail's link keeps working, and nothing needs storing.
pub fn signed_link(purpose: &str, id: crate::db::Id) -> String {
    format!("{id}.{}", link_mac(purpose, &id))
}

/// The record a signed link token is for, if its signature is right.
pub fn verify_signed_link(purpose: &str, token: &str) -> Option<crate::db::Id> {
    let (id, mac) = token.split_once('.')?;
    let id: crate::db::Id = id.parse().ok()?;
    same_secret(mac, &link_mac(purpose, &id)).then_some(id)
}

/// SHA-256 of a high-entropy token, for lookup by hash (refresh tokens).
pub fn token_digest(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares a presented secret with the expected one in time that depends on neither: both are
/// hashed first (equal lengths), then every byte is compared.
pub fn same_secret(given: &str, expected: &str) -> bool {
    use sha2::{Digest, Sha256};
    let (a, b) = (
        Sha256::digest(given.as_bytes()),
        Sha256::digest(expected.as_bytes()),
    );
    let diff = a
        .iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | std::hint::black_box(x ^ y));
    diff == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_and_verify() {
        let h = super::hash("een lang wachtwoord");
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("een lang wachtwoord", &h));
        assert!(!super::verify("een ander wachtwoord", &h));
        assert!(!super::verify("x", "geen-hash"));
    }

    #[test]
    fn same_secret() {
        assert!(super::same_secret("een-geheim-token", "een-geheim-token"));
        assert!(!super::same_secret("een-geheim-token", "een-geheim-tokem"));
        assert!(!super::same_secret("", "een-geheim-token"));
    }

    #[test]
    fn signed_links_verify_only_for_their_record_and_purpose() {
        use super::{signed_link, verify_signed_link};
        let id = crate::db::Id::new();
        let token = signed_link("afmelden", id);
        assert_eq!(verify_signed_link("afmelden", &token), Some(id));
        assert_eq!(verify_signed_link("iets-anders", &token), None);
        let other = crate::db::Id::new();
        let forged = format!("{other}{}", &token[36..]);
        assert_eq!(verify_signed_link("afmelden", &forged), None);
        assert_eq!(verify_signed_link("afmelden", "geen-token"), None);
        assert_eq!(signed_link("afmelden", id), token, "stable");
    }
}
