import { insertOwner } from '../fixes';
import type { ActionItem } from '../model';
import { ownerFixes } from './shared';
import { defineRule } from './rule';
import * as l10n from '../l10n';
import { itemOwner } from '../owners';

export default defineRule({
  code: 'action-missing-owner',
  severity: 'warning',
  description: 'An open action item with no owner: every action item needs exactly one person who will do it.',
  kinds: ['1on1', 'okr-review'],
  // A wikilink names the owner only when it names a known person (SPEC §10).
  crossFile: true,
  check(doc, ctx, report) {
    for (const item of doc.items) {
      if (item.status === 'open' && !itemOwner(item, ctx.data)) report(item.range, l10n.t('Action item has no owner — add @person (or @me).'), { line: item.line });
    }
  },
  fixes(d, doc, ctx) {
    const item = doc.items.find((i) => i.line === d.range.start.line) as ActionItem | undefined;
    if (!item) return [];
    return ownerFixes(ctx, doc.kind === '1on1' && doc.report ? { id: doc.report.id, as: 'partner' } : undefined, (id) => insertOwner(item, id));
  },
});
