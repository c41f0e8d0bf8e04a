// Errors that cross the API boundary: a code the UI can branch on and a message a user understands.

export const ERROR_CODES = [
  'invalid_arguments', 'unknown_method', 'not_found', 'conflict', 'stale', 'refused', 'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as ErrorBody).code === 'string' && typeof (value as ErrorBody).message === 'string'
  );
}
