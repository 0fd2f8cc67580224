import type { Qualifier } from "@/lib/domain/types";

/**
 * The qualifier select's options, in order, shared by the quarter form and the restate form;
 * their words are the catalog's `QualifierOptions`, given by the page.
 */
export const QUALIFIER_OPTIONS: readonly Qualifier[] = ["exact", "approximate", "at_least"];
