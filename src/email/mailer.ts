// The Mailer port. Adapters: SMTP (nodemailer, SMTP_URL) and a file adapter that writes .eml files
// under DATA_DIR/mail so a fresh install works without a mail server.
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id so a retried send is recognisable as the same message. */
  messageId?: string;
  headers?: Record<string, string>;
};

export type SentMail = { messageId: string; location?: string };

export interface Mailer {
  readonly kind: 'smtp' | 'file';
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}
