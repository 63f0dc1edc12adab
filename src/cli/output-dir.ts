import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error.ts';

/**
 * Refuses an output directory that cannot be one because it, or a folder on its way, is an
 * existing file: a usage error naming the file (exit 2), checked before any work, instead of a
 * crash with ENOTDIR or EEXIST when the reports are written. A path that does not exist yet is
 * fine: it is created.
 */
export async function assertOutputDir(path: string, flag: string): Promise<void> {
  const wanted = resolve(path);
  for (let at = wanted; ; at = dirname(at)) {
    const found = await stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? undefined : Promise.reject(error)));
    if (found?.isDirectory()) return;
    if (found) {
      throw new UsageError(
        at === wanted
          ? `${flag} ${path} is a file, not a directory; give a directory (it is created if missing), or move the file`
          : `${flag} ${path} cannot be made: ${at} is a file, not a directory; give a directory elsewhere, or move the file`,
      );
    }
    if (dirname(at) === at) return;
  }
}
