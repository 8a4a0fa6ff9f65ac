import type { Locator, Page } from "@playwright/test";

// Every field a person fills in has a label they can see: a <label> tied to it (label[for]
// or a label around it), shown on screen, with text. aria-label or a placeholder alone does
// not count: it disappears as soon as one types, or was never visible at all. And every form
// a script submits says method=post: submitted before the page's scripts run, it is sent by the
// browser itself, and as a GET it would put what was typed (a password, an email) in the URL
// and the logs. A form with an action URL (a search, a date range) is a GET by design.

/** Fields in `scope` without a visible label, as "tag#id name" strings for the failure message. */
export async function unlabelledFields(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // sr-only text is 1×1 px and clipped: there for a screen reader, not for the eye
      return box.width > 2 && box.height > 2 && style.visibility !== "hidden" && style.opacity !== "0" && !/rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
    };
    const fields = [...root.querySelectorAll("input, select, textarea")] as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
    const missing: string[] = [];
    for (const field of fields) {
      if (field instanceof HTMLInputElement && ["hidden", "submit", "button", "reset", "image"].includes(field.type)) continue;
      // a switch or checkbox drawn over with a styled element: what counts is the control's box
      const control = field instanceof HTMLInputElement && ["checkbox", "radio"].includes(field.type) && !shown(field) ? field.parentElement : field;
      if (!control || !shown(control)) continue;
      // a table's row-selection checkbox: the row it sits in is what it selects
      if (field instanceof HTMLInputElement && field.type === "checkbox" && field.closest("td, th")) continue;
      const labelled = [...(field.labels ?? [])].some((label) => shown(label) && (label.textContent ?? "").trim().length > 0);
      if (!labelled) missing.push(`${location.pathname}: <${field.tagName.toLowerCase()}${field.id ? `#${field.id}` : ""}${field.name ? ` name="${field.name}"` : ""}${field.getAttribute("aria-label") ? ` aria-label="${field.getAttribute("aria-label")}"` : ""}${field.getAttribute("placeholder") ? ` placeholder="${field.getAttribute("placeholder")}"` : ""}>`);
    }
    for (const form of root.querySelectorAll("form")) {
      if (!form.hasAttribute("action") && form.method !== "post") missing.push(`${location.pathname}: <form${form.getAttribute("aria-label") ? ` aria-label="${form.getAttribute("aria-label")}"` : ""}> without method="post"`);
    }
    return missing;
  });
}

/**
 * The page's fields, then each dialog's: every button that opens a dialog (DialogButton puts
 * the <dialog> right after it) is clicked once per distinct label, checked, and closed.
 */
export async function unlabelledFieldsWithDialogs(page: Page): Promise<string[]> {
  const missing = await unlabelledFields(page.locator("body"));
  const triggers = page.locator("button:has(+ dialog)");
  const seen = new Set<string>();
  for (const trigger of await triggers.all()) {
    if (!(await trigger.isVisible()) || !(await trigger.isEnabled())) continue;
    const name = ((await trigger.getAttribute("aria-label")) ?? (await trigger.innerText())).trim();
    if (seen.has(name)) continue;
    seen.add(name);
    await trigger.click();
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor();
    missing.push(...(await unlabelledFields(dialog)).map((m) => `${m} (dialog "${name}")`));
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
  }
  return missing;
}
