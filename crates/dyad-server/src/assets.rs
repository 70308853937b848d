//! The dashboard's static files, embedded at compile time. Only these paths
//! are ever served, so there is no file system access and no path traversal.

/// An embedded file: its bytes and content type.
pub struct Asset {
    /// File contents.
    pub body: &'static [u8],
    /// MIME type sent as `content-type`.
    pub content_type: &'static str,
}

/// Looks up an embedded asset by its name under `/assets/`.
pub fn asset(name: &str) -> Option<Asset> {
    let (body, content_type): (&'static [u8], &'static str) = match name {
        "app.js" => (
            include_bytes!("../assets/app.js"),
            "text/javascript; charset=utf-8",
        ),
        "style.css" => (
            include_bytes!("../assets/style.css"),
            "text/css; charset=utf-8",
        ),
        "world.json" => (include_bytes!("../assets/world.json"), "application/json"),
        _ => return None,
    };
    Some(Asset { body, content_type })
}

/// The single page of the dashboard.
pub const INDEX_HTML: &str = include_str!("../assets/index.html");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_embedded_names_resolve() {
        assert!(asset("app.js").is_some());
        assert!(asset("world.json").is_some());
        assert!(asset("../Cargo.toml").is_none());
        assert!(asset("app.js/../../etc/passwd").is_none());
        assert!(INDEX_HTML.contains("/assets/app.js"));
    }
}
