import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_MESSAGES_EN, localizeAppMessage, localizeFieldSentences } from "@/lib/app-messages";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AppError, fieldsNeedCorrecting } from "@/lib/errors";

const catalog = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), `messages/${locale}.form-errors.json`), "utf8"))
    .AppMessages as Record<string, string>;

describe("app messages in the reader's language", () => {
  it("keep the English catalog equal to the sentences the code says", () => {
    expect(catalog("en")).toEqual(APP_MESSAGES_EN);
    expect(Object.keys(catalog("zh")).sort()).toEqual(Object.keys(APP_MESSAGES_EN).sort());
  });

  it("say an error code's default, a role refusal and a count in Chinese, and leave English alone", async () => {
    const forbidden = new AppError("revision_conflict").message;
    expect(await localizeAppMessage(forbidden, "en")).toBe(forbidden);
    expect(await localizeAppMessage(forbidden, "zh")).toBe(
      "其他人已同时修改了此内容。请刷新查看其版本；未保存任何内容。",
    );
    expect(
      await localizeAppMessage(
        "Your role (viewer) does not allow this; it needs editor. Nothing was changed.",
        "zh",
      ),
    ).toBe("您的角色（查看者）无权执行此操作，需要编辑权限。未做任何更改。");
    expect(await localizeAppMessage(fieldsNeedCorrecting(3), "zh")).toBe(
      "未保存：有 3 个字段需要修改。",
    );
  });

  it("say the password policy's problems in Chinese with their numbers", async () => {
    const problem = passwordProblem("short") ?? "";
    expect(problem).toMatch(/^The password must have at least \d+ characters \(it has 5\)\.$/);
    expect(await localizeFieldSentences({ password: problem }, "zh")).toEqual({
      password: expect.stringMatching(/^密码至少需要 \d+ 个字符（当前为 5 个）。$/),
    });
  });

  it("show a sentence no template fits as it is", async () => {
    expect(await localizeAppMessage("Something only a log would say.", "zh")).toBe(
      "Something only a log would say.",
    );
  });
});
