import type { Deps } from '../../platform/deps.ts';
import { repeatEvery } from '../../platform/repeat.ts';
import { deliverDueEmails, type MailSettings } from './email-delivered.ts';
import { queueDueEmails } from './email-queued.ts';

const OVERLAP_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The email sweep, every few seconds in each instance: queue what happened since the last pass
 * (with some overlap; the calendar's flows once an hour), then deliver what is due. Instances share
 * the work through the messages' unique keys and claims, so two never send the same message.
 */
export function startEmailLoop(deps: Deps, mail: MailSettings, log: (line: string) => void, everyMs = 5000): () => Promise<void> {
  let stopped = false;
  let lastPass: Date | undefined;
  let lastCalendar = 0;
  const pass = async () => {
    const started = deps.clock.now();
    const calendar = started.getTime() - lastCalendar >= HOUR_MS;
    const queued = await queueDueEmails(deps, { from: lastPass && new Date(lastPass.getTime() - OVERLAP_MS), calendar });
    lastPass = started;
    if (calendar) lastCalendar = started.getTime();
    let delivered = 0;
    for (let n = await deliverDueEmails(deps, mail); n > 0 && !stopped; n = await deliverDueEmails(deps, mail)) delivered += n;
    if (queued || delivered) log(`emails: ${queued} queued, ${delivered} handled`);
  };
  const stop = repeatEvery(everyMs, pass, (error) => log(`emails: ${error instanceof Error ? error.message : String(error)}`));
  return async () => {
    stopped = true;
    await stop();
    mail.transport?.close();
  };
}
