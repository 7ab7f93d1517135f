/**
 * Every key the gateway writes, under one prefix so several deployments can share a Redis. Keys a script
 * touches together share a hash tag (`{…}`), so they live in one Cluster slot.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  ledger(key: string): string {
    return `${this.prefix}ledger:{${key}}`;
  }

  /** Where ledger changes are announced, so a waiting duplicate wakes at once. */
  get ledgerChannel(): string {
    return `${this.prefix}ledger-changed`;
  }

  identityByExternalId(provider: string): string {
    return `${this.prefix}identity:{${provider}}:by-external-id`;
  }

  identityById(provider: string): string {
    return `${this.prefix}identity:{${provider}}:by-id`;
  }

  identityMark(provider: string): string {
    return `${this.prefix}identity:{${provider}}:mark`;
  }

  lock(name: string): string {
    return `${this.prefix}lock:{${name}}`;
  }

  bucket(name: string): string {
    return `${this.prefix}budget:{${name}}`;
  }

  slots(name: string): string {
    return `${this.prefix}slots:{${name}}`;
  }

  value(key: string): string {
    return `${this.prefix}value:{${key}}`;
  }

  channel(name: string): string {
    return `${this.prefix}channel:${name}`;
  }
}
