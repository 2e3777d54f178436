import type { ReasonCode } from './outcome.ts';

/** Why an artifact fails verification, thrown inside the verifier and turned into a `failed` outcome at its edge. */
export class Rejection extends Error {
	readonly code: ReasonCode;

	constructor(code: ReasonCode, message: string) {
		super(message);
		this.name = 'Rejection';
		this.code = code;
	}
}
