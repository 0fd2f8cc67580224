import type { ReactNode } from "react";

/** What the quarter form's parts need to render a field: its props, its error, all errors. */
export interface FieldKit {
  field: (name: string) => {
    id: string;
    name: string;
    defaultValue: string;
    "aria-invalid": boolean | undefined;
  };
  errorText: (name: string) => ReactNode;
  errors: Record<string, string>;
}
