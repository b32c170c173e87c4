/** One benchmark visitor: its session cookie, its CSRF token, and the ids the server said are in its basket. */
export interface BasketSession {
  id: string;
  cookie: string;
  csrfToken: string;
  acknowledged: string[];
}

/**
 * Start `count` visits the way a browser with JavaScript does: a first add
 * without a session creates one (the JSON reply carries the visit's CSRF
 * token, the Set-Cookie its JSESSIONID), and every later POST sends both.
 */
export async function openBasketSessions(url: string, count: number, ids: string[]): Promise<BasketSession[]> {
  const sessions: BasketSession[] = [];
  for (let i = 0; i < count; i++) {
    const first = ids[i % ids.length]!;
    const response = await fetch(new URL('/basket/add', url), {
      method: 'POST',
      headers: { cookie: 'COOKIE_SUPPORT=true', accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ id: first }),
    });
    if (response.status !== 200) throw new Error(`starting a basket visit: HTTP ${response.status} ${await response.text()}`);
    const reply = (await response.json()) as { csrfToken: string; changed: string[] };
    const id = /JSESSIONID=([^;]+)/.exec(response.headers.getSetCookie().join('\n'))?.[1];
    if (!id || !reply.csrfToken) throw new Error('starting a basket visit: no JSESSIONID cookie or CSRF token in the reply');
    sessions.push({ id, cookie: `COOKIE_SUPPORT=true; JSESSIONID=${id}`, csrfToken: reply.csrfToken, acknowledged: [...reply.changed] });
  }
  return sessions;
}
