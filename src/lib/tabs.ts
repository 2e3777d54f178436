/** Read the labels of the TabItem panels in rendered Tabs content, in order. */
export function extractTabLabels(html: string): string[] {
	return [...html.matchAll(/<div class="tab-panel" role="tabpanel" data-tab-label="([^"]*)"/g)].map((match) =>
		match[1]!
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&'),
	);
}
