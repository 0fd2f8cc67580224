import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  FIELD_MESSAGES,
  type FieldMessageCode,
  fieldMessage,
  localizeFieldMessage,
  readFieldMessage,
} from "@/lib/domain/field-messages";
import { unitNoun } from "@/lib/domain/format";
import {
  createQuarterInputSchema,
  type FormMetric,
  QUARTER_ERROR_WORDS_EN,
  type QuarterErrorWords,
  quarterFieldErrors,
  quarterFieldNames,
} from "@/lib/domain/quarter-input";

function catalog(locale: string) {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), "messages", `${locale}.form-messages.json`), "utf8"),
  );
}

const METRICS: FormMetric[] = [
  { key: "revenue", label: "Total revenue", unit: "RMB bn", kind: "flow" },
  { key: "retail_stores", label: "Xiaomi Home stores", unit: "stores", kind: "stock" },
];
const NOW = new Date("2026-05-15T12:00:00Z");

function errorsOf(patch: Record<string, string>, words?: QuarterErrorWords) {
  const values: Record<string, string> = {};
  for (const name of quarterFieldNames(METRICS)) values[name] = "";
  const result = createQuarterInputSchema(METRICS, NOW).safeParse({
    ...values,
    brand: "xiaomi",
    year: "2025",
    quarter: "4",
    value_revenue: "120.5",
    sourceTitle: "Xiaomi Q4 2025 results",
    ...patch,
  });
  return result.success ? {} : quarterFieldErrors(result.error, METRICS, words);
}

const zh = catalog("zh");
const ZH_WORDS: QuarterErrorWords = {
  locale: "zh",
  sentence: zh.QuarterInput.sentence,
  labels: zh.QuarterInput.labels,
  qualifierOf: zh.QuarterInput.qualifierOf,
  messages: zh.FieldMessages,
};

describe("field messages", () => {
  it("are the English catalog's, which the default English words equal", () => {
    const en = catalog("en");
    expect(en.FieldMessages).toEqual(FIELD_MESSAGES);
    expect(en.QuarterInput).toEqual({
      sentence: QUARTER_ERROR_WORDS_EN.sentence,
      labels: QUARTER_ERROR_WORDS_EN.labels,
      qualifierOf: QUARTER_ERROR_WORDS_EN.qualifierOf,
    });
  });

  it("read back to their own code and parameters, every one", () => {
    for (const code of Object.keys(FIELD_MESSAGES) as FieldMessageCode[]) {
      const params = {
        max: 7,
        after: 2,
        plain: "1.5",
        noun: "money",
        bound: "1,000",
        unit: "RMB bn",
        list: "a, b",
        today: "2026-05-15",
        min: 2000,
        year: 2000,
        quarter: "Q3 2026",
        latest: "Q2 2026",
      };
      expect(readFieldMessage(fieldMessage(code, params))?.code, code).toBe(code);
    }
    expect(readFieldMessage("must be at most 300 characters")).toEqual({
      code: "maxLength",
      params: { max: "300" },
    });
    expect(readFieldMessage("something no schema says")).toBeNull();
  });

  it("say a quarter form's errors in Chinese, with the quarter and unit the Chinese way", () => {
    expect(
      errorsOf({ year: "25", value_revenue: "-3", sourceTitle: "x".repeat(301) }, ZH_WORDS),
    ).toEqual({
      year: "财年必须是四位数年份，例如 2025。",
      value_revenue: "Total revenue不能为负数（十亿元数据不能小于 0）。",
      sourceTitle: "来源标题最多 300 个字符。",
    });
    expect(errorsOf({ year: "2026", quarter: "3" }, ZH_WORDS).quarter).toBe(
      "季度不能是未来的季度（2026年Q3尚未开始；最新可填2026年Q2）。",
    );
    expect(
      localizeFieldMessage(
        fieldMessage("atMost", { bound: "10,000", unit: "RMB bn" }),
        zh.FieldMessages,
        "zh",
      ),
    ).toBe("不能大于 10,000（十亿元）");
    expect(
      localizeFieldMessage(
        fieldMessage("negative", { noun: unitNoun("") }),
        zh.FieldMessages,
        "zh",
      ),
    ).toBe("不能为负数（计数数据不能小于 0）");
    expect(fieldMessage("negative", { noun: unitNoun("") })).toBe(
      "must not be negative (a count figure cannot be below 0)",
    );
  });

  it("keep the English as it was", () => {
    expect(errorsOf({ year: "25", sourceTitle: "x".repeat(301) })).toEqual({
      year: "Fiscal year must be a four-digit year like 2025.",
      sourceTitle: "Source title must be at most 300 characters.",
    });
    expect(errorsOf({ year: "2026", quarter: "3" }, QUARTER_ERROR_WORDS_EN).quarter).toBe(
      "Quarter must not be in the future (Q3 2026 has not started; the latest is Q2 2026).",
    );
  });
});
