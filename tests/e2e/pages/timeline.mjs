// The timeline: its current card, the step controls, the track's keys, the filters.
export class TimelinePage {
  constructor(page) {
    this.page = page;
    this.root = page.locator("[data-testid=timeline]");
    this.card = page.locator("[data-testid=timeline-card]");
    this.track = page.locator("[data-testid=timeline-track]");
    this.periodFigures = page.locator("[data-testid=period-figures] li");
  }

  /// The id of the current milestone (the open card's).
  current() {
    return this.card.getAttribute("data-milestone");
  }

  milestone(id) {
    return this.page.locator(`[data-testid='milestone-${id}']`);
  }

  milestones() {
    return this.page.locator("[data-testid^=milestone-]");
  }

  filter(group) {
    return this.page.locator(`[data-testid=filter-${group}]`);
  }

  next() {
    return this.page.click("[data-testid=timeline-next]");
  }


  /// Presses a key with the track focused (keys act only then).
  async key(name) {
    await this.track.focus();
    await this.page.keyboard.press(name);
  }
}
