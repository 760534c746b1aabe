// Checks one rendered page for what a phone-first, accessible page needs; returns a list of problems.
// Run by tests/browser/test_every_page_in_the_browser.py with page.evaluate().
() => {
  const problems = [];
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none"
      && !el.closest("[hidden], [aria-hidden='true']");
  };
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || el.name || "").trim();
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}> "${text.slice(0, 40)}"`;
  };

  // No sideways scrolling
  const root = document.documentElement;
  if (Math.max(root.scrollWidth, document.body.scrollWidth) > root.clientWidth) {
    const wide = [...document.querySelectorAll("body *")].filter(
      (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && shown(el) && !el.closest(".table-wrap, .skip"));
    problems.push(`scrolls sideways (${root.scrollWidth} > ${root.clientWidth}): ${wide.slice(0, 3).map(describe).join(", ")}`);
  }

  // Landmarks and a heading
  if (document.querySelectorAll("main").length !== 1) problems.push("needs exactly one <main>");
  for (const [selector, name] of [["header", "banner"], ["footer", "contentinfo"], ["nav", "navigation"], ["h1", "h1"]]) {
    if (!document.querySelector(selector)) problems.push(`no ${name} (${selector})`);
  }
  if (!root.lang) problems.push("<html> has no lang");

  // A label for every field
  for (const field of document.querySelectorAll("input, select, textarea")) {
    if (field.type === "hidden") continue;
    const named = (field.labels && field.labels.length) || field.getAttribute("aria-label")
      || field.getAttribute("aria-labelledby") || field.title;
    if (!named) problems.push(`field without a label: ${describe(field)}`);
  }

  // Touch targets of 44 × 44 px (links inside running text are exempt, as WCAG allows)
  const targets = "button, .button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, "
    + "textarea, summary, nav a, .pager a, .facets a, .actions a";
  for (const el of document.querySelectorAll(targets)) {
    if (!shown(el) || el.closest(".skip")) continue;
    const box = el.getBoundingClientRect();
    if (box.height < 43.5 || box.width < 43.5) {
      problems.push(`touch target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(el)}`);
    }
  }
  for (const box of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
    if (!shown(box)) continue;
    const target = box.closest("label") || (box.labels && box.labels[0]) || box;
    if (target.getBoundingClientRect().height < 43.5) problems.push(`small checkbox target: ${describe(target)}`);
  }

  // Text contrast, WCAG AA: 4.5:1, or 3:1 for large text
  const rgba = (color) => {
    const match = color.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3]));
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const backdrops = new Map();  // element → [colour behind its text, or null; opacity], from the root down
  const backdrop = (el) => {
    if (!el) return [[255, 255, 255], 1];
    if (backdrops.has(el)) return backdrops.get(el);
    const [below, opacityBelow] = backdrop(el.parentElement);
    const style = getComputedStyle(el);
    const background = rgba(style.backgroundColor);
    let colour = below;
    if (style.backgroundImage !== "none") colour = null;  // an image or gradient: not measurable here
    else if (colour && background && background[3] > 0) colour = over(background, colour);
    const result = [colour, opacityBelow * parseFloat(style.opacity)];
    backdrops.set(el, result);
    return result;
  };
  const checked = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || checked.has(el) || !shown(el)) continue;
    if (el.closest("script, style, svg, .skip, option")) continue;
    checked.add(el);
    const style = getComputedStyle(el);
    const colour = rgba(style.color);
    const [behind, opacity] = backdrop(el);
    if (!colour || !behind) continue;
    const text = over([colour[0], colour[1], colour[2], colour[3] * opacity], behind);
    const [light, dark] = [luminance(text), luminance(behind)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (parseInt(style.fontWeight, 10) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5) - 0.01) {
      problems.push(`contrast ${ratio.toFixed(2)}:1 for ${describe(el)} (${style.color} on rgb(${behind.map(Math.round)}))`);
    }
  }
  return problems;
}
