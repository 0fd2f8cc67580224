"use client";

import { createContext, type ReactNode, useContext } from "react";
import { fillQuarterSlot, type QuarterEditTemplates } from "@/lib/domain/quarter-edit-templates";

/** The editor's links of a metric page's table, and their words, for every row at once. */
export interface QuarterEditLinksValue extends QuarterEditTemplates {
  text: { restate: string; withdraw: string; add: string };
}

const QuarterEditContext = createContext<QuarterEditLinksValue | null>(null);

export function QuarterEditLinksProvider({
  value,
  children,
}: {
  value: QuarterEditLinksValue;
  children: ReactNode;
}) {
  return <QuarterEditContext.Provider value={value}>{children}</QuarterEditContext.Provider>;
}

/**
 * One row's edit links, filled in from the provider's templates: a client component so that the
 * RSC payload carries a quarter per row instead of two hrefs and their words (issue 12; on an
 * 80-quarter table about 18 KB). Server-rendered like any other, so the links work without JS.
 */
export function QuarterEditLinks({ quarter, gap = false }: { quarter: string; gap?: boolean }) {
  const value = useContext(QuarterEditContext);
  if (!value) return null;
  if (gap) return <a href={fillQuarterSlot(value.add, quarter)}>{value.text.add}</a>;
  return (
    <>
      <a href={fillQuarterSlot(value.restate, quarter)}>{value.text.restate}</a>{" "}
      <a href={fillQuarterSlot(value.withdraw, quarter)}>{value.text.withdraw}</a>
    </>
  );
}
