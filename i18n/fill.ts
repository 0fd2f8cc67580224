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

/**
 * The reverse of `fill` over a table of templates: which template an English sentence was filled
 * from, and with what values. Parsers and schemas keep saying their problems in English (the
 * plain-text 400s, the JSON API and the import read them); a page reads the sentence back this
 * way and says the same template's words in the reader's language. Null when no template fits.
 */
export function templateReader<Key extends string>(
  templates: Readonly<Record<Key, string>>,
): (sentence: string) => { key: Key; values: Record<string, string> } | null {
  const patterns = (Object.keys(templates) as Key[]).map((key) => {
    const names: string[] = [];
    const source = templates[key]
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(name);
        return "(.+?)";
      })
      .join("");
    return { key, names, pattern: new RegExp(`^${source}$`, "s") };
  });
  return (sentence) => {
    for (const { key, names, pattern } of patterns) {
      const match = pattern.exec(sentence);
      if (match) {
        return { key, values: Object.fromEntries(names.map((n, i) => [n, match[i + 1] ?? ""])) };
      }
    }
    return null;
  };
}
