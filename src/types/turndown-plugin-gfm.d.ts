// turndown-plugin-gfm 1.0.2 ships no types. Each export is a turndown plugin.
declare module "turndown-plugin-gfm" {
  import type TurndownService from "turndown";

  /** All of the plugins below. */
  export const gfm: TurndownService.Plugin;
  /** Tables with a heading row become GFM tables; others are kept as HTML. */
  export const tables: TurndownService.Plugin;
  export const strikethrough: TurndownService.Plugin;
  export const taskListItems: TurndownService.Plugin;
  export const highlightedCodeBlock: TurndownService.Plugin;
}
