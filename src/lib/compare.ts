/**
 * Order strings by UTF-16 code unit: the same order on every machine and in every locale. `localeCompare` and
 * `Intl.Collator()` without a fixed locale follow the machine's locale (LC_ALL), so the same inputs could build a
 * different page; every sort of page-visible or written data uses this comparator instead.
 */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
