// `skein extract --format eval|ner FILE`: prints what the offline extractor finds in one text file,
// as the corpus scorers' JSON (score-claims prediction or eval-ner mentions). stdout carries only
// the JSON. The extractor is imported lazily so `skein --help` and other commands start fast.
import { readFile, stat } from 'node:fs/promises';
import { parseCli } from './args';
import { CliError } from './errors';

const HELP = `Usage: skein extract [--format eval|ner|full] FILE

Runs the offline extractor on one text file and prints JSON on stdout:
  --format eval   the score-claims prediction (entities with aliases, claims)   [default]
  --format ner    typed mentions [{type, start, end, text}] with offsets into the file's text
  --format full   the whole Extraction (entities, mentions, claims, relations, spans)`;

const MAX_BYTES = 20 * 1024 * 1024;

export async function runExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const format = values.format ?? 'eval';
  if (!['eval', 'ner', 'full'].includes(format)) throw new CliError(`unknown --format "${format}" (eval, ner or full)\n\n${HELP}`);
  if (positionals.length !== 1) throw new CliError(`give exactly one FILE\n\n${HELP}`);
  const file = positionals[0]!;
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_BYTES) throw new CliError(`${file} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not valid UTF-8 text`);
  }
  if (text.includes('\u0000')) throw new CliError(`${file} looks like a binary file`);
  const { extractArticle } = await import('../../shared/extract/index');
  const { toEvalPrediction, extract } = await import('../../shared/extract/eval-format');
  let out: unknown;
  if (format === 'ner') out = extract(text);
  else {
    const x = extractArticle(text);
    out = format === 'eval' ? toEvalPrediction(x) : x;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}
