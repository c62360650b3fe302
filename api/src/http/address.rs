//! Where a request came from.

use actix_web::HttpRequest;

/// The address a request came from; forwarded headers count only behind a trusted proxy.
pub fn client_address(req: &HttpRequest, trust_proxy: bool) -> String {
    let addr = if trust_proxy {
        req.connection_info()
            .realip_remote_addr()
            .map(str::to_string)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    addr.unwrap_or_else(|| "onbekend".into())
}
