export interface WebhookDelivery {
  provider: string;
  eventId: string;
  type: string;
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The endpoint's HTTP status; 0 when no answer came (refused, timed out). */
  status: number;
  /** Why the attempt failed, when it did; never the secret or the body. */
  error: string | null;
  /** Milliseconds from the change to this attempt's answer. */
  ms: number;
  at: string;
  /** Set when the attempt failed and another is scheduled. */
  nextAttemptAt: string | null;
}

/** Every delivery attempt, oldest first; bounded like the request log. */
export class WebhookDeliveryLog {
  private entries: WebhookDelivery[] = [];

  constructor(private readonly limit = 20_000) {}

  add(entry: WebhookDelivery): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): WebhookDelivery[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
