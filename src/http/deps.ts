import type { Config } from '../config/config.js';
import type { Store } from '../storage/store.js';
import type { Logger } from './logger.js';
import type { RenderElsewhere, Renderer } from './render.js';
import type { Mailer } from '../mail/mailer.js';

/** Milliseconds since the epoch; injected so tests can move time without sleeping. */
export type Clock = () => number;

/** How a login checks a PIN: the real scrypt check (members/pin-hash.ts), or a counting wrapper in tests. */
export interface PinVerifier {
  verify(pin: string, stored: string): Promise<boolean>;
  /** The same work as `verify`, for a card nobody has; never matches. */
  decoy(pin: string): Promise<false>;
}

/** What the app is built from; passed in explicitly, never global. */
export interface AppDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Defaults to Date.now; tests inject one to move time. */
  clock?: Clock;
  /** Built by server.ts from SMTP_URL; without one, "Email the basket" is hidden. */
  mailer?: Mailer;
  /** Defaults to the scrypt check; tests inject a counting one. */
  pins?: PinVerifier;
  /** Where heavy pages are rendered off the serving thread (server.ts builds a render pool from RENDER_WORKERS); without, on it. */
  renderElsewhere?: RenderElsewhere;
}

/**
 * What every route module receives once the app has filled in defaults.
 * `K` names the sub-stores a module uses (`RouteDeps<'records' | 'baskets'>`),
 * so its signature says what it touches (`RouteDeps<never>` touches none);
 * `createApp` hands in the whole store.
 */
export interface RouteDeps<K extends keyof Store = keyof Store> extends Required<Omit<AppDeps, 'mailer' | 'store' | 'renderElsewhere'>> {
  store: Pick<Store, K>;
  render: Renderer;
  mailer: Mailer | undefined;
}
