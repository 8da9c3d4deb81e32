export { extensionOf, type ParsedContentType, parseContentType } from "./content-type.ts";
export { type DecodeTextOptions, decodeText } from "./decode-text.ts";
export type { DocumentLoader, LoaderInput, LoaderSource } from "./document-loader.ts";
export { HtmlLoader } from "./html-loader.ts";
export { MarkdownLoader } from "./markdown-loader.ts";
export { PdfLoader } from "./pdf-loader.ts";
export { createDefaultLoaders, pickLoader } from "./pick-loader.ts";
export { TextLoader } from "./text-loader.ts";
