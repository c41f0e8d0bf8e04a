// A small argument parser for the CLI on top of node:util parseArgs, with readable errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}
