//! Access tokens: HS256 JWTs of at most 15 minutes.

use chrono::Utc;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::db::Id;

pub const ISSUER: &str = "koers";
pub const AUDIENCE: &str = "koers-api";
pub const ACCESS_TTL_SECONDS: i64 = 15 * 60;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// The user's id, or the client's `clientId`.
    pub sub: String,
    /// The SWV of the caller; null for the platformbeheerder and platform-wide clients.
    pub swv: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rol: Option<String>,
    /// Space-separated scopes of a client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The gemeenten a client may see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gemeenten: Option<Vec<Id>>,
    /// The session (refresh-token family) of a user's token: signing out of it, or any
    /// revocation of the user's sessions, ends the access token too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<Id>,
    /// The client's `versie` when the token was issued (clients only): any change to the
    /// client, such as revoking it or rotating its secret, ends its tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ver: Option<i32>,
    /// The client's record id (clients only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<Id>,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
}

pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Keys {
    pub fn new(secret: &[u8]) -> Keys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    pub fn claims(sub: String, swv: Option<Id>) -> Claims {
        let now = Utc::now().timestamp();
        Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub,
            swv,
            rol: None,
            scope: None,
            gemeenten: None,
            cid: None,
            sid: None,
            ver: None,
            iat: now,
            exp: now + ACCESS_TTL_SECONDS,
            jti: uuid::Uuid::now_v7().to_string(),
        }
    }

    pub fn sign(&self, claims: &Claims) -> String {
        encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .expect("HS256 signing cannot fail")
    }

    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|d| d.claims)
    }
}
