/** An error whose message is all the user needs (no stack trace). */
export class CliError extends Error {}
