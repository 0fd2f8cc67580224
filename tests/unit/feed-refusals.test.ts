import { describe, expect, it } from "vitest";
import { feedLocale, feedNotFoundText, feedPrivateText } from "@/lib/feed-refusals";

describe("the feed's refusals", () => {
  it("follow lang=zh only; another or a bad lang is English", () => {
    expect(feedLocale("lang=zh")).toBe("zh");
    expect(feedLocale("lang=fr&utm_source=reader")).toBe("en");
    expect(feedLocale("")).toBe("en");
  });

  it("say an unknown feed or brand in English as before, and in Chinese", () => {
    const feeds = ["/feeds/xiaomi.atom", "/feeds/nio.atom"];
    expect(feedNotFoundText("en", { slug: "nokia" }, feeds)).toBe(
      'There is no brand "nokia". Feeds: /feeds/xiaomi.atom, /feeds/nio.atom',
    );
    expect(feedNotFoundText("en", { file: "xiaomi.rss" }, feeds)).toBe(
      'There is no feed "xiaomi.rss": feeds end in ".atom". Feeds: /feeds/xiaomi.atom, /feeds/nio.atom',
    );
    expect(feedNotFoundText("zh", { slug: "nokia" }, feeds)).toBe(
      "没有品牌“nokia”。订阅源：/feeds/xiaomi.atom、/feeds/nio.atom",
    );
  });

  it("say private mode in the feed's language", () => {
    expect(feedPrivateText("en")).toContain("feeds are for signed-in readers only");
    expect(feedPrivateText("zh")).toContain("仅供已登录的读者");
  });
});
