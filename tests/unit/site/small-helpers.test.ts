import { describe, expect, it } from 'vitest';
import { textToCopy } from '../../../src/lib/copy-text.ts';
import { countWords, readingMinutes } from '../../../src/lib/reading-time.ts';
import { docPath } from '../../../src/lib/routes.ts';
import { extractTabLabels } from '../../../src/lib/tabs.ts';
import { parseCodeTitle } from '../../../src/markdown/code-blocks.ts';
import { isExternalHref } from '../../../src/markdown/external-links.ts';
import { escapeHtml, idFromName, unescapeHtml } from '../../../src/lib/html.ts';

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

describe('small helpers', () => {
	it('maps entry ids to URLs', () => {
		expect(docPath('open-source/wolfi/overview')).toBe('/open-source/wolfi/overview/');
		expect(docPath('open-source/index')).toBe('/open-source/');
		expect(docPath('index')).toBe('/');
	});

	it('counts words without imports and tags', () => {
		const body =
			'import { Callout } from \'@/components\';\n\n<Callout type="tip">Pin images by digest.</Callout>\n\nOne two three.';
		expect(countWords(body)).toBe(7);
		expect(readingMinutes('word '.repeat(1100), 220)).toBe(5);
		expect(readingMinutes('', 220)).toBe(1);
	});

	it('reads code titles and tab labels', () => {
		expect(parseCodeTitle('title="Dockerfile" {2-3}')).toBe('Dockerfile');
		expect(parseCodeTitle("{1} title='apko.yaml'")).toBe('apko.yaml');
		expect(parseCodeTitle('{1}')).toBeUndefined();
		expect(extractTabLabels('<div class="tab-panel" role="tabpanel" data-tab-label="Docker &amp; Podman">x</div>')).toEqual([
			'Docker & Podman',
		]);
	});

	it('recognises external links and escapes HTML', () => {
		expect(isExternalHref('https://sigstore.dev/')).toBe(true);
		expect(isExternalHref('/images/static/')).toBe(false);
		expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
		expect(unescapeHtml(escapeHtml(`<a href="x" onclick='y'>&`))).toBe(`<a href="x" onclick='y'>&`);
		expect(unescapeHtml('&amp;lt;')).toBe('&lt;');
	});
});

describe('idFromName', () => {
	it('keeps letters, digits and dashes and spells out the rest, so distinct names keep distinct ids', () => {
		expect(idFromName('python-3.12-dev')).toBe('python-3_2e_12-dev');
		expect(idFromName('libstdc++')).toBe('libstdc_2b__2b_');
		expect(idFromName('py3.12-pip')).not.toBe(idFromName('py3_2e_12-pip'));
	});
});
