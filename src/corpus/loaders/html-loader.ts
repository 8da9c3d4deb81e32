import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { InvalidCorpusFileError } from "../../errors/corpus-errors.ts";
import type { CorpusDocument } from "../corpus-document.ts";
import { parseContentType } from "./content-type.ts";
import { decodeText } from "./decode-text.ts";
import type { DocumentLoader, LoaderInput, LoaderSource } from "./document-loader.ts";
import { matchesTypeOrExtension } from "./internal/can-load.ts";
import { htmlToMarkdown, normaliseTables } from "./internal/html-to-markdown.ts";
import { escapeHeadingText } from "./internal/plain-text-to-markdown.ts";
import { assertSafeSource, fileTitle, safeTitle, sha256Hex } from "./internal/safe-text.ts";
import { stripBoilerplate } from "./internal/strip-boilerplate.ts";

type HtmlDocument = ReturnType<typeof parseHTML>["document"];

const EXTENSIONS = new Set([".html", ".htm", ".xhtml"]);
const MIME_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/**
 * A web page reduced to its main content: boilerplate (nav, header, footer, aside, scripts,
 * cookie banners, promo and newsletter blocks) is removed, Readability picks the article, turndown
 * writes it as Markdown with GFM tables. When Readability finds nothing, the cleaned `<body>` is
 * used instead. Title: the given one, else `og:title`, `<title>`, the first `<h1>`, the file name.
 * The charset comes from a byte order mark, the `Content-Type`, or `<meta>`, in that order.
 */
export class HtmlLoader implements DocumentLoader {
  readonly kind = "html";

  canLoad(source: LoaderSource): boolean {
    return matchesTypeOrExtension(source, MIME_TYPES, EXTENSIONS);
  }

  async load(input: LoaderInput): Promise<CorpusDocument> {
    assertSafeSource(input.source);
    const html = decodeText(input.bytes, input.source, {
      declaredCharset: parseContentType(input.contentType).charset,
      htmlMeta: true,
    });
    const document = parsePage(html);
    const foundTitle =
      safeTitle(
        document
          .querySelector('meta[property="og:title"],meta[name="og:title"]')
          ?.getAttribute("content"),
      ) ??
      safeTitle(document.querySelector("title")?.textContent) ??
      safeTitle(document.querySelector("h1")?.textContent);
    stripBoilerplate(document);
    const body = document.querySelector("body");
    // Readability rewrites the document it is given; keep the cleaned body for the fallback.
    const cleanedBody = body?.innerHTML ?? html;

    let articleHtml: string | undefined;
    try {
      // keepClasses keeps `language-python` on code blocks for the fence's info string.
      const article = new Readability(
        document as unknown as ConstructorParameters<typeof Readability>[0],
        {
          keepClasses: true,
        },
      ).parse();
      if (article?.content && (article.textContent ?? "").trim() !== "") {
        articleHtml = article.content;
      }
    } catch {
      // Readability gives up on some malformed pages; the cleaned body is still usable.
    }

    const markdown = toMarkdown(articleHtml ?? cleanedBody);
    if (markdown.length === 0) {
      throw new InvalidCorpusFileError(input.source, "has no readable text in its main content");
    }
    const title = safeTitle(input.title) ?? foundTitle ?? fileTitle(input.source) ?? input.source;
    // Start with the title as the level-1 heading, as the Markdown corpus does, unless the page
    // content already opens with a level-1 heading.
    const withTitle = /^# /.test(markdown)
      ? markdown
      : `# ${escapeHeadingText(title)}\n\n${markdown}`;
    return {
      source: input.source,
      path: input.path ?? input.source,
      title,
      kind: input.kind ?? "document",
      body: `${withTitle}\n`,
      contentHash: sha256Hex(input.bytes),
    };
  }
}

/**
 * Parses a page with linkedom. linkedom does not add the `<html>`, `<head>` and `<body>` that the
 * HTML standard implies when a page leaves them out (legal since HTML5), and Readability finds
 * nothing without a body: such pages get them added, with the head elements moved into the head.
 */
function parsePage(html: string): HtmlDocument {
  if (/<body[\s>]/i.test(html)) return parseHTML(html).document;
  const inner = html.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>|<\/?head\b[^>]*>/gi, "");
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${inner}</body></html>`);
  const head = document.querySelector("head");
  for (const element of [
    ...document.querySelectorAll("body title, body meta, body link, body base"),
  ]) {
    head?.appendChild(element);
  }
  return document;
}

function toMarkdown(fragment: string): string {
  const { document } = parseHTML(
    `<!doctype html><html><body><div id="content">${fragment}</div></body></html>`,
  );
  const root = document.getElementById("content");
  if (root === null) return "";
  normaliseTables(document, root);
  return htmlToMarkdown(root.innerHTML);
}
