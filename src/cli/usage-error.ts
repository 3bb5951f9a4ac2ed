/** Bad input from the user: the CLI prints its message on one line and exits with code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
