import { z } from 'zod';

// zod's email check (a practical subset of RFC 5321 addresses, no quoted local parts), and at most 254 characters, SMTP's limit.
const EmailAddress = z.email().max(254);

/** The address, trimmed, when it is one a mail server will accept; undefined otherwise. */
export function emailAddress(input: unknown): string | undefined {
  const parsed = EmailAddress.safeParse(typeof input === 'string' ? input.trim() : input);
  return parsed.success ? parsed.data : undefined;
}
