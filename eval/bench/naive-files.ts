/** Where the naive ingest worker leaves the document vectors, for other processes to replay. */
export const REPLAY_FILE = "replay-vectors.json";
/** Folder, under the naive output folder, holding the store as LangChain's HNSWLib saves it. */
export const NAIVE_STORE_DIR = "store";
