import { groupCommitSize } from './metrics.ts';

/**
 * Group commit: requests that arrive while earlier ones are being written are gathered and
 * written together, in one transaction, by one set of statements. An idle server writes each
 * request at once (a group of one); a busy one writes groups of up to `maxGroup`, so each
 * request costs a fraction of the round trips and of the disk flush it would cost alone.
 */
export type GroupOutcome<O> = { ok: O } | { error: unknown } | { retry: true };

export interface GroupCommitOptions {
  /** Names the groups in /metrics (regulars_group_commit_size). */
  name: string;
  maxGroup: number;
  /** Groups written at the same time; more only add lock waits on two cores. */
  maxInFlight: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export class GroupCommit<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private readonly write: (items: I[]) => Promise<GroupOutcome<O>[]>;
  private readonly options: GroupCommitOptions;

  /** `write` answers each item: a result, its own error, or `retry` to write it in a later group. */
  constructor(write: (items: I[]) => Promise<GroupOutcome<O>[]>, options: GroupCommitOptions) {
    this.write = write;
    this.options = options;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight < this.options.maxInFlight) {
        this.inFlight += 1;
        // Let requests that arrived in the same turn of the event loop join this group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxGroup);
      groupCommitSize.observe({ name: this.options.name }, group.length);
      let outcomes: GroupOutcome<O>[];
      try {
        outcomes = await this.write(group.map((w) => w.item));
      } catch (error) {
        outcomes = group.map(() => ({ error }));
      }
      const retries: Waiting<I, O>[] = [];
      group.forEach((waiting, i) => {
        const outcome = outcomes[i]!;
        if ('ok' in outcome) waiting.resolve(outcome.ok);
        else if ('error' in outcome) waiting.reject(outcome.error);
        else retries.push(waiting);
      });
      this.queue.unshift(...retries);
    }
    this.inFlight -= 1;
  }
}
