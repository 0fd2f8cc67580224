/**
 * Fills the {name} placeholders of a message a server page handed to a client component as a
 * template (`t.raw`): no catalog or message formatter is sent to the browser, and the browser
 * alone knows some numbers (the percent uploaded, the quarter being typed).
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
