import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolderPerTest } from '../../helpers/temporary-folder.ts';

const LAUNCHER = resolve('tests/helpers/chromium.sh');

describe('tests/helpers/chromium.sh', () => {
	const folder = temporaryFolderPerTest('sca-chromium-launcher-test-');

	/** The arguments the launcher hands to the "Chromium" named by CHROMIUM_PATH: here a script that prints them. */
	function argumentsPassedOn(args: string[]): string[] {
		const fake = join(folder(), 'fake-chromium');
		writeFileSync(fake, '#!/bin/sh\nprintf "%s\\0" "$@"\n');
		chmodSync(fake, 0o755);
		const output = execFileSync(LAUNCHER, args, { env: { ...process.env, CHROMIUM_PATH: fake }, encoding: 'utf8' });
		return output.split('\0').slice(0, -1);
	}

	it('joins every --disable-features list into one switch, after the other arguments', () => {
		// Playwright's own list comes first, ours after it; Chromium alone would keep only ours.
		const passed = argumentsPassedOn([
			'--disable-features=PaintHolding,MediaRouter',
			'--user-agent=a b',
			'--headless',
			'--disable-features=WebUIOmniboxPopup',
		]);
		expect(passed).toEqual(['--user-agent=a b', '--headless', '--disable-features=PaintHolding,MediaRouter,WebUIOmniboxPopup']);
	});

	it('passes the arguments on unchanged when there is no --disable-features', () => {
		expect(argumentsPassedOn(['--headless', '--no-sandbox', ''])).toEqual(['--headless', '--no-sandbox', '']);
	});
});
