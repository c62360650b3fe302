//! The HTTP side of TLV's.

pub mod stappen;
pub mod tlvs;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    tlvs::configure(cfg);
    stappen::configure(cfg);
}
