import { unescapeHtml } from './html.ts';

/** Read the labels of the TabItem panels in rendered Tabs content, in order. */
export function extractTabLabels(html: string): string[] {
	return [...html.matchAll(/<div class="tab-panel" role="tabpanel" data-tab-label="([^"]*)"/g)].map((match) =>
		unescapeHtml(match[1]!),
	);
}
