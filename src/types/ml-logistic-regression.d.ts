declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";

  /** One-vs-all logistic regression trained by gradient descent (mljs). */
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: Array<{ weights: Matrix; testScores(features: Matrix): number[] }>;
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
  }
}
