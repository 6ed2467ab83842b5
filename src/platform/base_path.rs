//! Where on its host the app is served: at the root of a domain or under a sub-path (a
//! GitHub Pages project site is served at `/<repository>/`). The build writes it into
//! `<meta name="steadyback-base" content="/…/">` (scripts/post-build.mjs, from Trunk's
//! public URL); the router, links and the service worker all follow it.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The app's path on its host without the trailing slash: `""` at the root of a domain,
/// `"/steadyback"` under that sub-path. Read from the page once.
pub fn base() -> &'static str {
    BASE.get_or_init(|| {
        let meta = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(r#"meta[name="steadyback-base"]"#)
                    .ok()
                    .flatten()
            })
            .and_then(|m| m.get_attribute("content"));
        normalise(meta.as_deref().unwrap_or("/"))
    })
}

/// `"/steadyback/"`, `"steadyback"` and `"/steadyback"` all mean `"/steadyback"`; `"/"`,
/// `""` and anything that is not a plain path mean the root, `""`.
pub fn normalise(content: &str) -> String {
    let trimmed = content.trim().trim_matches('/');
    let plain = trimmed
        .split('/')
        .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains(':'));
    if trimmed.is_empty() || !plain {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}
