/**
 * Reading an uploaded CSV in the long shape: bytes to text (UTF-8 only), text to records with
 * csv-parse, and the checks that concern the file as a whole (size, encoding, header, row count).
 * A file that fails one of these is refused outright; problems with single rows are reported per
 * row by the import plan.
 */
import { parse } from "csv-parse/sync";
import type { Locale } from "@/lib/domain/locale";
import { restoreTextCell } from "./cells";
import { canonicalHeader } from "./csv-headers";
import { HISTORY_COLUMNS, LONG_COLUMNS, type LongColumn, PERIOD_COLUMNS } from "./export-format";
import {
  type ImportReasonCode,
  type ImportShapeWords,
  importProblemWords,
  reason,
  WHOLE_ROW,
  type WordParams,
} from "./import-words";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export type ImportShape = "long" | "history";

export interface ImportRecord {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: Record<LongColumn, string>;
}

export interface RowRejection {
  row: number;
  column: string;
  /** The reason in English, as stored; `code` and `params` let the preview say it in Chinese. */
  message: string;
  code?: ImportReasonCode;
  params?: WordParams;
  /** The refused cell as written in the file, when the problem is one cell's. */
  value?: string;
}

export type ImportFile =
  | { ok: true; shape: ImportShape; records: ImportRecord[]; rejected: RowRejection[] }
  | { ok: false; problems: string[] };

/** "5.0 MB": how the import limits and file sizes are written in messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    let length: number;
    let min: number;
    if (byte < 0x80) {
      index++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return index;
    }
    let code = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return index;
    index += length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/**
 * The file's text, or why it cannot be read as UTF-8 (in `locale`: a refused file is answered at
 * once, to the person uploading it). A UTF-8 byte-order mark is dropped.
 */
export function decodeImportBytes(
  bytes: Uint8Array,
  locale: Locale = "en",
): { ok: true; text: string } | { ok: false; problem: string } {
  const words = importProblemWords(locale);
  if (bytes.length === 0) return { ok: false, problem: words("empty") };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      problem: words("tooLarge", {
        size: megabytes(bytes.length),
        max: megabytes(MAX_IMPORT_BYTES),
      }),
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: words("utf16") };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, problem: words("nul", { line: lineAt(bytes, nul) }) };
  }
  const invalid = firstInvalidUtf8Byte(bytes);
  if (invalid !== -1) {
    return {
      ok: false,
      problem: words("invalidUtf8", { line: lineAt(bytes, invalid), byte: invalid + 1 }),
    };
  }
  // TextDecoder drops a leading UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one).
  return { ok: true, text: new TextDecoder("utf-8").decode(bytes) };
}

/**
 * The headers a kind of import file accepts. The first shape is the plain one; a later shape adds
 * columns to it (an export's extras), and a header naming any of those is checked against it.
 */
export interface CsvLayout<C extends string, S extends string> {
  shapes: readonly { shape: S; columns: readonly C[]; describe: ImportShapeWords }[];
  /** What a row holds, for "a header but no rows of figures". */
  rowNoun: "figures" | "claims";
}

export type CsvFile<C extends string, S extends string> =
  | {
      ok: true;
      shape: S;
      records: { row: number; cells: Record<C, string> }[];
      rejected: RowRejection[];
    }
  | { ok: false; problems: string[] };

/**
 * The shape a header asks for: of the shapes whose added columns all appear in it, the one that
 * adds the most (the plain shape adds none). The header is then checked against that shape, so a
 * misspelt or missing column is named against what the file evidently meant.
 */
function expectedShape<C extends string, S extends string>(
  layout: CsvLayout<C, S>,
  header: readonly string[],
): CsvLayout<C, S>["shapes"][number] {
  const [plain, ...extended] = layout.shapes;
  if (!plain) throw new Error("a CSV layout needs at least one shape");
  const added = (shape: (typeof layout.shapes)[number]) =>
    shape.columns.filter((column) => !plain.columns.includes(column));
  let best = plain;
  for (const shape of extended) {
    const extra = added(shape);
    if (extra.every((column) => header.includes(column)) && extra.length > added(best).length) {
      best = shape;
    }
  }
  return best;
}

function headerProblem(
  header: readonly string[],
  expected: readonly string[],
  describe: ImportShapeWords,
  locale: Locale,
): string | null {
  if (header.length === expected.length && header.every((name, i) => name === expected[i])) {
    return null;
  }
  const parts: string[] = [];
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  const missing = expected.filter((name) => !header.includes(name));
  const extra = header.filter((name) => !expected.includes(name));
  const words = importProblemWords(locale);
  if (missing.length > 0)
    parts.push(words("missing", { count: missing.length, names: missing.join(", ") }));
  if (extra.length > 0) {
    const shown = extra.map((name) => (name === "" ? words("unnamed") : name));
    parts.push(words("unexpected", { count: extra.length, names: shown.join(", ") }));
  }
  const repeatedNames = [...new Set(repeated)];
  if (repeated.length > 0)
    parts.push(words("repeated", { count: repeated.length, names: repeatedNames.join(", ") }));
  if (parts.length === 0) parts.push(words("reordered"));
  return words("header", {
    parts: parts.join(words("partSeparator")),
    expected: expected.join(","),
    describe: words(`shapes.${describe}`),
  });
}

/**
 * Reads an uploaded CSV whose header must be one of `layout`'s: the checks that concern the file
 * as a whole refuse it; a row with the wrong number of fields is rejected on its own.
 */
export function readCsvFile<C extends string, S extends string>(
  bytes: Uint8Array,
  layout: CsvLayout<C, S>,
  locale: Locale = "en",
): CsvFile<C, S> {
  const words = importProblemWords(locale);
  const decoded = decodeImportBytes(bytes, locale);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  let table: string[][];
  try {
    table = parse(decoded.text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    });
  } catch (error) {
    return {
      ok: false,
      problems: [words("notCsv", { error: (error as Error).message })],
    };
  }
  const [fileHeader, ...body] = table;
  // An export made with lang=zh names its columns in Chinese; they are read as their English names.
  const header = fileHeader && canonicalHeader(fileHeader);
  if (!header || header.every((cell) => cell.trim() === "")) {
    return {
      ok: false,
      problems: [words("noHeader")],
    };
  }
  const expected = expectedShape(layout, header);
  const problem = headerProblem(header, expected.columns, expected.describe, locale);
  if (problem) return { ok: false, problems: [problem] };
  const columns = expected.columns;

  const records: { row: number; cells: Record<C, string> }[] = [];
  const rejected: RowRejection[] = [];
  let dataRows = 0;
  body.forEach((cells, index) => {
    // A blank line is not a row of data; it keeps its number so later rows match the spreadsheet.
    if (cells.length === 1 && cells[0]?.trim() === "") return;
    dataRows++;
    const row = index + 2;
    if (cells.length !== columns.length) {
      rejected.push({
        row,
        column: WHOLE_ROW,
        ...reason("fieldCount", { count: cells.length, columns: columns.length }),
      });
      return;
    }
    const record = {} as Record<C, string>;
    columns.forEach((column, i) => {
      record[column] = restoreTextCell(cells[i] ?? "");
    });
    records.push({ row, cells: record });
  });
  if (dataRows === 0) {
    return { ok: false, problems: [words("noRows", { kind: layout.rowNoun })] };
  }
  if (dataRows > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problems: [
        words("tooManyRows", {
          rows: dataRows.toLocaleString("en-US"),
          max: MAX_IMPORT_ROWS.toLocaleString("en-US"),
        }),
      ],
    };
  }
  return { ok: true, shape: expected.shape, records, rejected };
}

// An export's computed columns (PERIOD_COLUMNS) may follow either shape: files exported before
// them still import, and their values are recomputed from the stored figures, never read.
const FIGURES_LAYOUT: CsvLayout<LongColumn, ImportShape> = {
  shapes: [
    { shape: "long", columns: LONG_COLUMNS, describe: "long" },
    { shape: "history", columns: [...LONG_COLUMNS, ...HISTORY_COLUMNS], describe: "history" },
    {
      shape: "long",
      columns: [...LONG_COLUMNS, ...PERIOD_COLUMNS],
      describe: "longComputed",
    },
    {
      shape: "history",
      columns: [...LONG_COLUMNS, ...HISTORY_COLUMNS, ...PERIOD_COLUMNS],
      describe: "historyComputed",
    },
  ],
  rowNoun: "figures",
};

/** A figures file: the long shape of an export, optionally with its revision history. */
export function readImportFile(bytes: Uint8Array, locale: Locale = "en"): ImportFile {
  return readCsvFile(bytes, FIGURES_LAYOUT, locale);
}
