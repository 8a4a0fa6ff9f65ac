import { readdirSync } from "node:fs";
import path from "node:path";

/** Every page under app/(admin), as its route ("/partners/[id]/edit"): suites that must visit every page walk this, so a new page is never left out. */
export function adminRoutes(): string[] {
  const root = path.join("app", "(admin)");
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name === "page.tsx") {
        const segments = path.relative(root, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root);
  return routes.sort();
}
