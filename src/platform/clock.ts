/** The one source of "now": injected so expiry, birthdays, holds and tiers are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and replays. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
