import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { describeEmbedderContract } from "./embedder-contract.ts";

const embedder = new UseEmbedder({ batchSize: 4 });
describeEmbedderContract("use (Universal Sentence Encoder)", () => embedder, { semantic: true });
