/**
 * Loads `.env` from the working directory into `process.env` when the file exists.
 * Node's own parser (`process.loadEnvFile`) keeps a variable that is already set, so the
 * real environment always wins over the file. A missing file is normal; an unreadable one is not.
 */
export function loadEnvFile(file = '.env'): boolean {
  try {
    process.loadEnvFile(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
