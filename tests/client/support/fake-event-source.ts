/** A stand-in for the browser's EventSource: tests connect it, push `{ id, seq }` events or fail the stream. */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  open() {
    this.onopen?.();
  }

  emit(id: string, seq: number) {
    this.onmessage?.({ data: JSON.stringify({ id, seq }) });
  }

  fail() {
    this.onerror?.();
  }

  close() {
    this.closed = true;
  }

  static install() {
    FakeEventSource.instances = [];
    Object.assign(globalThis, { EventSource: FakeEventSource });
  }

  static openCount(): number {
    return FakeEventSource.instances.filter((s) => !s.closed).length;
  }

  static latest(): FakeEventSource {
    const last = FakeEventSource.instances.filter((s) => !s.closed).at(-1);
    if (!last) throw new Error('no open EventSource');
    return last;
  }
}
