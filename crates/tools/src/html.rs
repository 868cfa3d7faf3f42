//! Small text helpers for the HTML and CSS the tools write.

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// `html` with the text between two markers replaced by `body` (`None` when a marker is missing).
pub fn replace_between(
    html: &str,
    start_marker: &str,
    end_marker: &str,
    body: &str,
) -> Option<String> {
    let start = html.find(start_marker)? + start_marker.len();
    let end = html.find(end_marker)?;
    if end < start {
        return None;
    }
    Some(format!("{}{body}{}", html.get(..start)?, html.get(end..)?))
}
