// The ownership base the extension's objects share (src/extension/dispose.ts;
// it imports nothing from 'vscode', so it runs here).
import assert from 'node:assert/strict';
import { Disposable, disposeAll, toDisposable, type IDisposable } from '../../src/extension/dispose';

class Owner extends Disposable {
  own<T extends IDisposable>(item: T): T {
    return this._register(item);
  }
}

describe('Disposable', () => {
  it('disposes what it registered, in order, once', () => {
    const seen: string[] = [];
    const owner = new Owner();
    owner.own(toDisposable(() => seen.push('a')));
    owner.own(toDisposable(() => seen.push('b')));
    assert.equal(owner.isDisposed, false);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(seen, ['a', 'b']);
    assert.equal(owner.isDisposed, true);
  });

  it('disposes at once what is registered after it was disposed (a late subscription leaks nothing)', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    const item = owner.own(toDisposable(() => (disposed = true)));
    assert.equal(disposed, true);
    assert.ok(item);
  });

  it('disposes every item even when some throw, then throws the first (or all of them together)', () => {
    const seen: string[] = [];
    const boom = (m: string) => toDisposable(() => {
      seen.push(m);
      throw new Error(m);
    });
    assert.throws(() => disposeAll([boom('x'), toDisposable(() => seen.push('y'))]), /^Error: x$/);
    assert.deepEqual(seen, ['x', 'y']);
    assert.throws(
      () => disposeAll([boom('p'), boom('q')]),
      (e: unknown) => e instanceof AggregateError && e.errors.map((x: Error) => x.message).join() === 'p,q',
    );
  });

  it('toDisposable runs its function once', () => {
    let n = 0;
    const d = toDisposable(() => n++);
    d.dispose();
    d.dispose();
    assert.equal(n, 1);
  });
});
