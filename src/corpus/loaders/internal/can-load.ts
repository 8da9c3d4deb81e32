import { extensionOf, parseContentType } from "../content-type.ts";
import type { LoaderSource } from "../document-loader.ts";

/**
 * The loaders' shared rule: a source is theirs when its content type is one of `mimeTypes`, or
 * its path ends in one of `extensions`.
 */
export function matchesTypeOrExtension(
  source: LoaderSource,
  mimeTypes: ReadonlySet<string>,
  extensions: ReadonlySet<string>,
): boolean {
  if (
    source.contentType !== undefined &&
    mimeTypes.has(parseContentType(source.contentType).mimeType)
  ) {
    return true;
  }
  return source.path !== undefined && extensions.has(extensionOf(source.path));
}
