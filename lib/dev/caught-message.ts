/** One email the development mail catcher received, as its pages and its API show it. */
export type CaughtMessage = {
  id: string;
  from: string;
  /** Every recipient the client gave, Bcc included: who the email would have reached. */
  to: string[];
  subject: string;
  date: Date;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};
