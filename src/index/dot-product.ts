/**
 * Sum of the products of two vectors' components. The embedders return unit-length vectors, so
 * for them this is the cosine similarity.
 */
export function dotProduct(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
