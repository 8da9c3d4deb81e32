// ARIA tabs (the WAI-ARIA tabs pattern, automatic activation): buttons with role="tab" inside a
// role="tablist", each controlling the panel named by its aria-controls. One tab is in the Tab
// order; Arrow keys, Home and End move between tabs and select them; Enter and Space (native
// button clicks) select the focused one.

/**
 * @param {HTMLElement} tablist
 * @param {(tab: HTMLElement) => void} [onSelect] called after a tab is selected
 */
export function setUpTabs(tablist, onSelect) {
  const tabs = /** @type {HTMLElement[]} */ ([...tablist.querySelectorAll('[role="tab"]')]);

  /** @param {HTMLElement} tab */
  const panelOf = (tab) => document.getElementById(tab.getAttribute("aria-controls") ?? "");

  /**
   * @param {HTMLElement} chosen
   * @param {{ focus?: boolean }} [options]
   */
  const select = (chosen, options = {}) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = panelOf(tab);
      if (panel) panel.hidden = !selected;
    }
    if (options.focus) chosen.focus();
    onSelect?.(chosen);
  };

  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tab));
  }
  tablist.addEventListener("keydown", (event) => {
    const current = tabs.indexOf(/** @type {HTMLElement} */ (event.target));
    if (current === -1) return;
    /** @type {Record<string, number>} */
    const moves = {
      ArrowRight: current + 1,
      ArrowDown: current + 1,
      ArrowLeft: current - 1,
      ArrowUp: current - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (next) select(next, { focus: true });
  });

  return {
    select,
    /** @param {string} id */
    tab: (id) => tabs.find((tab) => tab.id === id),
    selected: () => tabs.find((tab) => tab.getAttribute("aria-selected") === "true"),
  };
}
