import { z } from 'zod';
import { lenient, lenientText } from './json.ts';

const stringList = lenient(z.array(z.string()));

/** apko's locked image configuration (predicate https://apko.dev/image-configuration), the fields the site reads. */
const apkoConfigurationSchema = z.looseObject({
	contents: lenient(
		z.looseObject({
			/** Packages installed, with their pinned versions when the configuration is locked. */
			packages: stringList,
			/** APK repositories the packages come from. */
			repositories: stringList,
		}),
	),
	/** Accounts; `run-as` is the user the container starts as. */
	accounts: lenient(z.looseObject({ 'run-as': lenientText })),
	/** The entrypoint as a command, or as a shell fragment. */
	entrypoint: lenient(z.looseObject({ command: lenientText, 'shell-fragment': lenientText })),
	cmd: lenientText,
	'work-dir': lenientText,
	/** Architectures the image was built for, in apko's names (x86_64, aarch64). */
	archs: stringList,
});

export type ApkoConfiguration = z.infer<typeof apkoConfigurationSchema>;

/** Read apko's image configuration; anything apko did not set, or set in another shape, reads as null. */
export function parseApkoConfiguration(predicate: unknown): ApkoConfiguration {
	const parsed = apkoConfigurationSchema.safeParse(predicate);
	return parsed.success ? parsed.data : apkoConfigurationSchema.parse({});
}
