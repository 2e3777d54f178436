import { describe, expect, it } from 'vitest';
import { badgeTone, factBadge } from '../../../src/page-models/fact-badge.ts';

describe('fact badges', () => {
	it('colours the safer answer green, the riskier one amber, and an unknown answer neutral', () => {
		expect([badgeTone(false, false), badgeTone(true, false), badgeTone(null, false)]).toEqual(['success', 'caution', 'default']);
		expect([badgeTone(true, true), badgeTone(false, true), badgeTone(null, true)]).toEqual(['success', 'caution', 'default']);
	});

	it('words the answer and puts the rule and the evidence in the tooltip', () => {
		const labels = { yes: 'Shell', no: 'No shell', unknown: 'Shell: unknown', good: false };
		expect(factBadge({ value: true, rule: 'The rule.', evidence: ['package bash', 'package busybox'] }, labels)).toEqual({
			text: 'Shell',
			tone: 'caution',
			title: 'The rule. Evidence: package bash, package busybox.',
		});
		expect(factBadge({ value: null, rule: 'The rule.', evidence: [] }, labels)).toEqual({
			text: 'Shell: unknown',
			tone: 'default',
			title: 'The rule.',
		});
	});
});
