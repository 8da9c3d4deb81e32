import fc from "fast-check";

/**
 * Characters that break naive text handling, one entry each: C0/C1 controls and an ANSI escape,
 * invisibles (zero-width, BOM, soft hyphen), bidi overrides, line separators, combining marks and
 * "Zalgo", emoji with ZWJ, flags and skin tones, RTL and CJK letters, compatibility forms NFKC
 * folds, lone surrogates and noncharacters.
 */
export const trickyCharacter = fc.constantFrom(
  ...[
    "\u0000|\u0001|\u0007|\b|\t|\n|\r|\u001b[31m|\u007f|\u0085|\u00a0|\u00ad",
    "\u200b|\u200c|\u200d|\u2060|\ufeff|\u202e|\u202d|\u2066|\u2069|\u200f|\u061c|\u2028|\u2029",
    "\u0301|\u0336|e\u0301|Z\u0337\u031b\u034ea\u0334l\u0338g\u0336o\u0335",
    "😀|👩‍💻|🏳️‍🌈|🇩🇪|\u{1F9D1}\u{1F3FD}|مرحبا|שלום|學習|ﬁ|Ⅻ|ＤＶＣ|𝐃𝐕𝐂",
    "\ud800|\udfff|\uffff|\ufffd",
  ].flatMap((group) => group.split("|")),
);

/** Words of answerable roadmap questions, so some hostile questions still get answers. */
export const roadmapWord = fc.constantFrom(
  ..."What |is |DVC |used |for|XGBoost |hyperparameters |Docker |?| ".split("|"),
);

/** Questions mixing roadmap words with tricky characters, or any code points at all. */
export const hostileQuestion = fc.oneof(
  fc
    .array(fc.oneof(trickyCharacter, roadmapWord), { maxLength: 40 })
    .map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
);

/** Any JSON value, small enough to stay under the body limit. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** `/api/chat` bodies with any field missing, of the right type, or of any other JSON type. */
export const chatBody = fc.oneof(
  anyJson,
  fc.record(
    {
      message: fc.oneof(hostileQuestion, anyJson),
      history: fc.oneof(
        anyJson,
        fc.array(
          fc.record(
            {
              role: fc.oneof(fc.constantFrom("user", "assistant", "system"), anyJson),
              content: fc.oneof(hostileQuestion, anyJson),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 60 },
        ),
      ),
      stream: fc.oneof(fc.boolean(), anyJson),
      id: fc.oneof(fc.string({ maxLength: 250 }), anyJson),
    },
    { requiredKeys: [] },
  ),
);

/** `/v1/chat/completions` bodies, likewise: messages of any role and content shape. */
export const completionBody = fc.oneof(
  anyJson,
  fc.record(
    {
      model: fc.oneof(fc.string(), anyJson),
      messages: fc.oneof(
        anyJson,
        fc.array(
          fc.record(
            {
              role: fc.oneof(
                fc.constantFrom("system", "user", "assistant", "tool", "root"),
                anyJson,
              ),
              content: fc.oneof(
                hostileQuestion,
                anyJson,
                fc.array(
                  fc.record(
                    {
                      type: fc.oneof(fc.constantFrom("text", "image_url"), anyJson),
                      text: fc.oneof(hostileQuestion, anyJson),
                    },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 4 },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 6 },
        ),
      ),
      stream: fc.oneof(fc.boolean(), anyJson),
    },
    { requiredKeys: [] },
  ),
);

/** Bytes of any value, raw or spliced into a question string: invalid UTF-8 included. */
export const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((value) => Buffer.from(value)),
  fc.uint8Array({ maxLength: 400 }).map((value) =>
    Buffer.concat([
      Buffer.from('{"message":"What is DVC '),
      // Quotes and backslashes would end or escape the string; everything else goes in.
      Buffer.from(value.filter((byte) => byte !== 0x22 && byte !== 0x5c)),
      Buffer.from(' used for?"}'),
    ]),
  ),
);

/** Path segments that compose traversal attempts, percent-encoded and not. */
export const traversalSegment = fc.constantFrom(
  ...["..", ".", "%2e%2e", "%2E%2E", "%2f", "%2F", "/", "%5c", "%00", "%252e%252e"],
  ...["etc", "passwd", "package.json", "corpus", "roadmap.md", "index.html", "src", "~"],
);
