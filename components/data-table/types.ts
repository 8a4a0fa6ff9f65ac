export interface FilterOption {
  value: string;
  label: string;
}

/** A dropdown filter above the table; its value is the URL parameter `name`. */
export interface FilterDef {
  name: string;
  label: string;
  options: FilterOption[];
  /** The label of "no filter" (default: "All"). */
  allLabel?: string;
}

export interface ListState {
  q: string;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  size: number;
}
