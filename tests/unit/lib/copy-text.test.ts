import { describe, expect, it } from 'vitest';
import { textToCopy } from '../../../src/lib/copy-text.ts';

const lines = (...texts: string[]) => texts.map((text) => ({ text, removed: false }));

describe('copy button text', () => {
	it('copies shell sessions without prompts or output, keeping continuations', () => {
		const session = lines(
			'$ docker run --rm \\',
			'    cgr.dev/chainguard/wolfi-base id',
			'uid=65532(nonroot)',
			'$ echo done',
			'done',
		);
		expect(textToCopy(session, 'console')).toBe('docker run --rm \\\n    cgr.dev/chainguard/wolfi-base id\necho done');
	});

	it('copies other code as is, minus removed diff lines', () => {
		expect(textToCopy([...lines('FROM a', 'USER root'), { text: 'USER 0', removed: true }], 'dockerfile')).toBe(
			'FROM a\nUSER root',
		);
	});
});
