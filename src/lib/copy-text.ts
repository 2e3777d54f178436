/** One rendered line of a code block. */
export interface CodeLine {
	text: string;
	/** The line is marked as removed in a diff and is not part of the result. */
	removed: boolean;
}

const PROMPT = /^(?:\$|#|>|PS>)\s/;

/**
 * The text a reader wants on the clipboard from a code block.
 *
 * Shell sessions (`console`) keep only the commands, without their prompts, plus the continuation lines of a
 * command that ends in a backslash; what the commands print is left out. Removed diff lines never count.
 */
export function textToCopy(lines: readonly CodeLine[], language: string): string {
	const kept = lines.filter((line) => !line.removed).map((line) => line.text);
	if (language !== 'console' && language !== 'shellsession') return kept.join('\n');
	const commands: string[] = [];
	let continuing = false;
	for (const line of kept) {
		if (continuing) {
			commands.push(line);
		} else if (PROMPT.test(line)) {
			commands.push(line.replace(PROMPT, ''));
		} else {
			continue;
		}
		continuing = /\\\s*$/.test(line);
	}
	return commands.join('\n');
}
