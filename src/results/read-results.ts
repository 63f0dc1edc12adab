import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VENDORS } from '../openapi/vendors.ts';
import type { ResultsDocument } from './results.ts';
import { validateResults } from './validate-results.ts';

/** A path that holds no readable results.json: the message says which file and why. */
export class ResultsReadError extends Error {
  override name = 'ResultsReadError';
}

/** A results.json file, or every <vendor>/results.json of a report directory, validated against results.schema.json. */
export async function readResultsDocuments(path: string): Promise<ResultsDocument[]> {
  let files = [path];
  try {
    if ((await stat(path)).isDirectory()) {
      files = [];
      for (const vendor of VENDORS) {
        const file = join(path, vendor, 'results.json');
        if (await stat(file).then(() => true, () => false)) files.push(file);
      }
      if (files.length === 0) throw new ResultsReadError(`${path} holds no <vendor>/results.json`);
    }
  } catch (error) {
    if (error instanceof ResultsReadError) throw error;
    throw new ResultsReadError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const documents: ResultsDocument[] = [];
  for (const file of files) {
    let document: unknown;
    try {
      document = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new ResultsReadError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const problems = await validateResults(document);
    if (problems.length > 0) throw new ResultsReadError(`${file} is not a conform results.json: ${problems.slice(0, 3).join('; ')}`);
    documents.push(document as ResultsDocument);
  }
  return documents;
}
