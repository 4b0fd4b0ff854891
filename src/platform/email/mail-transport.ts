import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** Sent; or refused for now (a 4xx, a connection failure: try again later); or for good (a 5xx). */
export type SendResult = { ok: true; response: string } | { ok: false; permanent: boolean; response: string };

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/** SMTP at `SMTP_URL` (smtp:// or smtps://, user and password in the URL), a pooled connection. */
export function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport(url.includes('pool=') ? url : `${url}${url.includes('?') ? '&' : '?'}pool=true`);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({ ...mail, disableUrlAccess: true, disableFileAccess: true });
        return { ok: true, response: String(info.response ?? '') };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; message?: string };
        const code = e.responseCode ?? 0;
        return { ok: false, permanent: code >= 500 && code < 600, response: e.response ?? e.message ?? String(error) };
      }
    },
    close: () => transport.close(),
  };
}
