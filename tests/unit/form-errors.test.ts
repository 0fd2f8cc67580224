import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FormErrorWords } from "@/lib/domain/field-messages";
import type { BoundedMetric } from "@/lib/domain/metric-bounds";
import {
  createRestateInputSchema,
  RESTATE_ERROR_WORDS_EN,
  type RestateErrorWords,
  restateFieldErrors,
} from "@/lib/domain/restate-input";
import {
  WITHDRAW_ERROR_WORDS_EN,
  type WithdrawErrorWords,
  WithdrawInputSchema,
  withdrawFieldErrors,
} from "@/lib/domain/withdraw-input";

function catalog(locale: string, area: string) {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), "messages", `${locale}.${area}.json`), "utf8"),
  );
}

const zhFieldMessages = catalog("zh", "form-messages").FieldMessages;

/** A form's words as i18n/field-errors.ts reads them from the catalog. */
function zhWords<F extends string, O extends string>(namespace: string): FormErrorWords<F, O> {
  const words = catalog("zh", "form-errors")[namespace];
  return { locale: "zh", ...words, messages: zhFieldMessages };
}

function englishOf(namespace: string) {
  const { sentence, labels, own } = catalog("en", "form-errors")[namespace];
  return { sentence, labels, own };
}

const REVENUE: BoundedMetric = {
  key: "revenue",
  label: "Total revenue",
  unit: "RMB bn",
  kind: "flow",
};

function restateErrors(patch: Record<string, string>, words?: RestateErrorWords) {
  const result = createRestateInputSchema(REVENUE, new Date("2026-05-15T12:00:00Z")).safeParse({
    brand: "xiaomi",
    metric: "revenue",
    quarter: "2025Q3",
    revision: "1",
    value: "113.1",
    qualifier: "exact",
    sourceTitle: "Xiaomi Q3 2025 results",
    sourceUrl: "",
    sourcePublishedOn: "",
    quote: "",
    note: "",
    confirm: "yes",
    ...patch,
  });
  return result.success ? {} : restateFieldErrors(result.error, words);
}

function withdrawErrors(patch: Record<string, string>, words?: WithdrawErrorWords) {
  const result = WithdrawInputSchema.safeParse({
    brand: "xiaomi",
    metric: "revenue",
    quarter: "2025Q3",
    revision: "1",
    reason: "Wrong quarter",
    confirm: "yes",
    ...patch,
  });
  return result.success ? {} : withdrawFieldErrors(result.error, words);
}

describe("form field errors", () => {
  it("have English catalogs equal to the forms' English tables", () => {
    const { locale: _r, messages: _rm, ...restate } = RESTATE_ERROR_WORDS_EN;
    const { locale: _w, messages: _wm, ...withdraw } = WITHDRAW_ERROR_WORDS_EN;
    expect(englishOf("RestateInput")).toEqual(restate);
    expect(englishOf("WithdrawInput")).toEqual(withdraw);
  });

  it("say the restate form's errors in Chinese, and keep the English", () => {
    const patch = { value: "-3", confirm: "", sourcePublishedOn: "2027-01-01" };
    expect(restateErrors(patch, zhWords("RestateInput"))).toEqual({
      value: "数值不能为负数（该数据不能小于 0）。",
      sourcePublishedOn: "发布日期不能晚于今天（2026-05-15）。",
      confirm: "确认框须勾选后才能保存重述。",
    });
    expect(restateErrors(patch)).toEqual({
      value: "The value must not be negative (a RMB bn figure cannot be below 0).",
      sourcePublishedOn: "The publication date must not be after today (2026-05-15).",
      confirm: "The confirmation box must be ticked to save the restatement.",
    });
  });

  it("say the withdraw form's errors in Chinese, and keep the English", () => {
    expect(withdrawErrors({ reason: "", confirm: "" }, zhWords("WithdrawInput"))).toEqual({
      reason: "撤回原因不能为空。",
      confirm: "确认框须勾选后才能撤回该数据。",
    });
    expect(withdrawErrors({ reason: "", confirm: "" })).toEqual({
      reason: "The reason is required.",
      confirm: "The confirmation box must be ticked to withdraw the figure.",
    });
  });
});
