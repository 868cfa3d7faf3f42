//! Helpers shared by the native rendering tests.
#![allow(dead_code)]

/// The structure of the markup: one line per element with its tag and the attributes that name it
/// (data-testid, data-label, class, role), without coordinates.
pub fn structure(html: &str) -> String {
    let mut out = String::new();
    for tag in html.split('<').skip(1) {
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let head = tag.split('>').next().unwrap_or("");
        let name = head
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        let attr = |key: &str| {
            let needle = format!("{key}=\"");
            head.find(&needle).map(|i| {
                let rest = &head[i + needle.len()..];
                format!(" {key}={}", &rest[..rest.find('"').unwrap_or(rest.len())])
            })
        };
        let mut line = name.to_owned();
        for key in ["data-testid", "data-label", "class", "role", "aria-label"] {
            if let Some(a) = attr(key) {
                line.push_str(&a);
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `html` with the inside of every map `<svg … data-testid="map">` left out (its start and end
/// tags stay), so a page's snapshot holds where the maps are, not their markup again.
pub fn without_map_markup(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(id) = rest.find("data-testid=\"map\"") {
        let Some(open) = rest[..id].rfind("<svg") else {
            break;
        };
        let open_end = open + rest[open..].find('>').map_or(rest.len() - open, |i| i + 1);
        let close = rest[open_end..]
            .find("</svg>")
            .map_or(rest.len(), |i| open_end + i);
        out.push_str(&rest[..open_end]);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}
