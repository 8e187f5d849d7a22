// The registry: every rule, by code. The CLI, the extension's diagnostics and
// its one generic CodeActionProvider all go through this list.

import actionMissingDue from './action-missing-due';
import actionMissingOwner from './action-missing-owner';
import actionOverdue from './action-overdue';
import beyondLimits from './beyond-limits';
import cadenceLapsed from './cadence-lapsed';
import developmentFocusCount from './development-focus-count';
import duplicateId from './duplicate-id';
import invalidDate from './invalid-date';
import krMissingDue from './kr-missing-due';
import krMissingOwner from './kr-missing-owner';
import krNotMeasurable from './kr-not-measurable';
import mergeConflict from './merge-conflict';
import missingField from './missing-field';
import noActionItems from './no-action-items';
import noRecentFeedback from './no-recent-feedback';
import objectiveMissingOwner from './objective-missing-owner';
import okrKrCount from './okr-kr-count';
import okrObjectiveCount from './okr-objective-count';
import outOfRange from './out-of-range';
import preReadLate from './pre-read-late';
import privateLeak from './private-leak';
import ratingGap from './rating-gap';
import talkingPointOpen from './talking-point-open';
import reviewDecisionMissing from './review-decision-missing';
import themeExpired from './theme-expired';
import unknownPerson from './unknown-person';
import yamlSyntax from './yaml-syntax';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  missingField,
  invalidDate,
  outOfRange,
  duplicateId,
  actionMissingOwner,
  actionMissingDue,
  actionOverdue,
  objectiveMissingOwner,
  krMissingOwner,
  krMissingDue,
  krNotMeasurable,
  cadenceLapsed,
  noActionItems,
  unknownPerson,
  okrObjectiveCount,
  okrKrCount,
  ratingGap,
  developmentFocusCount,
  themeExpired,
  talkingPointOpen,
  privateLeak,
  reviewDecisionMissing,
  preReadLate,
  noRecentFeedback,
  mergeConflict,
  beyondLimits,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));

export type { Rule, RuleContext, FixContext, DatasetQuery } from './rule';
