import type { Verification } from '../images/model.ts';
import { COSIGN_SIGN_PREDICATE_TYPE } from '../attestations/in-toto.ts';
import { PREDICATE_LABELS } from './commands.ts';
import type { BadgeTone, FactBadgeModel } from './fact-badge.ts';
import { formatDateTime } from './values.ts';

/** The rule behind the "Verified" badge, in the words the pages show. */
export const VERIFIED_RULE =
	'Verified only when a signature or signed attestation of this digest chains to the trust root, is proven by a transparency-log entry, covers this digest, and was made by the identity and issuer the registry’s signing policy expects. Checked offline when the image data was synced.';

/** Badge text and colour of each outcome: only `verified` is green; a failure or a missing signature is a warning. */
const STATUS_BADGES: Record<Verification['status'], { text: string; tone: BadgeTone }> = {
	verified: { text: 'Verified', tone: 'success' },
	failed: { text: 'Verification failed', tone: 'caution' },
	unsigned: { text: 'Not signed', tone: 'caution' },
	'not-checked': { text: 'Signature not checked', tone: 'default' },
};

/** The catalog filter's words for each outcome, in the order the filter lists them. */
export const VERIFICATION_FILTER_LABELS: Record<Verification['status'], string> = {
	verified: 'Verified',
	failed: 'Verification failed',
	unsigned: 'Not signed',
	'not-checked': 'Not checked',
};

/** A labelled fact about a verification, for a definition list. */
export interface VerificationDetail {
	label: string;
	value: string;
	/** Show as code (identities, digests, ids). */
	code: boolean;
}

/** How a page shows one verification outcome: a badge, one sentence, and the details behind it. */
export interface VerificationView {
	status: Verification['status'];
	badge: FactBadgeModel;
	/** What was checked and what came out, in one sentence; failures give their reason. */
	sentence: string;
	/** Reason code of a failed or unchecked outcome, for readers who search for it; null when verified or unsigned. */
	reasonCode: string | null;
	details: VerificationDetail[];
}

/** What kind of signature an outcome is about, in words: the format and, for attestations, the predicate. */
export function signatureKind(outcome: Pick<Verification, 'format' | 'predicateType'>): string {
	const predicate = outcome.predicateType;
	const what =
		predicate === COSIGN_SIGN_PREDICATE_TYPE
			? 'cosign signature'
			: predicate
				? `${PREDICATE_LABELS[predicate] ?? predicate} attestation`
				: 'signature';
	switch (outcome.format) {
		case 'cosign-signature':
			return 'cosign signature (.sig tag)';
		case 'cosign-attestation':
			return `${what} (cosign .att tag)`;
		case 'dsse-envelope':
			return `${what} (bare DSSE envelope, OCI referrer)`;
		case null:
			return what;
		default:
			return `${what} (Sigstore bundle ${outcome.format.replace('sigstore-bundle-', '')}, OCI referrer)`;
	}
}

/** The badge of an outcome, with the rule and the outcome's reason as its tooltip. */
export function verificationBadge(outcome: Verification): FactBadgeModel {
	const { text, tone } = STATUS_BADGES[outcome.status];
	return { text, tone, title: outcome.reason ? `${outcome.reason.message} ${VERIFIED_RULE}` : VERIFIED_RULE };
}

/**
 * The view of an outcome for the digest named `subject` ("the index digest", "the image digest"): for a verified one
 * what was verified, by whom, when it was logged and against which trust root; for any other the reason.
 */
export function verificationView(outcome: Verification, subject: string): VerificationView {
	const details: VerificationDetail[] = [];
	if (outcome.format) details.push({ label: 'What was checked', value: signatureKind(outcome), code: false });
	if (outcome.identity) details.push({ label: 'Signed by', value: outcome.identity, code: true });
	if (outcome.issuer) details.push({ label: 'Identity issuer', value: outcome.issuer, code: true });
	if (outcome.transparencyLog) {
		const { logIndex, integratedTime } = outcome.transparencyLog;
		const when = formatDateTime(integratedTime);
		details.push({
			label: 'Transparency log',
			value: when ? `entry ${logIndex}, logged ${when}` : `entry ${logIndex}`,
			code: false,
		});
	}
	if (outcome.trustRoot)
		details.push({ label: 'Trust root', value: `${outcome.trustRoot.name} (${outcome.trustRoot.id})`, code: false });
	return {
		status: outcome.status,
		badge: verificationBadge(outcome),
		sentence: sentence(outcome, subject),
		reasonCode: outcome.status === 'failed' || outcome.status === 'not-checked' ? (outcome.reason?.code ?? null) : null,
		details,
	};
}

/** The sentence after the badge, which already says the outcome: what was checked, and what came out or why not. */
function sentence(outcome: Verification, subject: string): string {
	switch (outcome.status) {
		case 'verified': {
			const when = formatDateTime(outcome.transparencyLog?.integratedTime ?? null);
			return `The ${signatureKind(outcome)} of ${subject} was made by ${outcome.identity}${when ? `, logged ${when}` : ''}, and chains to the ${outcome.trustRoot?.name} trust root.`;
		}
		case 'failed':
			return `Checked the ${signatureKind(outcome)} of ${subject}: ${outcome.reason?.message ?? 'no reason recorded.'}`;
		case 'unsigned':
			return `No signature or signed attestation refers to ${subject}.`;
		case 'not-checked':
			return outcome.reason?.message ?? 'No reason recorded.';
	}
}
