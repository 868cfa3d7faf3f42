//! The ids of the symbols the milestone cards' small maps are drawn from: the build draws the
//! symbols into each page (`build::minimap`), the cards `<use>` them (`web::components::timeline`).

/// The base map every card map starts from.
pub const BASE_ID: &str = "mini";

/// The `<use>` reference of the base map.
pub const BASE_HREF: &str = "#mini";

/// The symbol of a region (a county in its province's colour, or the base).
pub fn region_id(region: &str) -> String {
    format!("mini-r-{region}")
}

/// The symbol of a place (a dot).
pub fn place_id(place: &str) -> String {
    format!("mini-p-{place}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_base_reference_names_the_base_symbol() {
        assert_eq!(super::BASE_HREF, format!("#{}", super::BASE_ID));
        assert_ne!(super::region_id("x"), super::place_id("x"));
    }
}
