//! The ids a URL carries, stated once: a milestone's (`#m=<id>`, and a host page's
//! `#changhe-<frame>=<id>`) and an embedded frame's name (`?id=<name>`). The story's validation,
//! the app's URL reading and the host and frame scripts (`static/embed.js`, `static/frame.js`)
//! follow these; a native test (`tests/url_statement.rs`) reads the scripts' patterns.

/// The longest milestone id.
pub const MILESTONE_ID_MAX: usize = 64;
/// A milestone id as a regular expression, as the scripts write it: lowercase letters, digits
/// and `-`, 1 to [`MILESTONE_ID_MAX`] of them.
pub const MILESTONE_ID_PATTERN: &str = "[a-z0-9-]{1,64}";

/// The longest frame name.
pub const FRAME_ID_MAX: usize = 40;
/// A frame name as a regular expression: ASCII letters, digits, `-` and `_`, 1 to
/// [`FRAME_ID_MAX`] of them.
pub const FRAME_ID_PATTERN: &str = "[A-Za-z0-9_-]{1,40}";

/// Whether `id` is a well-formed milestone id ([`MILESTONE_ID_PATTERN`]).
pub fn is_milestone_id(id: &str) -> bool {
    (1..=MILESTONE_ID_MAX).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `id` is a well-formed frame name ([`FRAME_ID_PATTERN`]), safe to echo back.
pub fn is_frame_id(id: &str) -> bool {
    (1..=FRAME_ID_MAX).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_state_the_lengths() {
        assert!(MILESTONE_ID_PATTERN.ends_with(&format!("{{1,{MILESTONE_ID_MAX}}}")));
        assert!(FRAME_ID_PATTERN.ends_with(&format!("{{1,{FRAME_ID_MAX}}}")));
    }

    #[test]
    fn ids_match_their_patterns() {
        for ok in ["approval", "idea-2018", "a", &"x".repeat(64)] {
            assert!(is_milestone_id(ok), "{ok}");
        }
        for bad in ["", "Approval", "a_b", "a b", "<script>", &"x".repeat(65)] {
            assert!(!is_milestone_id(bad), "{bad}");
        }
        for ok in ["main", "article-2", "Side_1", &"x".repeat(40)] {
            assert!(is_frame_id(ok), "{ok}");
        }
        for bad in ["", "a b", "<script>", "é", &"x".repeat(41)] {
            assert!(!is_frame_id(bad), "{bad}");
        }
    }
}
