/**
 * A byte count in decimal (SI) units, the rule for every size the project prints: B below 1000, then kB, MB, GB and
 * TB in steps of 1000, as registries and `docker images` report sizes. Two decimals below 10 units, one above.
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	const units = ['kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = -1;
	do {
		value /= 1000;
		unit++;
	} while (value >= 1000 && unit < units.length - 1);
	return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
