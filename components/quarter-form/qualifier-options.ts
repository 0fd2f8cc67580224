import type { Qualifier } from "@/lib/domain/types";

/** The qualifier select's options, shared by the quarter form and the restate form. */
export const QUALIFIER_OPTIONS: { value: Qualifier; label: string }[] = [
  { value: "exact", label: "exact" },
  { value: "approximate", label: "about (approximate)" },
  { value: "at_least", label: "at least (over)" },
];
