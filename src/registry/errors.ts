/** What went wrong, so callers can decide between retrying, reporting and stopping. */
export type RegistryErrorKind =
	| 'reference' // the name, tag, digest or URL given by the user is invalid
	| 'config' // credentials or options are unusable
	| 'auth' // the registry refused the credentials or the token flow failed
	| 'http' // an unexpected HTTP status, with the OCI error code when the body had one
	| 'network' // connection refused, reset, truncated body
	| 'timeout' // a request took longer than the per-request timeout
	| 'digest' // a body did not match its digest
	| 'size' // a body was larger than the cap for its kind
	| 'media-type' // a manifest came back with a type the client does not read
	| 'json' // a body was not the JSON document it should be
	| 'unsupported'; // the registry does not offer an endpoint (for example /v2/_catalog)

/** Where an error happened; every field is optional because errors arise at different depths. */
export interface RegistryErrorContext {
	registry?: string;
	repository?: string;
	reference?: string;
	url?: string;
	status?: number;
	/** OCI error code from the response body, e.g. MANIFEST_UNKNOWN. */
	code?: string;
	cause?: unknown;
}

/** A failure talking to an OCI registry; `hint` says what the user can do about it. */
export class RegistryError extends Error {
	readonly kind: RegistryErrorKind;
	readonly hint: string;
	readonly registry: string | null;
	readonly repository: string | null;
	readonly reference: string | null;
	readonly url: string | null;
	readonly status: number | null;
	readonly code: string | null;

	constructor(kind: RegistryErrorKind, message: string, hint: string, context: RegistryErrorContext = {}) {
		super(message, context.cause === undefined ? undefined : { cause: context.cause });
		this.name = 'RegistryError';
		this.kind = kind;
		this.hint = hint;
		this.registry = context.registry ?? null;
		this.repository = context.repository ?? null;
		this.reference = context.reference ?? null;
		this.url = context.url ?? null;
		this.status = context.status ?? null;
		this.code = context.code ?? null;
	}

	/** The message and where it happened (repository, reference, HTTP status, OCI error code), without the hint. */
	locate(): string {
		const where = [
			this.repository && `${this.registry ?? ''}/${this.repository}`.replace(/^\//, ''),
			this.reference && `reference ${this.reference}`,
			this.status !== null && `HTTP ${this.status}`,
			this.code && this.code,
		].filter(Boolean);
		return `${this.message}${where.length ? ` (${where.join(', ')})` : ''}`;
	}

	/** One line for logs and summaries: what, where, and the hint. */
	describe(): string {
		return `${this.locate()}. Hint: ${this.hint}`;
	}
}

/** True for failures worth another attempt: throttling, server errors, network faults and timeouts. */
export function isTransient(error: unknown): boolean {
	if (!(error instanceof RegistryError)) return false;
	if (error.kind === 'network' || error.kind === 'timeout') return true;
	return error.kind === 'http' && error.status !== null && (error.status === 429 || error.status >= 500);
}

/** True for a body that failed its check (wrong digest, unreadable JSON): damage on the way, worth another attempt. */
export function isDamagedBody(error: unknown): boolean {
	return error instanceof RegistryError && (error.kind === 'digest' || error.kind === 'json');
}
