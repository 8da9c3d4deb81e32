-- Learners' progress: the first schema. SQL that SQLite and PostgreSQL both accept.
-- Times are milliseconds since the Unix epoch (BIGINT), so both sort and compare them the same.
-- A learner is an anonymous random id: no name, no e-mail, no address, no typed answers.

CREATE TABLE learners (
  id TEXT PRIMARY KEY,
  created_at_ms BIGINT NOT NULL
);

CREATE TABLE steps_done (
  learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  done_at_ms BIGINT NOT NULL,
  PRIMARY KEY (learner_id, step)
);

-- One row per card a learner has reviewed: its FSRS scheduling state after the latest review.
CREATE TABLE card_states (
  learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  card_id TEXT NOT NULL,
  due_ms BIGINT NOT NULL,
  stability DOUBLE PRECISION NOT NULL,
  difficulty DOUBLE PRECISION NOT NULL,
  elapsed_days INTEGER NOT NULL,
  scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL,
  reps INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  state TEXT NOT NULL,
  last_review_ms BIGINT,
  PRIMARY KEY (learner_id, card_id)
);

CREATE INDEX card_states_due ON card_states (learner_id, due_ms);

-- The review log. `rep` is the review's number for this card (the card's reps after it), so two
-- reviews computed from the same earlier state cannot both be stored.
CREATE TABLE reviews (
  learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  card_id TEXT NOT NULL,
  rep INTEGER NOT NULL,
  rating TEXT NOT NULL,
  correct SMALLINT,
  reviewed_at_ms BIGINT NOT NULL,
  due_ms BIGINT NOT NULL,
  PRIMARY KEY (learner_id, card_id, rep)
);
