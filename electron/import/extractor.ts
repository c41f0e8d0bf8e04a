// The extractor the import pipeline runs: `extractArticle` of shared/extract, behind a function
// type so that the pipeline, the worker pool and the tests can pass another one in.
import type { ExtractOptions, Extraction } from '../../shared/extract/types';
import { extractArticle } from '../../shared/extract';

export type ExtractFn = (text: string, options: ExtractOptions) => Extraction | Promise<Extraction>;

export const defaultExtract: ExtractFn = (text, options) => extractArticle(text, options);
