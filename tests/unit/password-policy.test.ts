import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isCommonPassword, passwordProblem } from "@/lib/auth/password-policy";

describe("passwords", () => {
  it("are hashed with scrypt, salted, and verified only with the same password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$15\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("correct horse battery staple", "plain-text")).toBe(false);
  });

  it("need at least 12 characters and at most 200", () => {
    expect(passwordProblem("short-pass1")).toMatch(/at least 12 characters \(it has 11\)/);
    expect(passwordProblem("x".repeat(201))).toMatch(/at most 200/);
    expect(passwordProblem("tangerine-vault-42")).toBeNull();
  });

  it("are refused when common, also with digits added, another case or repeated", () => {
    for (const common of [
      "qwerty123456",
      "1q2w3e4r5t6y",
      "Password1234",
      "passwordpassword",
      "aaaaaaaaaaaa",
    ]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(passwordProblem(common), common).toMatch(/commonly used/);
    }
    expect(isCommonPassword("tangerine-vault-42")).toBe(false);
  });

  it("must not contain the email's name", () => {
    expect(passwordProblem("grace.hopper-1906", { email: "grace.hopper@example.com" })).toMatch(
      /must not contain your email/,
    );
  });
});
