// The anonymous learner id, kept in localStorage: created on the first thing worth storing (a
// step marked done, a card reviewed), forgotten with everything the server stored for it.

import { createLearner, deleteLearner } from "./study-api.js";

const STORAGE_KEY = "study-assistant.learner-id";

/** localStorage can be missing or throw (storage disabled): the view then keeps nothing. */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** @returns {string | undefined} the stored id, if any */
export function storedLearnerId() {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** @type {Promise<string> | undefined} one creation at a time, for clicks in quick succession */
let creating;

/** The stored id, or a new one from POST /api/learners (then stored). */
export async function learnerId() {
  const stored = storedLearnerId();
  if (stored !== undefined) return stored;
  creating ??= createLearner().finally(() => {
    creating = undefined;
  });
  const id = await creating;
  try {
    storage()?.setItem(STORAGE_KEY, id);
  } catch {
    // Storage full or disabled: progress is kept for this page only.
  }
  return id;
}

/** Drops the stored id without asking the server (it no longer knows it). */
export function dropLearnerId() {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

/** DELETE /api/learners/:id, then drops the id; nothing to do without one. */
export async function forgetLearner() {
  const id = storedLearnerId();
  if (id === undefined) return;
  await deleteLearner(id);
  dropLearnerId();
}
