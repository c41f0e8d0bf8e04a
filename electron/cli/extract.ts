// `skein extract`: placeholder until the extractor lands (issue 3).
import { CliError } from './errors';

export async function runExtract(_argv: string[]): Promise<number> {
  throw new CliError('extract is not available yet');
}
