import { MongoClient, MongoParseError, type MongoClientOptions } from 'mongodb';

/** How long to wait for the database at boot, and how often to try. */
export interface ConnectOptions {
  /** Per boot attempt only; the driver gives up on finding a server after this. Default 5000. */
  serverSelectionTimeoutMS?: number;
  /** Default 3. */
  attempts?: number;
  /** Pause between attempts. Default 2000. */
  retryDelayMs?: number;
}

/** The host list of a MongoDB URL, without scheme, credentials, database or options: safe to log. */
export function hostsOf(url: string): string {
  const afterScheme = url.replace(/^mongodb(\+srv)?:\/\//, '');
  const authority = afterScheme.split(/[/?]/)[0] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1) || '(no host)';
}

/** The driver's messages do not quote the URL, but a password must never reach a log even if one did. */
function withoutPassword(message: string, url: string): string {
  const authority = url.replace(/^mongodb(\+srv)?:\/\//, '').split(/[/?]/)[0] ?? '';
  const userinfo = authority.slice(0, Math.max(0, authority.lastIndexOf('@')));
  const password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : '';
  if (!password) return message;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape: only the raw form can appear, then.
  }
  return message.replaceAll(password, '***').replaceAll(decoded, '***');
}

/** The database could not be reached; the message names the host, never the URL's password. */
export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

/**
 * The serving client's options. Timeouts are the driver's defaults (30 s to
 * find a server), long enough to ride out a replica-set election (10–12 s)
 * instead of failing every request during it; reads and writes are retried
 * once after a failover, whatever the URL says.
 */
export function servingOptions(): MongoClientOptions {
  return { retryWrites: true, retryReads: true };
}

/**
 * A client for serving, after a short-lived probe client has proved the
 * server answers a ping. Only the probe has the short timeout: at boot a
 * wrong URL should fail in seconds, but once serving the driver's defaults
 * apply. Tries a bounded number of times, then fails with a message a
 * person can act on instead of hanging.
 */
export async function connectWithRetry(url: string, options: ConnectOptions = {}): Promise<MongoClient> {
  const { serverSelectionTimeoutMS = 5000, attempts = 3, retryDelayMs = 2000 } = options;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let probe: MongoClient | undefined;
    let client: MongoClient | undefined;
    try {
      probe = new MongoClient(url, { serverSelectionTimeoutMS, connectTimeoutMS: serverSelectionTimeoutMS });
      await probe.connect();
      await probe.db().command({ ping: 1 });
      await probe.close();
      client = new MongoClient(url, servingOptions());
      await client.connect();
      return client;
    } catch (error) {
      // A malformed URL will not get better by waiting.
      if (error instanceof MongoParseError) throw new DatabaseUnreachable(`MONGODB_URL for ${hostsOf(url)} is not valid: ${error.message}`);
      lastError = error;
      await probe?.close().catch(() => undefined);
      await client?.close().catch(() => undefined);
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
    }
  }
  const reason = withoutPassword(lastError instanceof Error ? lastError.message : String(lastError), url);
  throw new DatabaseUnreachable(
    `Cannot reach MongoDB at ${hostsOf(url)} after ${attempts} attempt(s) of ${serverSelectionTimeoutMS} ms: ${reason}. ` +
      'Check MONGODB_URL, that the server is running, and that this machine may connect to it.',
  );
}
