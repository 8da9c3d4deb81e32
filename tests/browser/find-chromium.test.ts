import { describe, expect, it, vi } from "vitest";
import { findChromium, skipBrowserSuite } from "./find-chromium.ts";

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("findChromium", () => {
  it("uses CHROMIUM_PATH when it exists", () => {
    expect(findChromium({ CHROMIUM_PATH: "/opt/chrome" }, only("/opt/chrome"))).toEqual({
      path: "/opt/chrome",
    });
  });

  it("says so when CHROMIUM_PATH points nowhere, instead of falling back", () => {
    const lookup = findChromium({ CHROMIUM_PATH: "/nope" }, only("/usr/bin/chromium"));
    expect(lookup).toEqual({ missing: "CHROMIUM_PATH=/nope does not exist" });
  });

  it("finds Chromium or Chrome on the usual paths", () => {
    expect(findChromium({}, only("/usr/bin/chromium-browser"))).toEqual({
      path: "/usr/bin/chromium-browser",
    });
    expect(findChromium({}, only("/usr/bin/google-chrome"))).toEqual({
      path: "/usr/bin/google-chrome",
    });
  });

  it("reports a missing browser when none exists", () => {
    expect(findChromium({}, only())).toMatchObject({
      missing: expect.stringMatching(/no Chromium/),
    });
  });
});

describe("skipBrowserSuite", () => {
  it("skips with one line saying how to enable the suite, outside CI", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(skipBrowserSuite({ missing: "no Chromium or Chrome found" }, {})).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/CHROMIUM_PATH/);
    warn.mockRestore();
  });

  it("never skips under CI=true, so a missing browser fails there", () => {
    expect(skipBrowserSuite({ missing: "no Chromium or Chrome found" }, { CI: "true" })).toBe(
      false,
    );
  });

  it("runs when a browser is found", () => {
    expect(skipBrowserSuite({ path: "/usr/bin/chromium" }, {})).toBe(false);
  });
});
