import { AppError } from "./app-error.ts";

/** A setting (environment variable or flag) has a value that is not allowed. */
export class ConfigError extends AppError {
  constructor(message: string) {
    super(message, { code: "config_invalid", exitCode: 2 });
  }
}
