import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. Callers log counts, never addresses or content. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A mailer over SMTP. The URL carries host, port, credentials and options as nodemailer reads
 * them: `smtps://` for TLS from the start, `smtp://` upgrades with STARTTLS when the server offers
 * it (`?requireTLS=true` makes that mandatory).
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
