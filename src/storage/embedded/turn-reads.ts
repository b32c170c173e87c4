/**
 * Reads asked for in one turn of the event loop, made together at its end
 * (setImmediate) in one statement, each caller given the answers for its own
 * keys. Each SQLite statement outside a transaction is a read transaction of
 * its own, and taking and releasing its WAL read lock are system calls (two
 * fcntl() and an fstat()); a turn under load takes in a dozen requests or
 * more, which then share one. A caller waits at most until the turn ends,
 * and still reads the database as it is then, after any write its own
 * request made.
 */
export function readInTurns<V>(readAll: (keys: string[]) => Map<string, V>): (keys: readonly string[]) => Promise<Map<string, V>> {
  let waiting: Array<{ keys: readonly string[]; resolve: (found: Map<string, V>) => void; reject: (error: unknown) => void }> = [];
  const readWaiting = () => {
    const callers = waiting;
    waiting = [];
    let all: Map<string, V>;
    try {
      all = readAll([...new Set(callers.flatMap((c) => c.keys))]);
    } catch (error) {
      for (const caller of callers) caller.reject(error);
      return;
    }
    for (const { keys, resolve } of callers) {
      const own = new Map<string, V>();
      for (const key of keys) {
        const value = all.get(key);
        if (value !== undefined) own.set(key, value);
      }
      resolve(own);
    }
  };
  return (keys) => {
    if (keys.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      waiting.push({ keys, resolve, reject });
      if (waiting.length === 1) setImmediate(readWaiting);
    });
  };
}
