import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

export interface SmtpReceiver {
  url: string;
  mails: ParsedMail[];
  /** Answer RCPT TO for this address with an SMTP code (e.g. 451 for "later", 550 for "no such user"), `times` times. */
  refuse(address: string, code: number, times?: number): void;
  /** Waits until `count` mails have arrived. */
  received(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

/** A real SMTP server on loopback for the file's tests; every message is parsed with mailparser. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ParsedMail[] = [];
  const refusals = new Map<string, { code: number; times: number }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address.toLowerCase());
      if (refusal && refusal.times > 0) {
        refusal.times -= 1;
        const error = new Error(refusal.code >= 500 ? 'No such user here' : 'Try again later') as Error & { responseCode: number };
        error.responseCode = refusal.code;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse: (address, code, times = Infinity) => void refusals.set(address.toLowerCase(), { code, times }),
    async received(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return mails;
    },
  };
}
