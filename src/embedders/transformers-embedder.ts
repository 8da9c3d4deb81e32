import { existsSync } from "node:fs";
import path from "node:path";
import { env, type FeatureExtractionPipeline, pipeline, type Tensor } from "@xenova/transformers";
import { EmbedderError } from "../errors/embedder-error.ts";
import { BaseEmbedder } from "./base-embedder.ts";

/** Options of `TransformersEmbedder.create`. */
export type TransformersEmbedderOptions = {
  /**
   * Hugging Face model id of a transformers.js-compatible feature-extraction model (ONNX weights
   * under `onnx/`).
   * @default "Xenova/bge-small-en-v1.5"
   */
  model?: string;
  /**
   * Folder holding `<model id>/config.json`, `tokenizer.json`, `tokenizer_config.json` and
   * `onnx/model_quantized.onnx` (or `onnx/model.onnx`). Relative paths resolve against the working
   * directory. Files downloaded when `allowRemoteModels` is true are saved here too, so the next
   * offline run finds them.
   * @default "models"
   */
  modelsDir?: string;
  /**
   * When false only files under `modelsDir` are read and nothing is fetched. When true, missing
   * files are downloaded from the Hugging Face hub.
   * @default false
   */
  allowRemoteModels?: boolean;
  /**
   * Load the 8-bit `onnx/model_quantized.onnx` (smaller, faster) instead of the fp32
   * `onnx/model.onnx`.
   * @default true
   */
  quantized?: boolean;
  /**
   * Texts per call to the model.
   * @default 16
   */
  batchSize?: number;
  /**
   * Length of the vectors. When omitted it is read from the model's `config.json` `hidden_size`;
   * when given it must agree with it.
   */
  dimensions?: number;
};

const DEFAULT_MODEL = "Xenova/bge-small-en-v1.5";

/**
 * Local sentence-embedding model run by transformers.js (onnxruntime): mean pooling over the
 * tokens the attention mask keeps, then L2 normalisation. `id` is `transformers:<model id>@quantized`
 * or `transformers:<model id>@fp32`, since the two weight files give slightly different vectors
 * and an index built with one must not be queried with the other.
 *
 * Build it with `await TransformersEmbedder.create(options)`, which loads the model so that
 * `dimensions` is known before the first call.
 */
export class TransformersEmbedder extends BaseEmbedder {
  readonly id: string;
  readonly dimensions: number;
  /** Hugging Face model id, e.g. `Xenova/bge-small-en-v1.5`. */
  readonly model: string;
  /** Absolute folder the model files are read from. */
  readonly modelsDir: string;
  readonly quantized: boolean;
  private readonly extractor: FeatureExtractionPipeline;

  private constructor(settings: {
    id: string;
    model: string;
    modelsDir: string;
    quantized: boolean;
    batchSize: number;
    dimensions: number;
    extractor: FeatureExtractionPipeline;
  }) {
    super({ batchSize: settings.batchSize });
    this.id = settings.id;
    this.model = settings.model;
    this.modelsDir = settings.modelsDir;
    this.quantized = settings.quantized;
    this.dimensions = settings.dimensions;
    this.extractor = settings.extractor;
  }

  /** Loads the model (from `modelsDir`, or the hub when allowed) and returns a ready embedder. */
  static async create(options: TransformersEmbedderOptions = {}): Promise<TransformersEmbedder> {
    const model = options.model ?? DEFAULT_MODEL;
    const quantized = options.quantized ?? true;
    const allowRemoteModels = options.allowRemoteModels ?? false;
    const modelsDir = path.resolve(options.modelsDir ?? "models");
    const id = `transformers:${model}@${quantized ? "quantized" : "fp32"}`;

    if (!allowRemoteModels) {
      const missing = missingModelFiles(modelsDir, model, quantized);
      if (missing.length > 0) {
        const modelDir = path.join(modelsDir, model);
        throw new EmbedderError(
          id,
          `model ${model} is not in ${modelsDir} and remote models are disabled (missing ${missing.join(", ")}); put the model files under ${modelDir}${path.sep} or set ALLOW_REMOTE_MODELS=true where a network is available`,
        );
      }
    }

    const extractor = await loadPipeline({ model, modelsDir, quantized, allowRemoteModels }).catch(
      (error: unknown) => {
        throw new EmbedderError(
          id,
          `could not load model ${model} from ${modelsDir}${allowRemoteModels ? " or the Hugging Face hub" : ""}: ${errorMessage(error)}`,
          { cause: error },
        );
      },
    );

    const configured = (extractor.model.config as { hidden_size?: unknown } | undefined)
      ?.hidden_size;
    const hiddenSize = typeof configured === "number" ? configured : undefined;
    if (
      options.dimensions !== undefined &&
      hiddenSize !== undefined &&
      options.dimensions !== hiddenSize
    ) {
      await extractor.dispose();
      throw new EmbedderError(
        id,
        `dimensions is ${options.dimensions} but the model's config.json hidden_size is ${hiddenSize}`,
      );
    }
    const dimensions = options.dimensions ?? hiddenSize;
    if (dimensions === undefined) {
      await extractor.dispose();
      throw new EmbedderError(
        id,
        "the model's config.json has no numeric hidden_size; pass `dimensions` explicitly",
      );
    }

    return new TransformersEmbedder({
      id,
      model,
      modelsDir,
      quantized,
      batchSize: options.batchSize ?? 16,
      dimensions,
      extractor,
    });
  }

  /** Releases the onnxruntime session. The embedder cannot be used afterwards. */
  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }

  protected async embedBatch(texts: string[]): Promise<number[][]> {
    let output: Tensor;
    try {
      output = await this.extractor(texts, { pooling: "mean", normalize: true });
    } catch (error) {
      throw new EmbedderError(this.id, `inference failed: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    return toRows(output, texts.length, this.id);
  }
}

/** Files transformers.js needs for a feature-extraction pipeline, relative to the model folder. */
function missingModelFiles(modelsDir: string, model: string, quantized: boolean): string[] {
  const required = [
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    `onnx/model${quantized ? "_quantized" : ""}.onnx`,
  ];
  return required.filter((file) => !existsSync(path.join(modelsDir, model, file)));
}

// transformers.js reads its settings from one global `env` while a model loads (across awaits), so
// loads run one at a time: two embedders with different folders cannot see each other's settings.
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * `pipeline` for the one task used. Its own type maps every task to its pipeline, and checking a
 * call against it took TypeScript about 4 s of each `npm test`.
 */
const featureExtraction = pipeline as unknown as (
  task: "feature-extraction",
  model: string,
  options: { quantized: boolean; local_files_only: boolean },
) => Promise<FeatureExtractionPipeline>;

function loadPipeline(settings: {
  model: string;
  modelsDir: string;
  quantized: boolean;
  allowRemoteModels: boolean;
}): Promise<FeatureExtractionPipeline> {
  const load = async (): Promise<FeatureExtractionPipeline> => {
    env.allowLocalModels = true;
    env.allowRemoteModels = settings.allowRemoteModels;
    env.localModelPath = settings.modelsDir;
    // The file cache is looked up before `localModelPath`; pointing it at the same folder means
    // only `modelsDir` is ever read, and downloads land where the next offline run looks.
    env.useFSCache = true;
    env.cacheDir = settings.modelsDir;
    return featureExtraction("feature-extraction", settings.model, {
      quantized: settings.quantized,
      local_files_only: !settings.allowRemoteModels,
    });
  };
  const loaded = loadQueue.then(load);
  loadQueue = loaded.catch(() => undefined);
  return loaded;
}

/** `[texts, dimensions]` float tensor to one `number[]` per text. */
function toRows(output: Tensor, count: number, id: string): number[][] {
  const [rows, columns] = output.dims;
  if (output.dims.length !== 2 || rows !== count || columns === undefined) {
    throw new EmbedderError(
      id,
      `returned a tensor of shape [${output.dims.join(", ")}]; expected [${count}, dimensions]`,
    );
  }
  const data = output.data as ArrayLike<number>;
  return Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => Number(data[row * columns + column])),
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
