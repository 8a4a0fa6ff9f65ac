import type { Page } from "@playwright/test";

// What "in view" means for the layout suites (e2e/admin/layout.spec.ts, e2e/portal/layout.spec.ts).
// Each function answers a list of failures (empty when the page is fine), so one run reports
// every page and size at once instead of stopping at the first.
//
// Tables declare their essential columns with `data-essential` on th/td (DataTable renders
// the column's `meta.essential`): "identity" (who or what the row is), "status" or "money".
// On a laptop every essential cell of the first rows must lie inside the window and be the
// element under its centre and both inner edges (nothing pinned over it). At phone width a
// table may scroll sideways in its own box, and only the identity column must be in view.

export const SIZES = [
  { name: "laptop 1366×900", width: 1366, height: 900, phone: false },
  { name: "laptop 1280×800", width: 1280, height: 800, phone: false },
  { name: "phone 390×844", width: 390, height: 844, phone: true },
] as const;

export type Size = (typeof SIZES)[number];

/** Essential cells out of view or covered, and text clipped without a title holding it, in every table of `main`. */
export function tableFailures(page: Page, where: string, phone: boolean): Promise<string[]> {
  return page.evaluate(
    ({ where, phone }) => {
      const out: string[] = [];
      const vw = document.documentElement.clientWidth;
      const describe = (el: Element | null) => (el ? `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? ` class="${el.className.slice(0, 60)}"` : ""}>` : "nothing");
      const hidden = (el: Element) => (el as HTMLElement).closest(".sr-only") !== null || el.getBoundingClientRect().width <= 1;
      // Tables only screen readers see (a chart's numbers) have no layout to check.
      const tables = [...document.querySelectorAll("main table")].filter((t) => !t.closest(".sr-only"));
      for (const table of tables) {
        const name = table.getAttribute("aria-label") ?? "table";
        const heads = [...table.querySelectorAll("thead th")];
        const rows = [...table.querySelectorAll("tbody tr")].filter((r) => r.querySelector("td")).slice(0, 3);
        const cellsOf = (row: Element, selector: string) => [...row.children].filter((c) => c.matches(selector));
        if (!rows.length) continue;
        const column = (cell: Element) => heads[(cell as HTMLTableCellElement).cellIndex]?.textContent?.trim() || `column ${(cell as HTMLTableCellElement).cellIndex + 1}`;
        if (!table.querySelector("tbody [data-essential]")) out.push(`${where} ${name}: no column is declared essential (data-essential)`);

        // Clipped text: a cell wider inside than out, or a box in it that hides what overflows,
        // unless it is deliberately truncated and a title holds the full text.
        for (const cell of [...heads, ...rows.flatMap((r) => cellsOf(r, "td, th"))]) {
          for (const el of [cell, ...cell.querySelectorAll("*")]) {
            if (hidden(el) || el instanceof SVGElement) continue;
            const clips = el === cell || getComputedStyle(el).overflowX !== "visible";
            if (!clips || el.scrollWidth <= el.clientWidth + 1) continue;
            const text = (el.textContent ?? "").trim();
            const titled = el.closest("[title]");
            if (titled && cell.contains(titled) && text && (titled.getAttribute("title") ?? "").includes(text)) continue;
            out.push(`${where} ${name}: text in "${column(cell)}" is clipped (${describe(el)} "${text.slice(0, 40)}", ${el.scrollWidth}px in ${el.clientWidth}px)`);
          }
        }

        for (const row of rows) {
          const cells = cellsOf(row, phone ? "[data-essential=identity]" : "[data-essential]");
          for (const cell of cells) {
            const before = cell.getBoundingClientRect();
            window.scrollBy(0, before.top - window.innerHeight / 2); // vertically only: sideways is what is checked
            const r = cell.getBoundingClientRect();
            const label = `${where} ${name}: essential "${column(cell)}"`;
            if (r.width < 1 || getComputedStyle(cell).display === "none") {
              out.push(`${label} is hidden`);
              continue;
            }
            if (r.left < -1 || r.right > vw + 1) {
              out.push(`${label} lies outside the window (${Math.round(r.left)}–${Math.round(r.right)}px of ${vw}px)`);
              continue;
            }
            const y = r.top + r.height / 2;
            for (const x of [r.left + 3, r.left + r.width / 2, r.right - 3]) {
              const hit = document.elementFromPoint(x, y);
              if (!hit || !(hit === cell || cell.contains(hit))) {
                out.push(`${label} is covered at x=${Math.round(x)} by ${describe(hit)}`);
                break;
              }
            }
          }
        }
      }
      window.scrollTo(0, 0);
      return out;
    },
    { where, phone },
  );
}

/** The open dialog: inside the window, and nothing in it scrolls sideways or sticks out of it. */
export function dialogFailures(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const out: string[] = [];
    const dialog = document.querySelector("dialog[open]");
    if (!dialog) return [`${where}: no dialog opened`];
    const title = dialog.querySelector("h2")?.textContent?.trim() ?? "dialog";
    const label = `${where} dialog "${title}"`;
    const vw = document.documentElement.clientWidth;
    const box = dialog.getBoundingClientRect();
    if (box.left < -1 || box.right > vw + 1) out.push(`${label} lies outside the window (${Math.round(box.left)}–${Math.round(box.right)}px of ${vw}px)`);
    for (const el of [dialog, ...dialog.querySelectorAll("*")]) {
      if ((el as HTMLElement).closest(".sr-only") || el instanceof SVGElement) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const tag = `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      const scrolls = (el === dialog || getComputedStyle(el).overflowX !== "visible") && el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
        out.push(`${label}: ${tag} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
      } else if (el !== dialog && (r.left < box.left - 1 || r.right > box.right + 1)) {
        out.push(`${label}: ${tag} sticks out of the dialog (${Math.round(r.left)}–${Math.round(r.right)}px, dialog ${Math.round(box.left)}–${Math.round(box.right)}px)`);
      }
    }
    return [...new Set(out)].slice(0, 5);
  }, where);
}

/** The page scrolling sideways, naming the innermost elements that stick out of the window. */
export function pageOverflowFailures(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const vw = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - vw;
    if (overflow <= 1) return [];
    const scrolls = (el: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > vw + 1 && ![...ancestors(el)].some(scrolls);
    function* ancestors(el: Element) {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) yield a;
    }
    const culprits = [...document.querySelectorAll("body *")].filter((el) => sticksOut(el) && ![...el.children].some(sticksOut));
    const names = culprits.slice(0, 3).map((el) => `<${el.tagName.toLowerCase()} class="${String(el.getAttribute("class") ?? "").slice(0, 50)}"> "${(el.textContent ?? "").trim().slice(0, 30)}"`);
    return [`${where}: the page scrolls sideways by ${overflow}px (${names.join(", ")})`];
  }, where);
}

/** Opens every dialog the page offers (triggers marked aria-haspopup="dialog", also inside row "More" menus) and checks each. */
export async function everyDialogFailures(page: Page, where: string, opened: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const check = async (name: string) => {
    const dialog = page.locator("dialog[open]");
    try {
      await dialog.waitFor({ state: "visible", timeout: 5_000 });
    } catch {
      out.push(`${where}: "${name}" opened no dialog`);
      return;
    }
    opened.push(name);
    out.push(...(await dialogFailures(page, `${where} "${name}"`)));
    await page.keyboard.press("Escape");
    // A type-ahead in the dialog takes the first Escape for its list: close it outright.
    await page.evaluate(() => document.querySelectorAll("dialog[open]").forEach((d) => (d as HTMLDialogElement).close()));
    await dialog.waitFor({ state: "hidden" });
  };
  const main = page.locator("main");
  // Triggers in the page (first row of each table only: the others open the same dialog).
  const triggers = main.locator('button[aria-haspopup="dialog"]:visible');
  for (let i = 0; i < (await triggers.count()); i++) {
    const trigger = triggers.nth(i);
    const inLaterRow = await trigger.evaluate((el) => {
      const row = el.closest("tbody tr");
      return !!row && row !== row.parentElement?.querySelector("tr");
    });
    if (inLaterRow) continue;
    const name = ((await trigger.getAttribute("aria-label")) ?? (await trigger.textContent()) ?? "").trim();
    await trigger.click();
    await check(name);
  }
  // Row menus: the first row's "More" menu of each table, each of its items that opens a dialog.
  const menus = main.locator('tbody tr:first-child button[aria-haspopup="menu"]:visible');
  for (let m = 0; m < (await menus.count()); m++) {
    const menu = menus.nth(m);
    await menu.click();
    const items = page.locator('[role="menu"]:visible [role="menuitem"][aria-haspopup="dialog"]');
    const n = await items.count();
    await page.keyboard.press("Escape");
    for (let i = 0; i < n; i++) {
      await menu.click();
      const item = items.nth(i);
      const name = ((await item.textContent()) ?? "").trim();
      await item.click();
      await check(`More → ${name}`);
    }
  }
  return out;
}
