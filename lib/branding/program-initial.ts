/** The letter on the program's mark and icon: the first of its name, "A" for a blank name. */
export function programInitial(name: string): string {
  return name.trim().slice(0, 1).toUpperCase() || "A";
}
