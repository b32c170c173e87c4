import fs from 'node:fs';
import os from 'node:os';

/**
 * Runs the calling worker thread at a lower priority (nice 10), so while it
 * keeps the cores busy a record page or a basket add on the serving thread
 * still gets a core first instead of queueing behind it. Linux names the
 * thread in /proc/thread-self, and setpriority() takes a thread id there;
 * elsewhere this does nothing.
 */
export function yieldToServingThread(): void {
  try {
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: the worker then competes with pages as an equal.
  }
}
