import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, megabytes } from "@/lib/csv/import-file";
import { importProblemWords } from "@/lib/csv/import-words";
import {
  CLAIM_ERROR_WORDS_EN,
  type ClaimErrorWords,
  EMPTY_CLAIM_VALUES,
  parseClaimInput,
} from "@/lib/domain/claim-input";
import {
  EMPTY_EVENT_VALUES,
  EVENT_ERROR_WORDS_EN,
  type EventErrorWords,
  parseEventInput,
} from "@/lib/domain/event-input";
import type { FormErrorWords } from "@/lib/domain/field-messages";
import type { BoundedMetric } from "@/lib/domain/metric-bounds";
import {
  createRestateInputSchema,
  RESTATE_ERROR_WORDS_EN,
  type RestateErrorWords,
  restateFieldErrors,
} from "@/lib/domain/restate-input";
import {
  ACCOUNT_ERROR_WORDS_EN,
  type AccountErrorWords,
  fieldErrorsOf,
  SignInSchema,
} from "@/lib/domain/sign-in-input";
import {
  WITHDRAW_ERROR_WORDS_EN,
  type WithdrawErrorWords,
  WithdrawInputSchema,
  withdrawFieldErrors,
} from "@/lib/domain/withdraw-input";
import {
  ClaimReferenceError,
  fieldsNeedCorrecting,
  RecordNotFoundError,
  RevisionConflictError,
} from "@/lib/errors";

function catalog(locale: string, area: string) {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), "messages", `${locale}.${area}.json`), "utf8"),
  );
}

const zhFieldMessages = catalog("zh", "form-messages").FieldMessages;

/** A form's words as i18n/field-errors.ts reads them from the catalog. */
function zhWords<Words extends FormErrorWords<string, string>>(namespace: string): Words {
  const words = catalog("zh", "form-errors")[namespace];
  return { locale: "zh", ...words, messages: zhFieldMessages } as Words;
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
    const { locale: _e, messages: _em, ...event } = EVENT_ERROR_WORDS_EN;
    expect(englishOf("EventInput")).toEqual(event);
    const { locale: _c, messages: _cm, ...claim } = CLAIM_ERROR_WORDS_EN;
    expect(englishOf("ClaimInput")).toEqual(claim);
    const { locale: _a, messages: _am, ...account } = ACCOUNT_ERROR_WORDS_EN;
    expect(englishOf("AccountInput")).toEqual(account);
  });

  it("say the restate form's errors in Chinese, and keep the English", () => {
    const patch = { value: "-3", confirm: "", sourcePublishedOn: "2027-01-01" };
    expect(restateErrors(patch, zhWords<RestateErrorWords>("RestateInput"))).toEqual({
      value: "数值不能为负数（十亿元数据不能小于 0）。",
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
    expect(
      withdrawErrors({ reason: "", confirm: "" }, zhWords<WithdrawErrorWords>("WithdrawInput")),
    ).toEqual({
      reason: "撤回原因不能为空。",
      confirm: "确认框须勾选后才能撤回该数据。",
    });
    expect(withdrawErrors({ reason: "", confirm: "" })).toEqual({
      reason: "The reason is required.",
      confirm: "The confirmation box must be ticked to withdraw the figure.",
    });
  });

  it("say the event form's errors in Chinese, and keep the English", () => {
    const values = {
      ...EMPTY_EVENT_VALUES,
      date: "1999-12-31",
      title: "two\nlines",
      description: "Launch",
      sourceTitle: "Storyboard18",
    };
    const zh = parseEventInput("Not A Slug", values, zhWords<EventErrorWords>("EventInput"));
    expect(zh.ok ? null : zh.fieldErrors).toEqual({
      date: "日期必须在 2000 至 2099 年之间",
      title: "标题必须是一行（不能换行）",
    });
    expect(zh.ok ? null : zh.formError).toMatch(/^本页地址中的品牌只能包含小写字母/);
    const en = parseEventInput("Not A Slug", values);
    expect(en.ok ? null : en.fieldErrors).toEqual({
      date: "Date must be in the years 2000 to 2099",
      title: "Title must be a single line (no line breaks)",
    });
    expect(en.ok ? null : en.formError).toMatch(/^The brand in this page's address must be/);
  });

  it("say the actions' refusals in Chinese, and in English as the errors say them", () => {
    const t = (locale: string, namespace: string) =>
      createTranslator({ locale, messages: catalog(locale, "form-errors"), namespace });
    const conflict = new RevisionConflictError("event", "e1", 3, "ana@example.com");
    const conflictValues = { record: "event", changedBy: "ana@example.com", revision: "3" };
    expect(t("en", "RecordFormFailure")("conflict", conflictValues)).toBe(conflict.message);
    expect(t("zh", "RecordFormFailure")("conflict", conflictValues)).toBe(
      "其他人（ana@example.com）在你编辑期间修改了该事件：现为第 3 版。请刷新页面查看其版本；未保存任何内容。",
    );
    for (const record of ["event", "claim"] as const) {
      expect(t("en", "RecordFormFailure")("notFound", { record })).toBe(
        new RecordNotFoundError(record, "x").message,
      );
    }
    expect(t("en", "RecordFormFailure")("unknownReference", { entity: "metric", key: "gmv" })).toBe(
      new ClaimReferenceError("relativeMetric", "gmv").message,
    );
    expect(t("en", "SignInAction")("rateLimited", { seconds: "1200" })).toBe(
      "Too many failed sign-in attempts. Try again in 1200 seconds.",
    );
    expect(t("en", "RestateFigure")("fieldsNeedCorrecting", { count: 1 })).toBe(
      fieldsNeedCorrecting(1),
    );
    expect(t("en", "RestateFigure")("fieldsNeedCorrecting", { count: 2 })).toBe(
      fieldsNeedCorrecting(2),
    );
    expect(t("zh", "WithdrawFigure")("unknown", { entity: "brand", key: "acme" })).toBe(
      "未撤回：不存在品牌“acme”。",
    );
    expect(t("en", "WithdrawFigure")("unknown", { entity: "brand", key: "acme" })).toBe(
      'Nothing was withdrawn: there is no brand "acme".',
    );
  });

  it("say the claim form's errors in Chinese, and keep the English", () => {
    const values = {
      ...EMPTY_CLAIM_VALUES,
      claimant: "Lei Jun",
      sourceTitle: "Weibo post",
      quote: "Up 30%",
      metric: "revenue",
      statedValue: "30",
      statedUnit: "x",
    };
    const zh = parseClaimInput("xiaomi", values, zhWords<ClaimErrorWords>("ClaimInput"));
    expect(zh.ok ? null : zh.fieldErrors).toEqual({
      quarter: "季度对这类说法为必填",
      statedUnit: "所述单位对变化类说法必须是 % 或 pp",
    });
    const en = parseClaimInput("xiaomi", values);
    expect(en.ok ? null : en.fieldErrors).toEqual({
      quarter: "Quarter is required for this kind of claim",
      statedUnit: "Stated unit must be % or pp for a change",
    });
  });

  it("say the sign-in form's errors in Chinese, and keep the English", () => {
    const parsed = SignInSchema.safeParse({ email: "ada", password: "" });
    if (parsed.success) throw new Error("expected a refusal");
    expect(fieldErrorsOf(parsed.error, zhWords<AccountErrorWords>("AccountInput"))).toEqual({
      email: "电子邮箱必须是电子邮箱地址，例如 ada@example.com",
      password: "密码不能为空",
    });
    expect(fieldErrorsOf(parsed.error)).toEqual({
      email: "Email must be an email address like ada@example.com",
      password: "Password is required",
    });
  });

  it("say the upload form's oversize file in Chinese, and in English as before", () => {
    const size = 6.25 * 1024 * 1024;
    const params = { size: megabytes(size), max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
    expect(importProblemWords("en")("tooLarge", params)).toBe(
      "The file is 6.3 MB; an import takes at most 5 MB. Split it into smaller files.",
    );
    expect(importProblemWords("zh")("tooLarge", params)).toBe(
      "文件大小为 6.3 MB；单次导入最多 5 MB。请拆分为较小的文件。",
    );
    const t = createTranslator({
      locale: "zh",
      messages: catalog("zh", "form-errors"),
      namespace: "UploadImport",
    });
    expect(t("chooseFile")).toBe("请选择要上传的 CSV 文件。");
  });
});
