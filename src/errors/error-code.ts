/**
 * Every machine-readable error code the assistant reports: the `error.code` of the HTTP API's
 * error bodies, of SSE `error` frames and of every `AppError`. Codes are stable; add new ones
 * here rather than inventing a string where the error is thrown.
 */
export type ErrorCode =
  // Settings and input given by a person (exit code 2).
  | "config_invalid"
  | "invalid_question"
  | "invalid_request"
  | "input_unreadable"
  | "invalid_corpus_file"
  | "empty_corpus"
  // Files the eval reads (datasets, judge calibration set, thresholds, a baseline report).
  | "dataset_missing"
  | "dataset_unreadable"
  | "dataset_invalid"
  | "calibration_unreadable"
  | "calibration_invalid"
  | "thresholds_unreadable"
  | "thresholds_invalid"
  | "baseline_unreadable"
  | "baseline_invalid"
  // The index folder (exit code 3, or 4 when locked; HTTP 503).
  | "index_missing"
  | "index_corrupt"
  | "index_outdated"
  | "index_locked"
  | "embedder_mismatch"
  // Models: embedding, answering, judging.
  | "embedder_error"
  | "generation_failed"
  | "no_answer"
  | "judge_failed"
  | "judge_malformed_output"
  // Fetching a URL source (one per `FetchFailure`).
  | "fetch_invalid_url"
  | "fetch_blocked"
  | "fetch_timeout"
  | "fetch_network"
  | "fetch_http_status"
  | "fetch_too_many_redirects"
  | "fetch_content_type"
  | "fetch_too_large"
  | "fetch_aborted"
  // HTTP requests.
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "body_too_large"
  | "unsupported_encoding"
  | "rate_limited"
  | "server_busy"
  // The personal plan (POST /api/study/plan, `study plan`).
  | "hours_out_of_range"
  | "invalid_date"
  | "unknown_learner_type"
  | "learner_types_missing"
  | "output_unwritable"
  // Learners' progress and reviews (/api/learners).
  | "invalid_learner_id"
  | "learner_not_found"
  | "step_not_found"
  | "card_not_found"
  | "review_conflict"
  | "progress_unavailable"
  // Study steps, guides and cards (/api/study, `study`).
  | "invalid_step"
  // Anything else: a stream that broke, an unexpected failure (details go to the log).
  | "stream_error"
  | "internal_error";
