//! The app's one state and its reducer. `reduce` is pure: no DOM, storage or timers.

use std::rc::Rc;
use story::model::{Group, Milestone, Place, Story, Text};
use yew::Reducible;

/// Something on the map a reader can select.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A region (the base or a county), by id.
    Region(String),
    /// A place (a zone town or a city), by id.
    Place(String),
}

/// What the story says about a target: resolved in one place for every view that names it.
#[derive(Clone, Copy, Debug)]
pub struct TargetInfo<'a> {
    /// Name.
    pub name: &'a Text,
    /// Province id.
    pub province: &'a str,
    /// One line on its part in the story, where it has one.
    pub role: Option<&'a Text>,
    /// The point that marks it (a county's seat, the base's estimated centre, the place itself).
    pub place: &'a Place,
}

impl TargetInfo<'_> {
    /// Whether its location is an estimate.
    pub fn approximate(&self) -> bool {
        self.place.approximate
    }
}

impl Target {
    /// Looks the target up in the story.
    pub fn info<'a>(&self, story: &'a Story) -> Option<TargetInfo<'a>> {
        match self {
            Target::Region(id) => {
                let r = story.regions.iter().find(|r| &r.id == id)?;
                let place = story.places.iter().find(|p| p.id == r.place)?;
                Some(TargetInfo {
                    name: &r.name,
                    province: &r.province,
                    role: Some(&r.role),
                    place,
                })
            }
            Target::Place(id) => {
                let p = story.places.iter().find(|p| &p.id == id)?;
                Some(TargetInfo {
                    name: &p.name,
                    province: &p.province,
                    role: p.role.as_ref(),
                    place: p,
                })
            }
        }
    }

    /// Whether a milestone concerns the target.
    pub fn concerns(&self, m: &Milestone) -> bool {
        match self {
            Target::Region(id) => m.regions.contains(id),
            Target::Place(id) => m.places.contains(id),
        }
    }

    /// A stable key, e.g. `region:anji`.
    pub fn key(&self) -> String {
        match self {
            Target::Region(id) => format!("region:{id}"),
            Target::Place(id) => format!("place:{id}"),
        }
    }
}

/// A milestone as the timeline steps through it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Milestone id.
    pub id: String,
    /// Its group (for filtering).
    pub group: Group,
}

/// Where the timeline starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// At the first milestone.
    #[default]
    Beginning,
    /// At this milestone, paused (a deep link).
    Milestone(String),
    /// At the newest milestone, paused (`?start=latest`).
    Latest,
}

/// Everything the components read that can change while the page is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    /// The selected region or place, if any.
    pub selected: Option<Target>,
    /// The milestones in date order.
    pub entries: Rc<Vec<Entry>>,
    /// Index of the current milestone in `entries`.
    pub current: usize,
    /// Groups the reader has filtered out.
    pub hidden: Vec<Group>,
    /// Counts the reader's moves of the timeline (buttons, keys, a link, play's steps), each of
    /// which brings the current card to the reading line; a card scrolled there does not count.
    pub jumps: u32,
    /// The milestone the reader last moved to (what the live region names), if any.
    pub announced: Option<usize>,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAction {
    /// Select a target; selecting the selected one again clears it.
    Toggle(Target),
    /// Clear the selection.
    ClearSelection,
    /// Make a milestone current .
    SelectMilestone(String),
    /// Move by `n` visible milestones ; stays at the ends.
    Step(i32),
    /// The first visible milestone .
    First,
    /// The last visible milestone .
    Last,
    /// Show or hide a group; the last visible group cannot be hidden.
    ToggleGroup(Group),
    /// The reader's scrolling brought this milestone's card to the reading line: it becomes
    /// current (if shown) without moving the page.
    Reach(String),
}

impl AppState {
    /// The starting state for a story's milestones: paused wherever it starts (the timeline never
    /// moves by itself unless the reader presses play).
    pub fn new(milestones: &[Milestone], start: Start) -> AppState {
        let entries: Vec<Entry> = milestones
            .iter()
            .map(|m| Entry {
                id: m.id.clone(),
                group: m.group,
            })
            .collect();
        let last = entries.len().saturating_sub(1);
        let current = match &start {
            Start::Beginning => 0,
            Start::Latest => last,
            Start::Milestone(id) => entries.iter().position(|e| &e.id == id).unwrap_or(0),
        };
        AppState {
            entries: Rc::new(entries),
            current,
            ..AppState::default()
        }
    }

    /// The current milestone's id.
    pub fn current_id(&self) -> Option<&str> {
        self.entries.get(self.current).map(|e| e.id.as_str())
    }

    fn visible(&self, i: usize) -> bool {
        self.entries
            .get(i)
            .is_some_and(|e| !self.hidden.contains(&e.group))
    }

    /// Indices of the visible milestones, in order.
    pub fn visible_indices(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.visible(i))
            .collect()
    }

    fn step_from(&self, from: usize, n: i32) -> usize {
        let visible = self.visible_indices();
        let Some(&first) = visible.first() else {
            return from;
        };
        let pos = match visible.iter().position(|&i| i == from) {
            Some(p) => p as i64,
            // From a hidden milestone: the nearest visible one in the direction of travel.
            None => {
                let after = visible
                    .iter()
                    .position(|&i| i > from)
                    .unwrap_or(visible.len()) as i64;
                if n > 0 {
                    after - 1
                } else {
                    after
                }
            }
        };
        let target = (pos + i64::from(n)).clamp(0, visible.len() as i64 - 1) as usize;
        visible.get(target).copied().unwrap_or(first)
    }

    /// The state after `action` (pure).
    pub fn next(&self, action: AppAction) -> AppState {
        let mut next = self.clone();
        let visible = self.visible_indices();
        let jumps = matches!(
            action,
            AppAction::SelectMilestone(_) | AppAction::Step(_) | AppAction::First | AppAction::Last
        );
        if jumps {
            next.jumps = self.jumps.wrapping_add(1);
        }
        match action {
            AppAction::SelectMilestone(id) => {
                if let Some(i) = self.entries.iter().position(|e| e.id == id) {
                    next.current = i;
                    next.hidden.retain(|g| *g != self.entries[i].group);
                }
            }
            AppAction::Step(n) => {
                next.current = self.step_from(self.current, n);
            }
            AppAction::First => {
                next.current = visible.first().copied().unwrap_or(self.current);
            }
            AppAction::Last => {
                next.current = visible.last().copied().unwrap_or(self.current);
            }
            AppAction::ToggleGroup(group) => {
                if self.hidden.contains(&group) {
                    next.hidden.retain(|g| *g != group);
                } else if self
                    .entries
                    .iter()
                    .any(|e| e.group != group && !self.hidden.contains(&e.group))
                {
                    next.hidden.push(group);
                    if !next.visible(next.current) {
                        next.current = next.step_from(self.current, 1);
                    }
                }
            }
            AppAction::Toggle(target) => {
                next.selected = if self.selected.as_ref() == Some(&target) {
                    None
                } else {
                    Some(target)
                };
            }
            AppAction::Reach(id) => {
                if let Some(i) = self.entries.iter().position(|e| e.id == id) {
                    if self.visible(i) {
                        next.current = i;
                    }
                }
            }
            AppAction::ClearSelection => next.selected = None,
        }
        if next.jumps != self.jumps {
            next.announced = Some(next.current);
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
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    fn timeline(start: Start) -> AppState {
        let story = story::fixtures::story();
        AppState::new(&story.milestones, start)
    }

    #[test]
    fn the_timeline_starts_where_the_url_says() {
        let s = timeline(Start::Beginning);
        assert_eq!(s.current_id(), Some("idea-2018"));
        let s = timeline(Start::Latest);
        assert_eq!(s.current_id(), Some("fourth-anniversary"));
        let s = timeline(Start::Milestone("approval".into()));
        assert_eq!(s.current_id(), Some("approval"));
        let s = timeline(Start::Milestone("no-such-thing".into()));
        assert_eq!(s.current_id(), Some("idea-2018"));
    }

    #[test]
    fn stepping_stays_inside() {
        let s = timeline(Start::Beginning);
        let s = s.next(AppAction::Step(-1));
        assert_eq!(s.current, 0);
        let s = s.next(AppAction::Step(2));
        assert_eq!(s.current, 2);
        let s = s.next(AppAction::Last);
        assert_eq!(s.current_id(), Some("fourth-anniversary"));
        assert_eq!(s.next(AppAction::Step(1)).current, s.current);
        assert_eq!(s.next(AppAction::First).current, 0);
        assert_eq!(
            s.next(AppAction::SelectMilestone("approval".into()))
                .current_id(),
            Some("approval")
        );
    }

    #[test]
    fn the_readers_moves_bring_their_card_to_the_line_and_scrolling_does_not() {
        let s = timeline(Start::Beginning);
        let stepped = s.next(AppAction::Step(1));
        assert_eq!((stepped.current, stepped.jumps), (1, 1));
        let linked = stepped.next(AppAction::SelectMilestone("approval".into()));
        assert_eq!((linked.current_id(), linked.jumps), (Some("approval"), 2));
        let reached = linked.next(AppAction::Reach("railway-opens".into()));
        assert_eq!(
            (reached.current_id(), reached.jumps),
            (Some("railway-opens"), 2),
            "a card scrolled to the line does not move the page"
        );
        assert_eq!(
            reached.next(AppAction::Reach("nowhere".into())),
            reached,
            "an unknown card changes nothing"
        );
        assert_eq!(
            s.next(AppAction::Toggle(region("anji"))).jumps,
            0,
            "a selection on the map does not"
        );
        let hidden = s.next(AppAction::ToggleGroup(Group::Policy));
        assert_eq!(
            hidden.next(AppAction::Reach("approval".into())).current,
            hidden.current,
            "a hidden milestone is not reached"
        );
    }

    #[test]
    fn filters_skip_hidden_groups_and_keep_one_visible() {
        let s = timeline(Start::Beginning).next(AppAction::ToggleGroup(Group::Policy));
        // The first milestone is policy: the current one moves to the next visible.
        assert_ne!(s.entries[s.current].group, Group::Policy);
        let mut t = s.clone();
        for _ in 0..20 {
            t = t.next(AppAction::Step(1));
            assert_ne!(t.entries[t.current].group, Group::Policy);
        }
        let all = s
            .next(AppAction::ToggleGroup(Group::Events))
            .next(AppAction::ToggleGroup(Group::Projects))
            .next(AppAction::ToggleGroup(Group::Infrastructure));
        assert_eq!(all.hidden.len(), 3, "the last visible group stays");
        assert_eq!(all.visible_indices().len(), 1);
        let shown = s.next(AppAction::ToggleGroup(Group::Policy));
        assert!(shown.hidden.is_empty());
        // Selecting a hidden milestone (from a link or the map) shows its group again.
        let linked = s.next(AppAction::SelectMilestone("approval".into()));
        assert!(linked.hidden.is_empty());
    }

    fn region(id: &str) -> Target {
        Target::Region(id.to_owned())
    }

    /// The selected region's id, if a region is selected.
    fn selected_region(s: &AppState) -> Option<&str> {
        match &s.selected {
            Some(Target::Region(id)) => Some(id),
            _ => None,
        }
    }

    #[test]
    fn selecting_toggles_and_clears() {
        let s = AppState::default().next(AppAction::Toggle(region("anji")));
        assert_eq!(selected_region(&s), Some("anji"));
        let s2 = s.next(AppAction::Toggle(region("langxi")));
        assert_eq!(selected_region(&s2), Some("langxi"));
        assert_eq!(s2.next(AppAction::Toggle(region("langxi"))).selected, None);
        assert_eq!(s.next(AppAction::ClearSelection).selected, None);
        let p = s.next(AppAction::Toggle(Target::Place("sian".into())));
        assert_eq!(selected_region(&p), None);
        assert_eq!(p.selected.map(|t| t.key()).as_deref(), Some("place:sian"));
    }

    #[test]
    fn targets_resolve_in_the_story() {
        let story = story::fixtures::story();
        let base = region("base").info(&story).unwrap();
        assert_eq!(
            (base.name.zh.as_str(), base.province, base.approximate()),
            ("白茅岭农场", "shanghai", true)
        );
        let anji = region("anji").info(&story).unwrap();
        assert!(!anji.approximate());
        assert!(Target::Place("sian".into())
            .info(&story)
            .unwrap()
            .approximate());
        assert!(Target::Place("nowhere".into()).info(&story).is_none());
        let approval = story
            .milestones
            .iter()
            .find(|m| m.id == "approval")
            .unwrap();
        assert!(
            region("anji").concerns(approval) && Target::Place("sian".into()).concerns(approval)
        );
        assert!(!region("liyang").concerns(approval));
    }

    #[test]
    fn an_unchanged_state_keeps_its_rc() {
        let s = Rc::new(AppState::default());
        let same = s.clone().reduce(AppAction::ClearSelection);
        assert!(Rc::ptr_eq(&s, &same));
    }
}
