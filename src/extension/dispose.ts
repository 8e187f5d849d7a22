// Ownership of what an object makes: whatever it creates that must be let go
// (an event emitter, a subscription, a timer, a child object) it registers
// with `_register`, and its own dispose() disposes them all. An owner that is
// re-created (a re-index makes new folder indexes) then leaves nothing behind
// once the old one is disposed, which a long-lived array of subscriptions
// cannot promise. After the pattern of VS Code's Markdown language service
// (src/util/dispose.ts); nothing here imports 'vscode', so the core's objects
// (a Dataset) can be registered too.

/** Anything with a dispose(): a vscode.Disposable, a subscription, a Dataset. */
export interface IDisposable {
  dispose(): void;
}

/**
 * Disposes every item, in order, each even when an earlier one throws; then
 * throws the first error (an AggregateError when several threw).
 */
export function disposeAll(items: Iterable<IDisposable>): void {
  const errors: unknown[] = [];
  for (const item of items) {
    try {
      item.dispose();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} disposables failed to dispose`);
}

/** A disposable made of a function, run once. */
export function toDisposable(fn: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      fn();
    },
  };
}

/** Base of every object that owns disposables: dispose() disposes them, once. */
export abstract class Disposable implements IDisposable {
  #disposed = false;
  #owned: IDisposable[] = [];

  /** True once dispose() has run; late callbacks (a read finishing after a re-index) check it. */
  get isDisposed(): boolean {
    return this.#disposed;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const owned = this.#owned;
    this.#owned = [];
    disposeAll(owned);
  }

  /** Takes ownership of `item` and returns it; disposed at once if this object already is. */
  protected _register<T extends IDisposable>(item: T): T {
    if (this.#disposed) item.dispose();
    else this.#owned.push(item);
    return item;
  }
}
