/** Round trips the engine answered, per action (e.g. "database.getDocument"). */
export class EngineStats {
  private counts = new Map<string, number>();

  record(action: string): void {
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
  }

  count(action: string): number {
    return this.counts.get(action) ?? 0;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  get byAction(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts = new Map();
  }
}
