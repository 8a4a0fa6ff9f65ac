// Dates are shown in the program's time zone, so "today" means the merchant's today.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** "Nov 23, 2026, 2:05 PM" */
export function formatDateTime(date: Date, timeZone: string): string {
  return formatter(timeZone, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "Nov 23, 2026" */
export function formatDate(date: Date, timeZone: string): string {
  return formatter(timeZone, { dateStyle: "medium" }).format(date);
}
