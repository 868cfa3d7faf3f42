//! The app's one state and its reducer. `reduce` is pure: no DOM, storage or timers.

use crate::model::Lang;
use std::rc::Rc;
use yew::Reducible;

/// Everything the components read that can change while the page is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    /// The reader's language.
    pub lang: Lang,
    /// The selected region's id, if any.
    pub selected_region: Option<String>,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAction {
    /// Select a region by id; selecting the selected one again clears it.
    ToggleRegion(String),
    /// Clear the selection.
    ClearSelection,
    /// Switch language.
    SetLang(Lang),
}

impl AppState {
    /// The state after `action` (pure).
    pub fn next(&self, action: AppAction) -> AppState {
        let mut next = self.clone();
        match action {
            AppAction::ToggleRegion(id) => {
                next.selected_region = if self.selected_region.as_deref() == Some(&id) {
                    None
                } else {
                    Some(id)
                };
            }
            AppAction::ClearSelection => next.selected_region = None,
            AppAction::SetLang(lang) => next.lang = lang,
        }
        next
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let next = self.next(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_toggles_and_clears() {
        let s = AppState::default();
        let s = s.next(AppAction::ToggleRegion("anji".into()));
        assert_eq!(s.selected_region.as_deref(), Some("anji"));
        let s2 = s.next(AppAction::ToggleRegion("langxi".into()));
        assert_eq!(s2.selected_region.as_deref(), Some("langxi"));
        assert_eq!(
            s2.next(AppAction::ToggleRegion("langxi".into()))
                .selected_region,
            None
        );
        assert_eq!(s.next(AppAction::ClearSelection).selected_region, None);
    }

    #[test]
    fn an_unchanged_state_keeps_its_rc() {
        let s = Rc::new(AppState::default());
        let same = s.clone().reduce(AppAction::ClearSelection);
        assert!(Rc::ptr_eq(&s, &same));
        let en = s.reduce(AppAction::SetLang(Lang::En));
        assert_eq!(en.lang, Lang::En);
    }
}
