// Piscina's entry for the embedding workers (see pooled-embedder.ts). The sources are TypeScript,
// so this plain module registers tsx in the worker thread first, as bin/study-assistant.js does
// for the main thread, then hands piscina the worker's task function.
import { register } from "tsx/esm/api";

register();
const { embedTexts } = await import("./embed-worker.ts");
export default embedTexts;
