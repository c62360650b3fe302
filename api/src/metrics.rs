//! The Prometheus series of one server: requests by method, route and status, their duration,
//! and the pool. Every label takes its values from a fixed set, so no request can add a series.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

/// One registry per server (not per process): two apps in one process, as in the tests, keep
/// their counts apart.
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "koers_http_requests_total",
                "HTTP requests by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "koers_http_request_duration_seconds",
                "HTTP request duration by route",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let pool = IntGaugeVec::new(
            Opts::new("koers_db_pool_connections", "Database pool connections"),
            &["state"],
        )
        .expect("valid metric");
        registry
            .register(Box::new(requests.clone()))
            .expect("register");
        registry
            .register(Box::new(latency.clone()))
            .expect("register");
        registry.register(Box::new(pool.clone())).expect("register");
        Metrics {
            registry,
            requests,
            latency,
            pool,
        }
    }

    /// Counts one answered request. `route` is the matched pattern, never the raw path.
    pub fn observe(&self, method: &str, route: &str, status: &str, seconds: f64) {
        let method = method_label(method);
        self.requests
            .with_label_values(&[method, route, status])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// The text exposition, with the pool's current state.
    pub fn render(&self, connections: u32, idle: u32) -> Option<Vec<u8>> {
        self.pool
            .with_label_values(&["open"])
            .set(connections as i64);
        self.pool.with_label_values(&["idle"]).set(idle as i64);
        let mut buf = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buf)
            .ok()?;
        Some(buf)
    }
}

/// HTTP allows any token as a method; each would otherwise become a series of its own.
pub fn method_label(method: &str) -> &str {
    match method {
        "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS" => method,
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(super::method_label("GET"), "GET");
        assert_eq!(super::method_label("OPTIONS"), "OPTIONS");
        for m in ["PROPFIND", "BREW", "get", "X-1234"] {
            assert_eq!(super::method_label(m), "other");
        }
    }
}
