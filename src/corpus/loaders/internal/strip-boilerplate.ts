import type { parseHTML } from "linkedom";

type HtmlDocument = ReturnType<typeof parseHTML>["document"];
type HtmlElement = ReturnType<HtmlDocument["createElement"]>;

/** Elements whose content is never article text. */
const NEVER_TEXT = "script,style,noscript,template,iframe,object,embed,svg,canvas";

/** Elements that are not the article, unless a page wraps its article in one (ASP.NET `<form>`). */
const NOT_CONTENT = [
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "dialog",
  "nav",
  "aside",
  "[hidden]",
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
].join(",");

/**
 * Words in a class or id that mark a block as site furniture rather than article text. Matched
 * against whole words of the name split at spaces, "-" and "_" (so "cookie-banner" and
 * "newsletter_signup" match, "download" does not match "ad").
 */
const BOILERPLATE_WORDS = new Set([
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "promo",
  "promotion",
  "promotional",
  "newsletter",
  "subscribe",
  "subscription",
  "signup",
  "cta",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "sponsor",
  "sponsored",
  "popup",
  "modal",
  "share",
  "sharing",
  "social",
  "breadcrumb",
  "breadcrumbs",
  "sidebar",
  "related",
  "comments",
  "paywall",
]);

/** A block holding any of these is the page itself, whatever its class says ("page-with-sidebar"). */
const CONTENT_MARKERS = 'main,article,[role="main"],h1';

/**
 * Removes navigation, scripts, forms, cookie banners, promo and newsletter blocks from a parsed
 * page before Readability scores it. Readability alone keeps a promo paragraph that sits inside
 * the article; naming conventions catch most of them. Page headers and footers go unless they
 * belong to an article (an article's own `<header>` often holds its title).
 */
export function stripBoilerplate(document: HtmlDocument): void {
  for (const element of [...document.querySelectorAll(NEVER_TEXT)]) element.remove();
  for (const element of [...document.querySelectorAll(NOT_CONTENT)]) {
    if (element.isConnected && !holdsContent(element)) element.remove();
  }
  for (const element of [...document.querySelectorAll("header,footer")]) {
    if (element.closest("article,main,[role=main]") === null && !holdsContent(element)) {
      element.remove();
    }
  }
  for (const element of [...document.querySelectorAll("[class],[id]")]) {
    if (!element.isConnected || element.localName === "body" || element.localName === "html") {
      continue;
    }
    if (looksLikeBoilerplate(element) && !holdsContent(element)) element.remove();
  }
}

function looksLikeBoilerplate(element: HtmlElement): boolean {
  const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
  return names
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((word) => BOILERPLATE_WORDS.has(word));
}

function holdsContent(element: HtmlElement): boolean {
  return element.matches(CONTENT_MARKERS) || element.querySelector(CONTENT_MARKERS) !== null;
}
