// The dashboard page's state between the extension's messages: the draw
// hold (src/webview/hold.ts: the extension's re-draws wait while a board
// card is pressed or dragged, and the latest one runs once the gesture
// ends), the board's pending moves (src/webview/pending.ts: a moved card
// stays in its new column until data that holds the edit arrives) and the
// protocol's check of a move. The wiring to real pointer and drag events is
// proved in Chromium (test/e2e/dashboard-page.test.ts).
import * as assert from 'node:assert/strict';
import { DrawHold } from '../../src/webview/hold';
import { PendingMoves } from '../../src/webview/pending';
import { isFromWebview } from '../../src/webview/protocol';

/** A hold whose deferred draws run when the test says (`turn()`), as the event loop would. */
function harness() {
  const queue: (() => void)[] = [];
  const hold = new DrawHold((run) => queue.push(run));
  const drawn: string[] = [];
  const turn = () => queue.splice(0).forEach((run) => run());
  return { hold, drawn, turn, draw: (what: string) => () => drawn.push(what) };
}

describe('DrawHold: the dashboard waits to re-draw during a gesture', () => {
  it('draws at once when nothing holds', () => {
    const { hold, drawn, draw } = harness();
    hold.request(draw('a'));
    assert.deepEqual(drawn, ['a']);
    assert.equal(hold.holding, false);
  });

  for (const why of ['press', 'drag'] as const) {
    it(`keeps only the latest draw while a card is held (${why}) and runs it on the turn after the release`, () => {
      const { hold, drawn, draw, turn } = harness();
      hold.hold(why);
      hold.request(draw('a'));
      hold.request(draw('b'));
      turn();
      assert.deepEqual(drawn, [], 'nothing drawn while held');
      hold.release(why);
      assert.deepEqual(drawn, [], 'not in the same turn: a drag may take its hold first');
      turn();
      assert.deepEqual(drawn, ['b']);
      turn();
      assert.deepEqual(drawn, ['b'], 'drawn once');
    });
  }

  it('a press that turns into a drag keeps holding: the release of the press then the drag\'s hold, in one turn', () => {
    const { hold, drawn, draw, turn } = harness();
    hold.hold('press');
    hold.request(draw('a'));
    hold.release('press');
    hold.hold('drag');
    turn();
    assert.deepEqual(drawn, []);
    hold.release('drag');
    turn();
    assert.deepEqual(drawn, ['a']);
  });

  it('waits for the last of two holds; a release with no reason ends both', () => {
    const { hold, drawn, draw, turn } = harness();
    hold.hold('press');
    hold.hold('drag');
    hold.request(draw('a'));
    hold.release('press');
    turn();
    assert.deepEqual(drawn, []);
    hold.release();
    turn();
    assert.deepEqual(drawn, ['a']);
    assert.equal(hold.holding, false);
  });

  it('a draw of the page\'s own meanwhile (a drop\'s move) makes the kept one unneeded', () => {
    const { hold, drawn, draw, turn } = harness();
    hold.hold('drag');
    hold.request(draw('a'));
    hold.drawn();
    hold.release('drag');
    turn();
    assert.deepEqual(drawn, []);
  });

  it('a release with nothing kept, or of a reason not held, draws nothing', () => {
    const { hold, drawn, turn } = harness();
    hold.release('drag');
    hold.hold('press');
    hold.release('drag');
    assert.equal(hold.holding, true);
    hold.release('press');
    turn();
    assert.deepEqual(drawn, []);
  });
});

describe('PendingMoves: a moved card stays moved until data that holds the edit', () => {
  it('numbers the moves 1, 2, … and shows each until data settles up to its number', () => {
    const p = new PendingMoves();
    assert.equal(p.add('kr:a', 'done'), 1);
    assert.equal(p.add('kr:b', 'cut'), 2);
    assert.equal(p.get('kr:a'), 'done');
    p.settle(0);
    assert.equal(p.size, 2, 'data from before any move was handled keeps both');
    p.settle(1);
    assert.equal(p.get('kr:a'), undefined, 'move 1 is in the data');
    assert.equal(p.get('kr:b'), 'cut', 'move 2 is not yet');
    p.settle(2);
    assert.equal(p.size, 0);
  });

  it('a card moved twice shows its last move, until the last is settled', () => {
    const p = new PendingMoves();
    p.add('kr:a', 'at-risk');
    p.add('kr:a', 'on-track');
    p.settle(1);
    assert.equal(p.get('kr:a'), 'on-track', 'the stale data of the first move does not undo the second');
    assert.deepEqual([...p.keys()], ['kr:a']);
    p.settle(2);
    assert.equal(p.get('kr:a'), undefined);
  });

  it('data that does not number the moves (an older host) settles them all', () => {
    const p = new PendingMoves();
    p.add('kr:a', 'done');
    p.add('kr:b', 'done');
    p.settle(undefined);
    assert.equal(p.size, 0);
  });
});

describe('the dashboard protocol: a board move', () => {
  const move = { type: 'setStatus', set: '2026-Q4', objectiveIndex: 0, index: 1, status: 'done' };
  it('takes a move with or without its number', () => {
    assert.equal(isFromWebview(move), true);
    assert.equal(isFromWebview({ ...move, move: 1 }), true);
    assert.equal(isFromWebview({ ...move, move: 2 ** 40 }), true);
  });
  for (const bad of [0, -1, 1.5, '1', null, Number.NaN, Infinity, 2 ** 60]) {
    it(`refuses a move numbered ${String(bad)}`, () => {
      assert.equal(isFromWebview({ ...move, move: bad }), false);
    });
  }
  it('refuses a status that is not a column', () => {
    assert.equal(isFromWebview({ ...move, status: 'unset' }), false);
  });
});
