// Small DOM helpers: elements with text children, stroked SVG icons, section paths as shown.

/**
 * Creates an element with classes, attributes and children (strings become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, attributes?: Record<string, string> }} [options]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/**
 * An inline SVG icon drawn with strokes (paths as given).
 * @param {readonly string[]} paths
 * @param {string} [className]
 */
export function icon(paths, className = "icon") {
  const namespace = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(namespace, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", className);
  for (const d of paths) {
    const path = document.createElementNS(namespace, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

/** Path data of the page's icons, on a 20×20 view box. */
export const ICONS = {
  assistant: ["M4 7.5l6-3 6 3-6 3z", "M6.5 9v3.5c0 1.2 1.6 2.2 3.5 2.2s3.5-1 3.5-2.2V9"],
  notCovered: ["M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14", "M5.2 14.8l9.6-9.6"],
  notice: ["M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14", "M10 9v4.5", "M10 6.3v.2"],
  warning: ["M10 3.5l7 12.5H3z", "M10 8.5v3.5", "M10 14.2v.1"],
  copy: ["M7 7h8.5v9H7z", "M4.5 13V4h8"],
  check: ["M4.5 10.5l3.5 3.5 7.5-8"],
  retry: ["M15.5 10a5.5 5.5 0 1 1-1.8-4.1", "M15.5 3.5v3.5H12"],
  search: ["M8.5 3.5a5 5 0 1 0 0 10a5 5 0 1 0 0-10", "M12.2 12.2l4.3 4.3"],
};

/** A section path "A > B > C" as the page shows it. @param {string} section */
export function prettySection(section) {
  return section.split(" > ").join(" › ");
}
