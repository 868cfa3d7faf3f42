//! The app's one state and its reducer. `reduce` is pure: no DOM, storage or timers.

use crate::model::Lang;
use std::rc::Rc;
use yew::Reducible;

/// Something on the map a reader can select.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A region (the base or a county), by id.
    Region(String),
    /// A place (a zone town or a city), by id.
    Place(String),
}

impl Target {
    /// A stable key, e.g. `region:anji`.
    pub fn key(&self) -> String {
        match self {
            Target::Region(id) => format!("region:{id}"),
            Target::Place(id) => format!("place:{id}"),
        }
    }
}

/// Everything the components read that can change while the page is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    /// The reader's language.
    pub lang: Lang,
    /// The selected region or place, if any.
    pub selected: Option<Target>,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAction {
    /// Select a target; selecting the selected one again clears it.
    Toggle(Target),
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
            AppAction::Toggle(target) => {
                next.selected = if self.selected.as_ref() == Some(&target) {
                    None
                } else {
                    Some(target)
                };
            }
            AppAction::ClearSelection => next.selected = None,
            AppAction::SetLang(lang) => next.lang = lang,
        }
        next
    }

    /// The selected region's id, if a region is selected.
    pub fn selected_region(&self) -> Option<&str> {
        match &self.selected {
            Some(Target::Region(id)) => Some(id),
            _ => None,
        }
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

    fn region(id: &str) -> Target {
        Target::Region(id.to_owned())
    }

    #[test]
    fn selecting_toggles_and_clears() {
        let s = AppState::default().next(AppAction::Toggle(region("anji")));
        assert_eq!(s.selected_region(), Some("anji"));
        let s2 = s.next(AppAction::Toggle(region("langxi")));
        assert_eq!(s2.selected_region(), Some("langxi"));
        assert_eq!(s2.next(AppAction::Toggle(region("langxi"))).selected, None);
        assert_eq!(s.next(AppAction::ClearSelection).selected, None);
        let p = s.next(AppAction::Toggle(Target::Place("sian".into())));
        assert_eq!(p.selected_region(), None);
        assert_eq!(p.selected.map(|t| t.key()).as_deref(), Some("place:sian"));
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
