import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a tiny BERT-shaped model in the layout transformers.js loads from a local folder, so the
 * real loading path (config, tokenizer, onnxruntime session, pooling) runs in tests without a
 * network. Its vectors carry no meaning: each token's hidden state is the sum of three seeded
 * pseudo-random embeddings (word, token type, attention mask). There is no attention, so a token's
 * output never depends on its neighbours or on padding, and padded positions come out non-zero:
 * mean pooling must use the attention mask to give the same vector with and without padding.
 * The same arguments always produce byte-identical files.
 */
export async function writeTinyModel(
  directory: string,
  options: { modelId?: string; hiddenSize?: number } = {},
): Promise<{ modelId: string; modelsDir: string; dimensions: number }> {
  const modelId = options.modelId ?? "test/tiny-bert";
  const hiddenSize = options.hiddenSize ?? 8;
  if (!Number.isInteger(hiddenSize) || hiddenSize < 1) {
    throw new RangeError(`hiddenSize is ${hiddenSize}; it must be a positive integer`);
  }
  const modelsDir = path.resolve(directory);
  const modelDir = path.join(modelsDir, ...modelId.split("/"));
  await mkdir(path.join(modelDir, "onnx"), { recursive: true });

  const vocabulary = tinyVocabulary();
  const model = encodeModel(vocabulary.length, hiddenSize);
  await Promise.all([
    writeJson(path.join(modelDir, "config.json"), bertConfig(vocabulary.length, hiddenSize)),
    writeJson(path.join(modelDir, "tokenizer.json"), wordPieceTokenizer(vocabulary)),
    writeJson(path.join(modelDir, "tokenizer_config.json"), tokenizerConfig()),
    // transformers.js reads `model_quantized.onnx` when `quantized` is true, `model.onnx` otherwise.
    writeFile(path.join(modelDir, "onnx", "model.onnx"), model),
    writeFile(path.join(modelDir, "onnx", "model_quantized.onnx"), model),
  ]);
  return { modelId, modelsDir, dimensions: hiddenSize };
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;

// Common English and machine-learning words; anything else falls back to single characters.
const WORDS = `the of and to in is it that for on with as are be this by or from an at was
not but can have has you your we they he she his her its our their all any each more most some
such no yes one two three four five six seven eight nine ten first last new old good bad high
low large small big long short how what why when where which who do does did done make made use
used using get set run test data model models learning machine deep neural network networks
train training trained loss gradient descent optimizer weight weights bias layer layers input
output inputs outputs feature features vector vectors embedding embeddings text texts word words
token tokens sentence document documents query search index retrieval answer question questions
python numpy pandas code function class file files api server client request response docker
container containers deploy deployment cloud serve serving rest endpoint fastapi linear logistic
regression classification cluster clustering tree trees forest random boost boosting matrix
algebra calculus probability statistics mean variance distribution sample samples batch epoch
epochs rate accuracy precision recall score metric metrics evaluation validation cross split
overfitting regularization dropout normalization attention transformer transformers encoder
decoder language languages image images vision convolution pooling sequence time series study
week month year plan roadmap project projects review read write learn practice example examples
apple pie grandmother bakes every sunday day home`;

function tinyVocabulary(): string[] {
  const letters = Array.from("abcdefghijklmnopqrstuvwxyz0123456789");
  const punctuation = Array.from(".,;:!?'\"()[]{}-_/\\@#$%&*+=<>|~`^");
  const tokens = [
    ...SPECIAL_TOKENS,
    ...punctuation,
    ...letters,
    // Continuation pieces let WordPiece spell out any ASCII word that is not in the list.
    ...letters.map((letter) => `##${letter}`),
    ...WORDS.split(/\s+/).filter((word) => word !== ""),
  ];
  return [...new Set(tokens)];
}

function bertConfig(vocabularySize: number, hiddenSize: number): Record<string, unknown> {
  return {
    architectures: ["BertModel"],
    model_type: "bert",
    vocab_size: vocabularySize,
    hidden_size: hiddenSize,
    // The graph is embeddings only; these describe it honestly rather than a real BERT.
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: hiddenSize,
    hidden_act: "gelu",
    max_position_embeddings: 512,
    type_vocab_size: 2,
    pad_token_id: 0,
    layer_norm_eps: 1e-12,
  };
}

function wordPieceTokenizer(vocabulary: string[]): Record<string, unknown> {
  const idOf = (token: string): number => vocabulary.indexOf(token);
  const special = (token: string) => ({ id: token, ids: [idOf(token)], tokens: [token] });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: idOf(token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((token, id) => [token, id])),
    },
  };
}

function tokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    // Without it transformers.js computes the padding length as NaN.
    model_max_length: 512,
    clean_up_tokenization_spaces: true,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
  };
}

// --- ONNX protobuf, hand-encoded ----------------------------------------------------------------
// Field numbers are from onnx/onnx.proto (proto2, so repeated scalars are written unpacked).

const IR_VERSION = 8;
const OPSET_VERSION = 13;
const FLOAT = 1;
const INT64 = 7;

function encodeModel(vocabularySize: number, hiddenSize: number): Uint8Array {
  const random = mulberry32(20240601);
  const table = (name: string, rows: number, scale: number) =>
    floatTensor(name, [rows, hiddenSize], () => (random() * 2 - 1) * scale);
  const tokenInput = (name: string) => valueInfo(name, INT64, ["batch", "sequence"]);
  const gather = (table: string, indices: string, output: string) =>
    node("Gather", [table, indices], output);

  const graph = message(
    // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
    ...[
      gather("word_embeddings", "input_ids", "words"),
      gather("token_type_embeddings", "token_type_ids", "token_types"),
      gather("attention_mask_embeddings", "attention_mask", "mask_states"),
      node("Add", ["words", "token_types"], "embedded"),
      node("Add", ["embedded", "mask_states"], "last_hidden_state"),
    ].map((encoded) => bytesField(1, encoded)),
    stringField(2, "tiny_bert_embeddings"),
    bytesField(5, table("word_embeddings", vocabularySize, 1)),
    bytesField(5, table("token_type_embeddings", 2, 0.25)),
    bytesField(5, table("attention_mask_embeddings", 2, 0.25)),
    bytesField(11, tokenInput("input_ids")),
    bytesField(11, tokenInput("attention_mask")),
    bytesField(11, tokenInput("token_type_ids")),
    bytesField(12, valueInfo("last_hidden_state", FLOAT, ["batch", "sequence", hiddenSize])),
  );
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8.
  // OperatorSetIdProto: domain = 1, version = 2 (the default "" domain is ai.onnx).
  return message(
    varintField(1, IR_VERSION),
    stringField(2, "study-assistant write-tiny-model"),
    bytesField(7, graph),
    bytesField(8, message(stringField(1, ""), varintField(2, OPSET_VERSION))),
  );
}

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4. */
function node(opType: string, inputs: string[], output: string): Uint8Array {
  return message(
    ...inputs.map((input) => stringField(1, input)),
    stringField(2, output),
    stringField(3, `${opType}_${output}`),
    stringField(4, opType),
  );
}

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian values). */
function floatTensor(name: string, dims: number[], next: () => number): Uint8Array {
  const count = dims.reduce((product, dim) => product * dim, 1);
  const raw = new DataView(new ArrayBuffer(count * 4));
  for (let index = 0; index < count; index++) raw.setFloat32(index * 4, next(), true);
  return message(
    ...dims.map((dim) => varintField(1, dim)),
    varintField(2, FLOAT),
    stringField(8, name),
    bytesField(9, new Uint8Array(raw.buffer)),
  );
}

/**
 * ValueInfoProto { name = 1, type = 2 } holding TypeProto { tensor_type = 1 } holding
 * TypeProto.Tensor { elem_type = 1, shape = 2 }; TensorShapeProto { dim = 1 } and each Dimension
 * { dim_value = 1, dim_param = 2 } (a string is a symbolic dimension).
 */
function valueInfo(name: string, elementType: number, dims: Array<number | string>): Uint8Array {
  const shape = message(
    ...dims.map((dim) =>
      bytesField(1, typeof dim === "number" ? varintField(1, dim) : stringField(2, dim)),
    ),
  );
  const tensorType = message(varintField(1, elementType), bytesField(2, shape));
  return message(stringField(1, name), bytesField(2, message(bytesField(1, tensorType))));
}

function message(...fields: Uint8Array[]): Uint8Array {
  const length = fields.reduce((total, field) => total + field.length, 0);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const field of fields) {
    bytes.set(field, offset);
    offset += field.length;
  }
  return bytes;
}

/** Base-128 varint of a non-negative integer (every value written here is one). */
function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

/** Wire type 0 (varint). */
function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field * 8), ...varint(value)]);
}

/** Wire type 2 (length-delimited): strings, bytes and nested messages. */
function bytesField(field: number, value: Uint8Array): Uint8Array {
  return message(Uint8Array.from([...varint(field * 8 + 2), ...varint(value.length)]), value);
}

function stringField(field: number, value: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(value));
}

/** Small seeded generator (public-domain mulberry32): the same weights on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
