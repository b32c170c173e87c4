/** How many basket emails one visit may send in a window. */
export const EMAIL_LIMIT = { count: 3, windowMs: 10 * 60_000 };

/**
 * Takes one send from the visit's allowance, kept in the server-side session
 * as the times of recent sends (never the addresses). Returns false, and
 * records nothing, when the visit has used its allowance for the window.
 */
export function takeEmailAllowance(session: Record<string, unknown>, now: number, limit = EMAIL_LIMIT): boolean {
  const previous = Array.isArray(session.emailsSent) ? session.emailsSent.filter((t): t is number => typeof t === 'number') : [];
  const recent = previous.filter((t) => now - t < limit.windowMs);
  if (recent.length >= limit.count) {
    session.emailsSent = recent;
    return false;
  }
  session.emailsSent = [...recent, now];
  return true;
}
